// Where a policy visit's time goes, step by step (ms after DOMContentLoaded, from the content
// script's own record, src/content/status.ts): `npx tsx scripts/bench/steps.ts [--no-build]
// [--pages=roblox-privacy,deepseek-privacy]` — each page visited twice (the second is a revisit).
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
import path from 'node:path';
import { build } from 'vite';
import { launchWithExtension, waitForKnowledgeBase, waitForAnnotation, inContentWorld } from '../lib/chromium';
import { policyPages } from './pages';
import { buildContent } from '../build-content';
const dist = path.resolve('dist/bench-chrome');
process.env.CLAUSEMARK_TARGET = 'chrome';
if (!process.argv.includes('--no-build')) { await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn', mode: 'production', build: { outDir: dist, emptyOutDir: true } }); await buildContent('chrome', dist); }
const ids = (process.argv.find((a) => a.startsWith('--pages='))?.slice(8) ?? 'roblox-privacy,deepseek-privacy').split(',');
const pols = policyPages().filter((p) => ids.includes(p.id));
const s = await launchWithExtension({ extensionDir: dist, headless: true, pages: pols.map((p) => ({ url: p.url, html: p.html })) });
await waitForKnowledgeBase(s, 120000);
for (let rep = 0; rep < 2; rep++) for (const p of pols) {
  const page = await s.context.newPage();
  await page.goto(p.url, { waitUntil: 'domcontentloaded' });
  await waitForAnnotation(page, 30000);
  const dcl = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart);
  const d = (await inContentWorld(page, () => (globalThis as { clausemarkDebug?: () => unknown }).clausemarkDebug?.() ?? null)) as { hostMs?: number; steps?: [string, number][] } | null;
  console.log(p.id, 'dcl', Math.round(dcl), 'host', Math.round(d?.hostMs ?? -1), (d?.steps ?? []).map(([n, t]) => `${n} ${t - Math.round(dcl)}`).join(' | '));
  await page.close();
}
await s.close();
