// Nothing leaves the device: a browsing session over real policy pages, the popup and the
// options page, recording every request made by the extension's service worker and pages.
// (A recording proxy is no help here: Chromium's own update and preconnect traffic would be
// indistinguishable from the extension's.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { FIXTURE_PAGES, ORDINARY_PAGE, PROJECT_ROOT, routed } from '../fixtures/pages';
import { inContentWorld, waitForAnnotation, type ExtensionSession } from '../../scripts/lib/chromium';
import { openBrowser } from './browser';

let session: ExtensionSession;

beforeAll(async () => {
  session = await openBrowser([...FIXTURE_PAGES.map(routed), ORDINARY_PAGE]);
});

afterAll(async () => {
  await session?.close();
});

describe('privacy', () => {
  it('makes no network request while browsing policies, the popup and the options page', async () => {
    const visited: string[] = [];
    for (const p of FIXTURE_PAGES) {
      const page = await session.context.newPage();
      await page.goto(p.url, { waitUntil: 'domcontentloaded' });
      await waitForAnnotation(page);
      visited.push(p.url);
      const first = page.locator('mark[data-clausemark-clause]:visible').first();
      await first.scrollIntoViewIfNeeded();
      await first.click(); // the panel asks the background for comparisons
      await page.waitForTimeout(300);
      await page.close();
    }
    const ordinary = await session.context.newPage();
    await ordinary.goto(ORDINARY_PAGE.url);
    await ordinary.waitForTimeout(1000);
    // The ordinary page is not analysed, so the background has no record of it: ask the browser
    // for the tab just opened (the extension has no "tabs" permission to query by address).
    await ordinary.bringToFront();
    const tabId = await session.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    expect(tabId).toBeGreaterThan(0);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.waitForTimeout(800);
    await popup.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    await popup.waitForTimeout(800);
    expect(visited).toHaveLength(FIXTURE_PAGES.length);
    // Nothing is followed (docs/history.md, "Followed documents"), so nothing is fetched.
    expect(await popup.evaluate(() => chrome.runtime.sendMessage({ clausemark: 1, name: 'follow/list', payload: {} }))).toMatchObject({ ok: true, value: { documents: [] } });
    expect(await session.worker.evaluate(() => chrome.alarms.getAll())).toEqual([]);
    expect(session.fromExtension).toEqual([]);
    // The pages' own resources (images, scripts of the archived sites) were refused by routing,
    // which shows the recording was live.
    expect(session.blocked.length).toBeGreaterThan(0);
    console.log(`privacy: ${session.blocked.length} page requests refused by routing, ${session.fromExtension.length} made by the extension`);
  });

  it('a content script cannot set the update feed: not by message, not through storage.local', async () => {
    const page = await session.context.newPage();
    await page.goto(FIXTURE_PAGES[0]!.url, { waitUntil: 'domcontentloaded' });
    await waitForAnnotation(page);
    const tried = await inContentWorld(page, async () => {
      const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
      await c.storage.local.set({ 'settings.updateFeedUrl': 'https://evil.example/manifest.json', updateFeedUrl: 'https://evil.example/manifest.json' });
      const r = await c.runtime.sendMessage({ clausemark: 1, name: 'kb/feed-set', payload: { url: 'https://evil.example/manifest.json' } });
      return r as { ok: boolean; error?: string };
    });
    expect(tried).toMatchObject({ ok: false, error: expect.stringMatching(/not accepted from this sender/) });
    await page.close();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    const status = await options.evaluate(() => chrome.runtime.sendMessage({ clausemark: 1, name: 'kb/update-status', payload: {} }));
    expect(status).toMatchObject({ ok: true, value: { feedUrl: null } });
    await options.close();
  });

  it('a page cannot detect Clausemark by fetching its files at a fixed address', async () => {
    const page = await session.context.newPage();
    await page.goto(FIXTURE_PAGES[0]!.url, { waitUntil: 'domcontentloaded' });
    await waitForAnnotation(page); // the annotator itself was loaded, through its dynamic address
    const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'dist/chrome/manifest.json'), 'utf8')) as { web_accessible_resources: { resources: string[]; use_dynamic_url?: boolean }[] };
    const files = manifest.web_accessible_resources.flatMap((w) => w.resources);
    expect(files.length).toBeGreaterThan(0);
    const probes = [...files, 'manifest.json'].map((f) => `chrome-extension://${session.extensionId}/${f}`);
    const answers = await page.evaluate(
      (urls) => Promise.all(urls.map((u) => fetch(u).then((r) => `${u}: HTTP ${r.status}`, () => null))),
      probes,
    );
    expect(answers).toEqual(probes.map(() => null));
    await page.close();
  });

  it('the recorder does see requests made by the service worker and by an extension page (so the check above can fail)', async () => {
    const before = session.fromExtension.length;
    // The service worker is where the only network code (the update feed's fetch) runs.
    await session.worker.evaluate(() => fetch('https://collector.example.com/from-worker').then(() => 'answered', (e: unknown) => String(e)));
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    await page.evaluate(() => fetch('https://collector.example.com/from-page').catch(() => undefined));
    await page.waitForTimeout(300);
    expect(session.fromExtension.slice(before)).toEqual(['https://collector.example.com/from-worker', 'https://collector.example.com/from-page']);
    await page.close();
  });
});

describe('privacy with a followed document', () => {
  let server: Server;
  let followed = '';
  const served: string[] = [];

  beforeAll(async () => {
    const html = readFileSync(FIXTURE_PAGES[0]!.file, 'utf8');
    server = createServer((req, res) => {
      served.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    followed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/privacy`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('with one document followed, the extension requests that address and nothing else', async () => {
    const before = session.fromExtension.length;
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    const send = (name: string, payload: object) => options.evaluate(([n, p]) => chrome.runtime.sendMessage({ clausemark: 1, name: n, payload: p }), [name, payload] as const);
    expect(await send('follow/add', { url: followed })).toMatchObject({ ok: true, value: { followed: { url: followed } } });
    // Browsing, the popup and Options, a check on request and one when the alarm fires.
    for (const p of FIXTURE_PAGES.slice(0, 2)) {
      const page = await session.context.newPage();
      await page.goto(p.url, { waitUntil: 'domcontentloaded' });
      await waitForAnnotation(page);
      await page.close();
    }
    expect(await send('follow/check', {})).toMatchObject({ ok: true });
    await session.worker.evaluate(() => chrome.alarms.create('clausemark-follow', { when: Date.now() + 100 }));
    await expect.poll(() => served.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    const made = session.fromExtension.slice(before);
    expect(made.length).toBeGreaterThanOrEqual(3);
    expect([...new Set(made)]).toEqual([followed]);
    expect(served.every((s) => s === '/privacy')).toBe(true);
    // Unfollowed: nothing more.
    expect(await send('follow/remove', { url: followed })).toMatchObject({ ok: true, value: { removed: true } });
    const after = session.fromExtension.length;
    await options.reload();
    await options.waitForTimeout(500);
    expect(session.fromExtension.slice(after)).toEqual([]);
    expect(await session.worker.evaluate(() => chrome.alarms.getAll())).toEqual([]);
    await options.close();
  });
});
