// The Firefox build in real Firefox ESR. First through web-ext run (headless): the add-on
// installs, its background script runs and installs the knowledge base into IndexedDB, and sets up
// the schedule of followed documents through the alarms API. Then over WebDriver BiDi
// (scripts/lib/firefox.ts) on a real policy page: the content scripts, the annotator the
// background puts in, the analysis in the page (Firefox has no analysis host), the badges, and the
// panel opened by the user's click, all as Firefox runs them.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../fixtures/pages';
import { launchFirefox } from '../../scripts/lib/firefox';
import { startFixtureServer } from '../../scripts/lib/fixture-server';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
// Without Firefox the test is skipped, and counted as skipped by scripts/test-all.ts, which fails
// the run under CI=true (.ci/run installs firefox-esr).
const available = existsSync(FIREFOX);

function runFirefox(timeoutMs: number): Promise<{ installed: boolean; ready: string | null; follow: string | null; errors: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(
      'npx',
      ['web-ext', 'run', '--source-dir', path.join(PROJECT_ROOT, 'dist/firefox'), '--firefox', FIREFOX, '--no-reload', '--no-input', '--arg=-headless', '--verbose',
        '--pref', 'devtools.console.stdout.chrome=true', '--pref', 'devtools.console.stdout.content=true', '--start-url', 'about:blank'],
      { cwd: PROJECT_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let installed = false;
    let ready: string | null = null;
    let follow: string | null = null;
    const errors: string[] = [];
    const finish = () => {
      clearTimeout(timer);
      try {
        process.kill(-(child.pid as number), 'SIGTERM');
      } catch {
        /* already gone */
      }
      resolve({ installed, ready, follow, errors });
    };
    const onData = (buf: Buffer) => {
      for (const line of buf.toString().split('\n')) {
        if (line.includes('as a temporary add-on')) installed = true;
        const m = line.match(/Clausemark: knowledge base .* ready \(.*\)/);
        if (m) ready = m[0];
        const f = line.match(/Clausemark: followed documents ready \(.*\)/);
        if (f) follow = f[0];
        if (/Clausemark: .*failed|moz-extension:\/\/.*Error/.test(line)) errors.push(line.trim());
      }
      if (ready && follow) finish();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => finish());
    const timer = setTimeout(finish, timeoutMs);
  });
}

describe.skipIf(!available)('Firefox', () => {
  it('installs dist/firefox, its background installs the knowledge base and answers to alarms', async () => {
    const r = await runFirefox(100_000);
    expect(r.installed).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.ready).toMatch(/ready \(\d+ platforms, \d+ reviewed clauses\)/);
    // The schedule of followed documents went through browser.alarms (nothing followed: no alarm).
    expect(r.follow).toBe('Clausemark: followed documents ready (0 followed, no alarm set)');
  }, 120_000);
});

