// Wraps resolved highlights in <mark> elements with mark.js and tags each with the data attributes
// of the contract (DESIGN.md). mark.js is given one text node of the shared walk (text-walk.ts) at
// a time, with the part of it to mark and no exclusions of its own: the walk has already left out
// navigation, footers, editable areas and our own UI, so mark.js neither re-walks a range's
// container nor re-tests ~30 selectors on every text node of it for each range (that was most of
// our main-thread time on policy pages). test/unit/content/text-walk.test.ts checks that the page
// comes out as mark.js's markRanges over the whole container leaves it. Styles are set through
// the CSSOM on our own elements only, so page stylesheets are untouched and strict CSP pages still
// work.
import Mark from 'mark.js';
import type { Severity } from '../core/types';
import { pageTextWalker } from './text-walk';
import type { Walk } from './read-walk';

export const SEVERITY_STYLE: Record<Severity, { bg: string; line: string }> = {
  high: { bg: 'rgba(230, 74, 60, 0.22)', line: '#c62828' },
  medium: { bg: 'rgba(245, 166, 35, 0.26)', line: '#d97a00' },
  low: { bg: 'rgba(90, 120, 200, 0.16)', line: '#4a66b0' },
  good: { bg: 'rgba(46, 160, 67, 0.18)', line: '#2e8540' },
};

export interface RangeSpec {
  start: number;
  end: number;
  clauseId: string;
  category: string;
  severity: Severity;
}

/** Our marks, known here rather than by a class or attribute the page could read or forge. */
const ours = new WeakSet<Element>();

export function isOurMark(el: Element): boolean {
  return ours.has(el);
}

/** Each severity's inline style, its !important declarations written in one assignment (one parse
 * instead of seven setProperty calls per mark: a few ms per page in the profile). The same
 * declarations in the same order: the parser puts normal ones before important ones, so
 * box-decoration-break is set after. */
const MARK_CSS: Record<Severity, string> = Object.fromEntries(
  (Object.keys(SEVERITY_STYLE) as Severity[]).map((sev) => {
    const s = SEVERITY_STYLE[sev];
    return [
      sev,
      `background-color: ${s.bg} !important; color: inherit !important; border-bottom: 2px solid ${s.line} !important; padding: 0 !important; margin: 0 !important; border-radius: 2px !important; cursor: pointer !important;`,
    ];
  }),
) as Record<Severity, string>;

function tag(el: Element, spec: RangeSpec, byClause: Map<string, HTMLElement[]>): void {
  const mark = el as HTMLElement;
  ours.add(mark);
  // The highlight contract (DESIGN.md): these three attributes and no other of ours.
  mark.dataset.clausemarkCategory = spec.category;
  mark.dataset.clausemarkSeverity = spec.severity;
  mark.dataset.clausemarkClause = spec.clauseId;
  // Through the CSSOM (not the style attribute), so a strict style-src CSP does not block it.
  mark.style.cssText = MARK_CSS[spec.severity];
  mark.style.setProperty('box-decoration-break', 'clone');
  let list = byClause.get(spec.clauseId);
  if (!list) byClause.set(spec.clauseId, (list = []));
  list.push(mark);
}

/** The <mark> mark.js made in the current call (its `each` callback). */
let made: HTMLElement | null = null;
/** One options object for every call: no exclusions of mark.js's own (the walk has left them out). */
const NO_EXCLUSIONS: Mark.MarkRangesOptions = {
  element: 'mark',
  exclude: [],
  iframes: false,
  each: (el: Element) => {
    made = el as HTMLElement;
  },
};

/** mark.js marks characters [s, e) of this one text node; returns the <mark> it made. */
function wrapInTextNode(node: Text, s: number, e: number): HTMLElement | null {
  made = null;
  new Mark(node as unknown as HTMLElement).markRanges([{ start: s, length: e - s }], NO_EXCLUSIONS);
  const mark = made as HTMLElement | null;
  made = null;
  return mark;
}

