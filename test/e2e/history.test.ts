// Change history end to end in real Chromium with the built extension: LinkedIn's real Privacy
// Policy served at its real address, first the version Open Terms Archive recorded before
// 22 August 2026, then the version of that day at the same URL. The page shows a change notice
// once (with what changed for the user), the toolbar icon is marked, the popup's first view opens on
// a banner "Changed since you read it on …" with the change's top lines, a link to History, and each
// clause's rarity (the clause panel's figures), and the History view shows the change summary, the
// word diff (lines of a table cell kept apart), the clause changes and the archive's record.
// Screenshots: docs/screenshots/history.png, docs/screenshots/popup-glance.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PROJECT_ROOT } from '../fixtures/pages';
import { bareRepo, showVersion } from '../fixtures/ota-versions';
import { markdownToText } from '../../src/core/text';
import { versionText } from '../../src/core/history-text';
import { contentStatus, inContentWorld, tabIdOf, uiText, waitForAnnotation, waitInContentWorld, type ExtensionSession } from '../../scripts/lib/chromium';
import { openBrowser } from './browser';
import { clickUi, pageView, waitForUi } from './ui';

const URL_ = 'https://www.linkedin.com/legal/privacy-policy';
const PATH = 'LinkedIn/Privacy Policy.md';
const BEFORE = 'bc7d59e9d4f6f5e3b2927e9c0ec82f7283d3a9b8'; // recorded before 22 Aug 2026
const AFTER = '185513a07a9e6cdecc1d74b10da5f70f542b7881'; // "Record new changes", 22 Aug 2026

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The archived markdown as a plain HTML page: one paragraph per block. */
function asHtml(commit: string): string {
  const t = markdownToText(showVersion(bareRepo(), { commit, path: PATH }));
  const body = versionText(t.text, t.hardBreaks)
    .split('\n')
    .map((l, i) => (i === 0 ? `<h1>${esc(l)}</h1>` : `<p>${esc(l)}</p>`))
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LinkedIn Privacy Policy</title></head><body><main>${body}</main></body></html>`;
}

/** A version's text as the page shows it, whitespace collapsed (quotes are checked against it). */
const asText = (commit: string) => versionText(markdownToText(showVersion(bareRepo(), { commit, path: PATH })).text, markdownToText(showVersion(bareRepo(), { commit, path: PATH })).hardBreaks).replace(/\s+/g, ' ');

let session: ExtensionSession;
let page: Page;

const history = async (p: Page) => (await contentStatus(p)).history ?? '';
const noticeText = (p: Page) => uiText(p, '.notice');

async function load(): Promise<void> {
  await page.goto(URL_, { waitUntil: 'domcontentloaded' });
  await waitForAnnotation(page);
  await waitInContentWorld(page, () => ['recorded', 'changed', 'error', 'too-long'].includes((globalThis as { clausemarkStatus?: { history?: string } }).clausemarkStatus?.history ?? ''), undefined, { timeoutMs: 30_000 });
}

beforeAll(async () => {
  session = await openBrowser([{ url: URL_, html: asHtml(BEFORE) }]);
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

describe('a policy that changed since the user last read it', () => {
  it('first reading: the version is recorded, no notice', async () => {
    await load();
    expect(await history(page)).toBe('recorded');
    expect(await noticeText(page)).toBeNull();
  });

  it('the same page again: still no notice', async () => {
    await load();
    expect(await history(page)).toBe('recorded');
    expect(await noticeText(page)).toBeNull();
  });

  it('the next real version at the same address: an in-page notice and a marked toolbar icon', async () => {
    session.setPage({ url: URL_, html: asHtml(AFTER) });
    await load();
    expect(await history(page)).toBe('changed');
    await waitForUi(page, '.notice');
    const text = (await noticeText(page)) ?? '';
    // The page's own scripts cannot read the notice (it says when the user read the policy).
    expect(await pageView(page)).toMatchObject({ openShadowRoots: 0, foreignAttributes: [] });
    expect(text).toContain('This policy changed since you last read it');
    expect(text).toMatch(/\d+ words added, \d+ removed/);
    expect(text).toContain('See what changed');
    // What changed for the user, one line per changed clause, at most three (History has them all).
    const lines = await inContentWorld(page, () => {
      const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
      for (const el of document.querySelectorAll('*')) {
        let root: ShadowRoot | null;
        try {
          root = dom.openOrClosedShadowRoot(el);
        } catch {
          continue;
        }
        const items = root?.querySelectorAll('.notice .chg');
        if (items?.length) return [...items].map((li) => ({ severity: li.getAttribute('data-severity'), text: li.querySelector('.chg-text')?.textContent ?? '', quote: li.querySelector('.chg-quote')?.textContent ?? '' }));
      }
      return [];
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const l of lines) {
      expect(['high', 'medium', 'low', 'good']).toContain(l.severity);
      expect(l.text).toMatch(/^(Now says|No longer says|Adds to where it says|Cuts from where it says|Rewords where it says|Says .* in (stronger|milder) terms)/);
      // The quote is the policy's own words, from either version.
      expect(asText(AFTER).includes(l.quote.replace(/…$/, '')) || asText(BEFORE).includes(l.quote.replace(/…$/, ''))).toBe(true);
    }
    const tabId = await tabIdOf(session, URL_);
    const badge = await session.worker.evaluate(async (id: number) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }), tabId);
    expect(badge.text).toBe('Δ');
    expect(badge.title).toContain('changed since you last read it');
  });

  it('the popup’s first view: a banner with what changed and a link to History, and every clause’s rarity', async () => {
    const tabId = await tabIdOf(session, URL_);
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 420, height: 900 });
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.waitForSelector('.glance-change');
    await popup.waitForSelector('button.clause .rarity');
    const banner = (await popup.textContent('.glance-change')) ?? '';
    expect(banner).toMatch(/^Changed since you read it on /);
    const bannerLines = await popup.$$eval('.glance-change .chg', (els) => els.map((e) => e.querySelector('.chg-text')?.textContent ?? ''));
    expect(bannerLines.length).toBeGreaterThan(0);
    expect(bannerLines.length).toBeLessThanOrEqual(3);
    // Every clause says how rare it is across reviewed platforms, or that there is nothing to compare.
    const rarities = await popup.$$eval('button.clause', (els) => els.map((e) => ({ id: (e as HTMLElement).dataset.clause ?? '', rarity: e.querySelector('.rarity')?.textContent ?? '' })));
    expect(rarities.length).toBeGreaterThan(5);
    for (const r of rarities) expect(r.rarity).toMatch(/^(Rare|Uncommon|Common|Widespread) · \d+ of \d+ platforms$|^no cross-platform data yet$/);
    expect(rarities.some((r) => r.rarity !== 'no cross-platform data yet')).toBe(true);
    mkdirSync(path.join(PROJECT_ROOT, 'docs/screenshots'), { recursive: true });
    await popup.screenshot({ path: path.join(PROJECT_ROOT, 'docs/screenshots/popup-glance.png') });

    // The same figures as the clause's panel in the page: open one from the popup.
    const compared = rarities.find((r) => r.rarity !== 'no cross-platform data yet')!;
    const [, k, n] = /· (\d+) of (\d+)/.exec(compared.rarity)!;
    await popup.click(`button.clause[data-clause="${compared.id}"]`);
    await waitForUi(page, `[role="dialog"][data-clause="${compared.id}"] .rarity`);
    const panelRarity = (await uiText(page, '[role="dialog"] .rarity')) ?? '';
    expect(panelRarity).toContain(`found in ${k} of ${n} platforms`);
    expect(panelRarity.toLowerCase()).toContain(compared.rarity.split(' · ')[0]!.toLowerCase());
    await page.keyboard.press('Escape');

    // The link opens History, which has every line of the summary.
    await popup.click('.glance-change a.see-history');
    await popup.waitForSelector('.history .chg-summary .chg');
    const historyLines = await popup.$$eval('.history .chg-summary .chg .chg-text', (els) => els.map((e) => e.textContent ?? ''));
    expect(historyLines.slice(0, bannerLines.length)).toEqual(bannerLines);
    await popup.close();
  });

  it('the popup’s History view shows the word diff, the clause changes and the archive record', async () => {
    const tabId = await tabIdOf(session, URL_);
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 420, height: 1100 });
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${tabId}&view=history`);
    await popup.waitForSelector('.history .diff');
    const summary = await popup.textContent('.history .change');
    expect(summary).toMatch(/Changed since the version you read on/);
    const added = (await popup.$$eval('.history .diff ins', (els) => els.map((e) => e.textContent ?? ''))).join(' ');
    expect(added).toContain('ID verification providers');
    expect(added).toContain('minimum age');
    // Lines of one table cell ("Name<br><br>Year of birth<br><br>City, …") stay apart.
    const diffText = (await popup.textContent('.history .diff')) ?? '';
    expect(diffText).toContain('\nName\nYear of birth\nCity, state/province, country\nID type and issue');
    expect(diffText).not.toMatch(/NameYear|birthCity|countryID/);
    expect(await popup.$eval('.history .diff', (e) => getComputedStyle(e).whiteSpace)).toBe('pre-wrap');
    const summaryLines = await popup.$$eval('.history .chg-summary .chg', (els) => els.map((e) => e.getAttribute('data-severity')));
    expect(summaryLines.length).toBeGreaterThan(0);
    expect(await popup.$$eval('.history .diff .fold', (els) => els.length)).toBeGreaterThan(2);
    // The header date moved too, but it is not shown as a change.
    expect(added).not.toContain('Effective');
    const clauseRows = await popup.$$eval('.history .clause-changes li', (els) => els.length);
    expect(clauseRows).toBeGreaterThan(0);
    const archive = (await popup.textContent('.history .archive')) ?? '';
    expect(archive).toContain('Latest archived version');
    expect(archive).toMatch(/\d+ recorded changes since/);
    // The archive's newest change (22 August 2026, the one served here) says what changed too.
    const newest = await popup.$$eval('.history .timeline li:first-child .chg', (els) => els.map((e) => `${e.getAttribute('data-severity')} ${e.querySelector('.chg-text')?.textContent} “${e.querySelector('.chg-quote')?.textContent}”`));
    // Both new rows protect children (test/unit/core/history-summary.test.ts); the line quotes one.
    expect(newest.some((l) => /^good Now says it protects children's data “(Your attestation that you are over or under the age of majority|To ensure the protection of children under 16)/.test(l))).toBe(true);
    expect(await popup.$$eval('.history .versions li', (els) => els.length)).toBe(2);
    mkdirSync(path.join(PROJECT_ROOT, 'docs/screenshots'), { recursive: true });
    await popup.screenshot({ path: path.join(PROJECT_ROOT, 'docs/screenshots/history.png'), fullPage: true });

    // "The version I agreed to": pin the older version.
    await popup.click('.history .versions li:nth-child(2) button:has-text("Pin")');
    await popup.waitForSelector('.history .versions .tag.pin');
    expect(await popup.textContent('.history .change')).toContain('the version you pinned');
    await popup.close();
  });

  it('the notice is dismissible and shows at most once per version', async () => {
    await clickUi(page, 'button.close');
    expect(await noticeText(page)).toBeNull();
    await load();
    expect(await history(page)).toBe('recorded');
    expect(await noticeText(page)).toBeNull();
  });

  it('the options page lists the tracked document and its two versions', async () => {
    const opts = await session.context.newPage();
    await opts.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    await opts.waitForSelector('.history-section table.tracked');
    const row = (await opts.textContent('.history-section tr[data-doc]')) ?? '';
    expect(row).toContain('LinkedIn Privacy Policy');
    expect(row).toContain('pinned');
    expect(await opts.$eval('.history-section tr[data-doc] td:nth-child(2)', (e) => e.textContent)).toBe('2');
    await opts.close();
  });
});
