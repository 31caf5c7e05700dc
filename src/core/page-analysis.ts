// The clauses of a policy text, as the content script finds them on a page (content/find-clauses.ts
// runs these same steps with turns for the page in between): the platform's reviewed quotes
// anchored in the text, the detector's clauses (English only), the user's filters, overlaps
// resolved, at most MAX_HIGHLIGHTS. Pure: the background runs it on a followed document's fetched
// text, so its versions carry the same clauses a reading in a tab would. The page's own analysis
// (content/engine.ts, in the analysis host or the page) runs detectWhole and anchorSpans, and the
// page turns their answers into highlights with the rest (core/clause-steps.ts, which
// content/find-clauses.ts imports without the detector's models).
import { segment, type TextModel } from './text';
import { detectClauses } from './detect';
import { anchorQuotes } from './anchor';
import { guessLanguage } from './language';
import { SENSITIVITY_THRESHOLD, type Settings } from './settings';
import type { PageClause } from './page-clause';
import type { FoundClause, Span } from './types';
import type { KnownClause } from '../kb/schema';
import { knownClausesAt, MAX_HIGHLIGHTS, relevantQuotes, resolvedClauses, withExcerpts } from './clause-steps';

export { excerpt, knownClausesAt, MAX_HIGHLIGHTS, relevantQuotes, resolvedClauses, withExcerpts } from './clause-steps';

/** The detector over a whole text (segmented once): the clauses the evaluation measures. */
export function detectWhole(model: TextModel, threshold: number): FoundClause[] {
  return detectClauses(model, { threshold });
}

/** Where the platform's reviewed quotes are in the text (null where not found). */
export function anchorSpans(text: string, quotes: readonly string[]): (Span | null)[] {
  return anchorQuotes(text, quotes);
}

/** Anchors the platform's reviewed quotes in the text; returns them as page clauses. */
export function anchorKnown(text: string, known: readonly KnownClause[]): { clauses: PageClause[]; byId: Map<string, KnownClause> } {
  return knownClausesAt(text, known, anchorSpans(text, known.map((k) => k.quote)));
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
