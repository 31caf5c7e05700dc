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
const MIN_FUZZY_LENGTH = 80;
/** Longer quotes are aligned on their first part only, to bound the cost. */
const MAX_ALIGN_LENGTH = 3000;
const GRAM = 12;
const GRAMS_PER_QUOTE = 8;
/** A passage ≥ 85 % similar keeps most of its 12-grams; fewer votes than this is a coincidence. */
const MIN_VOTES = 3;

export interface Skeleton {
  /** Lower-cased letters and digits of the text, in order. */
  chars: string;
  /** For each skeleton char, its UTF-16 offset in the original text. */
  offsets: Uint32Array;
}

/** Spans that carry no prose: markdown link/image targets, HTML tags, entities. */
const NOISE = /\]\([^)\s]*(?:\s+"[^"]*")?\)|<\/?[a-zA-Z][^<>]{0,300}>|&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});/g;

/** Folded code unit: a-z / 0-9 / other letters and digits lower-cased without accents; 0 = drop. */
function foldCode(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) {
    if (code >= 65 && code <= 90) return code + 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return code;
    return 0;
  }
  let folded = FOLD_CACHE.get(code);
  if (folded === undefined) {
    const base = text.charAt(i).normalize('NFD').charAt(0).toLowerCase();
    folded = base.length === 1 && /[\p{L}\p{N}]/u.test(base) ? base.charCodeAt(0) : 0;
    FOLD_CACHE.set(code, folded);
  }
  return folded;
}

const FOLD_CACHE = new Map<number, number>();

export function skeleton(text: string): Skeleton {
  const out = new Uint16Array(text.length);
  const offsets = new Uint32Array(text.length);
  let n = 0;
  let skipUntil = -1;
  NOISE.lastIndex = 0;
  let noise = NOISE.exec(text);
  for (let i = 0; i < text.length; i++) {
    if (noise && i >= noise.index) {
      skipUntil = noise.index + noise[0].length;
      noise = NOISE.exec(text);
    }
    if (i < skipUntil) continue;
    const f = foldCode(text, i);
    if (f !== 0) {
      out[n] = f;
      offsets[n++] = i;
    }
  }
  let chars = '';
  for (let k = 0; k < n; k += 8192) chars += String.fromCharCode(...out.subarray(k, Math.min(n, k + 8192)));
  return { chars, offsets: offsets.slice(0, n) };
}

function toSpan(sk: Skeleton, start: number, endExclusive: number): Span {
  return { start: sk.offsets[start] as number, end: (sk.offsets[endExclusive - 1] as number) + 1 };
}

/**
 * Semi-global alignment of `q` inside `w`: the fewest edits turning q into some substring of w.
 * Returns that distance and the substring's [start, end) in w.
 */
function align(q: string, w: string, maxDist = Infinity): { dist: number; start: number; end: number } {
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
    // A row's minimum never decreases: once above the budget, no alignment can come back under it.
    if (maxDist !== Infinity) {
      let rowMin = prev[0] as number;
      for (let j = 1; j <= n; j++) if ((prev[j] as number) < rowMin) rowMin = prev[j] as number;
      if (rowMin > maxDist) return { dist: rowMin, start: 0, end: 0 };
    }
  }
  let best = 0;
  for (let j = 1; j <= n; j++) if ((prev[j] as number) < (prev[best] as number)) best = j;
  return { dist: prev[best] as number, start: prevStart[best] as number, end: best };
}

/** Hash buckets of the n-gram index (a power of two). */
const BUCKETS = 1 << 20;
const POW = (() => {
  let p = 1;
  for (let i = 0; i < GRAM - 1; i++) p = Math.imul(p, 31);
  return p;
})();

/**
 * Every n-gram position of the text, chained per hash bucket (head/next arrays, no Map): built in
 * one rolling-hash pass, so the fuzzy pass never rescans the text per quote.
 */
interface GramIndex {
  head: Int32Array;
  next: Int32Array;
}

