// `npm start`: builds the extension, serves the bundled real policy pages on localhost, and opens
// Chromium with the extension on a real policy shown at its true address.
//   npm start -- --headless --screenshot out.png   (no display: saves a screenshot and exits)
//   npm start -- --page claude-terms               (another bundled page; see --list)
//   npm start -- --no-build                        (reuse dist/chrome)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { FIXTURE_PAGES, fixture, readFixture, PROJECT_ROOT } from '../test/fixtures/pages';
import { launchWithExtension, waitForAnnotation, waitForKnowledgeBase, waitInContentWorld, findChromium } from './lib/chromium';
import { startFixtureServer } from './lib/fixture-server';
import { option as arg } from './lib/cli-args';

const has = (name: string) => process.argv.includes(name);

async function main(): Promise<number> {
  if (has('--list')) {
    for (const p of FIXTURE_PAGES) console.log(`${p.id.padEnd(18)} ${p.label} — ${p.url}`);
    return 0;
  }
  const headless = has('--headless');
  const screenshot = arg('--screenshot');
  const pageId = arg('--page') ?? 'google-privacy';
  let page0;
  try {
    page0 = fixture(pageId);
    findChromium();
  } catch (err) {
    console.error(`clausemark start: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  if (!has('--no-build')) {
    const r = spawnSync('npx', ['tsx', 'scripts/build.ts', 'chrome'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (r.status !== 0) return r.status ?? 1;
  }
  const server = await startFixtureServer();
  const session = await launchWithExtension({
    extensionDir: path.join(PROJECT_ROOT, 'dist/chrome'),
    headless,
    pages: FIXTURE_PAGES.map((p) => ({ url: p.url, html: readFixture(p) })),
  });
  try {
    await waitForKnowledgeBase(session);
    const page = await session.context.newPage();
    await page.goto(page0.url, { waitUntil: 'domcontentloaded' });
    const count = await waitForAnnotation(page);
    console.log(`${page0.label}: ${count} clauses highlighted at ${page0.url}`);
    console.log(`Bundled pages on localhost: ${server.origin}/ (recognised there by heuristics, as unknown sites)`);
    // Show the first high-severity clause (or any) with its panel open.
    const high = page.locator('mark[data-clausemark-severity="high"]');
    const first = (await high.count()) ? high.first() : page.locator('mark[data-clausemark-clause]').first();
    if (await first.count()) {
      await first.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      if (screenshot) await first.click();
    }
    if (screenshot) {
      // The panel asks the background how other platforms handle the clause: shoot it once that
      // has come (not its "Looking up other platforms…" line), or after 10 s as it is.
      await waitInContentWorld(page, () => {
        const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
        const panel = [...document.documentElement.children].map((e) => dom.openOrClosedShadowRoot(e)).find((r) => r?.querySelector('[role="dialog"], .panel'));
        return !!panel && !/Looking up other platforms/.test(panel.textContent ?? '');
      }, undefined, { timeoutMs: 10_000 }).catch(() => undefined);
      await page.waitForTimeout(200);
      await page.screenshot({ path: screenshot });
      console.log(`Screenshot saved to ${screenshot}`);
    }
    if (headless) return 0;
    console.log('Chromium is open with Clausemark. Close the browser window to stop.');
    await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
    return 0;
  } finally {
    await session.close();
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`clausemark start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
