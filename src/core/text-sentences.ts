// Sentence boundaries inside one block. A single left-to-right pass over the block looking at
// terminal punctuation, so a 1 MB page segments in a few milliseconds.

import { isSpaceCode, isUpperStart } from './text-chars';

/** Words whose trailing period does not end a sentence (lower-cased, without the final dot). */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'eg', 'ie', 'u.s', 'u.s.a', 'u.k', 'e.u', 'inc', 'ltd', 'llc', 'l.l.c', 'corp', 'co',
  'no', 'nos', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'vs', 'v', 'cf', 'al', 'approx',
  'art', 'arts', 'sec', 'secs', 'para', 'paras', 'p', 'pp', 'ch', 'fig', 'vol', 'ed', 'dept', 'gmbh',
  'b.v', 'n.v', 's.a', 's.l', 'a.g', 'pty', 'plc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'incl', 'esp', 'min', 'max', 'ref', 'tel',
]);

/** Longest sentence we return; longer ones are cut at ; or : so highlights stay readable. */
export const MAX_SENTENCE = 600;
const MIN_PIECE = 120;

export interface Piece { start: number; end: number }

/** Trim whitespace (incl. nbsp and invisible characters) from both ends of [start, end). */
export function trimSpan(text: string, start: number, end: number): Piece | null {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

function wordBefore(text: string, dot: number, floor: number): string {
  let i = dot;
  while (i > floor && !isSpaceCode(text.charCodeAt(i - 1)) && text.charCodeAt(i - 1) !== 0x28) i--;
  return text.slice(i, dot);
}

/** Does the period at `dot` end a sentence, judging by the word it closes? */
function periodEnds(text: string, dot: number, sentStart: number): boolean {
  const word = wordBefore(text, dot, sentStart).replace(/^["'“‘([]+/, '');
  if (word === '') return true;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  // Initials and dotted abbreviations such as "J." or "U.S." / "a.m.".
  if (/^[A-Za-z]$/.test(word) || /^([a-z]\.)+[a-z]$/i.test(word)) return false;
  // A clause number at the start of the sentence: "1.", "2.1.", "IV.", "(a)."
  if (/^(\d{1,3}(\.\d{1,3})*|[ivxlc]{1,5}|[a-z])$/i.test(word)) {
    const before = trimSpan(text, sentStart, dot - word.length);
    if (before === null) return false;
  }
  return true;
}

/** Split [start, end) of `text` into sentences (already trimmed, never empty). */
export function splitSentences(text: string, start: number, end: number, out: Piece[]): void {
  let sentStart = start;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    let boundary = -1; // end offset of the sentence that closes here
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026) {
      let j = i + 1;
      // Swallow runs of terminal punctuation and closing quotes/brackets: `."` `?)` `...`
      while (j < end) {
        const d = text.charCodeAt(j);
        if (d === 0x2e || d === 0x21 || d === 0x3f || d === 0x22 || d === 0x27 || d === 0x29 ||
            d === 0x5d || d === 0x201d || d === 0x2019 || d === 0xbb) j++;
        else break;
      }
      if (j >= end) { i = j; continue; }
      if (isSpaceCode(text.charCodeAt(j))) {
        let k = j;
        while (k < end && isSpaceCode(text.charCodeAt(k))) k++;
        if (k < end && isUpperStart(text.charCodeAt(k)) && (c !== 0x2e || periodEnds(text, i, sentStart))) {
          boundary = j;
        }
      }
      i = j;
    } else if ((c === 0x2022 || c === 0x25aa || c === 0x25cf) && i > sentStart) {
      boundary = i; // inline bullet: a new item starts here
      i++;
    } else {
      i++;
    }
    if (boundary >= 0) {
      pushCapped(text, sentStart, boundary, out);
      sentStart = boundary;
    }
  }
  pushCapped(text, sentStart, end, out);
}

/** Push a trimmed sentence, cutting it at ; or : (else , else a space) when over MAX_SENTENCE. */
function pushCapped(text: string, start: number, end: number, out: Piece[]): void {
  let span = trimSpan(text, start, end);
  while (span !== null && span.end - span.start > MAX_SENTENCE) {
    const cut = findCut(text, span.start, span.end);
    const head = trimSpan(text, span.start, cut);
    if (head) out.push(head);
    span = trimSpan(text, cut, span.end);
  }
  if (span) out.push(span);
}

function findCut(text: string, start: number, end: number): number {
  const hi = start + MAX_SENTENCE;
  const lo = start + MIN_PIECE;
  for (const marks of [';:', ',']) {
    for (let i = hi; i > lo; i--) {
      if (marks.includes(text[i - 1] ?? '') && isSpaceCode(text.charCodeAt(i))) return i;
    }
  }
  for (let i = hi; i > lo; i--) if (isSpaceCode(text.charCodeAt(i))) return i;
  return Math.min(hi, end);
}
