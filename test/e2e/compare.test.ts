// Cross-platform comparison end to end in real Chromium: Google's privacy policy at its real
// address, then the popup's Compare, Side by side and Platform views (opened as pages at popup
// size), the clause panel's "how other platforms handle this", and the popup's first render time.
// CLAUSEMARK_DIST points at another build directory (default dist/chrome).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, fixture, routed } from '../fixtures/pages';
import { inContentWorld, tabIdOf, waitForAnnotation, type ExtensionSession } from '../../scripts/lib/chromium';
import { openBrowser } from './browser';
import { waitForUi } from './ui';

let session: ExtensionSession;
let policy: Page;
let tabId: number;
let categories: Set<string>;
const SHOTS = path.join(PROJECT_ROOT, 'docs/screenshots');
const POPUP_SIZE = { width: 420, height: 640 };

beforeAll(async () => {
  session = await openBrowser([routed(fixture('google-privacy'))]);
  policy = await session.context.newPage();
  await policy.goto(fixture('google-privacy').url, { waitUntil: 'domcontentloaded' });
  await waitForAnnotation(policy);
  categories = new Set(await policy.$$eval('mark[data-clausemark-clause]', (els) => els.map((e) => (e as HTMLElement).dataset.clausemarkCategory as string)));
  tabId = await tabIdOf(session, fixture('google-privacy').url);
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await session?.close();
});