function gramHashAt(s: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + GRAM; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

function buildGramIndex(text: string): GramIndex {
  const head = new Int32Array(BUCKETS).fill(-1);
  const next = new Int32Array(Math.max(0, text.length - GRAM + 1));
  if (text.length < GRAM) return { head, next };
  let h = gramHashAt(text, 0);
  for (let i = 0; ; i++) {
    const b = h & (BUCKETS - 1);
    next[i] = head[b] as number;
    head[b] = i;
    if (i + GRAM >= text.length) break;
    h = (Math.imul(h - Math.imul(text.charCodeAt(i), POW), 31) + text.charCodeAt(i + GRAM)) | 0;
  }
  return { head, next };
}

/** Start positions (in text skeleton) voted for by the quote's n-grams, most votes first. */
function candidateStarts(text: string, q: string, index: GramIndex): number[] {
  const votes = new Map<number, number>();
  const step = Math.max(1, Math.floor((q.length - GRAM) / (GRAMS_PER_QUOTE - 1)));
  for (let k = 0, at = 0; k < GRAMS_PER_QUOTE && at + GRAM <= q.length; k++, at += step) {
    const gram = q.slice(at, at + GRAM);
    const seen = new Set<number>();
    let hits = 0;
    for (let p = index.head[gramHashAt(q, at) & (BUCKETS - 1)] as number; p !== -1 && hits < 50; p = index.next[p] as number) {
      if (!text.startsWith(gram, p)) continue;
      hits++;
      // Bucket nearby starts together: edits before the gram shift it a little.
      const bucket = Math.round((p - at) / 32);
      if (seen.has(bucket)) continue;
      seen.add(bucket);
      votes.set(bucket, (votes.get(bucket) ?? 0) + 1);
    }
  }
  return [...votes.entries()]
    .filter(([, v]) => v >= MIN_VOTES)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 3)
    .map(([bucket]) => bucket * 32);
}

interface AnchorContext {
  sk: Skeleton;
  grams?: GramIndex;
}

function anchorSkeleton(ctx: AnchorContext, quote: string): Span | null {
  const sk = ctx.sk;
  const q = skeleton(quote).chars;
  if (q.length === 0) return null;
  const exact = sk.chars.indexOf(q);
  if (exact !== -1) return toSpan(sk, exact, exact + q.length);
  if (q.length < MIN_FUZZY_LENGTH) return null;
  const qa = q.length > MAX_ALIGN_LENGTH ? q.slice(0, MAX_ALIGN_LENGTH) : q;
  const slack = Math.ceil(qa.length * (1 - MIN_SIMILARITY)) + 32;
  let best: { sim: number; start: number; end: number } | null = null;
  ctx.grams ??= buildGramIndex(sk.chars);
  for (const guess of candidateStarts(sk.chars, qa, ctx.grams)) {
    const from = Math.max(0, guess - slack);
    const to = Math.min(sk.chars.length, guess + qa.length + slack);
    const a = align(qa, sk.chars.slice(from, to), Math.floor(qa.length * (1 - MIN_SIMILARITY)));
    const sim = 1 - a.dist / qa.length;
    if (sim >= MIN_SIMILARITY && (!best || sim > best.sim) && a.end > a.start) {
      best = { sim, start: from + a.start, end: from + a.end };
      // Candidates come most-voted first; a clearly good match will not be beaten.
      if (sim >= 0.95) break;
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
  return anchorSkeleton({ sk: skeleton(text) }, quote);
}

/** Many quotes into one text: the text's skeleton is built once. */
export function anchorQuotes(text: string, quotes: readonly string[]): (Span | null)[] {
  const ctx: AnchorContext = { sk: skeleton(text) };
  return quotes.map((q) => anchorSkeleton(ctx, q));
}

/** Plain edit distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j - 1] as number) + (ac === b.charCodeAt(j - 1) ? 0 : 1), (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/**
 * How well `passage` reproduces `quote` after skeleton normalisation: 1 − edits / quote length,
 * the measure anchorQuote's fuzzy pass accepts at MIN_SIMILARITY. For checks and tests.
 */
export function passageSimilarity(passage: string, quote: string): number {
  const p = skeleton(passage).chars.slice(0, MAX_ALIGN_LENGTH + 64);
  const q = skeleton(quote).chars.slice(0, MAX_ALIGN_LENGTH);
  if (q.length === 0) return p.length === 0 ? 1 : 0;
  if (p.startsWith(q)) return 1;
  return Math.max(0, 1 - editDistance(q, p.slice(0, q.length + Math.ceil(q.length * 0.2))) / q.length);
}
