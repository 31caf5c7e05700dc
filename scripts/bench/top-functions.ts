// Where the annotator spends its time on a large policy: a non-minified build (dist/bench-debug),
// one visit of policyPages()[P] (P=0 Roblox Terms, 1 Roblox Privacy) under the CPU profiler, and
// the top functions by self and by total time. `npx tsx scripts/bench/top-functions.ts [--no-build]`.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
import path from 'node:path';
import { build } from 'vite';
import { launchWithExtension, waitForKnowledgeBase, waitForAnnotation } from '../lib/chromium';
import { policyPages } from './pages';
import { buildContent } from '../build-content';
import { MARKER_SCRIPT, startProfiler, stopProfiler, type CpuProfile } from './profile';
const dist = path.resolve('dist/bench-debug');
process.env.CLAUSEMARK_TARGET = 'chrome';
if (!process.argv.includes('--no-build')) {
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn', mode: 'production', build: { outDir: dist, emptyOutDir: true, minify: false } });
  await buildContent('chrome', dist, { minify: false });
}
const pols = policyPages();
const s = await launchWithExtension({ extensionDir: dist, headless: true, pages: pols.map((p) => ({ url: p.url, html: p.html })) });
await waitForKnowledgeBase(s, 120000);
function top(profile: CpuProfile, mode: 'self' | 'total') {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const agg = new Map<string, number>();
  const key = (id: number) => { const n = byId.get(id)!; return `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\//, '')}`; };
  for (let i = 0; i < profile.samples.length; i++) {
    const d = profile.timeDeltas[i + 1] ?? 0;
    const id = profile.samples[i]!;
    if (mode === 'self') agg.set(key(id), (agg.get(key(id)) ?? 0) + d);
    else { const seen = new Set<string>(); for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) { const k = key(n); if (!seen.has(k)) { seen.add(k); agg.set(k, (agg.get(k) ?? 0) + d); } } }
  }
  return [...agg].filter(([k]) => mode === 'self' || k.includes('.js')).sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${(v / 1000).toFixed(1)} ms  ${k}`).join('\n');
}
const p = pols[Number(process.env.P ?? 0)]!;
const page = await s.context.newPage();
await page.addInitScript(MARKER_SCRIPT);
const cdp = await s.context.newCDPSession(page);
await startProfiler(cdp);
await page.goto(p.url, { waitUntil: 'domcontentloaded' });
await waitForAnnotation(page, 120000);
await page.waitForTimeout(2500);
const prof = await stopProfiler(cdp);
console.log('== self'); console.log(top(prof, 'self'));
console.log('== total'); console.log(top(prof, 'total'));
await s.close();