/** Highlights the ranges (one walk of the page); returns the elements of each clause id in document order. */
export function highlightRanges(root: HTMLElement, specs: readonly RangeSpec[]): Map<string, HTMLElement[]> {
  const byClause = new Map<string, HTMLElement[]>();
  const walk = textNodes(root);
  let lastStart = Number.POSITIVE_INFINITY;
  for (const spec of ordered(specs)) {
    if (spec.end > lastStart) continue;
    markSpec(root, walk, spec, byClause);
    lastStart = spec.start;
  }
  return byClause;
}

/** The text nodes mark.js visits under root (the shared walk), with their offsets. */
function textNodes(root: HTMLElement): Walk {
  const walker = pageTextWalker(root);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(at);
    at += (n as Text).length;
    ends.push(at);
  }
  return { nodes, starts, ends };
}

/** Index of the last node starting at or before offset. */
function nodeAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function isSpaceAt(nodes: readonly Text[], starts: readonly number[], offset: number): boolean {
  const i = nodeAt(starts, offset);
  return /\s/.test((nodes[i] as Text).data.charAt(offset - (starts[i] as number)));
}

const BLOCK = 'p,li,dd,dt,td,th,h1,h2,h3,h4,h5,h6,blockquote,pre,div,section,article,main,aside,header,footer,figure,table';

/** Runs [a, b] of consecutive text nodes first..last that share their nearest block element. */
function blockGroups(nodes: readonly Text[], first: number, last: number, root: HTMLElement): [number, number][] {
  if (first === last) return [[first, last]];
  const blockOf = (n: Text): Element | null => {
    const b = n.parentElement?.closest(BLOCK) ?? null;
    return b && root.contains(b) ? b : null;
  };
  const out: [number, number][] = [];
  let start = first;
  let block = blockOf(nodes[first] as Text);
  for (let i = first + 1; i <= last; i++) {
    const b = blockOf(nodes[i] as Text);
    if (b !== block) {
      out.push([start, i - 1]);
      start = i;
      block = b;
    }
  }
  out.push([start, last]);
  // Whitespace between paragraphs sits under their common parent (often the body): marking it
  // shows nothing and would make mark.js walk that whole parent.
  return out.filter(([a, b]) => {
    for (let i = a; i <= b; i++) if (/\S/.test((nodes[i] as Text).data)) return true;
    return false;
  });
}

