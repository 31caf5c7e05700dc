// Clause detector: a compact linear model (trained on CLAUDETTE by scripts/train.ts) for the
// eight CLAUDETTE categories, plus precise rules (rules.ts) for formulaic wordings and for the
// privacy/AI categories. Sentences are scored with their section context (the heading they sit
// under, their neighbours); consecutive positive sentences of one category in the same block are
// reported as one clause span. Pure: no DOM, no storage, no node: imports.

import type { FoundClause, Severity } from './types';
import type { Sentence, TextModel } from './text';
import { analyse } from './detect-analysis';
import { scoreFeatures, shippedModel, type LoadedModel } from './detect-model';
import { RULES, type Rule } from './rules';
import { getCategory } from './taxonomy';
import { clauseId } from './ids';
import { continues } from './detect-spans';
import { minorReading, notThisCategory, protectiveReading, restatedCategory } from './detect-veto';
import { privacyHits, privacyFeatures, notAClause, headingLike, stanceSeverity, shippedPrivacyModel, RULE_DECIDED, type LoadedPrivacyModel } from './detect-privacy';

export interface DetectOptions {
  /** Probability a model category must reach; default 0.5, the operating point the eval measures. */
  threshold?: number;
  /** Only these category ids. */
  categories?: readonly string[];
  /** Internal/testing: use rules only, or the model only. */
  use?: 'both' | 'model' | 'rules';
  /** Internal/testing: a different model (e.g. one fold of cross-validation). */
  model?: LoadedModel;
  /** Internal/testing: report every positive sentence on its own instead of merged runs. */
  merge?: boolean;
  /** Internal/testing: a different privacy topic + stance model (e.g. one fold of cross-validation). */
  privacy?: LoadedPrivacyModel;
  /** Whether the text is a privacy policy (default: `isPrivacyDocument(text)`). */
  privacyDocument?: boolean;
}

export const DEFAULT_THRESHOLD = 0.5;
// A privacy policy names itself ("this Privacy Policy", "our privacy notice") far more often than it
// names terms of service; terms do the reverse. On the English Open Terms Archive texts of the
// shared data: 318 of 408 privacy documents pass, 5 of 543 terms documents do (a document that
// fails keeps the stricter per-sentence checks below).
const NAMES_PRIVACY = /\b(privacy\s+(policy|notice|statement|policies|centre|center)|data\s+(protection|privacy)\s+(policy|notice|statement)|cookies?\s+(policy|notice|statement))\b/g;
const NAMES_TERMS = /\b((terms|conditions)\s+(of|and)\s+(service|use|sale)|these\s+terms|this\s+agreement|user\s+agreement|terms\s+and\s+conditions)\b/g;

