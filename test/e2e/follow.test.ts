// Followed documents end to end in real Chromium with the built extension. A local server serves
// LinkedIn's real Privacy Policy: first the version Open Terms Archive recorded before
// 22 August 2026, then the version of that day, then that version with one paragraph more. The
// user reads it in a tab, follows it from the popup, and the background fetches it (no cookies)
// on "Check now" and when its alarm fires: a new version lands in the same History, with the
// toolbar mark. Then unfollow, and following from the clause panel (the page cannot name another
// address). Screenshot: docs/screenshots/follow.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PROJECT_ROOT } from '../fixtures/pages';
import { bareRepo, showVersion } from '../fixtures/ota-versions';
import { markdownToText } from '../../src/core/text';
import { versionText } from '../../src/core/history-text';
import { inContentWorld, tabIdOf, waitForAnnotation, waitInContentWorld, type ExtensionSession } from '../../scripts/lib/chromium';
import { openBrowser } from './browser';
import { clickUi, waitForUi } from './ui';

const PATH = 'LinkedIn/Privacy Policy.md';
const BEFORE = 'bc7d59e9d4f6f5e3b2927e9c0ec82f7283d3a9b8'; // recorded before 22 Aug 2026
const AFTER = '185513a07a9e6cdecc1d74b10da5f70f542b7881'; // "Record new changes", 22 Aug 2026
const ADDED = 'We may also use your profile photo to train models that recognise faces in images you upload.';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The archived markdown as a plain HTML page: one paragraph per block, with a site menu and footer. */
function asHtml(commit: string, extra = ''): string {
  const t = markdownToText(showVersion(bareRepo(), { commit, path: PATH }));
  const body = versionText(t.text, t.hardBreaks)
    .split('\n')
    .map((l, i) => (i === 0 ? `<h1>${esc(l)}</h1>` : `<p>${esc(l)}</p>`))
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LinkedIn Privacy Policy</title></head>
<body><nav><a href="/">Home</a> <a href="/jobs">Jobs</a></nav><main>${body}${extra ? `<p>${esc(extra)}</p>` : ''}</main>
<footer><p>LinkedIn Corporation &copy; 2026</p></footer></body></html>`;
}

let session: ExtensionSession;
let server: Server;
let base = '';
let served = '';
const requests: { path: string; headers: IncomingHttpHeaders }[] = [];
let page: Page;
let url = '';

/** A message to the background from an extension page (as Options sends it), from a page that
 * does nothing else (Options itself marks changes as seen when it shows the list). */
async function ask<T>(name: string, payload: object): Promise<T> {
  const p = await session.context.newPage();
  try {
    await p.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=999999`);
    const r = (await p.evaluate(([n, pl]) => chrome.runtime.sendMessage({ clausemark: 1, name: n, payload: pl }), [name, payload] as const)) as { ok: boolean; value?: T; error?: string };
    if (!r.ok) throw new Error(r.error);
    return r.value as T;
  } finally {
    await p.close();
  }
}

interface Followed { url: string; docKey: string; lastCheck?: { outcome: string; message?: string }; unseen?: boolean }
const listed = () => ask<{ documents: Followed[] }>('follow/list', {});
const historyOf = (docKey: string) => ask<{ versions: { sha256: string; clauses: number }[]; diff?: { wordsAdded: number }; clauseChanges?: { added: unknown[]; removed: unknown[]; changed: unknown[] } }>('history/view', { docKey });
const globalBadge = () => session.worker.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));

