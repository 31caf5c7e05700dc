// Wraps resolved highlights in <mark> elements with mark.js, in one markRanges pass, and tags
// each with the data attributes of the contract (DESIGN.md). Styles are set through the CSSOM on
// our own elements only, so page stylesheets are untouched and strict CSP pages still work.
import Mark from 'mark.js';
import type { Severity } from '../core/types';
import { EXCLUDE } from './dom-text';

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
  source: string;
}

interface MarkRange {
  start: number;
  length: number;
  spec: RangeSpec;
}

/** Highlights the ranges; returns the elements of each clause id in document order. */
export function highlightRanges(root: HTMLElement, specs: readonly RangeSpec[]): Map<string, HTMLElement[]> {
  const byClause = new Map<string, HTMLElement[]>();
  const ranges: MarkRange[] = specs.map((spec) => ({ start: spec.start, length: spec.end - spec.start, spec }));
  new Mark(root).markRanges(ranges, {
    element: 'mark',
    className: 'clausemark-hl',
    exclude: [...EXCLUDE],
    each(el: Element, range: unknown) {
      const { spec } = range as MarkRange;
      const mark = el as HTMLElement;
      mark.dataset.clausemarkCategory = spec.category;
      mark.dataset.clausemarkSeverity = spec.severity;
      mark.dataset.clausemarkClause = spec.clauseId;
      mark.dataset.clausemarkSource = spec.source;
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
    },
  } as Mark.MarkRangesOptions);
  return byClause;
}

/** Removes our marks (and only ours), restoring the page's text nodes. */
export function removeHighlights(root: HTMLElement): void {
  new Mark(root).unmark({ element: 'mark', className: 'clausemark-hl' } as Mark.MarkOptions);
}
