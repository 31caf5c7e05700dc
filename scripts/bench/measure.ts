// One benchmark run's measurements, in a browser with the extension and in a bare browser (the
// baseline: same pages, no extension) for the floor and the heap comparison.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findChromium, tabIdOf, waitForAnnotation, waitForKnowledgeBase, waitInContentWorld, type ExtensionSession } from '../lib/chromium';
import { MARKER_SCRIPT, alignToPage, attribute, busyWithin, samplesOf, startProfiler, stopProfiler } from './profile';
import type { BenchPage } from './pages';

export interface OrdinaryFigures {
  extMs: number;
  scriptBytes: number;
  scripts: string[];
}

export interface PolicyFigures {
  clauses: number;
  marks: number;
  firstViewportMs: number | null;
  allPaintedMs: number | null;
  doneMs: number;
  longestTaskMs: number;
  longestRunMs: number;
  extJsMs: number;
  extMs: number;
  /** All main-thread work from our first sample to the last mark painted (rendering included). */
  busyMs: number;
  heapUsed: number;
  aligned: boolean;
}

export interface BaselineFigures {
  floorMs: number;
  floorReadMs: number;
  floorWrapMs: number;
  floorLayoutMs: number;
  heapUsed: number;
  pageLongestTaskMs: number;
}

const settle = (page: Page, ms: number) => page.waitForTimeout(ms);

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  await cdp.detach();
  return h.usedSize + (h.embedderHeapUsedSize ?? 0);
}

/** Main-thread time and script bytes of the extension on a page it should leave alone. */
export async function measureOrdinary(session: ExtensionSession, p: BenchPage, extensionDir: string, sizeOf: (file: string) => number): Promise<OrdinaryFigures> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const scripts = new Set<string>();
  cdp.on('Debugger.scriptParsed', (e: { url: string }) => {
    if (e.url.startsWith('chrome-extension://')) scripts.add(new URL(e.url).pathname.slice(1));
  });
  await cdp.send('Debugger.enable');
  await startProfiler(cdp);
  await page.goto(p.url, { waitUntil: 'load' });
  // The lookup answer, and one tick of the loader's once-a-second address check.
  await settle(page, 2200);
  const profile = await stopProfiler(cdp);
  await cdp.send('Debugger.disable');
  await cdp.detach();
  await page.close();
  const a = attribute(samplesOf(profile));
  void extensionDir;
  const list = [...scripts].sort();
  return { extMs: a.extMs, scriptBytes: list.reduce((n, f) => n + sizeOf(f), 0), scripts: list };
}

interface PageBench {
  markerAt: number | null;
  dcl: number;
  longtasks: { start: number; duration: number }[];
  firstViewport: number | null;
  firstViewportInserted: number | null;
  lastFrame: number | null;
  marks: number;
}

/** Policy page: time to the first highlight on screen, to all, longest task, our time, heap. */
export async function measurePolicy(session: ExtensionSession, p: BenchPage): Promise<PolicyFigures> {
  const page = await session.context.newPage();
  await page.addInitScript(MARKER_SCRIPT);
  const cdp = await session.context.newCDPSession(page);
  await startProfiler(cdp);
  await page.goto(p.url, { waitUntil: 'domcontentloaded' });
  const clauses = await waitForAnnotation(page, 120_000);
  // The version record runs 1.5 s after the page settles: include it.
  await waitInContentWorld(page, () => !!(globalThis as { clausemarkStatus?: { history?: string } }).clausemarkStatus?.history, undefined, { timeoutMs: 8000 }).catch(() => undefined);
  await settle(page, 300);
  const profile = await stopProfiler(cdp);
  await cdp.detach();
  const bench = await page.evaluate((): PageBench => {
    const b = (window as unknown as { __bench: { markerAt: number | null; longtasks: { start: number; duration: number }[]; batches: { inserted: number; frame: number | null }[]; marks: Map<Element, { inserted: number; frame: number | null }> } }).__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    let firstViewport: number | null = null;
    let firstViewportInserted: number | null = null;
    for (const [el, batch] of b.marks) {
      if (!el.isConnected) continue;
      const r = el.getBoundingClientRect();
      if (r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && r.width > 0) {
        const t = batch.frame ?? batch.inserted;
        if (firstViewport === null || t < firstViewport) firstViewport = t;
        if (firstViewportInserted === null || batch.inserted < firstViewportInserted) firstViewportInserted = batch.inserted;
      }
    }
    const frames = b.batches.map((x) => x.frame ?? x.inserted);
    return {
      markerAt: b.markerAt,
      dcl: nav.domContentLoadedEventStart,
      longtasks: b.longtasks,
      firstViewport,
      firstViewportInserted,
      lastFrame: frames.length ? Math.max(...frames) : null,
      marks: document.querySelectorAll('mark[data-clausemark-clause]').length,
    };
  });
  const samples = samplesOf(profile);
  const aligned = alignToPage(samples, bench.markerAt);
  const a = attribute(samples);
  // Long tasks (true task boundaries) that ran while we were active; the page itself is static.
  let longestTaskMs = 0;
  if (aligned && a.firstMs !== null && a.lastMs !== null) {
    for (const t of bench.longtasks) if (t.start + t.duration >= a.firstMs && t.start <= a.lastMs + 50) longestTaskMs = Math.max(longestTaskMs, t.duration);
  }
  const end = Math.max(a.lastMs ?? 0, bench.lastFrame ?? 0);
  const busyMs = aligned && a.firstMs !== null ? busyWithin(samples, a.firstMs, end + 1) : a.extMs;
  const heap = await heapUsed(page);
  await page.close();
  return {
    clauses,
    marks: bench.marks,
    firstViewportMs: bench.firstViewport === null ? null : bench.firstViewport - bench.dcl,
    allPaintedMs: bench.lastFrame === null ? null : bench.lastFrame - bench.dcl,
    doneMs: (a.lastMs ?? bench.dcl) - bench.dcl,
    longestTaskMs: Math.max(longestTaskMs, a.longestRunMs),
    longestRunMs: a.longestRunMs,
    extJsMs: a.extJsMs,
    extMs: a.extMs,
    busyMs,
    heapUsed: heap,
    aligned,
  };
}