async function popup(query: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize(POPUP_SIZE);
  await page.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?${query}`);
  return page;
}

const readyAt = (page: Page, view: string) =>
  page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime ?? false, `clausemark:view-ready:${view}`).then((h) => h.jsonValue() as Promise<number>);

describe('Compare view on Google’s privacy policy', () => {
  it('shows one row per category found, with this page’s severity and the distribution across platforms', async () => {
    const page = await popup(`tab=${tabId}&view=compare`);
    await page.waitForSelector('button.cmp-row');
    const rows = await page.$$eval('button.cmp-row', (els) =>
      els.map((e) => ({
        category: (e as HTMLElement).dataset.category,
        pill: e.querySelector('.pill')?.textContent,
        bar: e.querySelector('.dist')?.getAttribute('aria-label') ?? e.querySelector('.dist')?.textContent,
        rarity: e.querySelector('.rar')?.textContent,
      })),
    );
    expect(new Set(rows.map((r) => r.category))).toEqual(categories);
    for (const r of rows) {
      expect(['High', 'Medium', 'Low', 'Good']).toContain(r.pill);
      expect(r.rarity).toMatch(/^\d+ of \d+ reviewed platforms? \((rare|uncommon|common|widespread)\)$|^Not reviewed/);
    }
    expect(rows.find((r) => r.category === 'data-sharing')?.bar).toMatch(/^Reviewed platforms by severity: (High|Medium|Low|Good) \d+/);

    // Sorted by this page's severity by default; by rarity on request (rarest first).
    const sevOrder = rows.map((r) => ['High', 'Medium', 'Low', 'Good'].indexOf(r.pill as string));
    expect(sevOrder).toEqual([...sevOrder].sort((a, b) => a - b));
    await page.click('.seg-buttons button:has-text("Rarity")');
    const shares = await page.$$eval('button.cmp-row .rar', (els) =>
      els.map((e) => {
        const m = /^(\d+) of (\d+)/.exec(e.textContent ?? '');
        return m ? Number(m[1]) / Number(m[2]) : 2;
      }),
    );
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    await page.close();
  });

  it('opens a category’s platforms (paged, linked, filterable) from the keyboard', async () => {
    const page = await popup(`tab=${tabId}&view=compare`);
    await page.waitForSelector('button.cmp-row[data-category="data-collection"]');
    await page.screenshot({ path: path.join(SHOTS, 'compare.png') });
    await page.focus('button.cmp-row[data-category="data-collection"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.plist .prows li');
    expect(await page.getAttribute('button.cmp-row[data-category="data-collection"]', 'aria-expanded')).toBe('true');
    const first = await page.$$eval('.plist .prows li', (els) => els.map((e) => ({ name: e.querySelector('.pname')?.textContent, href: e.querySelector('a.pname')?.getAttribute('href') ?? null, text: e.textContent ?? '' })));
    expect(first).toHaveLength(8);
    expect(first.some((r) => r.name === 'Google')).toBe(false);
    expect(first.filter((r) => r.href && /^https?:\/\//.test(r.href)).length).toBeGreaterThanOrEqual(5);
    expect(first.every((r) => !/<\/?[a-z]+>/i.test(r.text))).toBe(true);
    const pager = await page.textContent('.plist .pager');
    expect(pager).toMatch(/1–8 of \d+/);
    await page.click('.plist .pager button:has-text("Next")');
    await page.waitForFunction(() => /9–16 of/.test(document.querySelector('.plist .pager')?.textContent ?? ''));
    const second = await page.$$eval('.plist .prows li .pname', (els) => els.map((e) => e.textContent));
    expect(second.some((n) => first.some((f) => f.name === n))).toBe(false);
    await page.click('.plist .chips button:has-text("High")');
    // A filtered first page, not empty, every row High.
    await page.waitForFunction(() => {
      const pills = [...document.querySelectorAll('.plist .prows .pill')];
      return /1–\d+ of \d+/.test(document.querySelector('.plist .pager')?.textContent ?? '') && pills.length > 0 && pills.every((p) => p.textContent === 'High');
    });
    await page.click('.plist .chips button:has-text("All")');
    await page.waitForFunction(() => document.querySelector('.plist .prows .pill')?.textContent === 'Good');
    await page.screenshot({ path: path.join(SHOTS, 'compare-platforms.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(SHOTS, 'compare-dark.png') });
    await page.close();
  });
});

describe('Side by side (no page needed)', () => {
  it('picks platforms with the keyboard from name and domain suggestions, and marks differences', async () => {
    // Without a page: suggestions by name prefix, best reviewed first.
    const bare = await popup('view=side-by-side');
    const first = bare.locator('.picker input').nth(0);
    await first.click();
    await first.fill('goo');
    await bare.waitForSelector('.suggest li:has-text("Google")');
    expect(await bare.textContent('.suggest li[aria-selected="true"]')).toContain('google.com');
    await bare.keyboard.press('ArrowDown');
    expect(await bare.textContent('.suggest li[aria-selected="true"]')).not.toContain('google.com');
    await bare.keyboard.press('ArrowUp');
    await bare.keyboard.press('Enter');
    expect(await first.inputValue()).toBe('Google');
    await bare.close();

    // On Google's privacy policy the first side is the page's platform.
    const page = await popup(`tab=${tabId}&view=side-by-side`);
    const inputs = page.locator('.picker input');
    await page.waitForFunction(() => (document.querySelector('.picker input') as HTMLInputElement | null)?.value === 'Google');
    await inputs.nth(1).click();
    await inputs.nth(1).fill('facebook.c');
    await page.waitForSelector('.suggest li:has-text("Facebook")');
    await page.keyboard.press('Enter');
    await page.waitForSelector('table.pair tbody tr');
    const head = await page.$$eval('table.pair thead th', (els) => els.map((e) => e.textContent));
    expect(head).toEqual(['Category', 'Google', 'Facebook']);
    const rows = await page.$$eval('table.pair tbody tr', (els) => els.map((e) => ({ diff: (e as HTMLElement).dataset.difference, text: e.textContent ?? '' })));
    expect(rows.length).toBeGreaterThan(8);
    const differing = rows.filter((r) => r.diff !== 'same');
    expect(differing.length).toBeGreaterThan(0);
    expect(await page.textContent('.sbs .toolbar [role="status"]')).toBe(`${differing.length} of ${rows.length} categories differ.`);
    for (const r of differing) expect(r.text).toMatch(/only (Google|Facebook) reviewed|(Google|Facebook) more severe/);
    await page.screenshot({ path: path.join(SHOTS, 'side-by-side.png') });
    await page.check('text=Only differences');
    expect(await page.$$eval('table.pair tbody tr', (els) => els.length)).toBe(differing.length);
    await page.close();
  });

  it('opens a pair by URL, and explains an unknown platform', async () => {
    const page = await popup('view=side-by-side&a=instagram&b=mewe');
    await page.waitForSelector('table.pair tbody tr');
    expect(await page.inputValue('.picker >> nth=0 >> input')).toBe('Instagram');
    const bad = await popup('view=side-by-side&a=google&b=no-such-platform');
    await bad.waitForSelector('.sbs .error');
    expect(await bad.textContent('.sbs .error')).toContain('no platform "no-such-platform"');
    await page.close();
    await bad.close();
  });
});

describe('Platform view', () => {
  it('summarises Google: grade with its rule, documents with change dates, reviewed clauses paged', async () => {
    const page = await popup(`tab=${tabId}&view=platform`);
    await page.waitForSelector('.phead h2');
    expect(await page.textContent('.phead h2')).toBe('Google');
    expect(await page.getAttribute('.grade', 'aria-label')).toMatch(/^Clausemark grade [A-E]$/);
    expect(await page.textContent('.platform')).toMatch(/Grade [A-E] from \d+ reviewed clauses/);
    expect(await page.textContent('.rule')).toContain('good practice +1');
    const docs = await page.$$eval('.docs li', (els) => els.map((e) => e.textContent ?? ''));
    expect(docs.some((d) => /Privacy Policy.*(last changed|latest version) \w+ \d+, \d{4}/.test(d))).toBe(true);
    expect(await page.$$eval('.prows li', (els) => els.length)).toBe(10);
    await page.screenshot({ path: path.join(SHOTS, 'platform.png') });
    await page.close();
  });

  it('never grades a platform without reviewed clauses', async () => {
    const page = await popup('view=platform&platform=openai');
    await page.waitForSelector('.phead h2');
    expect(await page.getAttribute('.grade', 'aria-label')).toBe('No grade');
    expect(await page.textContent('.platform')).toContain('No grade: ToS;DR reviewers have not recorded any clause');
    await page.close();
  });
});

describe('clause panel: how other platforms handle this', () => {
  it('gives k of N for the category and well-known platforms linked to their documents', async () => {
    const mark = policy.locator('mark[data-clausemark-clause][data-clausemark-category="data-sharing"]').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.click();
    await waitForUi(policy, '.others li');
    const info = await inContentWorld(policy, () => {
      const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
      const host = [...document.documentElement.children].find((e) => dom.openOrClosedShadowRoot(e)?.querySelector('.others'));
      const root = host ? dom.openOrClosedShadowRoot(host) : null;
      root?.querySelector('.rarity')?.scrollIntoView();
      return {
        rarity: root?.querySelector('.rarity')?.textContent ?? '',
        others: [...(root?.querySelectorAll('.others li') ?? [])].map((li) => ({ href: li.querySelector('a.pname')?.getAttribute('href') ?? null, text: li.textContent ?? '' })),
      };
    });
    expect(info.rarity).toMatch(/found in \d+ of \d+ platforms reviewed for this topic/);
    expect(info.others.length).toBe(6);
    expect(info.others[0]!.text).toMatch(/^Good practice/);
    expect(info.others.filter((o) => o.href && /^https?:\/\//.test(o.href)).length).toBeGreaterThanOrEqual(4);
    expect(info.others.every((o) => !o.text.includes('Google —'))).toBe(true);
    await policy.screenshot({ path: path.join(SHOTS, 'panel-compare.png'), clip: { x: 860, y: 0, width: 420, height: 900 } });
    await policy.keyboard.press('Escape');
  });
});

describe('first render time', () => {
  it('renders every view with the full knowledge base loaded, again and again (times recorded; the budget is the bench\u2019s)', async () => {
    const samples: Record<string, number[]> = { compare: [], 'side-by-side': [], platform: [] };
    // Time after the popup document was parsed (DOMContentLoaded): the part the views control,
    // less sensitive to how busy the machine is than the total.
    const afterDom: Record<string, number[]> = { compare: [], 'side-by-side': [], platform: [] };
    const domReady: number[] = [];
    const urls: Record<string, string> = { compare: `tab=${tabId}&view=compare`, 'side-by-side': 'view=side-by-side&a=google&b=facebook', platform: `tab=${tabId}&view=platform` };
    for (let i = 0; i < 11; i++) {
      for (const view of Object.keys(samples)) {
        const page = await popup(urls[view] as string);
        const ready = await readyAt(page, view);
        const dcl = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
        samples[view]!.push(ready);
        afterDom[view]!.push(ready - dcl);
        // Ready means content: the view's rows (not an empty or loading shell).
        expect(await page.evaluate(() => document.querySelector('main, body')?.textContent?.length ?? 0), view).toBeGreaterThan(400);
        domReady.push(dcl);
        await page.close();
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const summary = (set: Record<string, number[]>) => Object.fromEntries(Object.entries(set).map(([v, xs]) => [v, { first: Math.round(xs[0]!), median: Math.round(median(xs)), max: Math.round(Math.max(...xs)) }]));
    const result = summary(samples);
    const beyondDom = summary(afterDom);
    console.log('popup open → view ready (ms):', JSON.stringify(result), '; of which after DOMContentLoaded:', JSON.stringify(beyondDom), '; DOMContentLoaded median', Math.round(median(domReady)));
    mkdirSync(path.join(PROJECT_ROOT, 'test-results'), { recursive: true });
    writeFileSync(path.join(PROJECT_ROOT, 'test-results/compare-first-render.json'), `${JSON.stringify({ at: new Date().toISOString(), samples, result, afterDomContentLoaded: beyondDom, domContentLoadedMedian: Math.round(median(domReady)) }, null, 2)}\n`);
    // Target: 150 ms from open to rows (docs/comparison.md), measured by `npm run bench` beside its
    // floor: a timed assertion here would fail on a loaded machine. Here: every opening rendered.
    for (const view of Object.keys(samples)) expect(samples[view]!.every((ms) => Number.isFinite(ms) && ms > 0), view).toBe(true);
  });

  it('also renders when the service worker was asleep (stopped before each opening)', async () => {
    const cdp = await session.context.newCDPSession(policy);
    await cdp.send('ServiceWorker.enable');
    const urls: Record<string, string> = { compare: `tab=${tabId}&view=compare`, 'side-by-side': 'view=side-by-side&a=google&b=facebook', platform: `tab=${tabId}&view=platform` };
    const cold: Record<string, number[]> = { compare: [], 'side-by-side': [], platform: [] };
    for (let i = 0; i < 3; i++) {
      for (const view of Object.keys(cold)) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        await new Promise((r) => setTimeout(r, 300));
        const page = await popup(urls[view] as string);
        cold[view]!.push(Math.round(await readyAt(page, view)));
        expect(await page.evaluate(() => document.querySelector('main, body')?.textContent?.length ?? 0), view).toBeGreaterThan(400);
        await page.close();
      }
    }
    await cdp.detach();
    console.log('popup open with a stopped worker → view ready (ms):', JSON.stringify(cold));
    writeFileSync(path.join(PROJECT_ROOT, 'test-results/compare-first-render-cold.json'), `${JSON.stringify({ at: new Date().toISOString(), cold }, null, 2)}\n`);
  });
});
