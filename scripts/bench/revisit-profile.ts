// Where a visit's main-thread time goes, function by function, for first visits and revisits
// apart: each page is visited once (the first visit) and then --runs times again in new tabs of
// the same browser (revisits of the unchanged page, the analysis host answering from memory),
// each under the CPU profiler. Prints, per page and per kind of visit, our code (samples with a
// chrome-extension:// frame on the stack, as the bench counts it) and the functions of ours by
// self and by total time, averaged per visit. For A/B runs give two builds, alternated per page:
//   npx tsx scripts/bench/revisit-profile.ts [--dist dist/bench-debug[,dist/other]] [--runs 5]
//     [--pages roblox-privacy,openai-privacy] [--top 25] [--build]
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension, waitForAnnotation, waitForKnowledgeBase, waitInContentWorld, type ExtensionSession } from '../lib/chromium';
import { policyPages, type BenchPage } from './pages';
import { MARKER_SCRIPT, startProfiler, stopProfiler, type CpuProfile } from './profile';
import { option } from '../lib/cli-args';

const args = process.argv.slice(2);
const dists = (option('--dist') ?? 'dist/bench-debug').split(',').map((d) => path.resolve(d));
const runs = Number(option('--runs') ?? 5);
const topN = Number(option('--top') ?? 25);
const callers = new Set((option('--callers') ?? '').split(',').filter(Boolean).map((c) => (c === 'anon' ? '' : c)));
const under = new Set((option('--under') ?? '').split(',').filter(Boolean));
const ids = (option('--pages') ?? 'roblox-privacy,openai-privacy').split(',');
process.env.CLAUSEMARK_TARGET = 'chrome';
if (args.includes('--build')) {
  const { build } = await import('vite');
  const { buildContent } = await import('../build-content');
  const dist = dists[0] as string;
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn', mode: 'production', build: { outDir: dist, emptyOutDir: true, minify: false } });
  await buildContent('chrome', dist, { minify: false });
}

interface Tally {
  ours: number;
  each: number[];
  callers: Map<string, number>;
  entries: Map<string, number>;
  under: Map<string, number>;
  self: Map<string, number>;
  total: Map<string, number>;
  visits: number;
}
const tally = (): Tally => ({ ours: 0, each: [], callers: new Map(), entries: new Map(), under: new Map(), self: new Map(), total: new Map(), visits: 0 });
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

function count(profile: CpuProfile, into: Tally): void {
  const before = into.ours;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (id: number) => {
    const n = byId.get(id)!;
    return `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\//, '')}`;
  };
  let afterExt = false;
  for (let i = 0; i < profile.samples.length; i++) {
    const dur = Math.max(0, profile.timeDeltas[i + 1] ?? 0) / 1000;
    const id = profile.samples[i] as number;
    let ext = false;
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) if (byId.get(n)!.callFrame.url.startsWith('chrome-extension://')) ext = true;
    const leaf = byId.get(id)!;
    if (!ext) {
      if (leaf.callFrame.functionName === '(garbage collector)' && afterExt) {
        into.ours += dur;
        add(into.self, '(gc after ours)', dur);
      } else afterExt = false;
      continue;
    }
    afterExt = true;
    into.ours += dur;
    add(into.self, key(id), dur);
    if (callers.has(leaf.callFrame.functionName)) {
      const chain: string[] = [];
      for (let n: number | undefined = id; n !== undefined && chain.length < 6; n = parent.get(n)) {
        const f = byId.get(n)!.callFrame as { functionName: string; lineNumber?: number; columnNumber?: number };
        chain.push(`${f.functionName || '(anon)'}:${f.lineNumber ?? ''}:${f.columnNumber ?? ''}`);
      }
      add(into.callers, chain.join(' < '), dur);
    }
    let outer: number | undefined;
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) if (byId.get(n)!.callFrame.url.startsWith('chrome-extension://')) outer = n;
    if (outer !== undefined) {
      const f = byId.get(outer)!.callFrame as { functionName: string; lineNumber?: number };
      const entry = `${f.functionName || '(anon)'}:${f.lineNumber}`;
      add(into.entries, entry, dur);
      if (under.has(entry)) {
        const lf = leaf.callFrame as { functionName: string; lineNumber?: number };
        const chain: string[] = [];
        for (let n: number | undefined = parent.get(id); n !== undefined && chain.length < 3; n = parent.get(n)) {
          const pf = byId.get(n)!.callFrame as { functionName: string; lineNumber?: number };
          chain.push(`${pf.functionName || '(anon)'}:${pf.lineNumber}`);
        }
        add(into.under, `${entry} :: ${lf.functionName || '(anon)'}:${lf.lineNumber} < ${chain.join(' < ')}`, dur);
      }
    }
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const k = key(n);
      if (seen.has(k) || !byId.get(n)!.callFrame.url.startsWith('chrome-extension://')) continue;
      seen.add(k);
      add(into.total, k, dur);
    }
  }
  into.visits++;
  into.each.push(into.ours - before);
}

