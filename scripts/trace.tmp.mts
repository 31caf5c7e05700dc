import path from 'node:path';
import { launchWithExtension, waitForAnnotation, waitForKnowledgeBase, inContentWorld } from './lib/chromium';
import { policyPages } from './bench/pages';
import { startTrace, type TraceEvent } from './bench/trace';
const dist = path.resolve('dist/bench-chrome');
const ids = (process.argv[2] ?? 'roblox-privacy').split(',');
const pols = policyPages().filter((p) => ids.includes(p.id));
const s = await launchWithExtension({ extensionDir: dist, headless: true, pages: pols.map((p) => ({ url: p.url, html: p.html })) });
await waitForKnowledgeBase(s, 120000);
for (const p of pols) for (let rep = 0; rep < 2; rep++) {
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  const stop = await startTrace(cdp);
  await page.goto(p.url, { waitUntil: 'domcontentloaded' });
  await waitForAnnotation(page, 30000);
  await page.waitForTimeout(500);
  const ev = await stop();
  const parse = ev.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === p.url)!;
  const main = ev.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.dur !== undefined);
  const nav = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart);
  const d = (await inContentWorld(page, () => (globalThis as any).clausemarkDebug?.() ?? null)) as any;
  const origin = await page.evaluate(() => performance.timeOrigin);
  // trace ts is monotonic µs; find DCL event in the trace
  const dclEv = ev.find((e) => e.name === 'MarkDOMContent' || e.name === 'DOMContentLoadedEventStart' ) ?? ev.find((e) => (e.name === 'domContentLoadedEventStart'));
  const t0 = dclEv ? dclEv.ts : parse.ts;
  console.log(`\n== ${p.id} rep ${rep} dcl(page) ${Math.round(nav)} dclEvent ${dclEv?.name} steps ${(d?.steps ?? []).map(([n, t]: [string, number]) => `${n} ${t - Math.round(nav)}`).join(' | ')}`);
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && (e.dur as number) > 3000 && e.ts > t0 - 100000 && e.ts < t0 + 1500000);
  for (const t of tasks) {
    const inner = main.filter((e) => e.ts >= t.ts && e.ts + (e.dur as number) <= t.ts + (t.dur as number) && e !== t && (e.dur as number) > 1000);
    const names = new Map<string, number>();
    for (const e of inner) { const url = (e.args?.data as any)?.url ?? ''; const k = `${e.name}${url ? ' ' + url.replace(/^.*\//, '').slice(0, 30) : ''}`; names.set(k, Math.max(names.get(k) ?? 0, (e.dur as number) / 1000)); }
    console.log(`${((t.ts - t0) / 1000).toFixed(0).padStart(6)} ms +${((t.dur as number) / 1000).toFixed(1).padStart(6)}  ${[...names].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  }
  await cdp.detach();
  await page.close();
}
await s.close();
