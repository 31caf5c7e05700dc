// Locate known clause quotes (ToS;DR) in a policy text: the archived OTA markdown at build time,
// the live page text in the content script.
//
// Quotes and pages disagree on everything but the words: whitespace, case, curly quotes, dashes,
// markdown emphasis and link targets, HTML remnants, diacritics. So both sides are reduced to a
// "skeleton" of lower-cased letters and digits only, with a map back to the original offsets.
// Exact skeleton search handles almost every quote; small edits (a word changed since ToS;DR
// quoted it) are handled by a fuzzy pass: distinctive n-grams vote for a start, then a banded
// edit-distance alignment checks similarity ≥ MIN_SIMILARITY.

import type { Span } from './types';

export const MIN_SIMILARITY = 0.85;
/** Quotes shorter than this (in skeleton chars) must match exactly: fuzzy matches would be noise. */
const MIN_FUZZY_LENGTH = 40;
/** Longer quotes are aligned on their first part only, to bound the cost. */
const MAX_ALIGN_LENGTH = 3000;
const GRAM = 12;
const GRAMS_PER_QUOTE = 8;

export interface Skeleton {
  /** Lower-cased letters and digits of the text, in order. */
  chars: string;
  /** For each skeleton char, its UTF-16 offset in the original text. */
  offsets: Uint32Array;
}

/** Spans that carry no prose: markdown link/image targets, HTML tags, entities. */
const NOISE = /\]\([^)\s]*(?:\s+"[^"]*")?\)|<\/?[a-zA-Z][^<>]{0,300}>|&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});/g;

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 128) {
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return c;
    return '';
  }
  const base = c.normalize('NFD').charAt(0).toLowerCase();
  return base.length === 1 && /[\p{L}\p{N}]/u.test(base) ? base : '';
}

export function skeleton(text: string): Skeleton {
  const out: string[] = [];
  const offsets = new Uint32Array(text.length);
  let n = 0;
  let skipUntil = -1;
  NOISE.lastIndex = 0;
  let noise = NOISE.exec(text);
  for (let i = 0; i < text.length; i++) {
    while (noise && noise.index + noise[0].length <= i) noise = NOISE.exec(text);
    if (noise && i >= noise.index) {
      // Keep the "]" of "](url)" out of the skip: it is punctuation anyway.
      skipUntil = noise.index + noise[0].length;
    }
    if (i < skipUntil) continue;
    const f = foldChar(text.charAt(i));
    if (f) {
      out.push(f);
      offsets[n++] = i;
    }
  }
  return { chars: out.join(''), offsets: offsets.slice(0, n) };
}

function toSpan(sk: Skeleton, start: number, endExclusive: number): Span {
  return { start: sk.offsets[start] as number, end: (sk.offsets[endExclusive - 1] as number) + 1 };
}

/**
 * Semi-global alignment of `q` inside `w`: the fewest edits turning q into some substring of w.
 * Returns that distance and the substring's [start, end) in w.
 */
function align(q: string, w: string): { dist: number; start: number; end: number } {
  const m = q.length;
  const n = w.length;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  let prevStart = new Int32Array(n + 1);
  let curStart = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prevStart[j] = j; // free leading gap in w
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    curStart[0] = 0;
    const qc = q.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = (prev[j - 1] as number) + (qc === w.charCodeAt(j - 1) ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      if (sub <= del && sub <= ins) {
        cur[j] = sub;
        curStart[j] = prevStart[j - 1] as number;
      } else if (del <= ins) {
        cur[j] = del;
        curStart[j] = prevStart[j] as number;
      } else {
        cur[j] = ins;
        curStart[j] = curStart[j - 1] as number;
      }
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  let best = 0;
  for (let j = 1; j <= n; j++) if ((prev[j] as number) < (prev[best] as number)) best = j;
  return { dist: prev[best] as number, start: prevStart[best] as number, end: best };
}

/** Start positions (in text skeleton) voted for by the quote's n-grams, most votes first. */
function candidateStarts(text: string, q: string): number[] {
  const votes = new Map<number, number>();
  const step = Math.max(1, Math.floor((q.length - GRAM) / (GRAMS_PER_QUOTE - 1)));
  for (let k = 0, at = 0; k < GRAMS_PER_QUOTE && at + GRAM <= q.length; k++, at += step) {
    const gram = q.slice(at, at + GRAM);
    let hits = 0;
    for (let p = text.indexOf(gram); p !== -1 && hits < 50; p = text.indexOf(gram, p + 1), hits++) {
      // Bucket nearby starts together: edits before the gram shift it a little.
      const bucket = Math.round((p - at) / 32);
      votes.set(bucket, (votes.get(bucket) ?? 0) + 1);
    }
  }
  return [...votes.entries()]
    .filter(([, v]) => v >= 2)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 3)
    .map(([bucket]) => bucket * 32);
}

function anchorSkeleton(sk: Skeleton, quote: string): Span | null {
  const q = skeleton(quote).chars;
  if (q.length === 0) return null;
  const exact = sk.chars.indexOf(q);
  if (exact !== -1) return toSpan(sk, exact, exact + q.length);
  if (q.length < MIN_FUZZY_LENGTH) return null;
  const qa = q.length > MAX_ALIGN_LENGTH ? q.slice(0, MAX_ALIGN_LENGTH) : q;
  const slack = Math.ceil(qa.length * (1 - MIN_SIMILARITY)) + 32;
  let best: { sim: number; start: number; end: number } | null = null;
  for (const guess of candidateStarts(sk.chars, qa)) {
    const from = Math.max(0, guess - slack);
    const to = Math.min(sk.chars.length, guess + qa.length + slack);
    const a = align(qa, sk.chars.slice(from, to));
    const sim = 1 - a.dist / qa.length;
    if (sim >= MIN_SIMILARITY && (!best || sim > best.sim) && a.end > a.start) {
      best = { sim, start: from + a.start, end: from + a.end };
    }
  }
  if (!best) return null;
  let end = best.end;
  // A truncated long quote: extend by the unaligned remainder so the span covers the whole clause.
  if (qa.length < q.length) end = Math.min(sk.chars.length, end + (q.length - qa.length));
  return toSpan(sk, best.start, end);
}

/** Where `quote` occurs in `text`, as UTF-16 offsets into `text`; null when it is not there. */
export function anchorQuote(text: string, quote: string): Span | null {
  return anchorSkeleton(skeleton(text), quote);
}

/** Many quotes into one text: the text's skeleton is built once. */
export function anchorQuotes(text: string, quotes: readonly string[]): (Span | null)[] {
  const sk = skeleton(text);
  return quotes.map((q) => anchorSkeleton(sk, q));
}

/** Similarity (0..1) of two passages after skeleton normalisation, for checks and tests. */
export function passageSimilarity(a: string, b: string): number {
  const sa = skeleton(a).chars;
  const sb = skeleton(b).chars;
  if (sa.length === 0 || sb.length === 0) return sa === sb ? 1 : 0;
  if (sa === sb) return 1;
  const [short, long] = sa.length <= sb.length ? [sa, sb] : [sb, sa];
  const d = align(short.slice(0, MAX_ALIGN_LENGTH), long.slice(0, MAX_ALIGN_LENGTH + 64)).dist;
  return Math.max(0, 1 - (d + (long.length - short.length)) / long.length);
}
