// Sentence features for the linear model, shared by training (scripts/train) and detection so
// both see exactly the same tokens: hashed word unigrams and bigrams of the normalised sentence.

import { normalizeForMatch } from './text-chars';

/** Number of hash buckets; a power of two so `& MASK` replaces `%`. */
export const FEATURE_BITS = 20;
const MASK = (1 << FEATURE_BITS) - 1;

const TOKEN = /[a-z]+(?:'[a-z]+)?|\d+/g;

function hashWord(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) {
    h ^= w.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Tokens of a normalised sentence; numbers fold to one token so amounts and dates generalise. */
export function tokens(normalized: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(normalized); m !== null; m = TOKEN.exec(normalized)) {
    const t = m[0];
    out.push(t.charCodeAt(0) <= 0x39 ? '<num>' : t);
  }
  return out;
}

/** Distinct feature buckets of a raw sentence (unigrams, bigrams, and a bias-free length cue). */
export function features(rawSentence: string): number[] {
  return featuresOfTokens(tokens(normalizeForMatch(rawSentence)));
}

export function featuresOfTokens(toks: readonly string[]): number[] {
  const set = new Set<number>();
  addTokenFeatures(set, toks);
  return [...set];
}

/** Adds the sentence's own features (unigrams, bigrams, length cue) to `set`. */
export function addTokenFeatures(set: Set<number>, toks: readonly string[]): void {
  let prev = hashWord('<s>');
  for (const t of toks) {
    const h = hashWord(t);
    set.add(h & MASK);
    // Bigram: mix the two word hashes (order matters) into a different bucket than either word.
    set.add((Math.imul(prev ^ 0x9e3779b9, 0x85ebca6b) ^ h) >>> 0 & MASK);
    prev = h;
  }
  set.add((Math.imul(prev ^ 0x9e3779b9, 0x85ebca6b) ^ hashWord('</s>')) >>> 0 & MASK);
  // Very short lines (headings such as "Governing law") behave differently from clauses.
  set.add(hashWord(toks.length < 6 ? '<short>' : toks.length > 60 ? '<long>' : '<mid>') & MASK);
}

/** Context words (heading, neighbours, rule hits): unigrams under a prefix such as `h:`. */
export function addPrefixed(set: Set<number>, prefix: string, toks: readonly string[]): void {
  for (const t of toks) set.add(hashWord(prefix + t) & MASK);
}

/** Words that carry no section meaning (kept out of heading features). */
const STOP = new Set(['the', 'of', 'and', 'to', 'a', 'an', 'in', 'on', 'for', 'or', 'by', 'with', 'your', 'our', 'you', 'we', 'us', 'this', 'these', '<num>', 'i', 'ii', 'iii', 'iv', 'v', 'b', 'c', 'd', 'e', 'f']);

/** Distinct content words of a heading, e.g. "12. LIMITATION OF LIABILITY" → limitation, liability. */
export function headingWords(toks: readonly string[]): string[] {
  return [...new Set(toks.filter((t) => !STOP.has(t)))];
}

/** Heading word bigrams under a prefix. */
export function addPrefixedBigrams(set: Set<number>, prefix: string, toks: readonly string[]): void {
  for (let i = 1; i < toks.length; i++) set.add(hashWord(`${prefix}${toks[i - 1] as string} ${toks[i] as string}`) & MASK);
}

/** Word-internal character features (`c:`): robust to inflection and derivation. */
export function addCharFeatures(set: Set<number>, toks: readonly string[], mode: 'prefix' | 'ngrams'): void {
  for (const t of toks) {
    if (t.length <= 5 || t === '<num>') continue;
    if (mode === 'prefix') { set.add(hashWord('c:' + t.slice(0, 5)) & MASK); continue; }
    const w = `<${t}>`;
    for (let n = 4; n <= 5; n++) for (let i = 0; i + n <= w.length; i++) set.add(hashWord('c:' + w.slice(i, i + n)) & MASK);
  }
}
