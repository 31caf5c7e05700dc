// Per-sentence analysis shared by detection and training (scripts/train), so both see exactly the
// same inputs: normalised text, tokens, matching rules, section context and the model's features.

import type { Sentence } from './text';
import { normalizeForMatch } from './text-chars';
import { addCharFeatures, addPrefixed, addPrefixedBigrams, addTokenFeatures, headingWords, tokens } from './detect-features';
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
  /** Word-internal character features for morphology ("terminate", "termination"): 'prefix' =
   * the first 5 letters of words longer than 5 (`c:`); 'ngrams' = character 4- and 5-grams. */
  chars?: 'prefix' | 'ngrams';
  /** Content words of the parent heading (the nearest heading of a higher level, `g:`). */
  parent?: boolean;
  /** Bigrams of the heading words (`hb:`). */
  headingBigrams?: boolean;
  /** Position in the section: first sentence under the heading, first of its block (`pos:`). */
  position?: boolean;
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
    if (cfg.chars) addCharFeatures(set, t, cfg.chars);
    if (cfg.headingBigrams) {
      const h = ctx.heading[i] as number;
      if (h >= 0) addPrefixedBigrams(set, 'hb:', wordsOf(h));
    }
    if (cfg.parent) {
      const g = ctx.parent[i] as number;
      if (g >= 0) addPrefixed(set, 'g:', wordsOf(g));
    }
    if (cfg.position) {
      const h = ctx.heading[i] as number;
      let first = true;
      for (let q = i - 1; q > h && q >= 0; q--) if (!skip[q]) { first = false; break; }
      const blockFirst = !(i > 0 && (sentences[i - 1] as Sentence).block === s.block && !ctx.isHeading[i - 1]);
      addPrefixed(set, 'pos:', [h < 0 ? 'none' : first ? 'first' : 'later', blockFirst ? 'bfirst' : 'blater']);
    }
    if (cfg.prev && i > 0 && (sentences[i - 1] as Sentence).block === s.block) addPrefixed(set, 'p:', toks[i - 1] as string[]);
    if (cfg.next && i + 1 < n && (sentences[i + 1] as Sentence).block === s.block) addPrefixed(set, 'n:', toks[i + 1] as string[]);
    if (cfg.rules) for (const r of hits) addPrefixed(set, 'r:', [(RULES[r] as { name: string }).name]);
    feats[i] = [...set];
  }
  return { norms, toks, rules, feats, skip, ctx };
}