const quartile = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 4)] ?? 0;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2 : 0;
};

async function visit(s: ExtensionSession, p: BenchPage, into: Tally): Promise<void> {
  const page = await s.context.newPage();
  await page.addInitScript(MARKER_SCRIPT);
  const cdp = await s.context.newCDPSession(page);
  await startProfiler(cdp);
  await page.goto(p.url, { waitUntil: 'domcontentloaded' });
  await waitForAnnotation(page, 60_000);
  await waitInContentWorld(page, () => !!(globalThis as { clausemarkStatus?: { history?: string } }).clausemarkStatus?.history, undefined, { timeoutMs: 8000 }).catch(() => undefined);
  await page.waitForTimeout(300);
  count(await stopProfiler(cdp), into);
  await cdp.detach();
  await page.close();
}

const fmt = (t: Tally, m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topN)
    .map(([k, v]) => `    ${(v / t.visits).toFixed(2).padStart(7)}  ${k}`)
    .join('\n');

const pols = policyPages().filter((p) => ids.includes(p.id));
const results = new Map<string, { first: Tally; again: Tally }>();
const sessions: ExtensionSession[] = [];
console.log(`load average before: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const dist of dists) {
  const s = await launchWithExtension({ extensionDir: dist, headless: true, pages: pols.map((p) => ({ url: p.url, html: p.html })) });
  await waitForKnowledgeBase(s, 120_000);
  sessions.push(s);
}
for (const p of pols) {
  for (const i of sessions.keys()) results.set(`${p.id} @ ${i}`, { first: tally(), again: tally() });
  for (const [i, s] of sessions.entries()) await visit(s, p, results.get(`${p.id} @ ${i}`)!.first);
  // Revisits alternate between the builds, so both see the same load.
  for (let r = 0; r < runs; r++) for (const [i, s] of sessions.entries()) await visit(s, p, results.get(`${p.id} @ ${i}`)!.again);
}
for (const s of sessions) await s.close();
for (const [k, { first, again }] of results) {
  const i = Number(k.split(' @ ')[1]);
  console.log(`\n== ${k} (${path.relative(process.cwd(), dists[i] as string)}): our code first visit ${first.ours.toFixed(1)} ms, revisit min ${Math.min(...again.each).toFixed(1)}, lower quartile ${quartile(again.each).toFixed(1)}, median ${median(again.each).toFixed(1)} ms, mean ${(again.ours / again.visits).toFixed(1)} ms (${again.visits} visits: ${again.each.map((x) => x.toFixed(0)).join(' ')})`);
  if (args.includes('--detail') || dists.length === 1) {
    console.log('  revisit, self:');
    console.log(fmt(again, again.self));
    console.log('  revisit, total:');
    console.log(fmt(again, again.total));
    console.log('  revisit, entry points (outermost function of ours):');
    console.log(fmt(again, again.entries));
    if (under.size) {
      console.log('  revisit, leaves under ' + [...under].join(', ') + ':');
      console.log(fmt(again, again.under));
    }
    if (callers.size) {
      console.log('  revisit, callers of ' + [...callers].join(', ') + ':');
      console.log(fmt(again, again.callers));
    }
    console.log('  first visit, self:');
    console.log(fmt(first, first.self));
  }
}
console.log(`\nload average after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
