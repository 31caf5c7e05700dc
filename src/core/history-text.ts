// A version of a policy as stored, and the rules that tell a real change from a cosmetic one
// (a moved "Last updated" line, a cookie banner). Pure: the background and the tests run the same
// code. The rules are documented in docs/history.md; the word diff is in history-diff.ts and the
// clause changes in history-clauses.ts.

import { segment } from './text';
import { normalizeUrl } from './url';

/** One version's text as stored: one block (paragraph, heading, list item…) per line,
 * whitespace collapsed inside each block. */
export function versionText(text: string, hardBreaks: readonly number[] = []): string {
  const model = segment(text, hardBreaks);
  const lines: string[] = [];
  for (const b of model.blocks) {
    // Invisible characters (zero-width, soft hyphens) are cosmetic, as in the page's fingerprint.
    const line = text.slice(b.start, b.end).replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
  }
  return lines.join('\n');
}

// ---- Change rules -------------------------------------------------------------------------------

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE = new RegExp(
  [
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+\\d{4}\\b`, // 2 January 2024
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, // January 2, 2024
    `\\b${MONTH},?\\s+\\d{4}\\b`, // January 2024
    '\\b\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}\\b', // 2024-01-02
    '\\b\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}\\b', // 01/02/2024
  ].join('|'),
  'gi',
);
const DATE_LABEL = /\b(?:last\s+(?:updated|modified|revised|changed|amended|reviewed)|(?:date\s+of\s+)?(?:last\s+)?(?:update|revision)s?(?:\s+date)?|effective(?:\s+(?:date|as\s+of|from|on|since))?|updated(?:\s+on)?|revised(?:\s+on)?|modified(?:\s+on)?|version(?:\s+date)?|published(?:\s+on)?|in\s+effect\s+(?:from|since|as\s+of)|valid\s+(?:from|since))\b/i;
/** A date line is short: label + date and little else (a sentence that happens to name a date is content). */
const DATE_LINE_MAX = 120;

/** "Last updated: 2 March 2025", "Effective date — Jan 1, 2024": the header line that moves on
 * every republication without the terms changing. */
export function isDateLine(block: string): boolean {
  const s = block.trim();
  if (s.length === 0 || s.length > DATE_LINE_MAX) return false;
  DATE.lastIndex = 0;
  if (!DATE.test(s) || !DATE_LABEL.test(s)) return false;
  // What is left once the label and the dates are gone must be a few words at most.
  const rest = s.replace(DATE, ' ').replace(DATE_LABEL, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return rest.split(' ').filter(Boolean).length <= 6;
}

const COOKIE = /\bcookies?\b/i;
const BANNER_CALL = /\b(?:by\s+clicking|click(?:ing)?\s+(?:on\s+)?["“'‘]?(?:accept|allow|agree|ok)|accept\s+all|reject\s+all|allow\s+all|decline\s+all|refuse\s+all|(?:by|if\s+you)\s+continu(?:e|ing)\s+(?:to\s+)?(?:use|browse|brows|on)|you\s+(?:agree|consent)\s+to\s+(?:our|the)\s+use\s+of\s+cookies|manage\s+(?:your\s+)?(?:cookie\s+)?(?:preferences|settings|choices))\b/i;
const BANNER_BUTTON = /^(?:(?:accept|allow|reject|decline|refuse|deny)(?:\s+(?:all|optional|essential|non-essential|necessary|only\s+necessary))?(?:\s+cookies)?|(?:cookie|privacy)\s+(?:settings|preferences|choices)|manage\s+(?:cookie\s+)?(?:cookies|preferences|settings|choices)|got\s+it|ok(?:ay)?)$/i;
const BANNER_MAX = 600;

/** Cookie-consent banner text ("We use cookies… By clicking Accept all…", "Reject all"): page
 * furniture that changes with the consent tool, not with the policy. A policy's own cookie
 * section explains without asking for a click, so it is kept. */
export function isCookieBanner(block: string): boolean {
  const s = block.trim();
  if (s.length === 0 || s.length > BANNER_MAX) return false;
  if (BANNER_BUTTON.test(s)) return true;
  return COOKIE.test(s) && BANNER_CALL.test(s);
}

export type BlockKind = 'content' | 'date' | 'banner';

export function blockKind(block: string): BlockKind {
  if (isDateLine(block)) return 'date';
  if (isCookieBanner(block)) return 'banner';
  return 'content';
}

/** The text that decides whether a version differs: cosmetic blocks dropped, whitespace (and
 * block boundaries) collapsed. Two versions with equal significant text are the same policy. */
export function significantText(stored: string): string {
  const out: string[] = [];
  for (const line of stored.split('\n')) {
    const s = line.replace(/\s+/g, ' ').trim();
    if (s && blockKind(s) === 'content') out.push(s);
  }
  return out.join(' ');
}

/** Words in a text (separated by whitespace): the unit of the diff's and the size figures. */
export const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** Words of a stored version (for the size figures). */
export function storedWords(stored: string): number {
  return wordCount(stored);
}

/** The key a document's versions are kept under: its knowledge-base document when known, else
 * its normalised path; always together with the origin the page was read at, so what was read on
 * one site never becomes state of another (a stranger serving the same text gets its own history).
 * `url` must come from the browser (the sender's address), never from a page's own report. */
export function docKeyOf(page: { documentId?: string; url: string }): string {
  let origin = 'null';
  try {
    origin = new URL(page.url).origin;
  } catch {
    // an unparsable address keeps the literal text as its key below
  }
  if (page.documentId) return `doc:${page.documentId}@${origin}`;
  const n = normalizeUrl(page.url);
  return n ? `url:${origin}${n.path}` : `url:${page.url}`;
}
