// Everyday use: the onboarding choice, options applied live to open tabs, the toolbar badge,
// "Explain this clause" on a selection, and a page recognised only on request.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { ORDINARY_PAGE, fixture, FRENCH_POLICY_PAGE, routed } from '../fixtures/pages';
import { uiText, waitForAnnotation, type ExtensionSession } from '../../scripts/lib/chromium';
import { openBrowser } from './browser';
import { ourHosts, tabVisit } from './ui';

let session: ExtensionSession;
const FRENCH = FRENCH_POLICY_PAGE;
const google = fixture('google-privacy');
const deepseek = fixture('deepseek-terms');

/** A page that frames a policy from another site: "any page or frame". */
const FRAMED = {
  url: 'https://frames.example/embedded-terms',
  html: `<!doctype html><html lang="en"><head><title>Our partner's terms</title></head><body><h1>Terms</h1><iframe src="${deepseek.url}" width="900" height="600"></iframe></body></html>`,
};

beforeAll(async () => {
  session = await openBrowser([routed(google), routed(deepseek), ORDINARY_PAGE, FRENCH, FRAMED]);
});

/**
 * Loads a page and records, through the DevTools protocol, every script the browser parses for it
 * (its frames included) and every isolated world created in it: an extension's content script
 * shows as both. Returns the extension's scripts and worlds.
 */
async function extensionScriptsOn(url: string): Promise<{ page: Page; scripts: string[]; worlds: string[] }> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const scripts: string[] = [];
  const worlds: string[] = [];
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url.startsWith('chrome-extension://')) scripts.push(e.url);
  });
  cdp.on('Runtime.executionContextCreated', (e) => {
    if (e.context.auxData?.type === 'isolated' && /clausemark/i.test(e.context.name)) worlds.push(`${e.context.name} ${e.context.origin}`);
  });
  // Frames from other sites run in their own processes: follow them too.
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(2000);
  for (const f of page.frames()) {
    if (f === page.mainFrame()) continue;
    const fc = await session.context.newCDPSession(f).catch(() => null);
    if (!fc) continue; // a same-process frame: already seen by the page's session
    fc.on('Debugger.scriptParsed', (e) => e.url.startsWith('chrome-extension://') && scripts.push(e.url));
    fc.on('Runtime.executionContextCreated', (e) => e.context.auxData?.type === 'isolated' && /clausemark/i.test(e.context.name) && worlds.push(`${e.context.name} ${e.context.origin}`));
    await fc.send('Runtime.enable');
    await fc.send('Debugger.enable');
  }
  return { page, scripts, worlds };
}

afterAll(async () => {
  await session?.close();
});

const ext = (p: string) => `chrome-extension://${session.extensionId}/${p}`;

/** The id of the tab a page is in: the page is brought to front, then asked for from the worker. */
async function tabOf(page: Page): Promise<number> {
  await page.bringToFront();
  return session.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id as number);
}

async function setSettings(patch: Record<string, unknown>): Promise<void> {
  await session.worker.evaluate(async (p) => {
    const cur = (await chrome.storage.sync.get('settings')).settings ?? {};
    await chrome.storage.sync.set({ settings: { ...cur, ...p } });
  }, patch);
}

const severities = (page: Page) => page.$$eval('mark[data-clausemark-clause]', (els) => els.map((e) => (e as HTMLElement).dataset.clausemarkSeverity));

