// Ordinary pages, two or more builds alternated visit by visit in the same run (A/B): the
// extension's main-thread time as the bench counts it (the browser's injection of the content
// script with its first run, plus every later piece of JavaScript), broken down by the trace events
// inside the injection. The first build listed is usually the floor (an empty content script).
//   npx tsx scripts/bench/ordinary-ab.ts --dist dist/bench-chrome-empty,dist/bench-chrome[,...] [--runs 10] [--events]
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension, waitForKnowledgeBase, type ExtensionSession } from '../lib/chromium';
import { ORDINARY_PAGES as ORDINARY, policyPages } from './pages';
import { mainThread, startTrace, total } from './trace';
import { startProfiler, stopProfiler, type CpuProfile } from './profile';
import { option } from '../lib/cli-args';

const args = process.argv.slice(2);
const dists = (option('--dist') ?? 'dist/bench-chrome-empty,dist/bench-chrome').split(',').map((d) => path.resolve(d));
const runs = Number(option('--runs') ?? 10);
const showEvents = args.includes('--events');
/** Also our code by function (CPU samples every 20 µs, self time per visit; a non-minified build names them). */
const byFunction = args.includes('--functions');
/** Other pages instead (policy page ids of bench/pages.ts): e.g. the loader's injection on a policy page. */
const ORDINARY_PAGES = option('--pages') ? policyPages().filter((p) => (option('--pages') as string).split(',').includes(p.id)) : ORDINARY;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2 : NaN;
};

const sessions: ExtensionSession[] = [];
for (const d of dists) {
  const s = await launchWithExtension({ extensionDir: d, headless: true, pages: ORDINARY_PAGES.map((p) => ({ url: p.url, html: p.html })) });
  await waitForKnowledgeBase(s).catch(() => undefined);
  sessions.push(s);
}
const load0 = os.loadavg()[0] ?? 0;
const functions = dists.map(() => new Map<string, number>());
function selfTimes(profile: CpuProfile, into: Map<string, number>): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (let k = 0; k < profile.samples.length; k++) {
    const dur = Math.max(0, profile.timeDeltas[k + 1] ?? 0) / 1000;
    const id = profile.samples[k] as number;
    let ours = false;
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) if (byId.get(n)!.callFrame.url.startsWith('chrome-extension://')) ours = true;
    if (!ours) continue;
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/.*\//, '')}:${(f as { lineNumber?: number }).lineNumber ?? ''}`;
    into.set(key, (into.get(key) ?? 0) + dur);
  }
}
type Figures = { ext: number[]; inject: number[]; inner: Map<string, number[]> };
const figures = dists.map(() => new Map<string, Figures>());
for (let r = 0; r < runs; r++) {
  for (const p of ORDINARY_PAGES) {
    for (let i = 0; i < dists.length; i++) {
      const page = await sessions[i]!.context.newPage();
      const cdp = await sessions[i]!.context.newCDPSession(page);
      const stop = await startTrace(cdp);
      if (byFunction) {
        await startProfiler(cdp);
        await cdp.send('Profiler.setSamplingInterval', { interval: 20 }).catch(() => undefined);
      }
      await page.goto(p.url, { waitUntil: 'load' });
      await page.waitForTimeout(400);
      if (byFunction) selfTimes(await stopProfiler(cdp), functions[i]!);
      const events = await stop();
      await cdp.detach();
      await page.close();
      const main = mainThread(events, p.url);
      if (!main) continue;
      const inject = total(main.injections);
      const f: Figures = figures[i]!.get(p.id) ?? { ext: [], inject: [], inner: new Map() };
      figures[i]!.set(p.id, f);
      f.ext.push(inject + total(main.js));
      f.inject.push(inject);
      // What happens inside the injections: every complete event nested in one, by name (self-inclusive).
      const inj = events.filter((e) => e.name === 'ScriptInjection::InjectJs' && e.ph === 'X');
      const sums = new Map<string, number>();
      for (const e of events) {
        if (e.ph !== 'X' || e.dur === undefined || e.name === 'ScriptInjection::InjectJs') continue;
        if (!inj.some((x) => x.pid === e.pid && x.tid === e.tid && e.ts >= x.ts && e.ts < x.ts + (x.dur ?? 0))) continue;
        sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
      }
      for (const [k, v] of sums) f.inner.set(k, [...(f.inner.get(k) ?? []), v]);
      if (showEvents && r === 0) console.log(path.basename(dists[i]!), p.id, 'injections', main.injections.map((s) => s.dur.toFixed(2)).join(' '), 'js', main.js.map((s) => s.dur.toFixed(2)).join(' '));
    }
  }
}
console.log(`load average ${load0.toFixed(2)} → ${(os.loadavg()[0] ?? 0).toFixed(2)}; ${runs} runs; medians, ms`);
for (const p of ORDINARY_PAGES) {
  for (let i = 0; i < dists.length; i++) {
    const f = figures[i]!.get(p.id);
    if (!f) continue;
    const inner = [...f.inner].map(([k, v]) => [k, median(v)] as const).sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`${p.id.padEnd(6)} ${path.basename(dists[i]!).padEnd(28)} ext ${median(f.ext).toFixed(2)}  inject ${median(f.inject).toFixed(2)}  | ${inner.map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
  }
}
if (byFunction) {
  for (let i = 0; i < dists.length; i++) {
    const visits = runs * ORDINARY_PAGES.length;
    const list = [...functions[i]!].sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log(`${path.basename(dists[i]!)}: our code by function, self ms per visit: ${list.map(([k, v]) => `${k} ${(v / visits).toFixed(3)}`).join('; ')}`);
  }
}
for (const s of sessions) await s.close();
