// Launches Debian's Chromium (or CHROME_PATH) with the built extension through playwright-core,
// and routes archived real pages to their true addresses. Used by `npm start`, the end-to-end
// tests and the benchmarks. Nothing reaches the network: unknown requests are aborted.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}

export interface RoutedPage {
  url: string;
  html: string;
  /** Extra response headers, e.g. a strict Content-Security-Policy. */
  headers?: Record<string, string>;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every request the browser tried to make outside the routed pages (all aborted). */
  blocked: string[];
  /** Requests for anything but its own files made by the extension's service worker or its pages
   * (popup, options): it should make none. */
  fromExtension: string[];
  /** Serves `page` at its URL from now on (adds or replaces a route: e.g. a policy's next version). */
  setPage(page: RoutedPage): void;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir: string;
  headless: boolean;
  pages: readonly RoutedPage[];
  viewport?: { width: number; height: number };
  /** More Chromium switches, e.g. a --proxy-server that records what leaves the browser. */
  extraArgs?: string[];
}

function fromOurExtension(request: import('playwright-core').Request): boolean {
  if (request.serviceWorker()) return true;
  try {
    return request.frame().url().startsWith('chrome-extension://');
  } catch {
    return false; // no frame: not a page request
  }
}

export async function launchWithExtension(opts: LaunchOptions): Promise<ExtensionSession> {
  if (!existsSync(path.join(opts.extensionDir, 'manifest.json'))) {
    throw new Error(`${opts.extensionDir} has no manifest.json: run \`npm run build\` first.`);
  }
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'clausemark-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: opts.headless,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${opts.extensionDir}`,
      `--load-extension=${opts.extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=DialMediaRouteProvider',
      ...(opts.extraArgs ?? []),
    ],
  });
  const blocked: string[] = [];
  const fromExtension: string[] = [];
  const byUrl = new Map(opts.pages.map((p) => [p.url, p]));
  // Every request but the extension's own files: routing those through this process too made each
  // of them (the popup's scripts, the analysis host's engine) wait 50-120 ms on a loaded machine,
  // which no user pays (the popup's first render: 275 -> 182 ms, median of 12 openings each).
  await context.route((url) => url.protocol !== 'chrome-extension:', async (route) => {
    const url = route.request().url();
    if (!url.startsWith('chrome-extension://') && fromOurExtension(route.request())) fromExtension.push(url);
    const routed = byUrl.get(url);
    if (routed !== undefined && route.request().resourceType() === 'document') {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: routed.headers, body: routed.html });
      return;
    }
    if (url.startsWith('chrome-extension://') || url.startsWith('http://127.0.0.1') || url.startsWith('http://localhost')) {
      await route.continue();
      return;
    }
    blocked.push(url);
    await route.abort('blockedbyclient');
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    blocked,
    fromExtension,
    setPage(page) {
      byUrl.set(page.url, page);
    },
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the extension's knowledge base is installed (first run loads it into IndexedDB). */
export async function waitForKnowledgeBase(session: ExtensionSession, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    for (;;) {
      const state = await page.evaluate(async () => {
        const r = await chrome.runtime.sendMessage({ clausemark: 1, name: 'kb/status', payload: {} });
        return r?.ok ? (r.value.state as string) : `error: ${r?.error}`;
      });
      if (state === 'ready') return;
      if (state.startsWith('error')) throw new Error(`knowledge base: ${state}`);
      if (Date.now() > deadline) throw new Error(`knowledge base not ready after ${timeoutMs} ms (state ${state})`);
      await page.waitForTimeout(250);
    }
  } finally {
    await page.close();
  }
}

/**
 * Runs `fn(arg)` in the content script's isolated world of a page's frame (the main frame unless
 * `frameUrl` names another), through the DevTools protocol. That world holds what the page's own
 * scripts cannot reach: the analysis status (src/content/status.ts) and, through
 * chrome.dom.openOrClosedShadowRoot, the closed shadow roots of our panel, badges and notices.
 * `fn` is sent as source text: it must not use anything from the test's scope.
 */
export async function inContentWorld<T, A = undefined>(page: Page, fn: (arg: A) => T | Promise<T>, arg?: A, frameUrl?: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; name: string; type?: string; frameId?: string }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push({ id: e.context.id, name: e.context.name, type: e.context.auxData?.type, frameId: e.context.auxData?.frameId }));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    type Tree = typeof frameTree;
    const find = (t: Tree): string | undefined => (frameUrl === undefined || t.frame.url === frameUrl ? t.frame.id : (t.childFrames ?? []).map(find).find(Boolean));
    const frameId = find(frameTree);
    const world = contexts.filter((c) => c.type === 'isolated' && c.frameId === frameId && /clausemark/i.test(c.name)).pop();
    if (!world) throw new NoContentWorld(`no Clausemark content script in ${frameUrl ?? page.url()}`);
    const r = await cdp.send('Runtime.evaluate', { contextId: world.id, expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value as T;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export class NoContentWorld extends Error {}

/** Polls `fn` in the content script's world until it returns a truthy value. */
export async function waitInContentWorld<T, A = undefined>(page: Page, fn: (arg: A) => T | Promise<T>, arg?: A, opts: { timeoutMs?: number; frameUrl?: string } = {}): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let last: unknown;
  for (;;) {
    try {
      const v = await inContentWorld(page, fn, arg, opts.frameUrl);
      if (v) return v;
      last = v;
    } catch (err) {
      // Between navigations the world may not exist yet; anything else is a real failure.
      if (!(err instanceof NoContentWorld)) throw err;
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting in the content script's world (last: ${last instanceof Error ? last.message : String(last)})`);
    await page.waitForTimeout(100);
  }
}