describe.skipIf(!available)('Firefox, on a real policy page', () => {
  it('highlights DeepSeek’s privacy policy on an unknown site, with badges, the text unchanged; a click opens the panel, Escape closes it; the popup lists the same clauses, the options page shows the knowledge base', async () => {
    const server = await startFixtureServer();
    const firefox = await launchFirefox(path.join(PROJECT_ROOT, 'dist/firefox'));
    try {
      await firefox.navigate(`${server.origin}/policies/deepseek-privacy`);
      // The first visit also waits for the knowledge base the background installs on first start.
      const deadline = Date.now() + 60_000;
      let marks = 0;
      while (Date.now() < deadline && marks === 0) {
        await new Promise((r) => setTimeout(r, 500));
        marks = await firefox.evaluate<number>('document.querySelectorAll("mark[data-clausemark-clause]").length');
      }
      expect(marks, firefox.output().slice(-3000)).toBeGreaterThan(0);
      // Wait until the highlights stop changing (later groups, the reviewed quotes).
      let clauses = 0;
      for (let stable = 0; stable < 3 && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 500));
        const n = await firefox.evaluate<number>('new Set([...document.querySelectorAll("mark[data-clausemark-clause]")].map((m) => m.dataset.clausemarkClause)).size');
        stable = n === clauses ? stable + 1 : 0;
        clauses = n;
      }
      expect(clauses).toBeGreaterThan(5);
      // Each clause: a badge (a host whose shadow root the page cannot open) right after its last
      // mark, laid out with a size.
      const badges = await firefox.evaluate<{ id: string; tag: string; closed: boolean; width: number }[]>(`(() => {
        const last = new Map();
        for (const m of document.querySelectorAll('mark[data-clausemark-clause]')) last.set(m.dataset.clausemarkClause, m);
        return [...last].map(([id, m]) => { const b = m.nextElementSibling; return { id, tag: b?.tagName ?? '', closed: !!b && b.shadowRoot === null && b.childElementCount === 0, width: b ? b.getBoundingClientRect().width : 0 }; });
      })()`);
      expect(badges).toHaveLength(clauses);
      for (const b of badges) expect(b, b.id).toMatchObject({ tag: 'SPAN', closed: true });
      expect(Math.min(...badges.map((b) => b.width))).toBeGreaterThan(12);
      // The page's text is the text it was served with: marks wrap it, badges add no text to it.
      expect(await firefox.evaluate<boolean>(`fetch(location.href).then((r) => r.text()).then((html) => new DOMParser().parseFromString(html, 'text/html').body.textContent === document.body.textContent)`)).toBe(true);

      // The user's click on a highlight opens the panel (fixed at the top right) and focuses it.
      const at = await firefox.evaluate<{ x: number; y: number }>(`(() => {
        const m = document.querySelector('mark[data-clausemark-clause]');
        m.scrollIntoView({ block: 'center', behavior: 'instant' });
        const r = m.getClientRects()[0];
        return { x: r.left + Math.min(8, r.width / 2), y: r.top + r.height / 2 };
      })()`);
      const panelPoint = 'document.elementFromPoint(innerWidth - 60, 60)';
      const ours = `((el) => !!el && el.parentElement === document.documentElement && el.shadowRoot === null && el.tagName === 'DIV')`;
      expect(await firefox.evaluate<boolean>(`${ours}(${panelPoint})`)).toBe(false);
      await firefox.click(at.x, at.y);
      let open = false;
      for (let i = 0; i < 40 && !open; i++) {
        await new Promise((r) => setTimeout(r, 250));
        open = await firefox.evaluate<boolean>(`${ours}(${panelPoint}) && document.activeElement === ${panelPoint}`);
      }
      expect(open, firefox.output().slice(-3000)).toBe(true);
      await firefox.press('\uE00C');
      await new Promise((r) => setTimeout(r, 500));
      expect(await firefox.evaluate<boolean>(`${ours}(${panelPoint})`)).toBe(false);

      // The extension's own pages in Firefox. The onboarding tab opened on install is an extension
      // page (BiDi may not navigate a tab to moz-extension: itself); from it, the options page
      // and the popup as a page for the policy's tab.
      const ids = await firefox.evaluate<string[]>('[...new Set([...document.querySelectorAll("mark[data-clausemark-clause]")].map((m) => m.dataset.clausemarkClause))].sort()');
      const tree = await firefox.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', {});
      const extPage = tree.contexts.find((c) => c.url.startsWith('moz-extension:'));
      expect(extPage?.url).toMatch(/\/src\/onboarding\/index\.html$/);
      firefox.context = extPage?.context as string;
      const settle = async <T,>(read: string, ok: (v: T) => boolean): Promise<T> => {
        let v = await firefox.evaluate<T>(read);
        for (let i = 0; i < 40 && !ok(v); i++) {
          await new Promise((r) => setTimeout(r, 250));
          v = await firefox.evaluate<T>(read);
        }
        return v;
      };
      await firefox.evaluate(`(location.href = browser.runtime.getURL('src/options/index.html'), 1)`);
      const options = await settle<string>('document.body?.innerText ?? ""', (t) => /Version [\d.]+, installed .*: [\d,]+ platforms/.test(t));
      expect(options).toMatch(/Version [\d.]+, installed .*: 9,\d{3} platforms, [\d,]+ documents, [\d,]+ reviewed clauses/);
      const tabs = await firefox.evaluate<{ id: number; url: string }[]>('browser.tabs.query({}).then((ts) => ts.map((t) => ({ id: t.id, url: t.url })))');
      const tabId = tabs.find((t) => t.url === `${server.origin}/policies/deepseek-privacy`)?.id;
      expect(tabId).toBeTypeOf('number');
      await firefox.evaluate(`(location.href = browser.runtime.getURL('src/popup/index.html') + '?tab=${tabId}', 1)`);
      const listed = await settle<string[]>('[...document.querySelectorAll("button.clause")].map((b) => b.dataset.clause).sort()', (v) => v.length > 0);
      expect(listed).toEqual(ids);
      expect(firefox.output()).not.toMatch(/Clausemark: .*(failed|Error)|moz-extension:\/\/\S+ Error/);
    } finally {
      await firefox.close();
      await server.close();
    }
  }, 120_000);
});
