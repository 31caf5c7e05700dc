// Where the page's main-thread time goes on a policy visit, by kind of work: the content scripts'
// compilation and first run, reading the text, messaging, wrapping, badges, i18n, clause steps,
// the visit report, and the rendering frames after our changes. A non-minified build
// (dist/bench-debug, so function names survive), each page visited --runs times (fresh tab, same
// browser) under the CPU profiler and Chrome's trace; medians per category.
//   npx tsx scripts/bench/breakdown.ts [--no-build] [--runs 3] [--pages roblox-terms,claude-terms]
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
import path from 'node:path';
import { build } from 'vite';
import { launchWithExtension, waitForAnnotation, waitForKnowledgeBase, waitInContentWorld } from '../lib/chromium';
import { policyPages } from './pages';
import { buildContent } from '../build-content';
import { alignToPage, markerScript, startProfiler, stopProfiler, type CpuProfile } from './profile';
import { mainThread, startTrace, total, type TraceEvent } from './trace';
import { option } from '../lib/cli-args';

const args = process.argv.slice(2);
const dist = path.resolve('dist/bench-debug');
const runs = Number(option('--runs') ?? 3);
const ids = (option('--pages') ?? 'roblox-terms,roblox-privacy,claude-terms,perplexity-privacy').split(',');
process.env.CLAUSEMARK_TARGET = 'chrome';
if (!args.includes('--no-build')) {
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn', mode: 'production', build: { outDir: dist, emptyOutDir: true, minify: false } });
  await buildContent('chrome', dist, { minify: false });
}

/** Kind of work, by the innermost function of ours on the stack that names one. */
const KINDS: [string, RegExp][] = [
  ['read text', /^(readPageText|pageTextWalker|isPageText|blockOf|brBefore|acceptNode|readPage.*)$/],
  ['focus range', /^(focusRange|offsetOf)$/],
  ['messaging', /^(startAnalysis|upTo|connect|send|sendMessage|postMessage|unwrap|onRuntimeMessage|listener)$/],
  ['wrap', /^(highlightRangesSliced|highlightRanges|textNodes|nodeAt|isSpaceAt|blockGroups|commonAncestor|markRanges|tag|markOptions|wrapRange.*|wrapRanges.*|inDocumentOrder)$/],
  ['unwrap', /^(unwrapMarks|removeHighlights|remove)$/],
  ['badges', /^(createBadge|attachStyledShadow|resetHostStyle|textsOf|percent)$/],
  ['i18n', /^(t|tn|getMessage|formatMessage|categoryTitle|severityLabel|uiLocale)$/],
  ['clause steps', /^(highlightsOf|detectedClauses|withExcerpts|excerpt|resolveOverlaps|resolvedClauses|knownClauses|knownClausesAt|relevantQuotes|clauseId)$/],
  ['report/version', /^(report|trackVersion|setDebug)$/],
  ['annotator glue (annotate, show, change check)', /^(annotate|startSession|show|changed|recheck|open|extras)$/],
];

