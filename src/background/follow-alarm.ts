// The browser side of followed documents: the alarm that runs the checks, the toolbar mark for a
// change found in the background (on every tab, as no tab shows the document), and the system
// notification, only when the user turned notifications on and granted the permission.
import browser from 'webextension-polyfill';
import type { VersionChange } from '../history-messages';
import type { FollowedDocument } from '../storage/follow-types';
import { loadSettings } from '../settings/store';
import { formatNumber, t } from '../lib/i18n';
import { CHANGED_BADGE } from './history-badge';
import type { PageClause } from '../core/page-clause';
import type { AnalyseRequest } from './follow-analyse';
import { ensureAnalysisHost } from './analysis-host';

export const FOLLOW_ALARM = 'clausemark-follow';
const NOTIFICATION_PREFIX = 'clausemark-follow:';

/** One alarm every `hours`, or none. An alarm with the right period is left as it is (its next
 * time is kept across restarts). */
export async function followSchedule(hours: number | null): Promise<void> {
  if (hours === null) {
    await browser.alarms.clear(FOLLOW_ALARM);
    return;
  }
  const minutes = hours * 60;
  const current = await browser.alarms.get(FOLLOW_ALARM);
  if (current?.periodInMinutes === minutes) return;
  browser.alarms.create(FOLLOW_ALARM, { delayInMinutes: minutes, periodInMinutes: minutes });
}

export async function announceFollowed(doc: FollowedDocument, change: VersionChange, unseen: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ text: CHANGED_BADGE.text });
    await browser.action.setBadgeBackgroundColor({ color: CHANGED_BADGE.color });
    await browser.action.setTitle({ title: t('followActionTitle', formatNumber(unseen)) });
  } catch (err) {
    console.warn('Clausemark: could not set the toolbar mark', err);
  }
  const settings = await loadSettings();
  if (!settings.systemNotifications) return;
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false))) return;
  try {
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${doc.docKey}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: t('followNotifyTitle', doc.title),
      message: t('followNotifyMessage', formatNumber(change.wordsAdded), formatNumber(change.wordsRemoved)),
    });
  } catch (err) {
    console.warn('Clausemark: could not show a notification', err);
  }
}

export async function clearFollowedMark(): Promise<void> {
  try {
    await browser.action.setBadgeText({ text: '' });
    await browser.action.setTitle({ title: t('extActionTitle') });
  } catch {
    // cosmetic
  }
}

/** A click on a notification opens Options at the followed documents. */
export function listenToNotifications(): void {
  try {
    browser.notifications?.onClicked.addListener((id) => {
      if (id.startsWith(NOTIFICATION_PREFIX)) void browser.runtime.openOptionsPage();
    });
  } catch {
    // No notifications permission (yet): nothing to click.
  }
}

/** The clauses of a followed document's text, found outside the service worker's start-up path:
 * in Chrome by the analysis host (analysis-host.ts: the one offscreen document Chrome allows an
 * extension, which pages' analyses use too and which stays open for them), or (Firefox, whose
 * background is a page) in a module imported on first use. */
export async function analyseClauses(request: AnalyseRequest): Promise<PageClause[]> {
  if (typeof chrome !== 'undefined' && (chrome as { offscreen?: unknown }).offscreen) {
    await ensureAnalysisHost();
    const r = (await chrome.runtime.sendMessage({ clausemarkOffscreen: 1, request })) as { ok: boolean; clauses?: PageClause[]; error?: string } | undefined;
    if (!r?.ok || !r.clauses) throw new Error(`the clauses could not be found (${r?.error ?? 'no answer'})`);
    return r.clauses;
  }
  const { analyseFollowed } = await import('./follow-analyse');
  return analyseFollowed(request);
}
