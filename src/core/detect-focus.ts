// Viewport first: the clauses of the sections that hold a range of the text (the part of the page
// on screen), exactly as `detectClauses` over the whole document finds them there, at the cost of
// those sections only. The detector's context never crosses a section: a sentence's features come
// from its heading, that heading's parent, its block and its neighbours in the block; its rules
// count per section; clause spans merge only within a block or a section. So detecting the
// sentences of whole sections, preceded by the chain of headings open above them (which gives
// every heading the same parent as in the whole document), gives the same clauses there.
// test/unit/core/detect-focus.test.ts checks that on the benchmark's documents.

import type { FoundClause } from './types';
import type { Sentence, TextModel } from './text';
import { detectSentences, type DetectOptions } from './detect';
import { headingLevel, sectionContext } from './detect-context';

export interface FocusSlice {
  /** Sentence indices of the whole sections holding the range, in order. */
  first: number;
  last: number;
  /** The headings open above the first section (outermost first), for their context. */
  ancestors: number[];
  /** Text offsets the sections cover. */
  start: number;
  end: number;
}

/** The whole sections (heading to next heading) that hold text offsets [from, to). */
export function focusSlice(model: TextModel, from: number, to: number): FocusSlice | null {
  const { text, sentences } = model;
  const n = sentences.length;
  if (!n || to <= from) return null;
  const ctx = sectionContext(text, sentences);
  // First and last sentences overlapping the range.
  let a = -1;
  let b = -1;
  for (let i = 0; i < n; i++) {
    const s = sentences[i] as Sentence;
    if (s.end <= from) continue;
    if (s.start >= to) break;
    if (a < 0) a = i;
    b = i;
  }
  if (a < 0) return null;
  // Back to the heading the first one sits under (or the start), on to the next heading after the last.
  const alone = (i: number) => (i === 0 || (sentences[i - 1] as Sentence).block !== (sentences[i] as Sentence).block) && (i + 1 >= n || (sentences[i + 1] as Sentence).block !== (sentences[i] as Sentence).block);
  // A heading alone in its block opens a section (a run-in lead heading of a longer block does not).
  const isSectionHeading = (i: number) => ctx.isHeading[i] === 1 && alone(i);
  let first = ctx.isHeading[a] && isSectionHeading(a) ? a : (ctx.heading[a] as number);
  if (first < 0) first = 0;
  let last = b;
  while (last + 1 < n && !isSectionHeading(last + 1)) last++;
  // The open headings above `first` (the outline stack as the whole document has it there).
  const stack: { i: number; level: number }[] = [];
  for (let i = 0; i < first; i++) {
    if (!isSectionHeading(i)) continue;
    const level = headingLevel(text.slice((sentences[i] as Sentence).start, (sentences[i] as Sentence).end));
    while (stack.length && (stack[stack.length - 1] as { level: number }).level >= level) stack.pop();
    stack.push({ i, level });
  }
  return { first, last, ancestors: stack.map((s) => s.i), start: (sentences[first] as Sentence).start, end: (sentences[last] as Sentence).end };
}

/** The clauses `detectClauses(model, opts)` finds in the given slice's sections. */
export function detectFocus(model: TextModel, slice: FocusSlice, opts: DetectOptions = {}): FoundClause[] {
  const picked: Sentence[] = slice.ancestors.map((i) => model.sentences[i] as Sentence);
  for (let i = slice.first; i <= slice.last; i++) picked.push(model.sentences[i] as Sentence);
  return detectSentences(model.text, picked, opts).filter((c) => c.start >= slice.start && c.end <= slice.end);
}
