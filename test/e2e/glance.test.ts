// The popup's first view as a new user meets it (issue 15): Bluesky's real Terms of Service read in
// their June 2025 version, then visited in their August 2025 version at the same address
// (bsky.social/about/support/tos, served from the Open Terms Archive history). The first view
// opens on "Changed since you read it on …" with what changed for the user, most severe first, a
// link to History; every clause shows its rarity. The lines a reader checked in the two texts
// (test/unit/core/history-summary.test.ts) hold in the browser too: the new promise not to sell
// content is there, arbitration and the class-action waiver are never said to be gone, and the
// licence (granted in the old terms in other words) is not said to be new.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bareRepo, showVersion } from '../fixtures/ota-versions';
import { markdownToText } from '../../src/core/text';
import { versionText } from '../../src/core/history-text';
import { contentStatus, tabIdOf, waitForAnnotation, waitInContentWorld, type ExtensionSession } from '../../scripts/lib/chromium';
import { openBrowser } from './browser';

const URL_ = 'https://bsky.social/about/support/tos';
const PATH = 'Bluesky/Terms of Service.md';
const JUNE = 'b1a978f22b73067d9b08ea5cf37fd752fcc6139d'; // recorded 18 June 2025
const AUGUST = 'ac1067b3b597205a16bc004f436c8f000dfe604e'; // recorded 15 August 2025

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function asHtml(commit: string): string {
  const t = markdownToText(showVersion(bareRepo(), { commit, path: PATH }));
  const body = versionText(t.text, t.hardBreaks)
    .split('\n')
    .map((l, i) => (i === 0 ? `<h1>${esc(l)}</h1>` : `<p>${esc(l)}</p>`))
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bluesky Terms of Service</title></head><body><main>${body}</main></body></html>`;
}

let session: ExtensionSession;
let page: Page;

async function load(): Promise<string> {
  await page.goto(URL_, { waitUntil: 'domcontentloaded' });
  await waitForAnnotation(page);
  await waitInContentWorld(page, () => ['recorded', 'changed', 'error', 'too-long'].includes((globalThis as { clausemarkStatus?: { history?: string } }).clausemarkStatus?.history ?? ''), undefined, { timeoutMs: 30_000 });
  return (await contentStatus(page)).history ?? '';
}

async function firstView(): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 420, height: 900 });
  await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${await tabIdOf(session, URL_)}`);
  await popup.waitForSelector('button.clause .rarity');
  return popup;
}

beforeAll(async () => {
  session = await openBrowser([{ url: URL_, html: asHtml(JUNE) }]);
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

describe('Bluesky’s Terms, read in June 2025, visited again in August 2025', () => {
  it('first reading: the first view has rarities but no banner', async () => {
    expect(await load()).toBe('recorded');
    const popup = await firstView();
    expect(await popup.$('.glance-change')).toBeNull();
    await popup.close();
  });

  it('the August version: the first view says it changed, what changed, and links to History', async () => {
    session.setPage({ url: URL_, html: asHtml(AUGUST) });
    expect(await load()).toBe('changed');
    const popup = await firstView();
    await popup.waitForSelector('.glance-change .chg');
    expect((await popup.textContent('.glance-change strong')) ?? '').toMatch(/^Changed since you read it on [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    const shown = await popup.$$eval('.glance-change .chg', (els) => els.map((e) => e.getAttribute('data-severity')));
    expect(shown.length).toBe(3);
    // Most severe first.
    const rank = { high: 0, medium: 1, low: 2, good: 3 } as Record<string, number>;
    expect([...shown].sort((a, b) => rank[a!]! - rank[b!]!)).toEqual(shown);
    expect((await popup.textContent('.glance-change')) ?? '').toMatch(/and \d+ more changes/);

    await popup.click('.glance-change a.see-history');
    await popup.waitForSelector('.history .chg-summary .chg');
    const all = await popup.$$eval('.history .chg-summary .chg', (els) => els.map((e) => `${e.querySelector('.chg-text')?.textContent} “${e.querySelector('.chg-quote')?.textContent}”`));
    expect(all).toContain('Now says it does not sell your data “We will never sell your Content without getting your permission first.”');
    expect(all.join('\n')).not.toMatch(/No longer says (disputes go to arbitration|you give up class actions)/);
    // The old terms granted a licence too, in other words: the new one adds to it, it is not new.
    expect(all.join('\n')).not.toContain('Now says it gets a licence');
    await popup.close();
  });
});