interface Node_ {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** Self time by category and leaf function (--detail). */
const leaves = new Map<string, number>();

function categorize(profile: CpuProfile, from: number) {
  const byId = new Map<number, Node_>(profile.nodes.map((n) => [n.id, n as Node_]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = new Map<string, number>();
  const unmatched = new Map<string, number>();
  let t = profile.startTime;
  let afterExt = false;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const dur = Math.max(0, profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (t / 1000 < from) continue;
    const id = profile.samples[i] as number;
    const leaf = byId.get(id);
    let kind: string | null = null;
    let outermost: Node_ | null = null;
    let ext = false;
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const node = byId.get(n) as Node_;
      if (!node.callFrame.url.startsWith('chrome-extension://')) continue;
      ext = true;
      outermost = node;
      if (!kind) for (const [k, re] of KINDS) if (re.test(node.callFrame.functionName)) (kind = k);
    }
    if (!ext) {
      if (leaf?.callFrame.functionName === '(garbage collector)' && afterExt) out.set('gc after ours', (out.get('gc after ours') ?? 0) + dur);
      else afterExt = false;
      continue;
    }
    afterExt = true;
    if (!kind) {
      const file = (outermost?.callFrame.url ?? '').replace(/.*\//, '');
      const fn = outermost?.callFrame.functionName || '(top level)';
      kind = fn === '(top level)' || fn === '' ? `module run: ${file}` : file.startsWith('loader') ? 'loader (address check, settings, lookup)' : 'other';
      if (kind === 'other') {
        const k = `${leaf?.callFrame.functionName || '(anon)'} < ${fn} ${file}`;
        unmatched.set(k, (unmatched.get(k) ?? 0) + dur);
      }
    }
    out.set(kind, (out.get(kind) ?? 0) + dur);
    const leafKey = `${kind} :: ${leaf?.callFrame.functionName || '(anon)'} ${(leaf?.callFrame.url ?? '').replace(/.*\//, '')}`;
    leaves.set(leafKey, (leaves.get(leafKey) ?? 0) + dur);
  }
  return { out, unmatched };
}

/** Compilation of our scripts (trace), which CPU samples show as (program) or not at all. */
function compileMs(events: readonly TraceEvent[], tid: number, pid: number): number {
  let ms = 0;
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid || e.ph !== 'X' || !e.dur) continue;
    const url = (e.args?.data as { url?: string } | undefined)?.url ?? '';
    if (/compile|parse/i.test(e.name) && url.startsWith('chrome-extension://')) ms += e.dur / 1000;
  }
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2 : 0;
};

const pols = policyPages().filter((p) => ids.includes(p.id));
const s = await launchWithExtension({ extensionDir: dist, headless: true, pages: pols.map((p) => ({ url: p.url, html: p.html })) });
await waitForKnowledgeBase(s, 120_000);
for (const p of pols) {
  const rows = new Map<string, number[]>();
  const unmatchedAll = new Map<string, number>();
  const add = (k: string, v: number, r: number) => {
    const list = rows.get(k) ?? [];
    list[r] = (list[r] ?? 0) + v;
    rows.set(k, list);
  };
  for (let r = 0; r < runs; r++) {
    const page = await s.context.newPage();
    await page.addInitScript(markerScript());
    const cdp = await s.context.newCDPSession(page);
    const stopTrace = await startTrace(cdp);
    await startProfiler(cdp);
    await page.goto(p.url, { waitUntil: 'domcontentloaded' });
    await waitForAnnotation(page, 60_000);
    await waitInContentWorld(page, () => !!(globalThis as { clausemarkStatus?: { history?: string } }).clausemarkStatus?.history, undefined, { timeoutMs: 8000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    const profile = await stopProfiler(cdp);
    const events = await stopTrace();
    await cdp.detach();
    await page.close();
    const { out, unmatched } = categorize(profile, 0);
    for (const [k, v] of out) add(k, v, r);
    for (const [k, v] of unmatched) unmatchedAll.set(k, (unmatchedAll.get(k) ?? 0) + v / runs);
    const main = mainThread(events, p.url);
    if (main) {
      add('injection (trace)', total(main.injections), r);
      const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === p.url);
      if (parse) add('compile/parse (trace)', compileMs(events, parse.tid, parse.pid), r);
    }
    void alignToPage;
  }
  console.log(`\n== ${p.id} (${p.words} words), medians of ${runs} visits, ms`);
  let sum = 0;
  for (const [k, v] of [...rows].sort((a, b) => median(b[1].map((x) => x ?? 0)) - median(a[1].map((x) => x ?? 0)))) {
    const m = median(Array.from({ length: runs }, (_, i) => v[i] ?? 0));
    if (!k.includes('(trace)')) sum += m;
    console.log(`${m.toFixed(1).padStart(8)}  ${k}`);
  }
  console.log(`${sum.toFixed(1).padStart(8)}  = our code (CPU samples, sum of medians)`);
  if (args.includes('--detail')) {
    console.log('  top leaf functions (self time, summed over the visits / runs):');
    for (const [k, v] of [...leaves].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${(v / runs).toFixed(1).padStart(6)}  ${k}`);
    leaves.clear();
  }
  console.log('  top unattributed:');
  for (const [k, v] of [...unmatchedAll].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${v.toFixed(1).padStart(6)}  ${k}`);
}
await s.close();