/** Whether a whole text reads as a privacy policy (it names itself one, and terms far less). */
export function isPrivacyDocument(text: string): boolean {
  // The page's text is read once and detected twice (the sections on screen, then the whole): the
  // answer for the last text is kept.
  if (text === lastText) return lastAnswer;
  const lower = text.toLowerCase();
  const p = lower.match(NAMES_PRIVACY)?.length ?? 0;
  lastText = text;
  lastAnswer = p >= 2 && p > 2 * (lower.match(NAMES_TERMS)?.length ?? 0);
  return lastAnswer;
}
let lastText: string | undefined;
let lastAnswer = false;
const PRIVACY_WORDS = /\b(privacy|personal (data|information)|data protection|cookies?|this (notice|statement))\b/;
/** What a sharing clause shares: data of some kind (or a word standing for it). */
const DATA_WORDS = /\b(data|information|info|details|content|files?|messages?|communications|photos?|videos?|identifi\w*|ids?|profiles?|account|activit(y|ies)|usage|cookies?|e-?mails?|address(es)?|names?|locations?|histor(y|ies)|records?|metrics|statistics|reports?|insights|it|them|this|such)\b/;
/** The user's data named as such ("your information", "personal data", "customer content"). */
const PERSONAL_DATA = /\b(your|user'?s?|users'|personal|customers?'?s?|members?'?s?|their|individuals'?) ([a-z-]+ ){0,2}(data|information|info|details|content|files|messages|communications|photos|videos|profiles?|activity|usage|identifiers)\b/;
/** A section about information and its disclosure ("How we share information", "Disclosure of your data"). */
const SHARING_SECTION = /\b(information|data|shar\w*|disclos\w*|privacy|personal|recipients?|third part(y|ies))\b/;
/** Not the service sharing your data: a contract's confidentiality duty ("each party will hold
 * Confidential Information in confidence"), a duty or prohibition on the user or developer ("you
 * may not disclose a user's information"), and sharing the user does themselves ("features that
 * allow you to share your stuff with others", "you choose which Recipients you share with"). */
const NOT_SHARING = /\bconfidential information\b|^(you|developers?|licensees?|each party|the receiving party|neither party)\b[^.;]{0,40}\b(shall|will|may|must|agree to)( not)? (not )?(disclose|share|distribute)\b|\b(allow|allows|enable|enables|let|lets|help|helps) you (to )?share\b|\byou (choose|decide|can choose|may choose)\b[^.;]{0,40}\bshare\b/;
/** The user's own right to leave ("you can deactivate your membership at any time…") is not the
 * provider's unilateral termination, whatever words the two share. */
const USER_ENDS = /^(?:if [^,;]{0,100}, )?you (?:can|may|are free to|have the right to|are entitled to)(?: [a-z]+){0,3}? (?:cancel|deactivate|terminate|delete|close|end|stop using)\b/;

export const MODEL_VERSION: string = shippedModel().file.version;

function severityOf(category: string, rule?: Rule): Severity {
  return rule?.severity ?? getCategory(category)?.defaultSeverity ?? 'medium';
}

/** One positive sentence for one category. */
interface Hit { i: number; category: string; confidence: number; source: 'detector' | 'rule'; rule?: Rule; severity: Severity }

/**
 * Clauses in `sentences` (a slice of `segment(text).sentences`, in text order). Context (headings,
 * neighbours) is derived from the sentences given, so pass a whole document, or use
 * `detectClauses`, for the same result the eval measures; slices give nearly the same result.
 */
export function detectSentences(text: string, sentences: readonly Sentence[], opts: DetectOptions = {}): FoundClause[] {
  const model = opts.model ?? shippedModel();
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const use = opts.use ?? 'both';
  const only = opts.categories ? new Set(opts.categories) : null;
  const k = model.categories.length;
  const modelCat = new Map(model.categories.map((c, i) => [c, i]));
  const ruleOn = model.file.categories.map((c) => (c.rules ? new Set(c.rules) : null));
  const privacy = opts.privacy ?? shippedPrivacyModel();
  const a = analyse(text, sentences, model.file.context ?? {});
  const probs = new Float64Array(k);
  const privacyProbs = new Float64Array(privacy.topics.categories.length);
  const hits: Hit[] = [];
  // Per model category, the section (heading index) whose first rule match was already taken.
  const ruleSection = new Map<string, number>();

  // In a privacy policy every sentence is about privacy, and what it shares is the user's data.
  const privacyDoc = opts.privacyDocument ?? isPrivacyDocument(text);
  const aboutPrivacy = (i: number): boolean => {
    if (privacyDoc) return true;
    const h = a.ctx.heading[i] as number;
    return PRIVACY_WORDS.test(a.norms[i] as string) || (h >= 0 && PRIVACY_WORDS.test(a.norms[h] as string));
  };
  // Sharing needs something shared: a data word, and either the user's data named as such or a
  // section about information or its disclosure (a terms-of-service clause naming "third parties"
  // in an assignment, release or payment clause is not sharing); never a confidentiality duty, a
  // duty on the user, or sharing the user does themselves.
  const sharesData = (i: number): boolean => {
    const norm = a.norms[i] as string;
    if (!DATA_WORDS.test(norm) || NOT_SHARING.test(norm)) return false;
    if (privacyDoc) return true;
    const h = a.ctx.heading[i] as number;
    return PERSONAL_DATA.test(norm) || (h >= 0 && SHARING_SECTION.test(a.norms[h] as string));
  };
  for (let i = 0; i < sentences.length; i++) {
    if (a.skip[i]) continue;
    const best = new Map<string, Hit>();
    const add = (h: Hit): void => {
      const instead = restatedCategory(h.category, a.norms[i] as string);
      if (instead) h = { ...h, category: instead, severity: severityOf(instead) };
      if (only && !only.has(h.category)) return;
      if (notThisCategory(h.category, a.norms[i] as string, privacyDoc)) return;
      if (h.severity !== 'good' && protectiveReading(h.category, a.norms[i] as string)) h = { ...h, severity: 'good' };
      else if (h.severity === 'medium' && minorReading(h.category, a.norms[i] as string)) h = { ...h, severity: 'low' };
      else if (h.severity === 'high' && minorReading(h.category, a.norms[i] as string)) h = { ...h, severity: 'medium' };
      const prev = best.get(h.category);
      if (prev && (prev.source === 'detector' || prev.confidence >= h.confidence)) return;
      best.set(h.category, h);
    };
    if (use !== 'rules' && k > 0) {
      scoreFeatures(model, a.feats[i] as number[], probs);
      for (let c = 0; c < k; c++) {
        const p = probs[c] as number;
        const category = model.categories[c] as string;
        if (p < threshold) continue;
        if (category === 'unilateral-termination' && USER_ENDS.test(a.norms[i] as string)) continue;
        add({ i, category, confidence: p, source: 'detector', severity: severityOf(category) });
      }
    }
    const s = sentences[i] as Sentence;
    const alone = (i === 0 || (sentences[i - 1] as Sentence).block !== s.block) && (i + 1 >= sentences.length || (sentences[i + 1] as Sentence).block !== s.block);
    const fragment = notAClause(a.norms[i] as string, a.toks[i] as string[]) || headingLike(text.slice(s.start, s.end), (a.toks[i] as string[]).length, alone);
    if (use !== 'rules' && !fragment) {
      const prevToks = i > 0 && (sentences[i - 1] as Sentence).block === s.block ? (a.toks[i - 1] as string[]) : null;
      const pf = privacyFeatures(a.feats[i] as number[], a.toks[i] as string[], prevToks, privacy.file.extra);
      for (const h of privacyHits(privacy, pf, a.toks[i] as string[], a.norms[i] as string, (c) => severityOf(c), privacyProbs, only, a.rules[i] as number[], threshold)) {
        // A category both models know (changes to the document): in terms of service the CLAUDETTE
        // model decides; the privacy model speaks only about a privacy document's own changes.
        if (modelCat.has(h.category) && !aboutPrivacy(i)) continue;
        // Sharing is about data: "third parties" in an assignment, release or payment clause is not.
        if (h.category === 'data-sharing' && !sharesData(i)) continue;
        add({ i, category: h.category, confidence: h.confidence, source: 'detector', severity: h.severity });
      }
    }
    if (use !== 'model') {
      for (const r of a.rules[i] as number[]) {
        const rule = RULES[r] as Rule;
        // The privacy categories are decided by their learned topic and stance models; their
        // rules are features there (`r:`), never clauses on their own.
        if (use === 'both' && privacy.learned.has(rule.category)) continue;
        const c = modelCat.get(rule.category);
        // Definitions, links and list items name a practice without stating it.
        if (c === undefined && fragment) continue;
        if (use === 'both' && privacy.index.has(rule.category)) {
          // A privacy category too rare for its own model: the rule finds it, the stance model
          // decides whether it is a concern or a protection.
          const prevToks = i > 0 && (sentences[i - 1] as Sentence).block === s.block ? (a.toks[i - 1] as string[]) : null;
          const pf = privacyFeatures(a.feats[i] as number[], a.toks[i] as string[], prevToks, privacy.file.extra);
          let severity = rule.severity ?? stanceSeverity(privacy, pf, a.toks[i] as string[], a.norms[i] as string, rule.category, severityOf(rule.category));
          // A rule alone is never sure enough for high on sensitive data.
          if (severity === 'high' && RULE_DECIDED.has(rule.category)) severity = 'medium';
          add({ i, category: rule.category, confidence: rule.confidence, source: 'rule', rule, severity });
          continue;
        }
        // Where the model covers a category it decides; its rules only add where training found
        // them more precise than the model (per category, stored in the model file).
        if (use === 'both' && c !== undefined) {
          if (!(ruleOn[c] ? ruleOn[c].has(rule.name) : rule.fill)) continue;
          // CLAUDETTE tags a clause's main statement, not every sentence of an arbitration or
          // liability section that repeats its words: a rule alone marks the first one per section.
          const section = a.ctx.heading[i] as number;
          if (ruleSection.get(rule.category) === section) continue;
          ruleSection.set(rule.category, section);
        }
        add({ i, category: rule.category, confidence: rule.confidence, source: 'rule', rule, severity: severityOf(rule.category, rule) });
      }
    }
    for (const h of best.values()) hits.push(h);
  }
  const gap = opts.merge === false ? -1 : model.file.mergeGap ?? 0;
  return toClauses(text, sentences, hits, gap, a.ctx.heading);
}

/**
 * Merges positive sentences of one category (and severity) into one clause span when they are
 * adjacent in the same block, or at most `gap` sentences apart in the same section (gap < 0: no
 * merging). CLAUDETTE tags a clause's main sentences while its neighbours explain them; a clause
 * that runs over several sentences reads better, and is counted, as one highlight.
 */
function toClauses(text: string, sentences: readonly Sentence[], hits: readonly Hit[], gap: number, heading: Int32Array): FoundClause[] {
  const open = new Map<string, { first: Hit; last: Hit; conf: number; detector: boolean; rule?: Rule }>();
  const out: { at: number; clause: FoundClause }[] = [];
  const close = (key: string): void => {
    const run = open.get(key);
    if (!run) return;
    open.delete(key);
    const s0 = sentences[run.first.i] as Sentence;
    const s1 = sentences[run.last.i] as Sentence;
    const clause: FoundClause = {
      id: clauseId(run.first.category, text.slice(s0.start, s1.end)), start: s0.start, end: s1.end,
      category: run.first.category, severity: run.first.severity,
      confidence: Math.round(run.conf * 1000) / 1000, source: run.detector ? 'detector' : 'rule',
    };
    if (run.rule) clause.label = run.rule.name;
    out.push({ at: run.first.i, clause });
  };
  for (const h of hits) {
    const key = `${h.category}\u0000${h.severity}`;
    const run = open.get(key);
    if (run && gap >= 0 && continues(sentences, heading, run.last.i, h.i, gap)) {
      run.last = h;
      run.conf = Math.max(run.conf, h.confidence);
      run.detector ||= h.source === 'detector';
      run.rule ??= h.rule;
      continue;
    }
    close(key);
    open.set(key, { first: h, last: h, conf: h.confidence, detector: h.source === 'detector', ...(h.rule ? { rule: h.rule } : {}) });
  }
  for (const key of [...open.keys()]) close(key);
  // Stable order: by first sentence, then in the order categories were found.
  return out.sort((x, y) => x.at - y.at).map((x) => x.clause);
}

/** Clauses of a whole segmented document: the entry point for the content script and the CLI. */
export function detectClauses(model: TextModel, opts?: DetectOptions): FoundClause[] {
  return detectSentences(model.text, model.sentences, opts);
}

export function detect(model: TextModel, opts?: DetectOptions): FoundClause[] {
  return detectClauses(model, opts);
}
