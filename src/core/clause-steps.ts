// The steps that turn an analysis's answers into the clauses a page shows (no detector here: the
// annotator imports this without the models, which stay in the analysis, content/engine.ts). Shared
// by the page (content/find-clauses.ts) and a followed document's analysis (core/page-analysis.ts),
// so both find exactly the same clauses for the same text.
import { resolveOverlaps, type Highlight } from './resolve';
import { clauseId } from './ids';
import { isShown, type Settings } from './settings';
import type { PageClause } from './page-clause';
import type { FoundClause, Span } from './types';
import type { KnownClause } from '../kb/schema';

/** More highlights than this stop being readable and cost seconds of layout. */
export const MAX_HIGHLIGHTS = 1500;
const EXCERPT_MAX = 600;

/** A clause's text for the panel and the report: whitespace collapsed, at most EXCERPT_MAX. */
export function excerpt(text: string, start: number, end: number): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return s.length > EXCERPT_MAX ? `${s.slice(0, EXCERPT_MAX - 1)}…` : s;
}

/** Reviewed quotes at their spans in the text (anchorSpans), as page clauses, and the quote
 * behind each id. */
export function knownClausesAt(text: string, known: readonly KnownClause[], spans: readonly (Span | null)[]): { clauses: PageClause[]; byId: Map<string, KnownClause> } {
  const byId = new Map<string, KnownClause>();
  const clauses: PageClause[] = [];
  known.forEach((k, i) => {
    const span = spans[i];
    if (!span) return;
    const id = `kb-${k.id}`;
    byId.set(id, k);
    clauses.push({
      id,
      start: span.start,
      end: span.end,
      category: k.category,
      severity: k.severity,
      confidence: 1,
      source: 'kb',
      kbClauseId: k.id,
      label: k.caseTitle,
      excerpt: excerpt(text, span.start, span.end),
      anchored: true,
    });
  });
  return { clauses, byId };
}

/** Only quotes of this document (or, without a document, none): as the content script filters. */
export function relevantQuotes(known: readonly KnownClause[], documentId: string | undefined): KnownClause[] {
  return documentId ? known.filter((k) => !k.documentId || k.documentId === documentId || k.anchor.status !== 'found') : [];
}

/** Detected and reviewed clauses of one text, filtered by the user's settings, overlaps resolved. */
export function resolvedClauses(detected: readonly PageClause[], kbClauses: readonly PageClause[], settings: Pick<Settings, 'disabledCategories' | 'minSeverity'>): Highlight<PageClause>[] {
  const found = [...kbClauses, ...detected];
  return resolveOverlaps(found.filter((c) => isShown(settings, c.category, c.severity)));
}

/** The detector's clauses with their ids and excerpts, as a page reports them. */
export function withExcerpts(text: string, detected: readonly FoundClause[]): PageClause[] {
  return detected.map((d) => ({ ...d, id: d.id || clauseId(d.category, text.slice(d.start, d.end)), excerpt: excerpt(text, d.start, d.end) }));
}
