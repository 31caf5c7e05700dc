// The longest main-thread tasks of a policy visit, and what is inside each (Chrome's trace): our
// scripts' calls, style, layout, paint, the page's own parsing and scripts. For the "longest task"
// row of the bench: whose time is it? Two or more builds are alternated visit by visit (A/B).
//   npx tsx scripts/bench/long-tasks.ts --pages qwen-privacy,roblox-terms [--dist a,b] [--runs 3] [--revisit]
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension, waitForAnnotation, waitForKnowledgeBase, waitInContentWorld, type ExtensionSession } from '../lib/chromium';
import { policyPages } from './pages';
import { markerScript } from './profile';
import { startTrace, type TraceEvent } from './trace';
import { option } from '../lib/cli-args';

const args = process.argv.slice(2);
const dists = (option('--dist') ?? 'dist/bench-chrome').split(',').map((d) => path.resolve(d));
const runs = Number(option('--runs') ?? 3);
const ids = (option('--pages') ?? 'qwen-privacy,roblox-terms').split(',');
const scroll = new Map((option('--scroll') ?? 'roblox-terms:842,openai-privacy:1042').split(',').map((x) => x.split(':') as [string, string]).map(([k, v]) => [k, Number(v)]));
const pages = policyPages().filter((p) => ids.includes(p.id));

const sessions: ExtensionSession[] = [];
for (const d of dists) {
  const s = await launchWithExtension({ extensionDir: d, headless: true, pages: pages.map((p) => ({ url: p.url, html: p.html })) });
  await waitForKnowledgeBase(s);
  sessions.push(s);
}
const load0 = os.loadavg()[0] ?? 0;

function describe(events: TraceEvent[], url: string): { longest: number; lines: string[] } {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) return { longest: 0, lines: ['(no main thread found)'] };
  const on = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = on.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && (e.dur as number) > 15_000).sort((a, b) => (b.dur as number) - (a.dur as number));
  const ours = (e: TraceEvent) => (e.args?.data?.url ?? '').startsWith('chrome-extension://');
  const lines: string[] = [];
  let longest = 0;
  for (const t of tasks.slice(0, 4)) {
    const inside = on.filter((e) => e !== t && e.ts >= t.ts && e.ts < t.ts + (t.dur as number));
    const sums = new Map<string, number>();
    let end = -1;
    // Outermost events only (no double counting of nested ones).
    for (const e of inside.sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number))) {
      if (e.ts < end) continue;
      end = e.ts + (e.dur as number);
      const k = `${e.name}${ours(e) ? ' (ours)' : ''}`;
      sums.set(k, (sums.get(k) ?? 0) + (e.dur as number) / 1000);
    }
    const layout = inside.filter((e) => e.name === 'Layout').reduce((n, e) => n + (e.dur as number) / 1000, 0);
    const style = inside.filter((e) => e.name === 'UpdateLayoutTree').reduce((n, e) => n + (e.dur as number) / 1000, 0);
    const ourJs = inside.some(ours);
    let ourEnd = -1;
    let ourMs = 0;
    for (const e of inside.filter((x) => ours(x) || x.name === 'ScriptInjection::InjectJs').sort((a, b) => a.ts - b.ts)) {
      if (e.ts < ourEnd) continue;
      ourEnd = e.ts + (e.dur as number);
      ourMs += (e.dur as number) / 1000;
    }
    const injections = inside.filter((e) => e.name === 'ScriptInjection::InjectJs').map((inj) => {
      const within = inside.filter((e) => e.ts >= inj.ts && e.ts < inj.ts + (inj.dur as number) && ours(e));
      const by = (name: string) => within.filter((e) => e.name === name).reduce((n, e) => n + (e.dur as number) / 1000, 0);
      const file = (within[0]?.args?.data?.url ?? '').replace(/.*\//, '');
      return `${file} ${((inj.dur as number) / 1000).toFixed(1)} (compile ${by('v8.compile').toFixed(1)}, run ${by('EvaluateScript').toFixed(1)})`;
    });
    const ourCalls = [...new Set(inside.filter(ours).map((e) => `${e.name}:${e.args?.data?.functionName || '?'}@${(e.args?.data?.url ?? '').replace(/.*\//, '')}:${(e.args?.data as { lineNumber?: number } | undefined)?.lineNumber ?? ''}`))].slice(0, 5);
    const layouts = inside.filter((e) => e.name === 'Layout').map((e) => {
      const b = (e.args as { beginData?: { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean } } | undefined)?.beginData;
      return `${((e.dur as number) / 1000).toFixed(1)} ms (${b?.dirtyObjects ?? '?'}/${b?.totalObjects ?? '?'} objects${b?.partialLayout ? ', partial' : ''})`;
    });
    longest = Math.max(longest, (t.dur as number) / 1000);
    lines.push(`  task ${((t.dur as number) / 1000).toFixed(1)} ms at +${((t.ts - parse.ts) / 1000).toFixed(0)} ms${ourJs || ourMs ? ` [ours ${ourMs.toFixed(1)} ms: ${injections.length ? `injections ${injections.join('; ')}` : ourCalls.join(' ')}]` : ''}: layout ${layout.toFixed(1)}, style ${style.toFixed(1)}; ${[...sums].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}${layouts.length ? `; layouts ${layouts.slice(0, 3).join(', ')}` : ''}`);
  }
  return { longest, lines };
}

for (let r = 0; r < runs; r++) {
  for (const p of pages) {
    for (let i = 0; i < dists.length; i++) {
      for (const visit of args.includes('--revisit') ? ['first', 'revisit'] : ['first']) {
        const page = await sessions[i]!.context.newPage();
        await page.addInitScript(markerScript(scroll.get(p.id) ?? 0));
        const cdp = await sessions[i]!.context.newCDPSession(page);
        const stop = await startTrace(cdp);
        await page.goto(p.url, { waitUntil: 'domcontentloaded' });
        await waitForAnnotation(page, 30_000).catch(() => null);
        await waitInContentWorld(page, () => !!(globalThis as { clausemarkStatus?: { history?: string } }).clausemarkStatus?.history, undefined, { timeoutMs: 8000 }).catch(() => undefined);
        await page.waitForTimeout(300);
        const events = await stop();
        await cdp.detach();
        await page.close();
        const d = describe(events, p.url);
        console.log(`${p.id} ${path.basename(dists[i]!)} ${visit} run ${r + 1}: longest ${d.longest.toFixed(1)} ms`);
        for (const l of d.lines) console.log(l);
      }
    }
  }
}
console.log(`load average ${load0.toFixed(2)} → ${(os.loadavg()[0] ?? 0).toFixed(2)}`);
for (const s of sessions) await s.close();
