// DOM-free text model: blocks and sentences with UTF-16 offsets into the text exactly as given.
// The content script passes the raw concatenation of a page's text nodes, so we never copy or
// rewrite the text: every boundary is an offset into that string.

import type { Span } from './types';
import { splitSentences, trimSpan, type Piece } from './text-sentences';

export { htmlToText } from './text-html';
export { markdownToText, plainTextBreaks } from './text-markdown';
export { normalizeForMatch } from './text-chars';
export { MAX_SENTENCE } from './text-sentences';

export interface Sentence { start: number; end: number; block: number }
export interface TextModel { text: string; blocks: Span[]; sentences: Sentence[] }

/** A blank line (possibly holding spaces) separates paragraphs even without a hard break. */
const BLANK_LINE = /\n[ \t\u00a0\r]*\n/g;

/** Segment `text` as given. hardBreaks: offsets of block-element boundaries (may be unsorted). */
export function segment(text: string, hardBreaks: readonly number[] = []): TextModel {
  const cuts: number[] = [];
  for (const b of hardBreaks) if (b > 0 && b < text.length && Number.isFinite(b)) cuts.push(Math.floor(b));
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(text); m !== null; m = BLANK_LINE.exec(text)) cuts.push(m.index + 1);
  cuts.sort((a, b) => a - b);

  const blocks: Span[] = [];
  const sentences: Sentence[] = [];
  const pieces: Piece[] = [];
  let prev = 0;
  for (let k = 0; k <= cuts.length; k++) {
    const cut = k < cuts.length ? (cuts[k] as number) : text.length;
    if (cut <= prev) continue;
    const block = trimSpan(text, prev, cut);
    prev = cut;
    if (block === null) continue;
    const index = blocks.length;
    blocks.push(block);
    pieces.length = 0;
    splitSentences(text, block.start, block.end, pieces);
    for (const p of pieces) sentences.push({ start: p.start, end: p.end, block: index });
  }
  return { text, blocks, sentences };
}
