// Markdown (as archived by Open Terms Archive) to plain text plus block boundaries, for the CLI
// and tests. Headings, list items, table cells and paragraphs become blocks; inline syntax
// (links, emphasis, code, images) is dropped so offsets point at readable text. A `<br>` breaks
// the block, as it does in a page (dom-text.ts) and in htmlToText: archived tables list data types
// as "Name<br><br>Year of birth", which must not read "NameYear of birth".

import { TextBuilder } from './text-builder';

const HEADING = /^\s{0,3}#{1,6}\s+/;
const LIST = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;
const QUOTE = /^\s*>\s?/;
const TABLE_SEP = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

function inline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_]*?\S)[*_](?!\w)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

const BR = /<br\s*\/?>/gi;
/** Splits a line at its `<br>` tags (as a page would), or drops them (`br: 'drop'`). */
const brPieces = (s: string, br: 'break' | 'drop'): string[] => (br === 'drop' ? [s.replace(BR, '')] : s.split(BR));

export interface MarkdownOptions {
  /** `'drop'` deletes `<br>` without a separator: the text the privacy labelled set was read in
   * (its SHA-256 and sentence counts pin it, data/privacy-labels/manifest.json). Default `'break'`. */
  br?: 'break' | 'drop';
}

export function markdownToText(md: string, opts: MarkdownOptions = {}): { text: string; hardBreaks: number[] } {
  const br = opts.br ?? 'break';
  const out = new TextBuilder();
  const put = (s: string): void => out.put(s);
  let inParagraph = false;
  let fence = false;
  const brk = (): void => {
    inParagraph = false;
    out.blockBreak();
  };
  const lines = md.split(/\r?\n/);
  for (let li = 0; li < lines.length; li++) {
    const rawLine = lines[li] as string;
    // Setext heading underline ("Title" then "====="): the line above was a heading.
    if (/^\s{0,3}(=+|-+)\s*$/.test(rawLine) && inParagraph) { brk(); continue; }
    if (/^\s*(```|~~~)/.test(rawLine)) { fence = !fence; brk(); continue; }
    if (fence) { put(rawLine); brk(); continue; }
    let line = rawLine.replace(QUOTE, '');
    if (line.trim() === '' || RULE.test(line) || TABLE_SEP.test(line)) { brk(); continue; }
    if (/^\s*\|/.test(line)) {
      // Table row: one block per cell.
      brk();
      for (const cell of line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/)) {
        for (const piece of brPieces(cell, br)) {
          const c = inline(piece).replace(HEADING, '').trim();
          if (c) { put(c); brk(); }
        }
      }
      continue;
    }
    const isList = LIST.test(line);
    // Keep numbered markers ("1.") as they are part of the clause; drop bullets.
    if (isList && /^\s*[-*+]\s/.test(line)) line = line.replace(/^\s*[-*+]\s+/, '');
    const pieces = brPieces(line, br);
    if (pieces.length > 1) {
      // A line broken by <br>: each piece is a block of its own.
      brk();
      for (const piece of pieces) {
        const c = inline(piece).replace(HEADING, '').trim();
        if (c) { put(c); brk(); }
      }
      continue;
    }
    // Inline syntax first: archived pages put headings inside links ("[## Title](url)").
    line = inline(line);
    const isHeading = HEADING.test(line);
    if (isHeading) line = line.replace(HEADING, '').replace(/\s+#+\s*$/, '');
    const content = line.trim();
    if (!content) { brk(); continue; }
    if (isHeading || isList) brk();
    else if (inParagraph) put('\n'); // a wrapped paragraph line: soft newline, same block
    put(content);
    inParagraph = true;
    if (isHeading) brk();
  }
  return out.finish();
}

/** Block boundaries of a plain .txt file: every line break (files of one paragraph per line are
 * the norm for exported policies, and a wrapped line rarely ends mid-clause). */
export function plainTextBreaks(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}