/** The popup opened on the analysed tab: performance mark of its first real render. */
export async function measurePopup(session: ExtensionSession, p: BenchPage): Promise<number> {
  const tabId = await tabIdOf(session, p.url);
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${tabId}`);
  const ms = await page
    .waitForFunction(() => performance.getEntriesByName('clausemark:first-render')[0]?.startTime ?? null, undefined, { timeout: 10_000 })
    .then((h) => h.jsonValue() as Promise<number>);
  await page.close();
  return ms;
}

export async function knowledgeBaseInstallMs(session: ExtensionSession): Promise<{ installMs: number | null; firstRunMs: number }> {
  const t0 = Date.now();
  await waitForKnowledgeBase(session, 120_000);
  const firstRunMs = Date.now() - t0;
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
  const installMs = await page.evaluate(async () => {
    const r = await chrome.runtime.sendMessage({ clausemark: 1, name: 'kb/status', payload: {} });
    return (r?.ok ? r.value.installMs : null) as number | null;
  });
  await page.close();
  return { installMs, firstRunMs };
}

export interface Baseline {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/** A bare Chromium (no extension) serving the same pages at the same addresses. */
export async function launchBaseline(pages: readonly BenchPage[]): Promise<Baseline> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  await context.route('**/*', async (route) => {
    const hit = byUrl.get(route.request().url());
    if (hit) await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hit.html });
    else await route.abort('blockedbyclient');
  });
  return { browser, context, close: () => browser.close() };
}

/**
 * The floor: what any highlighter must do on this page — read the text with a bare TreeWalker,
 * wrap the same number of ranges with plain DOM calls (splitText + one element each), and lay
 * the page out once. Ranges are spread evenly over the page's text nodes.
 */
export async function measureBaseline(base: Baseline, p: BenchPage, ranges: number): Promise<BaselineFigures> {
  const page = await base.context.newPage();
  await page.addInitScript(MARKER_SCRIPT);
  await page.goto(p.url, { waitUntil: 'load' });
  await settle(page, 1000);
  const heap = await heapUsed(page);
  const pageLongestTaskMs = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { longtasks: { start: number; duration: number }[] } }).__bench;
    const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd;
    return Math.max(0, ...b.longtasks.filter((t) => t.start >= dcl).map((t) => t.duration));
  });
  const floor = await page.evaluate((n: number) => {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text);
      text += (node as Text).data;
    }
    const t1 = performance.now();
    const long = nodes.filter((t) => t.data.length >= 40);
    const step = long.length / Math.max(1, n);
    for (let i = 0; i < n && long.length; i++) {
      const node = long[Math.floor(i * step)] as Text;
      const start = Math.floor(node.data.length / 4);
      const mid = node.splitText(start);
      mid.splitText(Math.max(1, Math.floor(mid.data.length / 2)));
      const el = document.createElement('mark');
      el.setAttribute('data-floor', String(i));
      mid.replaceWith(el);
      el.append(mid);
    }
    const t2 = performance.now();
    void document.body.offsetHeight;
    const t3 = performance.now();
    return { total: t3 - t0, read: t1 - t0, wrap: t2 - t1, layout: t3 - t2, chars: text.length };
  }, ranges);
  await page.close();
  return { floorMs: floor.total, floorReadMs: floor.read, floorWrapMs: floor.wrap, floorLayoutMs: floor.layout, heapUsed: heap, pageLongestTaskMs };
}
