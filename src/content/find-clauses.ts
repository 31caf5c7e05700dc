// Step one of annotating a page (annotator.ts): what to ask the analysis for and how to turn its
// answers into highlights. Reading is the page's only heavy part: the text of the page (read once,
// exactly as mark.js will see it), and the part of it on screen, whose sections are analysed first.
// Everything else (language, policy check, detection, anchoring, the fingerprint) runs in the
// analysis (engine.ts), off the page's main thread when the host answers. Its answers become
// clauses by the steps of core/clause-steps.ts, the same ones a followed document's fetched text
// goes through in the background (core/page-analysis.ts), so both find exactly the same clauses.
// (Nothing here imports the detector: its models stay out of the annotator.)
import type { Highlight } from '../core/resolve';
import type { Settings } from '../core/settings';
import type { FoundClause, Span } from '../core/types';
import { excerpt, knownClausesAt, MAX_HIGHLIGHTS, relevantQuotes, resolvedClauses, withExcerpts } from '../core/clause-steps';
import type { PageClause } from '../messages';
import type { KnownClause } from '../kb/schema';
import type { PageText } from './dom-text';

/** Past this, only the beginning is analysed (bounded work on huge pages), and the user is told. */
export const MAX_TEXT_CHARS = 1_500_000;
// More highlights than MAX_HIGHLIGHTS stop being readable and cost seconds of layout: the first
// ones are shown, and the user is told.
export { excerpt, MAX_HIGHLIGHTS, relevantQuotes };
/** About two screens of text: the sections holding it are analysed first. */
const FOCUS_CHARS = 4000;

/** Where a node of the page (a text node read, or an element) starts in the text read. */
function offsetOf(page: PageText, node: Node | null, within = 0): number | null {
  if (!node) return null;
  const i = node.nodeType === Node.TEXT_NODE ? page.nodes.indexOf(node as Text) : -1;
  if (i < 0) {
    // An element (or a text node we do not read): the first text read at or after it.
    let lo = 0;
    let hi = page.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const n = page.nodes[mid] as Text;
      if (n === node || node.contains(n) || node.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING) hi = mid;
      else lo = mid + 1;
    }
    if (lo >= page.nodes.length) return null;
    return page.starts[lo] as number;
  }
  return (page.starts[i] as number) + Math.max(0, within);
}

/**
 * The text on screen as offsets into the page's text: where the address's #fragment points, else
 * (the page opened scrolled down: a reload, the back button) the text at the top of the viewport,
 * else the start. Only the scrolled case asks for the layout, which the page needs for its first
 * paint anyway (`laidOut` false: never; the start when there is no #fragment).
 */
export function focusRange(page: PageText, laidOut = true): [number, number] | null {
  if (!page.text.length) return null;
  let at: number | null = null;
  const id = decodeURIComponent(location.hash.slice(1));
  if (id) at = offsetOf(page, document.getElementById(id));
  const scroller = document.scrollingElement;
  // (`laidOut` false: the page may not be laid out yet, and the scroll position is not asked for.)
  if (at === null && laidOut && scroller && scroller.scrollTop > 0) {
    const hit = (document as Document & { caretRangeFromPoint?(x: number, y: number): Range | null }).caretRangeFromPoint?.(innerWidth / 2, Math.min(innerHeight / 4, 200));
    if (hit) at = offsetOf(page, hit.startContainer, hit.startOffset);
  }
  const from = Math.max(0, at ?? 0);
  return [from, Math.min(page.text.length, from + FOCUS_CHARS)];
}

/** The detector's clauses as page clauses (with their excerpt). */
export function detectedClauses(text: string, found: readonly FoundClause[]): PageClause[] {
  return withExcerpts(text, found);
}

/** Reviewed quotes anchored in the live text, as page clauses, and the quote behind each id. */
export function knownClauses(text: string, known: readonly KnownClause[], spans: readonly (Span | null)[]): { clauses: PageClause[]; byId: Map<string, KnownClause> } {
  return knownClausesAt(text, known, spans);
}

/** What to highlight: the reviewed and detected clauses of the shown categories, overlaps
 * resolved, at most MAX_HIGHLIGHTS; and how many there were before the cut. */
export function highlightsOf(detected: readonly PageClause[], settings: Settings, kb: readonly PageClause[] = []): { highlights: Highlight<PageClause>[]; total: number } {
  const resolved = resolvedClauses(detected, kb, settings);
  return { highlights: resolved.slice(0, MAX_HIGHLIGHTS), total: resolved.length };
}
