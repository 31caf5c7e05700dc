// Issue 12, finding 1, reproduced: the user reads Bluesky's Terms at bsky.social (their first
// reading backdated in storage to 14 March 2021, as if read long ago). Later a stranger's site
// serves the very same text at https://stranger.example/privacy, then a changed text. The stranger
// must learn nothing from the Bluesky reading: its page is asked for the text (not "known"), the
// change notice dates from the stranger's own first visit, and the page's scripts cannot read the
// notice at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bareRepo, versionPage } from '../fixtures/ota-versions';
import { markdownToText } from '../../src/core/text';
import { versionText } from '../../src/core/history-text';
import { contentStatus, uiText, waitForAnnotation, waitInContentWorld, type ExtensionSession } from '../../scripts/lib/chromium';
import { openBrowser } from './browser';
import { pageView, waitForUi } from './ui';

const BSKY = 'https://bsky.social/about/support/tos';
const STRANGER = 'https://stranger.example/privacy';
const PATH = 'Bluesky/Terms of Service.md';
const V1 = '6eb25d32c522e104d590406bf0648f9cb527a444'; // 9 May 2025
const V2 = 'b1a978f22b73067d9b08ea5cf37fd752fcc6139d'; // 18 June 2025, a real change
const BACKDATED = '2021-03-14T09:00:00.000Z';

const repo = bareRepo();
const text = (md: string) => {
  const t = markdownToText(md);
  return versionText(t.text, t.hardBreaks);
};
const page1 = (title: string) => versionPage(repo, { commit: V1, path: PATH }, title, text);
const page2 = (title: string) => versionPage(repo, { commit: V2, path: PATH }, title, text);

let session: ExtensionSession;
let page: Page;

async function read(url: string): Promise<string> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await waitForAnnotation(page);
  await waitInContentWorld(page, () => ['recorded', 'changed', 'error', 'too-long'].includes((globalThis as { clausemarkStatus?: { history?: string } }).clausemarkStatus?.history ?? ''), undefined, { timeoutMs: 30_000 });
  return (await contentStatus(page)).history ?? '';
}

/** Every version row and tracked document in the extension's IndexedDB, read in the worker. */
function stored(): Promise<{ versions: { docKey: string; firstSeen: string }[]; tracked: { docKey: string; firstSeen: string }[] }> {
  return session.worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('clausemark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['versions', 'tracked']);
          const v = tx.objectStore('versions').getAll();
          const t = tx.objectStore('tracked').getAll();
          tx.oncomplete = () => resolve({ versions: v.result, tracked: t.result });
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

beforeAll(async () => {
  session = await openBrowser([
    { url: BSKY, html: page1('Bluesky Terms of Service') },
    { url: STRANGER, html: page1('Privacy Policy') },
  ]);
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

describe('a stranger serving text the user read on another site', () => {
  it('the Bluesky reading is recorded, then backdated in storage', async () => {
    expect(await read(BSKY)).toBe('recorded');
    await session.worker.evaluate(
      (at) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('clausemark');
          open.onsuccess = () => {
            const tx = open.result.transaction(['versions', 'tracked'], 'readwrite');
            for (const name of ['versions', 'tracked']) {
              const store = tx.objectStore(name);
              const all = store.getAll();
              all.onsuccess = () => {
                for (const r of all.result) store.put({ ...r, firstSeen: at, lastSeen: at });
              };
            }
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      BACKDATED,
    );
    const s = await stored();
    expect(s.tracked.map((t) => t.firstSeen)).toEqual([BACKDATED]);
  });

  it('the same text at the stranger’s address is a first reading of its own', async () => {
    expect(await read(STRANGER)).toBe('recorded');
    expect(await uiText(page, '.notice')).toBeNull();
    const s = await stored();
    const mine = s.versions.filter((v) => v.docKey.includes('stranger.example'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.firstSeen).not.toBe(BACKDATED);
  });

  it('the changed text: a notice dated from the stranger’s own first visit, which the page cannot read', async () => {
    session.setPage({ url: STRANGER, html: page2('Privacy Policy') });
    expect(await read(STRANGER)).toBe('changed');
    await waitForUi(page, '.notice');
    const notice = (await uiText(page, '.notice')) ?? '';
    expect(notice).toContain('This policy changed since you last read it');
    expect(notice).toContain(String(new Date().getFullYear())); // a date is shown: today's
    expect(notice).not.toMatch(/2021/);
    // The page's own scripts: no shadow root to open, no state in the DOM, no date anywhere.
    const seen = await pageView(page);
    expect(seen).toMatchObject({ openShadowRoots: 0, foreignAttributes: [] });
    expect(await page.evaluate(() => new XMLSerializer().serializeToString(document).includes('2021'))).toBe(false);
    const s = await stored();
    const tracked = s.tracked.find((t) => t.docKey.includes('stranger.example'));
    expect(tracked?.firstSeen).not.toBe(BACKDATED);
    expect(s.tracked.find((t) => t.docKey.includes('bsky.social'))?.firstSeen).toBe(BACKDATED);
  });
});
