// One benchmark run's measurements, in a browser with the extension and in a bare browser (the
// baseline: same pages, no extension) for the floor and the heap comparison.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findChromium, inContentWorld, tabIdOf, waitForAnnotation, waitForKnowledgeBase, waitInContentWorld, type ExtensionSession } from '../lib/chromium';
import { alignToPage, attribute, extWithin, markerScript, samplesOf, startProfiler, stopProfiler, type Sample } from './profile';
import { mainThread, startTrace, total, type Span } from './trace';
import type { BenchPage } from './pages';
import { segment } from '../../src/core/text';
import { detectClauses } from '../../src/core/detect';

export interface OrdinaryFigures {
  /** The extension's main-thread time from the trace: the browser's injection of the content
   * script (with its first run) plus every later piece of JavaScript (the page has none). */
  extMs: number;
  injectMs: number;
  /** The same from CPU samples (extension frames on the stack), for comparison with issue 9. */
  sampledMs: number;
  scriptBytes: number;
  scripts: string[];
}

export interface PolicyFigures {
  /** Clauses shown, null when the page was not annotated within the wait. */
  clauses: number | null;
  marks: number;
  firstViewportMs: number | null;
  firstAnyMs: number | null;
  allPaintedMs: number | null;
  /** Longest main-thread task while the extension works: tasks running our code and the
   * rendering frames after our changes. */
  longestTaskMs: number;
  /** Longest task running our code. */
  longestOwnTaskMs: number;
  longestRunMs: number;
  /** Our code (JS and the DOM work it calls, forced layouts) plus GC after it, from CPU samples. */
  extMs: number;
  /** The browser's own work to inject the content script (trace, beyond our code's samples in it). */
  injectMs: number;
  /** The rendering frames that show our changes (style, layout, paint). */
  renderMs: number;
  /** extMs + injectMs + renderMs: what the extension costs the page's main thread. */
  costMs: number;
  /** Analysis time in the extension's analysis host, off the page's main thread (its own report). */
  hostMs: number | null;
  heapUsed: number;
  aligned: boolean;
  /** Document y of the first highlight (for pages whose first screen has none). */
  firstMarkY: number | null;
  /** The final detector clauses equal detectClauses over the whole text the page read. */
  equal: boolean | null;
  detectorClauses: number | null;
}

export interface BaselineFigures {
  floorMs: number;
  floorReadMs: number;
  floorWrapMs: number;
  floorLayoutMs: number;
  heapUsed: number;
  pageLongestTaskMs: number;
  /** The page's own first contentful paint without the extension, after DOMContentLoaded (null
   * when the browser recorded none): nothing can be shown before it. */
  pageFirstPaintMs: number | null;
}

const settle = (page: Page, ms: number) => page.waitForTimeout(ms);

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  await cdp.detach();
  return h.usedSize + (h.embedderHeapUsedSize ?? 0);
}

/** Main-thread time and script bytes of a content script on a page it should leave alone. The same
 * function measures the floor: an extension whose content script is empty (same registration). */
export async function measureOrdinary(session: ExtensionSession, p: BenchPage, sizeOf: (file: string) => number): Promise<OrdinaryFigures> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const scripts = new Set<string>();
  cdp.on('Debugger.scriptParsed', (e: { url: string }) => {
    if (e.url.startsWith('chrome-extension://')) scripts.add(new URL(e.url).pathname.slice(1));
  });
  await cdp.send('Debugger.enable');
  const stopTrace = await startTrace(cdp);
  await startProfiler(cdp);
  await page.goto(p.url, { waitUntil: 'load' });
  // The lookup answer (if any), and a tick of the loader's address check.
  await settle(page, 2200);
  const profile = await stopProfiler(cdp);
  const events = await stopTrace();
  await cdp.send('Debugger.disable');
  await cdp.detach();
  await page.close();
  const main = mainThread(events, p.url);
  const injectMs = main ? total(main.injections) : 0;
  const list = [...scripts].sort();
  return { extMs: injectMs + (main ? total(main.js) : 0), injectMs, sampledMs: attribute(samplesOf(profile)).extMs, scriptBytes: list.reduce((n, f) => n + sizeOf(f), 0), scripts: list };
}

interface PageBench {
  markerAt: number | null;
  dcl: number;
  firstViewport: number | null;
  firstAny: number | null;
  lastFrame: number | null;
  frames: number[];
  marks: number;
  firstMarkY: number | null;
}

interface DebugReading {
  text: string;
  hardBreaks: number[];
  threshold: number;
  detected: string[];
  hostMs?: number;
}

const key = (c: { start: number; end: number; category: string; severity: string }) => `${c.start}:${c.end}:${c.category}:${c.severity}`;

/** Whether the final detector clauses the page shows equal detectClauses over the text it read. */
function checkEqual(d: DebugReading): { equal: boolean; n: number } {
  const expected = detectClauses(segment(d.text, d.hardBreaks), { threshold: d.threshold }).map(key).sort();
  const got = [...d.detected].sort();
  return { equal: expected.length === got.length && expected.every((k, i) => k === got[i]), n: expected.length };
}

const within = (s: Sample, t: Span) => s.t >= t.start && s.t < t.start + t.dur;

