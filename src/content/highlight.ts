// Wraps resolved highlights in <mark> elements with mark.js, in one markRanges pass, and tags
// each with the data attributes of the contract (DESIGN.md). Styles are set through the CSSOM on
// our own elements only, so page stylesheets are untouched and strict CSP pages still work.
import Mark from 'mark.js';
import type { Severity } from '../core/types';
import { EXCLUDE, pageTextWalker } from './text-walk';

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

interface MarkRange {
  start: number;
  length: number;
  spec: RangeSpec;
}

/** Our marks, known here rather than by a class or attribute the page could read or forge. */
const ours = new WeakSet<Element>();

export function isOurMark(el: Element): boolean {
  return ours.has(el);
}

function tag(el: Element, spec: RangeSpec, byClause: Map<string, HTMLElement[]>): void {
  const mark = el as HTMLElement;
  ours.add(mark);
  // The highlight contract (DESIGN.md): these three attributes and no other of ours.
  mark.dataset.clausemarkCategory = spec.category;
  mark.dataset.clausemarkSeverity = spec.severity;
  mark.dataset.clausemarkClause = spec.clauseId;
  const s = SEVERITY_STYLE[spec.severity];
  const st = mark.style;
  st.setProperty('background-color', s.bg, 'important');
  st.setProperty('color', 'inherit', 'important');
  st.setProperty('border-bottom', `2px solid ${s.line}`, 'important');
  st.setProperty('padding', '0', 'important');
  st.setProperty('margin', '0', 'important');
  st.setProperty('border-radius', '2px', 'important');
  st.setProperty('cursor', 'pointer', 'important');
  st.setProperty('box-decoration-break', 'clone');
  let list = byClause.get(spec.clauseId);
  if (!list) byClause.set(spec.clauseId, (list = []));
  list.push(mark);
}

function markOptions(byClause: Map<string, HTMLElement[]>): Mark.MarkRangesOptions {
  return {
    element: 'mark',
    exclude: [...EXCLUDE],
    each(el: Element, range: unknown) {
      tag(el, (range as MarkRange).spec, byClause);
    },
  } as Mark.MarkRangesOptions;
}

/** Highlights the ranges in one mark.js pass; returns the elements of each clause id in document order. */
export function highlightRanges(root: HTMLElement, specs: readonly RangeSpec[]): Map<string, HTMLElement[]> {
  const byClause = new Map<string, HTMLElement[]>();
  const ranges: MarkRange[] = specs.map((spec) => ({ start: spec.start, length: spec.end - spec.start, spec }));
  new Mark(root).markRanges(ranges, markOptions(byClause));
  return byClause;
}

/** The text nodes mark.js visits under root (the shared walk), with their offsets. */
function textNodes(root: HTMLElement): { nodes: Text[]; starts: number[] } {
  const walker = pageTextWalker(root);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(at);
    at += (n as Text).data.length;
  }
  return { nodes, starts };
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

function commonAncestor(a: Node, b: Node, root: HTMLElement): HTMLElement {
  let el: HTMLElement | null = a.parentElement;
  while (el && el !== root && !el.contains(b)) el = el.parentElement;
  return el ?? root;
}

/**
 * The same highlights as highlightRanges, still with mark.js, but each range is marked within the
 * smallest element holding it (its sub-context), so mark.js walks and rewrites only that element's
 * text instead of the whole page's once per range (markRanges is O(ranges × text nodes) on one
 * context). Ranges go from the end of the page backwards, so the offsets of those still to come
 * stay valid as text nodes are split; the slicer lets the page run between slices.
 */
export async function highlightRangesSliced(
  root: HTMLElement,
  specs: readonly RangeSpec[],
  slicer: { maybe(): Promise<void> },
  signal?: AbortSignal,
): Promise<Map<string, HTMLElement[]>> {
  const byClause = new Map<string, HTMLElement[]>();
  const { nodes, starts } = textNodes(root);
  if (!nodes.length) return byClause;
  const options = markOptions(byClause);
  const sorted = [...specs].filter((s) => s.end > s.start).sort((a, b) => b.start - a.start);
  let lastStart = Number.POSITIVE_INFINITY;
  for (const spec of sorted) {
    if (signal?.aborted) break;
    if (spec.end > lastStart) continue; // overlaps one already marked: mark.js would skip it too
    const first = nodeAt(starts, spec.start);
    const last = nodeAt(starts, spec.end - 1);
    // A clause that runs over several paragraphs is marked paragraph by paragraph (from the last,
    // so the offsets of the earlier ones stay valid): their common ancestor can be the page's body,
    // and mark.js walks its whole context on every call.
    const groups = blockGroups(nodes, first, last, root);
    for (const [a, b] of [...groups].reverse()) {
      let from = Math.max(spec.start, starts[a] as number);
      let to = Math.min(spec.end, (starts[b] as number) + (nodes[b] as Text).data.length);
      // Whitespace at either end of a paragraph's part would become an empty, invisible mark.
      while (from < to && isSpaceAt(nodes, starts, from)) from++;
      while (to > from && isSpaceAt(nodes, starts, to - 1)) to--;
      if (to <= from) continue;
      const container = commonAncestor(nodes[a] as Text, nodes[b] as Text, root);
      // The container's text nodes are contiguous in the list: find its first by bisection.
      let lo = 0;
      let hi = a;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (container.contains(nodes[mid] as Text)) hi = mid;
        else lo = mid + 1;
      }
      const base = starts[lo] as number;
      new Mark(container).markRanges([{ start: from - base, length: to - from, spec } as MarkRange], options);
    }
    // Marked last paragraph first: put the clause's marks back in document order (the badge goes
    // after the last, "reveal" scrolls to the first).
    if (groups.length > 1) byClause.get(spec.clauseId)?.sort(inDocumentOrder);
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
