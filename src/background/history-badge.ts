// The toolbar mark for "this policy changed since you last read it": a distinct badge (Δ on
// purple) and a title that says what it means, set on the tab where the change was seen.
import browser from 'webextension-polyfill';
import type { VersionChange } from '../history-messages';
import { formatNumber, t } from '../lib/i18n';

export const CHANGED_BADGE = { text: 'Δ', color: '#6b3fa0' };

export function changedTitle(change: VersionChange): string {
  const added = formatNumber(change.wordsAdded);
  const removed = formatNumber(change.wordsRemoved);
  return change.pinned ? t('actionChangedPinned', added, removed) : t('actionChangedRead', added, removed);
}

export async function markChanged(tabId: number, change: VersionChange): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: CHANGED_BADGE.text });
    await browser.action.setBadgeBackgroundColor({ tabId, color: CHANGED_BADGE.color });
    await browser.action.setTitle({ tabId, title: changedTitle(change) });
  } catch {
    // The tab may have closed meanwhile.
  }
}

/** Opens the popup's History view for a tab, as a page next to it. */
export async function openHistory(tabId: number): Promise<boolean> {
  try {
    const tab = await browser.tabs.get(tabId);
    await browser.tabs.create({ url: browser.runtime.getURL(`src/popup/index.html?tab=${tabId}&view=history`), index: (tab.index ?? 0) + 1, openerTabId: tabId });
    return true;
  } catch {
    return false;
  }
}
