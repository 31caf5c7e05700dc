// Service worker (Chrome) / background script (Firefox): owns IndexedDB and the knowledge base,
// answers the typed messages of src/messages.ts. Nothing here talks to the network, except the
// knowledge-base update feed when the user has set its address (off by default; kb-update.ts) and
// the documents the user follows, each at its one address (follow-service.ts).
import browser from 'webextension-polyfill';
import { isEnvelope, type BackgroundMessage, type Reply } from '../messages';
import type { KnowledgeBase } from '../kb/schema';
import { openClausemarkDb, type Db } from '../storage/db';
import { KbService } from './kb-service';
import { KbUpdater } from './kb-update';
import { feedOriginPattern, LEGACY_FEED_URL_KEY } from '../kb/update';
import { getFeedUrl } from '../storage/feed';
import { handle, isBackgroundMessage, type HandlerDeps } from './routes';
import { sendToTab } from '../lib/rpc';
import { t } from '../lib/i18n';
import { setActionBadge } from './action-badge';
import { markChanged, openHistory } from './history-badge';
import { openView } from './open-view';
import { injectAnnotator, injectLoader, requestLoader, syncContentScripts } from './content-registration';
import { ensureAnalysisHost } from './analysis-host';
import { badgeTexts } from './badge-texts';
import { loadSettings, onSettingsChanged } from '../settings/store';
import { FollowService } from './follow-service';
import { analyseClauses, announceFollowed, clearFollowedMark, FOLLOW_ALARM, followSchedule, listenToNotifications } from './follow-alarm';

let dbPromise: Promise<Db> | null = null;
const db = () =>
  (dbPromise ??= openClausemarkDb(undefined, {
    onClosed: () => {
      dbPromise = null;
    },
  }));

async function loadBundled(): Promise<KnowledgeBase> {
  const res = await fetch(browser.runtime.getURL('kb.json.gz'));
  if (!res.ok || !res.body) throw new Error(`bundled knowledge base could not be read (${res.status})`);
  const json = res.body.pipeThrough(new DecompressionStream('gzip'));
  return (await new Response(json).json()) as KnowledgeBase;
}

const kb = new KbService({ db, loadBundled });

/** The feed address, from the background's own database. An address an older build kept in
 * storage.local is dropped, not moved: a content script can write storage.local, and with access to
 * all https pages a granted permission no longer shows that the user chose that server. */
async function feedUrl(): Promise<string | null> {
  await browser.storage.local.remove(LEGACY_FEED_URL_KEY);
  return getFeedUrl(await db());
}
const permitted = (u: URL) => browser.permissions.contains({ origins: [feedOriginPattern(u)] });
const updates = new KbUpdater({ db, kb, feedUrl, permitted, fetch: (url, init) => fetch(url, init) });

/** Followed documents: fetched only while the user follows them, each one's host permission
 * granted by the user (follow-service.ts). */
const follow = new FollowService({
  db,
  kb,
  fetch: (url, init) => fetch(url, init),
  permitted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  async releasePermission(pattern) {
    try {
      return await browser.permissions.remove({ origins: [pattern] });
    } catch {
      // Chrome refuses to remove access that came with the install (automatic detection's
      // access to all pages): nothing was granted for this document alone.
      return false;
    }
  },
  settings: loadSettings,
  analyse: analyseClauses,
  schedule: followSchedule,
  announce: announceFollowed,
  clearMark: clearFollowedMark,
});

const TAB_KEY = (tabId: number) => `tab:${tabId}`;
const FRAME_KEY = (tabId: number) => `frame:${tabId}`;
const session = browser.storage.session ?? browser.storage.local;

const deps: HandlerDeps = {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  db,
  kb,
  updates,
  feedUrl,
  tabVisits: {
    async get(tabId) {
      const v = (await session.get(TAB_KEY(tabId)))[TAB_KEY(tabId)];
      return typeof v === 'number' ? v : undefined;
    },
    async set(tabId, visitId, frameId = 0) {
      await session.set({ [TAB_KEY(tabId)]: visitId, [FRAME_KEY(tabId)]: frameId });
    },
    async frame(tabId) {
      const v = (await session.get(FRAME_KEY(tabId)))[FRAME_KEY(tabId)];
      return typeof v === 'number' ? v : undefined;
    },
    async clear(tabId) {
      await session.remove([TAB_KEY(tabId), FRAME_KEY(tabId)]);
    },
  },
  async revealInTab(tabId, clauseId) {
    try {
      return (await sendToTab(tabId, 'content/reveal', { clauseId })).ok;
    } catch {
      return false;
    }
  },
  async analyseTab(tabId) {
    try {
      // "Only when I click" (or a tab opened before install): no loader there yet. The user asked,
      // from the popup: put it into this tab now, then ask it to analyse.
      await injectLoader(tabId);
      return (await requestLoader(tabId, 0, 'content/analyse', {})).started;
    } catch {
      // A browser page, the web store, a PDF: no extension may read them.
      throw new Error('Clausemark cannot read this page (browser pages and the extension store are off limits).');
    }
  },
  injectLoader,
  injectAnnotator,
  setBadge: setActionBadge,
  markChanged,
  openHistory,
  openView,
  follow,
  async openFollowConfirm() {
    await browser.runtime.openOptionsPage();
  },
  ensureAnalysisHost,
  badgeTexts,
};

