// Nothing leaves the device: a browsing session over real policy pages, the popup and the
// options page, recording every request made by the extension's service worker and pages.
// (A recording proxy is no help here: Chromium's own update and preconnect traffic would be
// indistinguishable from the extension's.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PAGES, ORDINARY_PAGE, routed } from '../fixtures/pages';
import { tabIdOf, waitForAnnotation, type ExtensionSession } from '../../scripts/lib/chromium';
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
      const first = page.locator('mark.clausemark-hl').first();
      await first.scrollIntoViewIfNeeded();
      await first.click(); // the panel asks the background for comparisons
      await page.waitForTimeout(300);
      await page.close();
    }
    const ordinary = await session.context.newPage();
    await ordinary.goto(ORDINARY_PAGE.url);
    await ordinary.waitForTimeout(1000);
    const tabId = await tabIdOf(session, ORDINARY_PAGE.url).catch(() => 0);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.waitForTimeout(800);
    await popup.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    await popup.waitForTimeout(800);
    expect(visited).toHaveLength(FIXTURE_PAGES.length);
    expect(session.fromExtension).toEqual([]);
    // The pages' own resources (images, scripts of the archived sites) were refused by routing,
    // which shows the recording was live.
    expect(session.blocked.length).toBeGreaterThan(0);
    console.log(`privacy: ${session.blocked.length} page requests refused by routing, ${session.fromExtension.length} made by the extension`);
  });

  it('the recorder does see a request made from an extension page (so the check above can fail)', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    const before = session.fromExtension.length;
    await page.evaluate(() => fetch('https://collector.example.com/beacon').catch(() => undefined));
    await page.waitForTimeout(300);
    expect(session.fromExtension.slice(before)).toEqual(['https://collector.example.com/beacon']);
    await page.close();
  });
});
