// Pages that try the annotator's manners: single-page navigation, content that arrives late,
// policies in frames, strict CSP, pages with their own <mark>s, editable areas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { DEEPSEEK_PRIVACY_MD, PROJECT_ROOT, policyBlocksFromMarkdown } from '../fixtures/pages';
import { inContentWorld, uiText, waitForAnnotation, waitInContentWorld, type ExtensionSession } from '../../scripts/lib/chromium';
import { openBrowser } from './browser';
import { ourHosts, waitForUi } from './ui';
import { LOADER_FILE } from '../../src/lib/content-files';

const POLICY = policyBlocksFromMarkdown(DEEPSEEK_PRIVACY_MD);
const ORDINARY = '<h1>Welcome</h1><p>Our shop sells tea and biscuits. Opening hours are nine to five.</p>';
const doc = (title: string, body: string, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

const PAGES = {
  spa: {
    url: 'https://spa.example.net/',
    html: doc(
      'Tea shop',
      `<main id="app">${ORDINARY}</main><script>
        const policy = ${JSON.stringify(POLICY)};
        const ordinary = ${JSON.stringify(ORDINARY)};
        window.goPolicy = () => { history.pushState({}, '', '/legal/privacy-policy'); document.title = 'Privacy Policy'; document.getElementById('app').innerHTML = policy; };
        window.goHome = () => { history.pushState({}, '', '/'); document.title = 'Tea shop'; document.getElementById('app').innerHTML = ordinary; };
      </script>`,
    ),
  },
  late: {
    url: 'https://late.example.net/legal/privacy',
    html: doc('Privacy', `<main id="app"><p>Loading…</p></main><script>setTimeout(() => { document.getElementById('app').innerHTML = ${JSON.stringify(POLICY)}; }, 1500);</script>`),
  },
  frameHost: {
    url: 'https://help.example.net/help',
    html: doc('Help centre', `${ORDINARY}<iframe src="https://help.example.net/legal/privacy" width="900" height="600" title="Privacy policy"></iframe>`),
  },
  frame: { url: 'https://help.example.net/legal/privacy', html: doc('Privacy Policy', POLICY) },
  csp: {
    url: 'https://strict.example.net/privacy',
    html: doc('Privacy Policy', POLICY),
    headers: { 'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'" },
  },
  marks: {
    url: 'https://marks.example.net/privacy',
    html: doc('Privacy Policy', `<p>Search results: <mark class="site-mark">privacy</mark> appears <mark class="site-mark">often</mark>.</p>${POLICY}`),
  },
  huge: {
    url: 'https://huge.example.net/legal/privacy',
    // ~5 MB of text: the policy repeated (with its paragraph order kept) until it is that long.
    html: doc('Privacy Policy', POLICY.repeat(Math.ceil(5_000_000 / POLICY.length))),
  },
  rtl: {
    url: 'https://rtl.example.net/privacy',
    html: `<!doctype html><html lang="en" dir="rtl"><head><meta charset="utf-8"><title>Privacy Policy</title></head><body><p>\u202bשלום\u202c — مرحبا</p>${POLICY}</body></html>`,
  },
  editable: {
    url: 'https://edit.example.net/privacy',
    html: doc(
      'Privacy Policy',
      `${POLICY}<div id="editor" contenteditable="true"><p>We may share your personal data with third parties and advertisers for marketing purposes.</p></div><textarea id="ta">We may sell your personal information to data brokers.</textarea>`,
    ),
  },
};

let session: ExtensionSession;

beforeAll(async () => {
  session = await openBrowser(Object.values(PAGES));
});

afterAll(async () => {
  await session?.close();
});

/** The first highlight's colour and its badge's size, read where the closed badge is reachable. */
const badgeLook = (page: Page) =>
  inContentWorld(page, () => {
    const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
    const mark = document.querySelector('mark[data-clausemark-clause]') as HTMLElement;
    const badge = document.querySelector('mark[data-clausemark-clause] + span') as HTMLElement;
    const button = dom.openOrClosedShadowRoot(badge)?.querySelector('button') as HTMLElement;
    return { bg: getComputedStyle(mark).backgroundColor, badgeWidth: button.getBoundingClientRect().width, radius: getComputedStyle(button).borderRadius };
  });

const markCount = (p: Page | Frame) => p.evaluate(() => document.querySelectorAll('mark[data-clausemark-clause]').length);

describe('single-page apps', () => {
  it('annotates after a pushState navigation to a policy, and cleans up after leaving it', async () => {
    const page = await session.context.newPage();
    await page.goto(PAGES.spa.url);
    await page.waitForTimeout(1200);
    expect(await markCount(page)).toBe(0);
    await page.evaluate(() => (window as unknown as { goPolicy(): void }).goPolicy());
    const n = await waitForAnnotation(page);
    expect(n).toBeGreaterThan(3);
    await page.evaluate(() => (window as unknown as { goHome(): void }).goHome());
    await waitInContentWorld(page, () => !(globalThis as { clausemarkStatus?: { state?: string } }).clausemarkStatus?.state, undefined, { timeoutMs: 10_000 });
    expect(await page.evaluate(() => document.querySelectorAll('mark').length)).toBe(0);
    expect(await ourHosts(page)).toEqual([]);
    await page.close();
  });

  it('annotates content that arrives after load, once, without looping on its own changes', async () => {
    const page = await session.context.newPage();
    await page.goto(PAGES.late.url);
    const n = await waitForAnnotation(page, 20_000);
    expect(n).toBeGreaterThan(3);
    const before = await markCount(page);
    await page.waitForTimeout(3000); // a loop would re-annotate (and flicker) in this time
    expect(await markCount(page)).toBe(before);
    await page.close();
  });
});

describe('hostile or unusual pages', () => {
  it('annotates a policy inside an iframe', async () => {
    const page = await session.context.newPage();
    await page.goto(PAGES.frameHost.url);
    const frame = page.frames().find((f) => f.url() === PAGES.frame.url) ?? (await page.waitForEvent('frameattached'));
    await waitInContentWorld(page, () => (globalThis as { clausemarkStatus?: { state?: string } }).clausemarkStatus?.state === 'annotated', undefined, { timeoutMs: 20_000, frameUrl: PAGES.frame.url });
    expect(await markCount(frame)).toBeGreaterThan(3);
    expect(await markCount(page)).toBe(0);
    await page.close();
  });

  it('works under a strict Content-Security-Policy: highlights are coloured and badges render', async () => {
    const page = await session.context.newPage();
    await page.goto(PAGES.csp.url);
    await waitForAnnotation(page);
    const look = await badgeLook(page);
    expect(look.bg).not.toBe('rgba(0, 0, 0, 0)');
    expect(look.bg).not.toBe('rgb(255, 255, 0)'); // the browser default for <mark>
    expect(look.badgeWidth).toBeGreaterThan(20);
    expect(look.radius).not.toBe('0px');
    await page.close();
  });

  it('leaves the page’s own <mark> elements alone', async () => {
    const page = await session.context.newPage();
    await page.goto(PAGES.marks.url);
    await waitForAnnotation(page);
    const own = await page.$$eval('mark.site-mark', (els) => els.map((e) => ({ text: e.textContent, ours: e.hasAttribute('data-clausemark-clause') })));
    expect(own).toEqual([
      { text: 'privacy', ours: false },
      { text: 'often', ours: false },
    ]);
    await page.close();
  });

  it('never annotates editable areas or form fields', async () => {
    const page = await session.context.newPage();
    await page.goto(PAGES.editable.url);
    await waitForAnnotation(page);
    expect(await markCount(page)).toBeGreaterThan(3);
    expect(await page.evaluate(() => document.querySelectorAll('#editor mark, #editor span').length)).toBe(0);
    expect(await page.inputValue('#ta')).toBe('We may sell your personal information to data brokers.');
    await page.close();
  });

  it('bounds its work on a 5 MB page and says it read only the beginning', async () => {
    const page = await session.context.newPage();
    await page.goto(PAGES.huge.url, { waitUntil: 'domcontentloaded' });
    // Was 60–250 s when a clause running over several paragraphs made mark.js walk the whole body.
    await waitForAnnotation(page, 30_000);
    // The notice comes from the lazily loaded UI, which can paint after the annotation (it did once
    // under the full suite's load).
    await waitForUi(page, '.toast');
    const toast = (await uiText(page, '.toast')) ?? '';
    expect(toast).toMatch(/very long: Clausemark analysed its first/);
    expect(await markCount(page)).toBeGreaterThan(10);
    // The page still answers: a click handler runs promptly after annotation.
    const t = await page.evaluate(() => new Promise<number>((resolve) => { const t0 = performance.now(); setTimeout(() => resolve(performance.now() - t0), 0); }));
    expect(t).toBeLessThan(1000);
    await page.close();
  });

  it('handles a right-to-left page: highlights and badges render', async () => {
    const page = await session.context.newPage();
    await page.goto(PAGES.rtl.url, { waitUntil: 'domcontentloaded' });
    expect(await waitForAnnotation(page)).toBeGreaterThan(3);
    expect((await badgeLook(page)).badgeWidth).toBeGreaterThan(20);
    await page.close();
  });

  it('guards against double injection: running the content script again adds nothing', async () => {
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    const contexts: { id: number; name: string; type?: string }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push({ id: e.context.id, name: e.context.name, type: e.context.auxData?.type }));
    await cdp.send('Runtime.enable');
    await page.goto(PAGES.marks.url);
    await waitForAnnotation(page);
    const badges = async () => (await ourHosts(page)).filter((h) => h.tag === 'SPAN').length;
    const before = await badges();
    expect(before).toBeGreaterThan(0);
    // Run the manifest's content script again, as a second injection would, in the extension's
    // isolated world of this page.
    const loader = readFileSync(path.join(PROJECT_ROOT, 'dist/chrome', LOADER_FILE), 'utf8');
    const world = contexts.find((c) => c.type === 'isolated' && /clausemark/i.test(c.name));
    expect(world, `isolated worlds: ${contexts.map((c) => c.name).join(', ')}`).toBeTruthy();
    const r = await cdp.send('Runtime.evaluate', { contextId: world!.id, expression: `${loader}\n;'ran'` });
    expect(r.result.value).toBe('ran');
    await page.waitForTimeout(2500);
    expect(await badges()).toBe(before);
    await page.close();
  });
});
