// Chrome's offscreen document for followed documents (follow-alarm.ts creates it while a check
// needs it): finds the clauses of a fetched text, so the service worker itself never loads the
// detector models. Answers only its own requests; every other runtime message is the worker's.
import { analyseFollowed, type AnalyseRequest } from '../follow-analyse';

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  const m = message as { clausemarkOffscreen?: unknown; request?: AnalyseRequest } | null;
  if (!m || m.clausemarkOffscreen !== 1 || !m.request || sender.id !== chrome.runtime.id) return undefined;
  try {
    sendResponse({ ok: true, clauses: analyseFollowed(m.request) });
  } catch (err) {
    sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
  return undefined;
});