function inDocumentOrder(a: Node, b: Node): number {
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Keeps the walk true to the page after node i was split around [s, e) (page offsets): the node
 * keeps its beginning, the mark's text and the rest after it follow it in the walk. So ranges can
 * be marked in any order with one walk (render-clauses.ts marks a batch from the top down, a few
 * at a time, without walking the page again for each). */
function splitInWalk(walk: Walk, i: number, mark: HTMLElement, s: number, e: number): void {
  const mid = mark.firstChild;
  const after = mark.nextSibling;
  if (mid?.nodeType !== Node.TEXT_NODE || after?.nodeType !== Node.TEXT_NODE) return;
  const end = walk.ends[i] as number;
  walk.ends[i] = s;
  walk.nodes.splice(i + 1, 0, mid as Text, after as Text);
  walk.starts.splice(i + 1, 0, s, e);
  walk.ends.splice(i + 1, 0, e, end);
}

/** A copy of a walk to mark with (marking changes the walk it is given). */
export function walkFor(root: HTMLElement, read?: Walk | null): Walk {
  if (!read) return textNodes(root);
  return { nodes: [...read.nodes], starts: [...read.starts], ends: [...read.ends] };
}

/** The ranges highlightRanges marks of these (an overlapping one is left out, as mark.js would). */
export function markable<T extends RangeSpec>(specs: readonly T[]): T[] {
  const out: T[] = [];
  let lastStart = Number.POSITIVE_INFINITY;
  for (const spec of ordered(specs)) {
    if (spec.end > lastStart) continue;
    out.push(spec);
    lastStart = spec.start;
  }
  return out;
}

/** Non-empty ranges from the end of the page backwards: the offsets of those still to come stay
 * valid as text nodes are split (a split keeps the node's beginning in the node). */
const ordered = <T extends RangeSpec>(specs: readonly T[]) => [...specs].filter((s) => s.end > s.start).sort((a, b) => b.start - a.start);

/**
 * Marks one range. A clause that runs over several paragraphs is marked paragraph by paragraph
 * (from the last, so the offsets of the earlier ones stay valid), each part trimmed of whitespace
 * at its ends; whitespace between paragraphs is not marked. Within a part, every text node it
 * overlaps gets its own <mark>, as mark.js's markRanges gives them.
 */
function markSpec(root: HTMLElement, walk: Walk, spec: RangeSpec, byClause: Map<string, HTMLElement[]>): void {
  const { nodes, starts, ends } = walk;
  if (!nodes.length) return;
  const first = nodeAt(starts, spec.start);
  const last = nodeAt(starts, spec.end - 1);
  const groups = blockGroups(nodes, first, last, root);
  for (const [a, b] of [...groups].reverse()) {
    let from = Math.max(spec.start, starts[a] as number);
    let to = Math.min(spec.end, ends[b] as number);
    // Whitespace at either end of a paragraph's part would become an empty, invisible mark.
    while (from < to && isSpaceAt(nodes, starts, from)) from++;
    while (to > from && isSpaceAt(nodes, starts, to - 1)) to--;
    if (to <= from) continue;
    for (let i = b; i >= a; i--) {
      const s = Math.max(from, starts[i] as number);
      const e = Math.min(to, ends[i] as number);
      if (e <= s) continue;
      const node = nodes[i] as Text;
      // The page changed this node since it was walked: leave it (mark.js would not find it either).
      if (!node.parentNode || node.data.length < e - (starts[i] as number)) continue;
      const mark = wrapInTextNode(node, s - (starts[i] as number), e - (starts[i] as number));
      if (mark) {
        tag(mark, spec, byClause);
        splitInWalk(walk, i, mark, s, e);
      }
    }
  }
  // Marked from the end: put the clause's marks back in document order (the badge goes after the
  // last, "reveal" scrolls to the first).
  byClause.get(spec.clauseId)?.sort(inDocumentOrder);
}

/**
 * The same highlights as highlightRanges, from the end of the page backwards, with the page given
 * its turn between slices (the slicer's budget). `read`: the walk of a reading of root that nothing
 * has changed since (walkOfReading), instead of walking root again.
 */
export async function highlightRangesSliced(
  root: HTMLElement,
  specs: readonly RangeSpec[],
  slicer: { maybe(): Promise<void> },
  signal?: AbortSignal,
  read?: Walk | null,
): Promise<Map<string, HTMLElement[]>> {
  const byClause = new Map<string, HTMLElement[]>();
  const walk = read ?? textNodes(root);
  if (!walk.nodes.length) return byClause;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const spec of ordered(specs)) {
    if (signal?.aborted) break;
    if (spec.end > lastStart) continue; // overlaps one already marked: mark.js would skip it too
    markSpec(root, walk, spec, byClause);
    lastStart = spec.start;
    await slicer.maybe();
  }
  return byClause;
}

/** Unwraps the given marks of ours, restoring the page's text nodes. */
export function unwrapMarks(marks: readonly Element[]): void {
  const parents = new Set<Node>();
  for (const mark of marks) {
    if (!ours.has(mark) || !mark.parentNode) continue;
    parents.add(mark.parentNode);
    mark.replaceWith(...mark.childNodes);
    ours.delete(mark);
  }
  for (const p of parents) p.normalize();
}

/** Removes our marks (and only ours: the site's own <mark>s stay), restoring the page's text nodes. */
export function removeHighlights(root: HTMLElement): void {
  const parents = new Set<Node>();
  for (const mark of root.querySelectorAll('mark')) {
    if (!ours.has(mark) || !mark.parentNode) continue;
    parents.add(mark.parentNode);
    mark.replaceWith(...mark.childNodes);
    ours.delete(mark);
  }
  for (const p of parents) p.normalize();
}
