// The analysis host (content/engine.ts): where a policy page's text is analysed, off the page's
// main thread. In Chrome an offscreen document, opened when the background starts in automatic
// mode and checked again before a page analyses (page/lookup); it keeps the detector loaded and
// the recent results per address, so a revisit reuses its analysis. It is also where the clauses
// of a followed document's fetched text are found (follow-alarm.ts): Chrome allows one offscreen
// document per extension, so this is the only one, and nothing closes it. Firefox has no offscreen
// documents: there the page finds no host and analyses itself (content/engine-client.ts).
import { HOST_FILE } from '../lib/content-files';

interface OffscreenApi {
  createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

let opening: Promise<void> | null = null;

/** Opens the host if it is not open (idempotent; one at a time). */
export function ensureAnalysisHost(): Promise<void> {
  const offscreen = (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
  if (!offscreen) return Promise.resolve();
  opening ??= (async () => {
    if (await offscreen.hasDocument?.()) return;
    try {
      await offscreen.createDocument({ url: HOST_FILE, reasons: ['WORKERS'], justification: 'Runs the clause detector away from the main thread of the pages being read, and on the policies the user follows.' });
    } catch (err) {
      // Opened meanwhile (another start, another page): that is the one we wanted.
      if (!/single offscreen|already/i.test(String(err))) throw err;
    }
  })().finally(() => {
    opening = null;
  });
  return opening;
}