beforeAll(async () => {
  served = asHtml(BEFORE);
  server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    if (req.url === '/legal/privacy-policy') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(served);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  url = `${base}/legal/privacy-policy`;
  session = await openBrowser([]);
  // A cookie the site set: a followed document's check must not send it.
  await session.context.addCookies([{ name: 'session', value: 'secret-token', url: base }]);
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('following a document', () => {
  it('nothing is followed and no alarm is set at first', async () => {
    expect((await listed()).documents).toEqual([]);
    expect(await session.worker.evaluate(() => chrome.alarms.getAll())).toEqual([]);
  });

  it('the popup follows the tab’s policy; the first check fetches it without cookies and finds the version the user read', async () => {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await waitForAnnotation(page);
    await waitInContentWorld(page, () => ['recorded', 'changed'].includes((globalThis as { clausemarkStatus?: { history?: string } }).clausemarkStatus?.history ?? ''));
    expect(requests.at(-1)?.headers.cookie).toContain('secret-token'); // the tab sends it: the cookie is live
    const tabId = await tabIdOf(session, url);
    const before = requests.length;
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.click('button.follow-btn');
    await popup.waitForSelector('.follow.followed');
    expect(await popup.textContent('.notice')).toContain('Followed.');
    await popup.close();

    const fetched = requests.slice(before);
    expect(fetched.map((r) => r.path)).toEqual(['/legal/privacy-policy']);
    expect(fetched[0]?.headers.cookie).toBeUndefined();
    expect(fetched[0]?.headers.referer).toBeUndefined();
    const [doc] = (await listed()).documents;
    expect(doc).toMatchObject({ url, lastCheck: { outcome: 'first' } });
    // The background read the same text as the tab: no second version.
    expect((await historyOf(doc!.docKey)).versions).toHaveLength(1);
    const alarm = await session.worker.evaluate(() => chrome.alarms.get('clausemark-follow'));
    expect(alarm?.periodInMinutes).toBe(24 * 60);
  });

  it('“Check now” in Options after the policy changed: a new version in History and the toolbar mark', async () => {
    served = asHtml(AFTER);
    const options = await session.context.newPage();
    await options.setViewportSize({ width: 900, height: 900 });
    await options.goto(`chrome-extension://${session.extensionId}/src/options/index.html#follow`);
    const row = options.locator(`.followed li[data-url="${url}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: /Check .* now/ }).click();
    await row.locator('.check', { hasText: 'changed, new version kept' }).waitFor();
    const [doc] = (await listed()).documents;
    expect(doc).toMatchObject({ lastCheck: { outcome: 'changed' }, unseen: true });
    const h = await historyOf(doc!.docKey);
    expect(h.versions).toHaveLength(2);
    expect(h.diff?.wordsAdded).toBeGreaterThan(0);
    // The fetched version's clauses were found as on the page (the detector runs outside the
    // worker, in Chrome's offscreen document): about as many as the tab's reading, few changed.
    const [read, fetched] = h.versions;
    expect(fetched!.clauses).toBeGreaterThan(10);
    expect(Math.abs(fetched!.clauses - read!.clauses)).toBeLessThanOrEqual(3);
    // That document is the analysis host, the one offscreen document Chrome allows, which pages'
    // analyses use too: the check left it open, and opened no other.
    const offscreen = await session.worker.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] }).then((c) => c.map((x) => new URL(x.documentUrl ?? '').pathname)));
    expect(offscreen).toEqual(['/content/host.html']);
    expect(await globalBadge()).toMatchObject({ text: 'Δ', title: expect.stringContaining('followed document changed') });
    mkdirSync(path.join(PROJECT_ROOT, 'docs/screenshots'), { recursive: true });
    await options.locator('#follow').screenshot({ path: path.join(PROJECT_ROOT, 'docs/screenshots/follow.png') });

    // The popup says which followed document changed, with a link to its History.
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=999999`);
    expect(await popup.textContent('.followed-changes')).toContain('A document you follow changed: LinkedIn Privacy Policy');
    expect(await popup.getAttribute('.followed-changes a', 'href')).toContain(`?doc=${encodeURIComponent(doc!.docKey)}&view=history`);
    await popup.close();
    // Its History opens from the list, without a tab.
    const [hist] = await Promise.all([session.context.waitForEvent('page'), row.getByRole('link', { name: 'History' }).click()]);
    await hist.waitForSelector('.history .diff');
    expect(await hist.textContent('.history .change')).toMatch(/changed since/i);
    await hist.close();
    // Looking at the list again takes the mark away.
    await options.reload();
    await row.waitFor();
    await expect.poll(async () => (await globalBadge()).text).toBe('');
    await options.close();
  });

  it('when the alarm fires the background checks again and keeps the next version', async () => {
    served = asHtml(AFTER, ADDED);
    const before = requests.length;
    // The alarm the schedule set, due now: the worker's own listener runs the check.
    await session.worker.evaluate(() => chrome.alarms.create('clausemark-follow', { when: Date.now() + 100 }));
    await expect.poll(async () => (await listed()).documents[0]?.lastCheck?.outcome, { timeout: 20_000 }).toBe('changed');
    const [doc] = (await listed()).documents;
    expect((await historyOf(doc!.docKey)).versions).toHaveLength(3);
    expect(requests.slice(before).map((r) => r.path)).toEqual(['/legal/privacy-policy']);
    expect((await globalBadge()).text).toBe('Δ');
    // The schedule is back to daily after the one-off firing.
    await expect.poll(async () => (await session.worker.evaluate(() => chrome.alarms.get('clausemark-follow')))?.periodInMinutes).toBe(24 * 60);
  });

  it('unfollow: no more checks, the alarm is gone, the history stays', async () => {
    const [doc] = (await listed()).documents;
    const r = await ask<{ removed: boolean }>('follow/remove', { url });
    expect(r.removed).toBe(true);
    expect((await listed()).documents).toEqual([]);
    expect(await session.worker.evaluate(() => chrome.alarms.get('clausemark-follow'))).toBeUndefined();
    expect((await historyOf(doc!.docKey)).versions).toHaveLength(3);
  });

  it('the clause panel follows its own page; a page cannot name another address', async () => {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await waitForAnnotation(page);
    const first = page.locator('mark[data-clausemark-clause]:visible').first();
    await first.scrollIntoViewIfNeeded();
    await first.click();
    await waitForUi(page, 'button.follow');
    await clickUi(page, 'button.follow');
    await expect.poll(async () => (await listed()).documents.map((d) => d.url)).toEqual([url]);
    const tried = await inContentWorld(page, async () => {
      const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
      return (await c.runtime.sendMessage({ clausemark: 1, name: 'follow/add', payload: { url: 'https://evil.example/privacy' } })) as { ok: boolean; error?: string };
    });
    expect(tried).toMatchObject({ ok: false, error: expect.stringContaining('a page cannot name the document to follow') });
    const removed = await inContentWorld(page, async () => {
      const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
      return (await c.runtime.sendMessage({ clausemark: 1, name: 'follow/remove', payload: { url: 'x' } })) as { ok: boolean; error?: string };
    });
    expect(removed).toMatchObject({ ok: false, error: expect.stringMatching(/not accepted from this sender/) });
    expect((await listed()).documents.map((d) => d.url)).toEqual([url]);
  });
});