/** Policy page: time to the first highlight on screen, to all, longest task, our cost, heap. */
export async function measurePolicy(session: ExtensionSession, p: BenchPage, opts: { scrollY?: number; check?: boolean } = {}): Promise<PolicyFigures> {
  const page = await session.context.newPage();
  await page.addInitScript(markerScript(opts.scrollY ?? 0));
  const cdp = await session.context.newCDPSession(page);
  const stopTrace = await startTrace(cdp);
  await startProfiler(cdp);
  await page.goto(p.url, { waitUntil: 'domcontentloaded' });
  const clauses = await waitForAnnotation(page, 30_000).catch(() => null);
  // The version record runs 1.5 s after the page settles: include it.
  if (clauses !== null) await waitInContentWorld(page, () => !!(globalThis as { clausemarkStatus?: { history?: string } }).clausemarkStatus?.history, undefined, { timeoutMs: 8000 }).catch(() => undefined);
  await settle(page, p.observeMs ?? 300);
  const profile = await stopProfiler(cdp);
  const events = await stopTrace();
  await cdp.detach();
  const bench = await page.evaluate((): PageBench => {
    type Batch = { inserted: number; frame: number | null; marks: number };
    const b = (window as unknown as { __bench: { markerAt: number | null; batches: Batch[]; marks: Map<Element, Batch> } }).__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    let firstViewport: number | null = null;
    let firstAny: number | null = null;
    let firstMarkY: number | null = null;
    for (const [el, batch] of b.marks) {
      if (!el.isConnected) continue;
      const t = batch.frame ?? batch.inserted;
      if (firstAny === null || t < firstAny) firstAny = t;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (firstMarkY === null || r.top + scrollY < firstMarkY)) firstMarkY = r.top + scrollY;
      if (r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && r.width > 0) {
        if (firstViewport === null || t < firstViewport) firstViewport = t;
      }
    }
    const frames = b.batches.map((x) => x.frame ?? x.inserted);
    const markFrames = b.batches.filter((x) => x.marks > 0).map((x) => x.frame ?? x.inserted);
    return {
      markerAt: b.markerAt,
      dcl: nav.domContentLoadedEventStart,
      firstViewport,
      firstAny,
      lastFrame: markFrames.length ? Math.max(...markFrames) : null,
      frames,
      marks: document.querySelectorAll('mark[data-clausemark-clause]').length,
      firstMarkY,
    };
  });
  let equal: boolean | null = null;
  let detectorClauses: number | null = null;
  let hostMs: number | null = null;
  if (clauses !== null) {
    const d = await inContentWorld(page, () => (globalThis as { clausemarkDebug?: () => unknown }).clausemarkDebug?.() ?? null).catch(() => null) as DebugReading | null;
    if (d) {
      hostMs = d.hostMs ?? null;
      if (opts.check !== false) ({ equal, n: detectorClauses } = checkEqual(d));
    }
  }
  const samples = samplesOf(profile);
  const offset = alignToPage(samples, bench.markerAt);
  const aligned = offset !== null;
  const a = attribute(samples);
  const main = aligned ? mainThread(events, p.url, offset) : null;
  let renderMs = 0;
  let injectMs = 0;
  let longestTaskMs = a.longestRunMs;
  let longestOwnTaskMs = a.longestRunMs;
  if (main) {
    const ours = samples.filter((s) => s.kind === 'ext');
    const ourFrames = main.frames.filter((f) => bench.frames.some((t) => t >= f.start && t <= f.start + f.dur));
    renderMs = total(ourFrames);
    injectMs = Math.max(0, total(main.injections) - extWithin(samples, main.injections));
    for (const t of main.tasks) {
      const own = ours.some((s) => within(s, t)) || main.injections.some((i) => i.start >= t.start && i.start < t.start + t.dur);
      const frame = ourFrames.some((f) => f.start >= t.start && f.start < t.start + t.dur);
      if (own) longestOwnTaskMs = Math.max(longestOwnTaskMs, t.dur);
      if (own || frame) longestTaskMs = Math.max(longestTaskMs, t.dur);
    }
  }
  const heap = await heapUsed(page);
  await page.close();
  const fromDcl = (t: number | null) => (t === null ? null : t - bench.dcl);
  return {
    clauses,
    marks: bench.marks,
    firstViewportMs: fromDcl(bench.firstViewport),
    firstAnyMs: fromDcl(bench.firstAny),
    allPaintedMs: fromDcl(bench.lastFrame),
    longestTaskMs,
    longestOwnTaskMs,
    longestRunMs: a.longestRunMs,
    extMs: a.extMs,
    injectMs,
    renderMs,
    costMs: a.extMs + injectMs + renderMs,
    hostMs,
    heapUsed: heap,
    aligned,
    firstMarkY: bench.firstMarkY,
    equal,
    detectorClauses,
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
  const hangs = new Set(pages.flatMap((p) => p.hangs ?? []));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const hit = byUrl.get(url);
    if (hit) await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hit.html });
    else if (!hangs.has(url)) await route.abort('blockedbyclient');
    // else: never answered, like a tracker that does not respond (the page's load never fires)
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
  await page.addInitScript(markerScript());
  await page.goto(p.url, { waitUntil: p.hangs?.length ? 'domcontentloaded' : 'load' });
  await settle(page, p.hangs?.length ? 3000 : 1000);
  const heap = await heapUsed(page);
  const pageLongestTaskMs = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { longtasks: { start: number; duration: number }[] } }).__bench;
    const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd;
    return Math.max(0, ...b.longtasks.filter((t) => t.start >= dcl).map((t) => t.duration));
  });
  const pageFirstPaintMs = await page.evaluate(() => {
    const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart;
    const paint = performance.getEntriesByName('first-contentful-paint')[0] ?? performance.getEntriesByName('first-paint')[0];
    return paint ? paint.startTime - dcl : null;
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
  return { floorMs: floor.total, floorReadMs: floor.read, floorWrapMs: floor.wrap, floorLayoutMs: floor.layout, heapUsed: heap, pageLongestTaskMs, pageFirstPaintMs };
}