describe('onboarding', () => {
  it('opens on install, explains what is read, and shows a live example with highlights', async () => {
    const page = await session.context.newPage();
    await page.goto(ext('src/onboarding/index.html'));
    await page.waitForSelector('.example mark[data-clausemark-clause]');
    const text = await page.textContent('main');
    expect(text).toContain('sends nothing about you');
    expect(await page.locator('.example mark[data-clausemark-clause]').count()).toBeGreaterThan(2);
    await page.locator('.example mark[data-clausemark-clause]').first().click();
    // Our own extension page: the panel's shadow root is open there (no foreign script runs).
    await page.waitForFunction(() => [...document.querySelectorAll('*')].some((e) => e.shadowRoot?.querySelector('[role="dialog"]')));
    expect(session.context.pages().some((p) => p.url() === ext('src/onboarding/index.html') && p !== page)).toBe(true); // the first-run tab
    await page.close();
  });

  it('“Only when I click” reads nothing until the popup’s Analyse button is pressed', async () => {
    const onboarding = await session.context.newPage();
    await onboarding.goto(ext('src/onboarding/index.html'));
    await onboarding.getByRole('radio', { name: /Only when I click/ }).click();
    await onboarding.waitForFunction(() => /Saved/.test(document.querySelector('[role="status"]')?.textContent ?? ''));
    const stored = await session.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
    expect(stored).toMatchObject({ mode: 'click', onboarded: true });

    // No Clausemark script is parsed in the page or its frames until the user asks.
    for (const url of [google.url, FRAMED.url]) {
      const { page: p, scripts, worlds } = await extensionScriptsOn(url);
      expect({ url, scripts, worlds }).toEqual({ url, scripts: [], worlds: [] });
      await p.close();
    }
    const { page, scripts: before } = await extensionScriptsOn(google.url);
    expect(before).toEqual([]);
    expect(await page.locator('mark[data-clausemark-clause]').count()).toBe(0);
    const tabId = await tabOf(page);
    const popup = await session.context.newPage();
    await popup.goto(ext(`src/popup/index.html?tab=${tabId}`));
    await popup.getByRole('button', { name: 'Analyse this page' }).click();
    // Injection, analysis and the popup's list take ~0.5 s here (2 cores). A CI run once waited
    // 60 s for nothing: the request reached the loader before it listened (fixed; unit-tested in
    // test/unit/content/loader.test.ts). The wait is for the behaviour, not a speed budget.
    await popup.waitForSelector('button.clause', { timeout: 30_000 });
    expect(await waitForAnnotation(page)).toBeGreaterThan(10);
    await popup.close();
    await page.close();

    await onboarding.getByRole('radio', { name: /Automatically/ }).click();
    await onboarding.waitForFunction(() => /will highlight policy pages/.test(document.querySelector('[role="status"]')?.textContent ?? ''));
    await onboarding.close();
    // Automatic mode again: the same probe sees the loader in the page and in the frame, so the
    // checks above can fail.
    // (The sentinel on every page, and the loader on addresses that look like a policy.)
    await expect.poll(async () => session.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)).toBe(2);
    const auto = await extensionScriptsOn(FRAMED.url);
    expect(auto.worlds.length).toBeGreaterThanOrEqual(2);
    expect(auto.scripts.some((u) => u.endsWith('/content/sentinel.js'))).toBe(true);
    expect(auto.scripts.some((u) => u.endsWith('/content/loader.js'))).toBe(true);
    await auto.page.close();
  });
});

describe('options apply live to open tabs', () => {
  it('minimum severity, a category switched off, and a never-run site take effect without reload', async () => {
    await setSettings({ mode: 'auto', minSeverity: 'good', disabledCategories: [], neverSites: [] });
    const page = await session.context.newPage();
    await page.goto(google.url, { waitUntil: 'domcontentloaded' });
    await waitForAnnotation(page);
    const all = await severities(page);
    expect(new Set(all).size).toBeGreaterThan(1);

    await setSettings({ minSeverity: 'high' });
    await page.waitForFunction(() => {
      const s = [...document.querySelectorAll('mark[data-clausemark-clause]')].map((e) => (e as HTMLElement).dataset.clausemarkSeverity);
      return s.length > 0 && s.every((x) => x === 'high');
    });

    await setSettings({ minSeverity: 'good', disabledCategories: ['data-sharing'] });
    await page.waitForFunction(() => document.querySelectorAll('mark[data-clausemark-clause]').length > 0 && !document.querySelector('mark[data-clausemark-category="data-sharing"]'));

    await setSettings({ neverSites: ['policies.google.com'] });
    await page.waitForFunction(() => document.querySelectorAll('mark[data-clausemark-clause]').length === 0);
    expect(await ourHosts(page)).toEqual([]);
    await setSettings({ neverSites: [], disabledCategories: [] });
    await page.waitForFunction(() => document.querySelectorAll('mark[data-clausemark-clause]').length > 0);
    await page.close();
  });

  it('the options page saves a choice to storage', async () => {
    const page = await session.context.newPage();
    await page.goto(ext('src/options/index.html'));
    await page.selectOption('.settings select >> nth=0', 'medium');
    await page.waitForFunction(() => /Saved/.test(document.querySelector('.settings [role="status"]')?.textContent ?? ''));
    const stored = await session.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
    expect((stored as { minSeverity: string }).minSeverity).toBe('medium');
    await page.fill('input[aria-label="Site to exclude"]', 'not a site!');
    await page.click('.settings form button[type="submit"]');
    await page.waitForFunction(() => /is not a site address/.test(document.querySelector('.settings [role="status"]')?.textContent ?? ''));
    await setSettings({ minSeverity: 'good' });
    await page.close();
  });
});

