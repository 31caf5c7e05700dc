// The browser's own extension API, for code that runs on every page. webextension-polyfill costs
// ~10 KB of script and a few milliseconds of set-up in every tab, which the content loader cannot
// afford; the calls made here (runtime.sendMessage, tabs.sendMessage, storage) return promises
// natively in Chrome's MV3 and in Firefox, so they need no polyfill. The rest of the extension
// (annotator, popup, background) keeps using the polyfill. Typed with the polyfill's types only.
import type browser from 'webextension-polyfill';

const api = (): typeof browser => ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as typeof browser;

/** The API, looked up at each use rather than when this module loads: the loader on an ordinary
 * page then never touches it (the first touch of the extension API sets up its bindings in the
 * page, which an ordinary page does not need). */
export const ext = {
  get runtime() {
    return api().runtime;
  },
  get storage() {
    return api().storage;
  },
  get i18n() {
    return api().i18n;
  },
  get tabs() {
    return api().tabs;
  },
} as typeof browser;

/**
 * Listens for runtime messages; a handler answers by returning a promise, or ignores the message
 * by returning undefined. Uses the sendResponse form, which Chrome and Firefox both support.
 * Returns the function that stops listening.
 */
export function onRuntimeMessage(handler: (message: unknown) => Promise<unknown> | undefined): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (r: unknown) => void): boolean => {
    const answer = handler(message);
    if (!answer) return false;
    answer.then(sendResponse, (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }));
    return true;
  };
  const event = ext.runtime.onMessage as unknown as { addListener(l: typeof listener): void; removeListener(l: typeof listener): void };
  event.addListener(listener);
  return () => event.removeListener(listener);
}
