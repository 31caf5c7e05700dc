// Opens one of the popup's views as a page next to a tab (the in-page panel's "See all platforms
// with this clause type"): the address is built here from fixed parts, never taken from a page.
import browser from 'webextension-polyfill';

export function popupViewUrl(tabId: number, view: string, params: Record<string, string>): string {
  const q = new URLSearchParams({ tab: String(tabId), view });
  for (const [k, v] of Object.entries(params)) q.set(k, v);
  return browser.runtime.getURL(`src/popup/index.html?${q.toString()}`);
}

export async function openView(tabId: number, view: string, params: Record<string, string>): Promise<boolean> {
  try {
    const tab = await browser.tabs.get(tabId);
    await browser.tabs.create({ url: popupViewUrl(tabId, view, params), index: (tab.index ?? 0) + 1, openerTabId: tabId });
    return true;
  } catch {
    return false;
  }
}