describe('toolbar badge', () => {
  it('shows the number of high-severity clauses on a policy, nothing on an ordinary page', async () => {
    const page = await session.context.newPage();
    await page.goto(google.url, { waitUntil: 'domcontentloaded' });
    await waitForAnnotation(page);
    const high = await page.$$eval('mark[data-clausemark-clause][data-clausemark-severity="high"]', (els) => new Set(els.map((e) => (e as HTMLElement).dataset.clausemarkClause)).size);
    const tabId = await tabOf(page);
    await page.waitForTimeout(300);
    const text = await session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    // Google's policy has high-severity clauses: the badge must count exactly those.
    expect(high).toBeGreaterThan(0);
    expect(text).toBe(String(high));
    await page.goto(ORDINARY_PAGE.url);
    await page.waitForTimeout(1200);
    expect(await session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');
    await page.close();
  });
});

describe('context menu: Explain this clause', () => {
  it('explains a selected arbitration sentence in the panel', async () => {
    const page = await session.context.newPage();
    await page.goto(ORDINARY_PAGE.url);
    await page.waitForTimeout(500);
    const tabId = await tabOf(page);
    const text = 'Any dispute arising out of these Terms shall be resolved by final and binding arbitration, and you waive your right to participate in a class action.';
    // As the menu's click does (background/index.ts: injectLoader, then requestLoader): the loader
    // is put in the page (an ordinary page has only the sentinel), then a function run in the
    // extension's isolated world of the page asks the loader there.
    const reply = await session.worker.evaluate(
      async ({ id, t }) =>
        (
          await chrome.scripting.executeScript({ target: { tabId: id }, files: ['content/loader.js'], injectImmediately: true }),
          await chrome.scripting.executeScript({
            target: { tabId: id },
            func: (m: unknown) => (globalThis as unknown as { clausemarkRequest?: (m: unknown) => Promise<unknown> }).clausemarkRequest?.(m) ?? null,
            args: [{ clausemark: 1, name: 'content/explain', payload: { text: t } }],
          })
        )[0]?.result as { ok: boolean; value: { found: number } },
      { id: tabId, t: text },
    );
    expect(reply).toMatchObject({ ok: true });
    expect(reply.value.found).toBeGreaterThan(0);
    const dialog = (await uiText(page, '[role="dialog"]')) ?? '';
    expect(dialog).toMatch(/Mandatory arbitration|Class-action waiver/);
    await page.close();
  });
});

describe('languages', () => {
  it('says honestly that detection is English-only on a French policy', async () => {
    const page = await session.context.newPage();
    await page.goto(FRENCH.url, { waitUntil: 'domcontentloaded' });
    await waitForAnnotation(page);
    // (The notice comes with the page UI, loaded when first needed: it may show a moment after.)
    await vi.waitFor(async () => expect((await uiText(page, '.toast')) ?? '').toContain('Clause detection is English-only for now and this page looks French'), { timeout: 10_000, interval: 100 });
    // Only reviewed clauses: the background's record of the page says where each came from.
    const visit = await tabVisit(session, await tabOf(page));
    expect(visit.clauses.filter((c) => c.source !== 'kb')).toEqual([]);
    await page.close();
  });
});
