// End to end in real Chromium with the built extension (dist/chrome): real archived policy pages
// served at their true addresses, a heuristic-only page on localhost, and an ordinary page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURE_PAGES, ORDINARY_PAGE, fixture, routed } from '../fixtures/pages';
import { contentStatus, tabIdOf, uiText, waitForAnnotation, type ExtensionSession } from '../../scripts/lib/chromium';
import { segment } from '../../src/core/text';
import { focusedBadge, ourHosts, pageView, tabVisit, waitForUi } from './ui';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import { CATEGORY_BY_ID } from '../../src/core/taxonomy';
import { openBrowser } from './browser';

let session: ExtensionSession;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  session = await openBrowser([...FIXTURE_PAGES.map(routed), ORDINARY_PAGE]);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

interface MarkInfo {
  category: string | undefined;
  severity: string | undefined;
  clause: string | undefined;
  source: string | undefined;
}

/** The highlights as the page shows them (the contract's attributes), with each clause's source
 * from the background's record of the tab (the page's DOM carries no more than the contract). */
async function marks(page: Page): Promise<MarkInfo[]> {
  const inPage = await page.$$eval('mark[data-clausemark-clause]', (els) =>
    els.map((el) => {
      const d = (el as HTMLElement).dataset;
      return { category: d.clausemarkCategory, severity: d.clausemarkSeverity, clause: d.clausemarkClause };
    }),
  );
  const visit = await tabVisit(session, await tabIdOf(session, page.url()));
  const source = new Map(visit.clauses.map((c) => [c.id, c.source]));
  return inPage.map((m) => ({ ...m, source: source.get(m.clause as string) }));
}

/** Sentences of the page's text, as the detector sees them: the bound a "flag everything" bug hits. */
async function sentences(page: Page): Promise<number> {
  return segment(await page.evaluate(() => document.body.innerText)).sentences.length;
}

function distinctClauses(list: MarkInfo[]): Map<string, MarkInfo> {
  return new Map(list.map((m) => [m.clause as string, m]));
}

async function openPolicy(url: string): Promise<{ page: Page; count: number }> {
  const page = await session.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const count = await waitForAnnotation(page);
  return { page, count };
}

const panelText = (page: Page) => uiText(page, '[role="dialog"]');

describe('a known policy: Google Privacy Policy at its real address', () => {
  let page: Page;
  let list: MarkInfo[];

  beforeAll(async () => {
    ({ page } = await openPolicy(fixture('google-privacy').url));
    list = await marks(page);
  });

  it('highlights a plausible number of clauses, each with the contract data attributes', async () => {
    const clauses = distinctClauses(list);
    expect(clauses.size).toBeGreaterThanOrEqual(15);
    // Far fewer than the page's sentences: a detector that flags everything fails here.
    expect(clauses.size).toBeLessThanOrEqual(0.3 * (await sentences(page)));
    for (const m of list) {
      expect(CATEGORY_BY_ID.has(m.category as string), `category ${m.category}`).toBe(true);
      expect(['high', 'medium', 'low', 'good']).toContain(m.severity);
      expect(m.clause).toMatch(/\S/);
    }
  });

  it('shows reviewed ToS;DR clauses from the knowledge base as well as detected ones', () => {
    const sources = new Set(list.map((m) => m.source));
    expect(list.filter((m) => m.source === 'kb').length).toBeGreaterThanOrEqual(5);
    expect(sources.has('detector') || sources.has('rule')).toBe(true);
  });

  it('finds the categories one expects in Google’s privacy policy', () => {
    const cats = new Set(list.map((m) => m.category));
    for (const c of ['data-sharing', 'retention', 'user-rights']) expect(cats, c).toContain(c);
  });

  it('puts one badge per highlighted clause, in a closed shadow root, and adds no page stylesheet', async () => {
    const badges = (await ourHosts(page)).filter((h) => h.tag === 'SPAN');
    expect(badges.length).toBe(distinctClauses(list).size);
    expect(new Set(badges.map((b) => b.after))).toEqual(new Set(distinctClauses(list).keys()));
    expect(badges.every((b) => !b.open && b.label !== null)).toBe(true);
    // The page itself sees no shadow root of ours and no attribute but the highlight contract.
    expect(await pageView(page)).toMatchObject({ openShadowRoots: 0, foreignAttributes: [] });
    const ours = await page.evaluate(() => [...document.querySelectorAll('style, link[rel="stylesheet"]')].filter((s) => /clausemark/i.test(s.textContent ?? '')).length);
    expect(ours).toBe(0);
  });

  it('opens the panel on a click of the highlight, with explanation and provenance, and closes on Escape', async () => {
    const first = page.locator('mark[data-clausemark-clause]:visible').first();
    const category = await first.getAttribute('data-clausemark-category');
    await first.scrollIntoViewIfNeeded();
    await first.click();
    await waitForUi(page, '[role="dialog"]');
    const text = (await panelText(page)) ?? '';
    expect(text).toContain(CATEGORY_BY_ID.get(category as string)?.title as string);
    expect(text).toContain('What it means');
    expect(text).toContain('Rules that may apply');
    expect(text).toMatch(/SHA-256[0-9a-f]{64}/);
    expect(text).toContain('policies.google.com/privacy');
    await page.keyboard.press('Escape');
    await waitForUi(page, '[role="dialog"]', false);
  });

  it('reaches a badge with Tab, opens it with Enter, and Escape returns focus to it', async () => {
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      (document.activeElement as HTMLElement | null)?.blur();
    });
    let id: string | null = null;
    for (let i = 0; i < 400 && !id; i++) {
      await page.keyboard.press('Tab');
      id = await focusedBadge(page);
    }
    expect(id).toMatch(/\S/);
    await page.keyboard.press('Enter');
    await waitForUi(page, '[role="dialog"]');
    await page.keyboard.press('Escape');
    await waitForUi(page, '[role="dialog"]', false);
    expect(await focusedBadge(page)).toBe(id);
  });

  it('the popup (opened as a page with ?tab=) lists the same clauses as the page, and reveals one on click', async () => {
    const tabId = await tabIdOf(session, fixture('google-privacy').url);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.waitForSelector('button.clause');
    const popupIds = await popup.$$eval('button.clause', (els) => els.map((e) => (e as HTMLElement).dataset.clause));
    expect(new Set(popupIds)).toEqual(new Set(distinctClauses(list).keys()));
    expect(await popup.textContent('body')).toContain('Known document');
    const target = popupIds[popupIds.length - 1] as string;
    await popup.click(`button.clause[data-clause="${target}"]`);
    // The page scrolls to the clause and opens its panel.
    await waitForUi(page, `[role="dialog"][data-clause="${target}"]`);
    await page.waitForFunction((id) => {
      const r = document.querySelector(`mark[data-clausemark-clause="${CSS.escape(id)}"]`)?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
    }, target);
    await popup.close();
  });
});

