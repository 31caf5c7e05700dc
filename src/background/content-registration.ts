// Which pages get the content script, decided at run time: in automatic mode the loader is
// registered for every http(s) page and frame; in "only when I click" mode nothing is registered,
// so no Clausemark script runs in any page until the user asks (the popup's "Analyse this page" or
// the context menu inject it into that one tab with scripting.executeScript). The manifest declares
// no content script at all.
import browser from 'webextension-polyfill';
import type { Settings } from '../core/settings';
import { LOADER_FILE, LOADER_REQUEST } from '../lib/content-files';
import { envelope, type ContentMessage, type Reply, type Req, type Res } from '../messages';

export const LOADER_ID = 'clausemark-loader';
const PAGES = ['http://*/*', 'https://*/*'];

/** At the start of the document: the loader does nothing there but look at the address; on a
 * policy it starts the lookup and the annotator's load while the page is still parsed, and reads
 * the page at DOMContentLoaded, never waiting for `load` (docs/performance.md). */
const RUN_AT = 'document_start' as const;

/** Registers or unregisters the loader to match the mode (idempotent; runs on every start). */
export async function syncContentScripts(settings: Pick<Settings, 'mode'>): Promise<void> {
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [LOADER_ID] });
  const script = { id: LOADER_ID, js: [LOADER_FILE], matches: PAGES, allFrames: true, runAt: RUN_AT, persistAcrossSessions: true };
  if (settings.mode === 'auto' && !registered) {
    await browser.scripting.registerContentScripts([script]);
  } else if (settings.mode === 'auto' && registered && registered.runAt !== RUN_AT) {
    // Registered by an earlier version (it persists across sessions).
    await browser.scripting.updateContentScripts([script]);
  } else if (settings.mode !== 'auto' && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [LOADER_ID] });
  }
}

/** Puts the loader into a tab's top frame on the user's request (no-op where it already runs: it
 * guards against double injection). */
export async function injectLoader(tabId: number, frameId = 0): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [LOADER_FILE] });
}

/**
 * Asks the loader in a frame (the popup's "Analyse this page", the menu's "Explain this clause"):
 * a function run in the extension's isolated world of that frame calls the loader there. The
 * loader needs no runtime message listener for this, which would set up the extension's messaging
 * in every page it runs on.
 */
export async function requestLoader<N extends ContentMessage>(tabId: number, frameId: number, name: N, payload: Req<N>): Promise<Res<N>> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    func: (message: unknown, entry: string) => (globalThis as unknown as Record<string, ((m: unknown) => Promise<unknown>) | undefined>)[entry]?.(message) ?? null,
    args: [envelope(name, payload), LOADER_REQUEST],
  });
  const reply = result?.result as Reply<N> | null | undefined;
  if (!reply || typeof reply !== 'object') throw new Error(`${name}: no answer`);
  if (!reply.ok) throw new Error(`${name}: ${reply.error}`);
  return reply.value;
}
