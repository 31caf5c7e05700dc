// The heavy half of checking a followed document: its clauses, by the content script's own steps
// (core/page-analysis.ts, with the detector models). Kept out of the service worker's start-up:
// Chrome runs it in an offscreen document (offscreen/main.ts), Firefox's background page imports
// it on first use (follow-alarm.ts), so a waking worker does not parse the models.
import type { PageClause } from '../core/page-clause';
import type { KnownClause } from '../kb/schema';
import type { Settings } from '../core/settings';
import { analyseText } from '../core/page-analysis';

export interface AnalyseRequest {
  text: string;
  hardBreaks: number[];
  known: KnownClause[];
  documentId?: string;
  settings: Pick<Settings, 'disabledCategories' | 'minSeverity' | 'sensitivity'>;
}

export function analyseFollowed(req: AnalyseRequest): PageClause[] {
  return analyseText(req.text, req.hardBreaks, { known: req.known, documentId: req.documentId, settings: req.settings });
}