// The schedule of followed documents: one alarm, every interval the user picked (none while
// nothing is followed). Registered at the top level so the alarm wakes the worker.
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== FOLLOW_ALARM) return;
  void follow
    .checkAll()
    .catch((err: unknown) => console.error('Clausemark: checking followed documents failed', err))
    .finally(() => void follow.reschedule().catch(() => undefined));
});
listenToNotifications();
void follow
  .reschedule()
  .then(() => browser.alarms.get(FOLLOW_ALARM))
  .then(async (alarm) => {
    const n = (await follow.listing()).documents.length;
    console.info(`Clausemark: followed documents ready (${n} followed, ${alarm?.periodInMinutes ? `checked every ${alarm.periodInMinutes / 60} h` : 'no alarm set'})`);
  })
  .catch((err: unknown) => console.error('Clausemark: followed documents schedule failed', err));

const MENU_EXPLAIN = 'clausemark-explain';
browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_EXPLAIN || tab?.id === undefined || !info.selectionText) return;
  const text = info.selectionText.slice(0, 20_000);
  const frameId = info.frameId ?? 0;
  const tabId = tab.id;
  // The user's click on the menu: in "only when I click" mode the loader is put in that frame now.
  void injectLoader(tabId, frameId)
    .then(() => requestLoader(tabId, frameId, 'content/explain', { text }))
    .catch((err: unknown) => console.warn('Clausemark: cannot explain a selection on this page', err));
});

/** The content script follows the mode: registered for every page in automatic mode, nowhere in
 * "only when I click" mode (content-registration.ts). On every start, and on every change. */
const syncScripts = () =>
  loadSettings()
    .then(async (s) => {
      await syncContentScripts(s);
      // In automatic mode the first policy page should not wait for the host to open, nor for
      // the URL index its lookup needs.
      if (s.mode === 'auto') {
        void kb.warm().catch((err: unknown) => console.warn('Clausemark: URL index', err));
        await ensureAnalysisHost();
      }
    })
    .catch((err: unknown) => console.error('Clausemark: content script registration failed', err));
void syncScripts();
onSettingsChanged((s) => void syncContentScripts(s).catch((err: unknown) => console.error('Clausemark: content script registration failed', err)));

browser.runtime.onInstalled.addListener((details) => {
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: MENU_EXPLAIN, title: t('menuExplain'), contexts: ['selection'] }),
  );
  if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('src/onboarding/index.html') });
  void kb
    .ensure(true)
    .then(() => kb.warm())
    .then(() => kb.status())
    .then((s) => console.info(`Clausemark: knowledge base ${s.version} ready (${s.counts?.platforms} platforms, ${s.counts?.clauses} reviewed clauses)`))
    .catch((err: unknown) => console.error('Clausemark: knowledge base install failed', err));
});
browser.runtime.onStartup.addListener(() => {
  void kb.ensure().catch((err: unknown) => console.error('Clausemark: knowledge base check failed', err));
  void updates.maybeAutoCheck().catch((err: unknown) => console.error('Clausemark: update check failed', err));
});

browser.tabs.onRemoved.addListener((tabId) => {
  void session.remove([TAB_KEY(tabId), FRAME_KEY(tabId)]);
});

function answer<N extends BackgroundMessage>(name: N, payload: unknown, sender: browser.Runtime.MessageSender): Promise<Reply<N>> {
  return handle(name, payload, sender, deps).then(
    (value): Reply<N> => ({ ok: true, value }),
    (err: unknown): Reply<N> => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isEnvelope(message)) return undefined;
  const name: string = message.name;
  if (!isBackgroundMessage(name)) return Promise.resolve({ ok: false, error: `unknown message ${name}` });
  return answer(name, message.payload, sender);
});