/** The content script's status on a page (src/content/status.ts). */
export function contentStatus(page: Page, frameUrl?: string): Promise<{ state?: string; count?: number; history?: string }> {
  return inContentWorld(page, () => ({ ...((globalThis as { clausemarkStatus?: object }).clausemarkStatus ?? {}) }), undefined, frameUrl);
}

/** Text of our UI (closed shadow roots) matching `selector`, read in the content script's world:
 * the first match's textContent, or null. */
export function uiText(page: Page, selector: string): Promise<string | null> {
  return inContentWorld(
    page,
    (sel: string) => {
      const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
      for (const el of document.querySelectorAll('*')) {
        let root: ShadowRoot | null;
        try {
          root = dom.openOrClosedShadowRoot(el);
        } catch {
          continue; // elements that cannot host a shadow root throw
        }
        const hit = root?.querySelector(sel);
        if (hit) return hit.textContent ?? '';
      }
      return null;
    },
    selector,
  );
}

/** Waits for the content script to finish a policy page; returns the number of clauses shown. */
export async function waitForAnnotation(page: Page, timeoutMs = 30_000): Promise<number> {
  const s = await waitInContentWorld(page, () => {
    const st = (globalThis as { clausemarkStatus?: { state?: string; count?: number } }).clausemarkStatus;
    return st?.state === 'annotated' ? { count: st.count ?? 0 } : null;
  }, undefined, { timeoutMs });
  return s?.count ?? 0;
}

/** The tab id of a page, read from the background's per-tab record. */
export async function tabIdOf(session: ExtensionSession, url: string): Promise<number> {
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    const ids = await page.evaluate(async () => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('tab:')).map((k) => Number(k.slice(4))));
    const tabs = await session.worker.evaluate(async (ids: number[]) => Promise.all(ids.map((id) => chrome.tabs.get(id).then((t) => ({ id, url: t.url ?? t.pendingUrl ?? '' }), () => null))), ids);
    const hit = tabs.find((t) => t && t.url === url) ?? tabs.filter(Boolean).pop();
    if (!hit) throw new Error(`no analysed tab for ${url}`);
    return hit.id;
  } finally {
    await page.close();
  }
}
