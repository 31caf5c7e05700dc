// The clause panel's "Other risks in this policy" and "See all platforms with this clause type",
// the citation's record, and the popup's "Export report", end to end in real Chromium with the
// built extension on Google's real privacy policy at its real address. Screenshots:
// docs/screenshots/panel-risks.png (the panel's new sections) and report.png (the exported page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, fixture, routed } from '../fixtures/pages';
import { inContentWorld, tabIdOf, uiText, waitForAnnotation, waitInContentWorld, type ExtensionSession } from '../../scripts/lib/chromium';
import { recordId } from '../../src/core/record';
import { REGULATIONS, getCategory } from '../../src/core/taxonomy';
import type { PageClause, Visit } from '../../src/messages';
import { openBrowser } from './browser';
import { clickUi, tabVisit, waitForUi } from './ui';

const URL_ = fixture('google-privacy').url;
const SHOTS = path.join(PROJECT_ROOT, 'docs/screenshots');
const RANK = { high: 0, medium: 1, low: 2, good: 3 } as const;

let session: ExtensionSession;
let policy: Page;
let tabId: number;
let visit: Visit;

beforeAll(async () => {
  session = await openBrowser([routed(fixture('google-privacy'))]);
  policy = await session.context.newPage();
  // Tall enough for the whole panel to show at once (its height follows the window's).
  await policy.setViewportSize({ width: 1280, height: 2200 });
  await policy.goto(URL_, { waitUntil: 'domcontentloaded' });
  await waitForAnnotation(policy);
  tabId = await tabIdOf(session, URL_);
  visit = await tabVisit(session, tabId);
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await session?.close();
});

/** Reads our panel in the content script's world. */
function panel(page: Page) {
  return inContentWorld(page, () => {
    const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
    const host = [...document.documentElement.children].find((e) => dom.openOrClosedShadowRoot(e)?.querySelector('[role="dialog"]'));
    const root = host ? dom.openOrClosedShadowRoot(host) : null;
    const q = (s: string) => root?.querySelector(s)?.textContent ?? null;
    return {
      clause: root?.querySelector('[role="dialog"]')?.getAttribute('data-clause') ?? null,
      headings: [...(root?.querySelectorAll('h3') ?? [])].map((h) => h.textContent ?? ''),
      risks: [...(root?.querySelectorAll('.risk') ?? [])].map((b) => ({ id: b.getAttribute('data-clause') ?? '', text: b.textContent ?? '' })),
      more: root?.querySelector('.risks + .linkish')?.textContent ?? null,
      record: q('.record'),
      firstSeen: q('.seen-first'),
      lastVerified: q('.seen-last'),
      seeAll: q('.seeall button'),
    };
  });
}

/** A message to the background from an extension page (as the popup sends it). */
async function ask<T>(name: string, payload: unknown): Promise<T> {
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    const r = await page.evaluate(async ([n, p]) => chrome.runtime.sendMessage({ clausemark: 1, name: n, payload: p }), [name, payload] as const);
    if (!r?.ok) throw new Error(`${name}: ${r?.error}`);
    return r.value as T;
  } finally {
    await page.close();
  }
}

const risksOf = (clauses: readonly PageClause[], current: string) =>
  clauses.filter((c) => c.id !== current && (c.severity === 'high' || c.severity === 'medium')).sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.start - b.start);

