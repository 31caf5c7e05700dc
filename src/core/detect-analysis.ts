// Per-sentence analysis shared by detection and training (scripts/train), so both see exactly the
// same inputs: normalised text, tokens, matching rules, section context and the model's features.

import type { Sentence } from './text';
import { normalizeForMatch } from './text-chars';
import { addPrefixed, addTokenFeatures, headingWords, tokens } from './detect-features';
import { sectionContext, type SectionContext } from './detect-context';
import { matchingRules, RULES } from './rules';

/** Which context features the model uses; stored in the model file so detection matches training. */
export interface FeatureConfig {
  /** Content words of the heading the sentence sits under (`h:`), and of its block's run-in lead. */
  heading?: boolean;
  /** Unigrams of the previous / next sentence in the same block (`p:` / `n:`). */
  prev?: boolean;
  next?: boolean;
  /** Names of the matching rules (`r:`): the model learns how much to trust each rule. */
  rules?: boolean;
}

/** Sentences shorter than this (after trimming) are headings or fragments, never clauses. */
export const MIN_CHARS = 12;

export interface Analysis {
  norms: string[];
  toks: string[][];
  /** Matching rule indices per sentence (empty for skipped sentences). */
  rules: number[][];
  /** Model features per sentence (empty for skipped sentences). */
  feats: number[][];
  /** 1 = too short to be a clause, or a heading. */
  skip: Uint8Array;
  ctx: SectionContext;
}

export function analyse(text: string, sentences: readonly Sentence[], cfg: FeatureConfig = {}): Analysis {
  const n = sentences.length;
  const norms: string[] = new Array<string>(n);
  const toks: string[][] = new Array<string[]>(n);
  for (let i = 0; i < n; i++) {
    const s = sentences[i] as Sentence;
    norms[i] = normalizeForMatch(text.slice(s.start, s.end));
    toks[i] = tokens(norms[i] as string);
  }
  const ctx = sectionContext(text, sentences);
  const skip = new Uint8Array(n);
  const rules: number[][] = new Array<number[]>(n);
  const feats: number[][] = new Array<number[]>(n);
  const headWords = new Map<number, string[]>();
  const wordsOf = (h: number): string[] => {
    let w = headWords.get(h);
    if (!w) { w = headingWords(toks[h] as string[]); headWords.set(h, w); }
    return w;
  };
  for (let i = 0; i < n; i++) {
    const s = sentences[i] as Sentence;
    if (s.end - s.start < MIN_CHARS || ctx.isHeading[i]) {
      skip[i] = 1;
      rules[i] = [];
      feats[i] = [];
      continue;
    }
    const t = toks[i] as string[];
    const hits = matchingRules(norms[i] as string, t);
    rules[i] = hits;
    const set = new Set<number>();
    addTokenFeatures(set, t);
    if (cfg.heading) {
      const h = ctx.heading[i] as number;
      if (h >= 0) addPrefixed(set, 'h:', wordsOf(h));
      const l = ctx.lead[i] as number;
      if (l >= 0) addPrefixed(set, 'h:', wordsOf(l));
    }
    if (cfg.prev && i > 0 && (sentences[i - 1] as Sentence).block === s.block) addPrefixed(set, 'p:', toks[i - 1] as string[]);
    if (cfg.next && i + 1 < n && (sentences[i + 1] as Sentence).block === s.block) addPrefixed(set, 'n:', toks[i + 1] as string[]);
    if (cfg.rules) for (const r of hits) addPrefixed(set, 'r:', [(RULES[r] as { name: string }).name]);
    feats[i] = [...set];
  }
  return { norms, toks, rules, feats, skip, ctx };
}
