// Clause detector: a compact linear model (trained on CLAUDETTE by scripts/train.ts) for the
// eight CLAUDETTE categories, plus precise rules (rules.ts) for formulaic wordings and for the
// privacy/AI categories. Pure: no DOM, no storage, no node: imports.

import type { FoundClause, Severity } from './types';
import type { Sentence, TextModel } from './text';
import { normalizeForMatch } from './text-chars';
import { featuresOfTokens, tokens } from './detect-features';
import { scoreFeatures, shippedModel, type LoadedModel } from './detect-model';
import { RULES, triggeredRules, type Rule } from './rules';
import { getCategory } from './taxonomy';
import { clauseId } from './ids';

export interface DetectOptions {
  /** Probability a model category must reach; default 0.5, the operating point the eval measures. */
  threshold?: number;
  /** Only these category ids. */
  categories?: readonly string[];
  /** Internal/testing: use rules only, or the model only. */
  use?: 'both' | 'model' | 'rules';
  /** Internal/testing: a different model (e.g. one fold of cross-validation). */
  model?: LoadedModel;
}

export const DEFAULT_THRESHOLD = 0.5;

export const MODEL_VERSION: string = shippedModel().file.version;

/** Sentences shorter than this (after trimming) are headings or fragments, never clauses. */
const MIN_CHARS = 12;

function severityOf(category: string, rule?: Rule): Severity {
  return rule?.severity ?? getCategory(category)?.defaultSeverity ?? 'medium';
}

export function detectSentences(text: string, sentences: readonly Sentence[], opts: DetectOptions = {}): FoundClause[] {
  const model = opts.model ?? shippedModel();
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const use = opts.use ?? 'both';
  const only = opts.categories ? new Set(opts.categories) : null;
  const modelCats = new Set(model.categories);
  const probs = new Float64Array(model.categories.length);
  const out: FoundClause[] = [];

  for (const s of sentences) {
    if (s.end - s.start < MIN_CHARS) continue;
    const raw = text.slice(s.start, s.end);
    const norm = normalizeForMatch(raw);
    const found = new Map<string, FoundClause>();
    const add = (category: string, confidence: number, source: 'detector' | 'rule', rule?: Rule): void => {
      if (only && !only.has(category)) return;
      const prev = found.get(category);
      if (prev && prev.confidence >= confidence) return;
      const clause: FoundClause = {
        id: clauseId(category, raw), start: s.start, end: s.end, category,
        severity: severityOf(category, rule), confidence: Math.round(confidence * 1000) / 1000, source,
      };
      if (rule) clause.label = rule.name;
      found.set(category, clause);
    };

    const toks = tokens(norm);
    if (use !== 'rules' && model.categories.length > 0) {
      scoreFeatures(model, featuresOfTokens(toks), probs);
      for (let c = 0; c < probs.length; c++) {
        const p = probs[c] as number;
        if (p >= threshold) add(model.categories[c] as string, p, 'detector');
      }
    }
    if (use !== 'model') {
      for (const r of triggeredRules(toks)) {
        const rule = RULES[r] as Rule;
        // Where the model covers a category it decides; rules there only fill in when asked to.
        if (use === 'both' && !rule.fill && modelCats.has(rule.category)) continue;
        if (!rule.pattern.test(norm)) continue;
        if (rule.unless && rule.unless.test(norm)) continue;
        add(rule.category, rule.confidence, 'rule', rule);
      }
    }
    for (const c of found.values()) out.push(c);
  }
  return out;
}

export function detect(model: TextModel, opts?: DetectOptions): FoundClause[] {
  return detectSentences(model.text, model.sentences, opts);
}