describe('clause panel: other risks in this policy', () => {
  let current: string;

  it('lists the page’s other high and medium clauses, most severe first, after a click on a highlight', async () => {
    const mark = policy.locator('mark[data-clausemark-clause][data-clausemark-category="data-sharing"]').first();
    current = (await mark.getAttribute('data-clausemark-clause')) as string;
    await mark.scrollIntoViewIfNeeded();
    await mark.click();
    await waitForUi(policy, '.risk');
    const p = await panel(policy);
    expect(p.clause).toBe(current);
    expect(p.headings).toContain('Other risks in this policy');
    const want = risksOf(visit.clauses, current);
    expect(want.length).toBeGreaterThan(5);
    // The first five, then "Show N more" for the rest.
    expect(p.risks.map((r) => r.id)).toEqual(want.slice(0, 5).map((c) => c.id));
    expect(p.more).toBe(`Show ${want.length - 5} more`);
    for (const [i, r] of p.risks.entries()) {
      const c = want[i] as PageClause;
      expect(r.text).toMatch(c.severity === 'high' ? /^High/ : /^Medium/);
      expect(r.text).toContain(getCategory(c.category)?.title as string);
      expect(r.text).toContain(c.excerpt.slice(0, 40));
    }
    // The panel as a user sees it once its lookups are done: docs/screenshots/panel-risks.png.
    await waitForUi(policy, '.others li');
    await waitInContentWorld(policy, () => {
      const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
      return [...document.documentElement.children].some((el) => /\d/.test(dom.openOrClosedShadowRoot(el)?.querySelector('.seen-last')?.textContent ?? ''));
    });
    const box = await inContentWorld(policy, () => {
      const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
      for (const el of document.documentElement.children) {
        const r = dom.openOrClosedShadowRoot(el)?.querySelector('.panel')?.getBoundingClientRect();
        if (r) return { x: r.left - 8, y: Math.max(0, r.top - 8), width: r.width + 16, height: r.height + 16 };
      }
      return null;
    });
    expect(box).not.toBeNull();
    await policy.screenshot({ path: path.join(SHOTS, 'panel-risks.png'), clip: box as { x: number; y: number; width: number; height: number } });
    await clickUi(policy, '.risks + .linkish');
    await waitForUi(policy, `.risk[data-clause="${want[want.length - 1]?.id}"]`);
    expect((await panel(policy)).risks.map((r) => r.id)).toEqual(want.map((c) => c.id));
  });

  it('shows the citation’s record id (the same the report computes) and when the user first and last saw the clause', async () => {
    const p = await panel(policy);
    const c = visit.clauses.find((x) => x.id === current) as PageClause;
    expect(p.record).toBe(await recordId({ documentId: visit.documentId, url: visit.url }, c.excerpt));
    expect(p.record).toMatch(/^cm-[0-9a-f]{16}$/);
    expect(p.firstSeen).toMatch(/2\d{3}/);
    expect(p.lastVerified).toMatch(/2\d{3}/);
  });

  it('reveals another risk with one click: the page scrolls to it and its panel opens', async () => {
    const target = risksOf(visit.clauses, current)[3] as PageClause;
    await clickUi(policy, `.risk[data-clause="${target.id}"]`);
    await waitForUi(policy, `[role="dialog"][data-clause="${target.id}"]`);
    await policy.waitForFunction((id) => {
      const r = document.querySelector(`mark[data-clausemark-clause="${CSS.escape(id)}"]`)?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
    }, target.id);
    // Its own list: the clause shown is no longer among "other" risks, the one before is.
    const p = await panel(policy);
    expect(p.risks.map((r) => r.id)).not.toContain(target.id);
    expect(p.risks.map((r) => r.id)).toContain(risksOf(visit.clauses, target.id)[0]?.id);
  });
});

describe('clause panel: see all platforms with this clause type', () => {
  it('ignores a scripted click (no tab opens), and opens Compare filtered to the category on the user’s click', async () => {
    const mark = policy.locator('mark[data-clausemark-clause][data-clausemark-category="data-sharing"]').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.click();
    await waitForUi(policy, '.seeall button');
    expect((await panel(policy)).seeAll).toBe('See all platforms with this clause type');
    const before = session.context.pages().length;
    // Even a click scripted from our own isolated world is not the user's: nothing opens.
    await inContentWorld(policy, () => {
      const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
      for (const el of document.documentElement.children) (dom.openOrClosedShadowRoot(el)?.querySelector('.seeall button') as HTMLElement | null)?.click();
    });
    await policy.waitForTimeout(800);
    expect(session.context.pages().length).toBe(before);

    const [compare] = await Promise.all([session.context.waitForEvent('page'), clickUi(policy, '.seeall button')]);
    await compare.waitForLoadState('domcontentloaded');
    const u = new URL(compare.url());
    expect(u.pathname).toBe('/src/popup/index.html');
    expect(Object.fromEntries(u.searchParams)).toEqual({ tab: String(tabId), view: 'compare', category: 'data-sharing' });
    await compare.waitForSelector('ol.prows li q');
    expect(await compare.$$eval('button.cmp-row', (els) => els.map((e) => (e as HTMLElement).dataset.category))).toEqual(['data-sharing']);
    expect(await compare.textContent('.toolbar')).toContain(`Platforms reviewed for: ${getCategory('data-sharing')?.title}`);
    const rows = await compare.$$eval('ol.prows li', (els) => els.map((li) => ({ name: li.querySelector('.pname, strong')?.textContent ?? '', quote: li.querySelector('q')?.textContent ?? '' })));
    expect(rows.length).toBe(8);
    expect(rows.filter((r) => r.quote.length > 20).length).toBeGreaterThanOrEqual(6);
    // "All categories on this page" drops the filter.
    await compare.click('text=All categories on this page');
    await compare.waitForFunction(() => document.querySelectorAll('button.cmp-row').length > 1);
    await compare.close();
    await policy.keyboard.press('Escape');
  });
});

describe('citation record across visits', () => {
  it('keeps the record id on the next visit; first seen stays, last verified moves on', async () => {
    const c = visit.clauses.find((x) => x.category === 'data-sharing') as PageClause;
    await policy.reload({ waitUntil: 'domcontentloaded' });
    await waitForAnnotation(policy);
    const second = await tabVisit(session, tabId);
    expect(second.readAt > visit.readAt).toBe(true);
    const again = second.clauses.find((x) => x.excerpt === c.excerpt) as PageClause;
    expect(again).toBeTruthy();
    await policy.locator(`mark[data-clausemark-clause="${again.id}"]`).first().click();
    await waitForUi(policy, '.record');
    // The id is computed after the panel opens (an ellipsis until then).
    const id = await recordId({ documentId: visit.documentId, url: visit.url }, c.excerpt);
    await expect.poll(() => uiText(policy, '.record'), { timeout: 15_000 }).toBe(id);
    const { seen } = await ask<{ seen: ({ firstSeen: string; lastVerified: string } | null)[] }>('record/seen', { tabId, texts: [c.excerpt] });
    expect(seen[0]?.firstSeen).toBe(visit.readAt);
    expect(seen[0]?.lastVerified).toBe(second.readAt);
    await policy.keyboard.press('Escape');
    visit = second;
  });
});

