// Section context of a sentence, derived only from the text and the sentence list (so it works on
// any page, chunked or not): the heading it sits under ("12. Limitation of Liability",
// "DISPUTE RESOLUTION", "Changes to these Terms") and a short run-in heading that opens its block
// ("Governing Law. These Terms are…"). Headings are a strong, general cue: the same sentence means
// different things under "Termination" and under "Your Content".

import type { Sentence } from './text';

const MAX_HEADING_CHARS = 120;
const MAX_HEADING_WORDS = 14;
const MAX_LEAD_WORDS = 8;
const WORD = /[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’-]*/g;

/** A short capitalised line that ends with a period but says something ("ANY DISPUTE WILL BE
 * RESOLVED BY BINDING ARBITRATION.") is a clause, not a heading. */
const CLAUSE_VERB = /\b(will|shall|must|may|can|agrees?|is|are|be|been|do|does|not)\b/i;

function words(s: string): string[] {
  return s.match(WORD) ?? [];
}

/** Small words that stay lower case in Title Case headings. */
const MINOR = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'your', 'our', 'you', 'we', 'us', 'these', 'this', 'from', 'into', 'is', 'are', 'not', 'do']);

function mostlyCapitalised(ws: readonly string[]): boolean {
  let caps = 0;
  let counted = 0;
  for (const w of ws) {
    if (MINOR.has(w.toLowerCase()) && counted > 0) continue;
    counted++;
    const c = w.charCodeAt(0);
    if (c >= 0x41 && c <= 0x5a) caps++;
  }
  return counted > 0 && caps / counted >= 0.75;
}

/** A sentence that is alone in its block, short, and not punctuated like a sentence. */
export function isHeadingText(raw: string): boolean {
  const s = raw.trim();
  if (s.length < 3 || s.length > MAX_HEADING_CHARS) return false;
  const ws = words(s);
  if (ws.length === 0 || ws.length > MAX_HEADING_WORDS) return false;
  const last = s.charCodeAt(s.length - 1);
  // ; , : end list items and lead-ins; a period ends a sentence unless the line is in capitals.
  if (last === 0x3b || last === 0x2c || last === 0x3a) return false;
  if (last === 0x2e && (s !== s.toUpperCase() || CLAUSE_VERB.test(s))) return false;
  if (/@|https?:|www\./i.test(s)) return false;
  return s === s.toUpperCase() || mostlyCapitalised(ws) || /^(\d{1,3}(\.\d{1,3})*\.?|[IVXivx]{1,5}\.|[A-Za-z][.)]|§\s*\d+)\s/.test(s);
}

/** A short Title-Case first sentence of a longer block: "Governing Law." "We Both Agree To Arbitrate." */
export function isLeadText(raw: string): boolean {
  const s = raw.trim();
  const ws = words(s);
  if (ws.length === 0 || ws.length > MAX_LEAD_WORDS) return false;
  const last = s.charCodeAt(s.length - 1);
  if (last !== 0x2e && last !== 0x3a) return false;
  if (CLAUSE_VERB.test(s)) return false;
  return s === s.toUpperCase() || mostlyCapitalised(ws);
}

export interface SectionContext {
  /** Per sentence: index (into the given list) of the heading it sits under, or -1. */
  heading: Int32Array;
  /** Per sentence: index of the run-in lead heading of its block, or -1. */
  lead: Int32Array;
  /** Per sentence: 1 when the sentence is itself a heading or a lead. */
  isHeading: Uint8Array;
  /** Per sentence: the parent of its heading (the nearest earlier heading of a higher level), or -1. */
  parent: Int32Array;
}

/** Outline level of a heading: "12." 1, "12.1" 2, "a." 3; unnumbered: capitals 1, Title Case 2. */
export function headingLevel(raw: string): number {
  const s = raw.trim();
  const num = /^(\d{1,3}(?:\.\d{1,3})*)\.?\s/.exec(s);
  if (num) return (num[1] as string).split('.').length;
  if (/^[IVXivx]{1,5}\.\s/.test(s)) return 1;
  if (/^[A-Za-z][.)]\s/.test(s)) return 3;
  return s === s.toUpperCase() ? 1 : 2;
}

/** Headings and leads for each sentence of `sentences` (in text order, as `segment` returns them). */
export function sectionContext(text: string, sentences: readonly Sentence[]): SectionContext {
  const n = sentences.length;
  const heading = new Int32Array(n).fill(-1);
  const lead = new Int32Array(n).fill(-1);
  const isHeading = new Uint8Array(n);
  const parent = new Int32Array(n).fill(-1);
  // Open headings by level (the outline so far): the parent of a new heading is the last one above its level.
  const stack: { i: number; level: number }[] = [];
  let currentParent = -1;
  let current = -1;
  let blockLead = -1;
  for (let i = 0; i < n; i++) {
    const s = sentences[i] as Sentence;
    const prevSame = i > 0 && (sentences[i - 1] as Sentence).block === s.block;
    const nextSame = i + 1 < n && (sentences[i + 1] as Sentence).block === s.block;
    if (!prevSame) blockLead = -1;
    heading[i] = current;
    parent[i] = currentParent;
    if (!prevSame && !nextSame) {
      const raw = text.slice(s.start, s.end);
      if (isHeadingText(raw)) {
        isHeading[i] = 1;
        current = i;
        const level = headingLevel(raw);
        while (stack.length && (stack[stack.length - 1] as { level: number }).level >= level) stack.pop();
        currentParent = stack.length ? (stack[stack.length - 1] as { i: number }).i : -1;
        stack.push({ i, level });
      }
      continue;
    }
    if (!prevSame && nextSame && isLeadText(text.slice(s.start, s.end))) {
      isHeading[i] = 1;
      blockLead = i;
      continue;
    }
    lead[i] = blockLead;
  }
  return { heading, lead, isHeading, parent };
}
