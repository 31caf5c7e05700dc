// The heavy half of checking a followed document: its clauses, by the content script's own steps
// (core/page-analysis.ts, with the detector models). Kept out of the service worker's start-up:
// Chrome runs it in the analysis host (content/engine.ts serve(), the offscreen document of
// analysis-host.ts), Firefox's background page imports it on first use (follow-alarm.ts), so a
// waking worker does not parse the models.
export { analyseRequested as analyseFollowed, type AnalyseTextRequest as AnalyseRequest } from '../core/page-analysis';