describe('Export report', () => {
  beforeAll(async () => {
    // The version is recorded once the page settles: the report then has the user's own record.
    await waitInContentWorld(policy, () => ['recorded', 'changed'].includes((globalThis as { clausemarkStatus?: { history?: string } }).clausemarkStatus?.history ?? ''), undefined, { timeoutMs: 30_000 });
  });

  async function exportAs(format: 'html' | 'md'): Promise<{ name: string; text: string }> {
    // The record the report is made from (a page that changed after load is read again).
    visit = await tabVisit(session, tabId);
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.waitForSelector(`.report-export button[data-format="${format}"]`);
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.click(`.report-export button[data-format="${format}"]`)]);
    const file = await download.path();
    const name = download.suggestedFilename();
    await popup.waitForSelector(`.notice:has-text("Report saved: ${name}")`);
    await popup.close();
    const text = readFileSync(file, 'utf8');
    if (process.env.REPORT_DUMP) (await import('node:fs')).writeFileSync(`/tmp/report-tools/${name}`, text);
    return { name, text };
  }

  async function expectEveryClause(text: string, html: boolean): Promise<void> {
    const esc = (s: string) => (html ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;') : s);
    // Markdown's backslash escapes undone (CommonMark: a backslash before ASCII punctuation).
    if (!html) text = text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    for (const c of visit.clauses) {
      expect(text).toContain(await recordId({ documentId: visit.documentId, url: visit.url }, c.excerpt));
      expect(text).toContain(`(${c.category})`);
      expect(text).toContain(esc(getCategory(c.category)?.title as string));
      if (html) expect(text).toContain(esc(c.excerpt));
    }
  }

  it('saves a self-contained HTML page with the document, every clause, the regulations and the credits', async () => {
    const { name, text } = await exportAs('html');
    expect(name).toMatch(/^clausemark-report-policies\.google\.com-\d{4}-\d{2}-\d{2}\.html$/);
    expect(text).toMatch(/^<!doctype html>/);
    expect(text).toContain("default-src 'none'");
    expect(text).not.toMatch(/<script|<link|<img|\ssrc=/i);
    expect(text).toContain('Clausemark report: Google — ');
    expect(text).toContain(visit.url);
    expect(text).toContain(visit.sha256);
    expect(text).toContain(`datetime="${visit.readAt}"`);
    await expectEveryClause(text, true);
    expect(text).toMatch(/\d+ of \d+ reviewed platforms \((rare|uncommon|common|widespread)\)/);
    expect(text).toContain('https://tosdr.org/');
    expect(text).toContain('Reviewed: ToS;DR');
    expect(text).toMatch(/Detected by Clausemark(&#39;|')s (model|rules)/);
    const regs = new Set(visit.clauses.flatMap((c) => getCategory(c.category)?.regulations.map((r) => r.regulation) ?? []));
    for (const r of regs) expect(text).toContain(REGULATIONS[r].name.replace(/'/g, '&#39;'));
    for (const credit of ['ToS;DR', 'Open Terms Archive', 'CLAUDETTE', 'CC BY-SA 3.0', 'ODC-BY 1.0', 'CC BY 4.0']) expect(text).toContain(credit);
    // The user's own record of this document: the version they read.
    expect(text).toContain('<h3>Versions you have read</h3>');

    // Opened as a page: it renders, loads nothing, and is what docs/screenshots/report.png shows.
    const view = await session.context.newPage();
    await view.setViewportSize({ width: 900, height: 1300 });
    const blocked = session.blocked.length;
    await view.setContent(text);
    expect(await view.title()).toMatch(/^Clausemark report: Google/);
    expect(await view.locator('article.clause').count()).toBe(visit.clauses.length);
    expect(session.blocked.length).toBe(blocked);
    await view.screenshot({ path: path.join(SHOTS, 'report.png') });
    await view.close();
  });

  it('saves the same report as Markdown', async () => {
    const { name, text } = await exportAs('md');
    expect(name).toMatch(/^clausemark-report-policies\.google\.com-\d{4}-\d{2}-\d{2}\.md$/);
    expect(text).toMatch(/^# Clausemark report: Google — /);
    expect(text).toContain(visit.sha256);
    expect(text).toContain(`(${visit.readAt.replace(/([\\`*_{}[\]<>()#|!~&])/g, '\\$1')})`);
    expect(text).toContain('](https://policies.google.com/privacy');
    await expectEveryClause(text, false);
    expect(text.match(/^### \d+\\\. /gm)?.length).toBe(visit.clauses.length);
    for (const credit of ['ToS;DR', 'Open Terms Archive', 'CLAUDETTE']) expect(text).toContain(credit);
  });
});
