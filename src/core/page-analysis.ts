// The clauses of a policy text, as the content script finds them on a page (content/find-clauses.ts
// runs these same steps with turns for the page in between): the platform's reviewed quotes
// anchored in the text, the detector's clauses (English only), the user's filters, overlaps
// resolved, at most MAX_HIGHLIGHTS. Pure: the background runs it on a followed document's fetched
// text, so its versions carry the same clauses a reading in a tab would. The page's own analysis
// (content/engine.ts, in the analysis host or the page) runs detectWhole and anchorSpans, and the
// page turns their answers into highlights with the rest (content/find-clauses.ts).
import { segment, type TextModel } from './text';
import { detectClauses } from './detect';
import { anchorQuotes } from './anchor';
import { resolveOverlaps, type Highlight } from './resolve';
import { clauseId } from './ids';
import { guessLanguage } from './language';
import { isShown, SENSITIVITY_THRESHOLD, type Settings } from './settings';
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

/** The detector over a whole text (segmented once): the clauses the evaluation measures. */
export function detectWhole(model: TextModel, threshold: number): FoundClause[] {
  return detectClauses(model, { threshold });
}

/** Where the platform's reviewed quotes are in the text (null where not found). */
export function anchorSpans(text: string, quotes: readonly string[]): (Span | null)[] {
  return anchorQuotes(text, quotes);
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

/** Anchors the platform's reviewed quotes in the text; returns them as page clauses. */
export function anchorKnown(text: string, known: readonly KnownClause[]): { clauses: PageClause[]; byId: Map<string, KnownClause> } {
  return knownClausesAt(text, known, anchorSpans(text, known.map((k) => k.quote)));
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

/** All steps at once, for a text read without a page (a followed document): the clauses a tab
 * would report for it, sorted by position. */
export function analyseText(text: string, hardBreaks: readonly number[], opts: { known: readonly KnownClause[]; documentId?: string; settings: Pick<Settings, 'disabledCategories' | 'minSeverity' | 'sensitivity'> }): PageClause[] {
  const english = guessLanguage(text).english;
  const detected = english ? withExcerpts(text, detectWhole(segment(text, hardBreaks), SENSITIVITY_THRESHOLD[opts.settings.sensitivity])) : [];
  const kb = anchorKnown(text, relevantQuotes(opts.known, opts.documentId));
  return resolvedClauses(detected, kb.clauses, opts.settings)
    .slice(0, MAX_HIGHLIGHTS)
    .map((h) => h.primary)
    .sort((a, b) => a.start - b.start);
}

/** A text to analyse without a page (a followed document), as the background sends it to wherever
 * the detector runs (background/follow-alarm.ts). */
export interface AnalyseTextRequest {
  text: string;
  hardBreaks: number[];
  known: KnownClause[];
  documentId?: string;
  settings: Pick<Settings, 'disabledCategories' | 'minSeverity' | 'sensitivity'>;
}

export function analyseRequested(req: AnalyseTextRequest): PageClause[] {
  return analyseText(req.text, req.hardBreaks, { known: req.known, documentId: req.documentId, settings: req.settings });
}
