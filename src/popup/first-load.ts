// What the popup's first view needs from the background, asked for before Preact renders
// anything (main.tsx): the two round trips then overlap the popup's own start instead of
// waiting for its first effect, which runs only after a frame. The page's state alone decides the
// first real render; the knowledge base's status only fills the footer and may come later.
import type { KbStatus, TabState } from '../messages';
import browser from 'webextension-polyfill';
import { send } from '../lib/rpc';

export interface FirstLoad {
  /** The tab the popup is about (`?tab=<id>`, else the active tab) and its analysed state. */
  page: Promise<{ tabId: number | null; state: TabState | null }>;
  /** null when the background cannot say. */
  kb: Promise<KbStatus | null>;
}

async function currentTabId(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null) {
    const id = Number(param);
    return Number.isInteger(id) && id >= 0 ? id : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Starts both requests at once; `search` is the popup's query string. */
export function startFirstLoad(search: string): FirstLoad {
  const kb = send('kb/status', {}).catch(() => null);
  const page = currentTabId(search).then(async (tabId) => ({ tabId, state: tabId === null ? null : (await send('tab/state', { tabId })).state }));
  // Handled by whoever awaits it; no unhandled rejection while the app is still loading.
  page.catch(() => undefined);
  return { page, kb };
}