describe('other real policies', () => {
  it('Anthropic’s consumer terms: detected liability, change and termination clauses', async () => {
    const { page } = await openPolicy(fixture('claude-terms').url);
    const list = await marks(page);
    const cats = new Set(list.map((m) => m.category));
    expect(distinctClauses(list).size).toBeGreaterThanOrEqual(8);
    expect(distinctClauses(list).size).toBeLessThanOrEqual(0.3 * (await sentences(page)));
    expect(cats).toContain('limitation-of-liability');
    expect(cats.has('unilateral-change') || cats.has('unilateral-termination')).toBe(true);
    expect(list.every((m) => m.source !== 'kb')).toBe(true); // no ToS;DR review of this document
    await page.close();
  });

  it('ignores clicks the page scripts (no panel opens), and opens on the user’s own click', async () => {
    const { page } = await openPolicy(fixture('deepseek-terms').url);
    await page.evaluate(() => {
      (document.querySelector('mark[data-clausemark-clause]') as HTMLElement).click();
      // The badge hosts follow their marks: a page can find them, but not open them.
      for (const el of document.querySelectorAll('mark[data-clausemark-clause] + span')) el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    await page.waitForTimeout(300);
    expect(page.url()).toBe(fixture('deepseek-terms').url);
    expect(await panelText(page)).toBeNull();
    await page.locator('mark[data-clausemark-clause]:visible').first().click();
    await waitForUi(page, '[role="dialog"]');
    await page.close();
  });

  it('DeepSeek’s privacy policy: data practices highlighted', async () => {
    const { page } = await openPolicy(fixture('deepseek-privacy').url);
    const list = await marks(page);
    const cats = new Set(list.map((m) => m.category));
    expect(distinctClauses(list).size).toBeGreaterThanOrEqual(5);
    expect(distinctClauses(list).size).toBeLessThanOrEqual(0.3 * (await sentences(page)));
    expect(cats.has('data-sharing') || cats.has('retention') || cats.has('international-transfer')).toBe(true);
    await page.close();
  });

  it('an unknown site (the same real terms on localhost) is recognised by heuristics', async () => {
    const url = `${server.origin}/policies/deepseek-terms`;
    const { page, count } = await openPolicy(url);
    expect(count).toBeGreaterThanOrEqual(5);
    const tabId = await tabIdOf(session, url);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.waitForSelector('button.clause');
    expect(await popup.textContent('body')).toContain('Recognised as a policy');
    await popup.close();
    await page.close();
  });
});

describe('an ordinary page', () => {
  it('does not even wake the background: no message leaves the page', async () => {
    await session.worker.evaluate(`(() => {
      globalThis.__clausemarkSeen = [];
      chrome.runtime.onMessage.addListener((m) => { globalThis.__clausemarkSeen.push(m && m.name); });
    })()`);
    const page = await session.context.newPage();
    await page.goto(ORDINARY_PAGE.url, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    expect(await session.worker.evaluate('globalThis.__clausemarkSeen')).toEqual([]);
    // A known policy page does ask (so the listener above would have seen it).
    await page.goto(fixture('google-privacy').url, { waitUntil: 'domcontentloaded' });
    await waitForAnnotation(page);
    expect(await session.worker.evaluate('globalThis.__clausemarkSeen')).toContain('page/lookup');
    await page.close();
  });

  it('gets nothing added: no marks, no badges, no panel, no state', async () => {
    const page = await session.context.newPage();
    await page.goto(ORDINARY_PAGE.url, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    const found = await page.evaluate(() => ({
      marks: document.querySelectorAll('mark').length,
      html: document.body.innerText.includes('Lentil soup'),
    }));
    expect(found).toEqual({ marks: 0, html: true });
    expect(await ourHosts(page)).toEqual([]);
    expect(await contentStatus(page)).toEqual({});
    expect((await pageView(page)).foreignAttributes).toEqual([]);
    await page.close();
  });
});
