// `npm run bench`: the extension's cost, measured in headless Chromium on real pages
// (docs/performance.md). Builds the Chrome extension into dist/bench-chrome (so a concurrent
// `npm run build` cannot change it mid-run) unless --no-build; each figure is the median of
// --runs (default 5) fresh browser profiles. Exits non-zero only on errors, never on slow figures.
//   --no-build      use the existing dist/bench-chrome (or --dist DIR)
//   --runs N        runs per figure
//   --only a,b      sections: ordinary, policy, popup, kb, sizes
//   --doc           rewrite the figures block of docs/performance.md
//   --json FILE     also write every run's raw figures
//   --pages a,b     only these policy pages (ids in bench/pages.ts)
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension, waitForAnnotation, type ExtensionSession } from './lib/chromium';
import { LOADER_FILE, SENTINEL_FILE } from './build-content';
import { DIST, PROJECT_ROOT } from './bench/paths';
import { ORDINARY_PAGES, policyPages, type BenchPage } from './bench/pages';
import { bundleSizes } from './bench/sizes';
import { knowledgeBaseInstallMs, launchBaseline, measureBaseline, measureOrdinary, measurePolicy, measurePopup, type BaselineFigures, type OrdinaryFigures, type PolicyFigures } from './bench/measure';
import { machine, median, table, type Row } from './bench/report';
import { option } from './lib/cli-args';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const runs = Number(option('--runs') ?? 5);
const pageFilter = option('--pages') ? new Set((option('--pages') as string).split(',')) : null;
const only = new Set((option('--only') ?? 'ordinary,policy,popup,kb,sizes').split(','));
const dist = path.resolve(option('--dist') ?? path.join(path.dirname(DIST), 'bench-chrome'));

async function buildExtension(): Promise<void> {
  const { build } = await import('vite');
  process.env.CLAUSEMARK_TARGET = 'chrome';
  const t0 = performance.now();
  await build({ configFile: path.join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production', build: { outDir: dist, emptyOutDir: true } });
  // The content scripts are built apart (build-content.ts): without them no page is ever annotated.
  const { buildContent } = await import('./build-content');
  await buildContent('chrome', dist);
  console.log(`Built ${path.relative(PROJECT_ROOT, dist)} in ${Math.round(performance.now() - t0)} ms`);
}

interface RunFigures {
  kb?: { installMs: number | null; firstRunMs: number };
  ordinary: Record<string, OrdinaryFigures>;
  /** The same pages with an extension whose content script is empty (same registration). */
  empty: Record<string, OrdinaryFigures>;
  policy: Record<string, PolicyFigures>;
  /** A second visit of the same, unchanged page. */
  revisit: Record<string, PolicyFigures>;
  baseline: Record<string, BaselineFigures>;
  popupMs: number[];
}

/** The floor of an empty content script: the same build with the content scripts emptied, so the
 * background registers them for the same pages, frames and time, and they do nothing. */
function emptyFloorBuild(): string {
  const out = `${dist}-empty`;
  rmSync(out, { recursive: true, force: true });
  cpSync(dist, out, { recursive: true });
  for (const f of [SENTINEL_FILE, LOADER_FILE]) writeFileSync(path.join(out, f), '// empty: the floor of a content script that does nothing\n');
  return out;
}

async function launch(dir: string, pages: BenchPage[]): Promise<ExtensionSession> {
  const session = await launchWithExtension({ extensionDir: dir, headless: true, pages: pages.map((p) => ({ url: p.url, html: p.html })) });
  // Requests some pages make that never get an answer (their load event never fires).
  for (const url of pages.flatMap((p) => p.hangs ?? [])) await session.context.route(url, () => undefined);
  return session;
}

/** Where each policy page is opened: at its top when its first screen holds a highlight, else
 * scrolled (at DOMContentLoaded) to just above its first highlight. One visit per page. */
async function viewports(policies: BenchPage[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const session = await launch(dist, policies);
  try {
    await knowledgeBaseInstallMs(session);
    for (const p of policies) {
      const f = await measurePolicy(session, p, { check: false });
      if (f.firstViewportMs === null && f.firstMarkY !== null) out.set(p.id, Math.max(0, Math.round(f.firstMarkY - 200)));
    }
  } finally {
    await session.close();
  }
  return out;
}

async function oneRun(index: number, policies: BenchPage[], scroll: Map<string, number>): Promise<RunFigures> {
  const all = [...ORDINARY_PAGES, ...policies];
  const out: RunFigures = { ordinary: {}, empty: {}, policy: {}, revisit: {}, baseline: {}, popupMs: [] };
  const sizeOf = (f: string) => (existsSync(path.join(dist, f)) ? statSync(path.join(dist, f)).size : 0);
  if (only.has('ordinary')) {
    const empty = await launch(emptyDist, [...ORDINARY_PAGES]);
    try {
      await knowledgeBaseInstallMs(empty);
      for (const p of ORDINARY_PAGES) out.empty[p.id] = await measureOrdinary(empty, p, (f) => (existsSync(path.join(emptyDist, f)) ? statSync(path.join(emptyDist, f)).size : 0));
    } finally {
      await empty.close();
    }
  }
  const session = await launch(dist, all);
  try {
    out.kb = await knowledgeBaseInstallMs(session);
    if (only.has('ordinary')) for (const p of ORDINARY_PAGES) out.ordinary[p.id] = await measureOrdinary(session, p, sizeOf);
    if (only.has('policy') || only.has('popup')) {
      for (const p of policies) out.policy[p.id] = await measurePolicy(session, p, { scrollY: scroll.get(p.id) });
      // A revisit reuses the analysis: its clauses are checked against detectClauses too.
      if (only.has('policy')) for (const p of policies) out.revisit[p.id] = await measurePolicy(session, p, { scrollY: scroll.get(p.id) });
    }
    if (only.has('popup') && policies[0]) {
      // The popup on the largest policy's tab, opened again for it.
      const page = await session.context.newPage();
      await page.goto(policies[0].url, { waitUntil: 'domcontentloaded' });
      await waitForAnnotation(page, 120_000);
      for (let i = 0; i < 3; i++) out.popupMs.push(await measurePopup(session, policies[0]));
      await page.close();
    }
  } finally {
    await session.close();
  }
  if (only.has('policy')) {
    const base = await launchBaseline(policies);
    try {
      for (const p of policies) out.baseline[p.id] = await measureBaseline(base, p, out.policy[p.id]?.clauses ?? 300);
    } finally {
      await base.close();
    }
  }
  const f0 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(0));
  const pol = Object.entries(out.policy).map(([id, f]) => `${id} first ${f0(f.firstViewportMs)} all ${f0(f.allPaintedMs)} cost ${f.costMs.toFixed(0)} task ${f.longestTaskMs.toFixed(0)}${f.equal === false ? ' NOT EQUAL' : ''} revisit ${f0(out.revisit[id]?.costMs)}${out.revisit[id]?.equal === false ? ' NOT EQUAL' : ''}`).join('; ');
  const ord = Object.entries(out.ordinary).map(([id, f]) => `${id} ${f.extMs.toFixed(2)} (empty ${out.empty[id]?.extMs.toFixed(2)}) ms`).join(', ');
  console.log(`run ${index + 1}/${runs}: kb ${out.kb?.installMs} ms; ordinary ${ord}; ${pol}; popup ${out.popupMs.map((x) => x.toFixed(0)).join('/')} ms`);
  return out;
}

function rows(all: RunFigures[], policies: BenchPage[], scroll: Map<string, number>): Row[] {
  const r: Row[] = [];
  if (only.has('ordinary')) {
    for (const p of ORDINARY_PAGES) {
      const v = median(all.map((x) => x.ordinary[p.id]?.extMs));
      const floor = median(all.map((x) => x.empty[p.id]?.extMs));
      const ratio = median(all.map((x) => {
        const a = x.ordinary[p.id]?.extMs;
        const b = x.empty[p.id]?.extMs;
        return a !== undefined && b ? a / b : null;
      }));
      r.push({
        metric: `ordinary page, ${p.label}: extension main-thread time`,
        value: v,
        floor,
        unit: 'ms',
        target: '≤ 1.5× the empty script',
        ok: ratio === null ? null : ratio <= 1.5,
        note: `${ratio?.toFixed(2)}× the floor (an empty content script, same registration); of which the browser's injection ${median(all.map((x) => x.ordinary[p.id]?.injectMs))?.toFixed(1)} ms (empty: ${median(all.map((x) => x.empty[p.id]?.injectMs))?.toFixed(1)} ms); CPU samples on our code ${median(all.map((x) => x.ordinary[p.id]?.sampledMs))?.toFixed(1)} ms`,
      });
    }
    const first = ORDINARY_PAGES[0]?.id ?? '';
    const bytes = median(all.map((x) => x.ordinary[first]?.scriptBytes));
    r.push({ metric: 'ordinary page: extension script loaded', value: bytes === null ? null : bytes / 1024, floor: (median(all.map((x) => x.empty[first]?.scriptBytes)) ?? 0) / 1024, unit: 'KB', note: all[0]?.ordinary[first]?.scripts.join(', ') });
  }
  if (only.has('policy')) {
    const realFirsts: (number | null)[] = [];
    for (const p of policies) {
      const pick = <K extends keyof PolicyFigures>(k: K, from: 'policy' | 'revisit' = 'policy') => median(all.map((x) => x[from][p.id]?.[k] as number | null | undefined));
      const base = <K extends keyof BaselineFigures>(k: K) => median(all.map((x) => x.baseline[p.id]?.[k]));
      const ratio = (from: 'policy' | 'revisit') => median(all.map((x) => {
        const f = x.baseline[p.id]?.floorMs;
        const b = x[from][p.id]?.costMs;
        return f && b !== undefined && x[from][p.id]?.clauses !== null ? b / f : null;
      }));
      const name = `${p.label} (${p.words.toLocaleString('en')} words)`;
      const first = pick('firstViewportMs');
      const floor = base('floorMs');
      const layout = base('floorLayoutMs');
      const task = pick('longestTaskMs');
      const taskLimit = layout !== null && layout > 50 ? 1.2 * layout : 50;
      const equal = all.map((x) => x.policy[p.id]?.equal).filter((e) => e !== null && e !== undefined);
      const where = scroll.has(p.id) ? `opened scrolled to y = ${scroll.get(p.id)} (its first screen has no highlight)` : 'opened at its top';
      if (p.kind === 'real') realFirsts.push(first);
      r.push({ metric: `${name}: clauses highlighted / mark elements`, value: pick('clauses'), unit: '', note: `${pick('marks')} elements; final detector clauses = detectClauses over the whole text read: ${equal.length ? (equal.every(Boolean) ? `yes (${equal.length}/${equal.length} runs, ${pick('detectorClauses')} clauses)` : `**no** (${equal.filter(Boolean).length}/${equal.length} runs)`) : 'not checked'}` });
      r.push({
        metric: `${name}: DOMContentLoaded → first highlight in the viewport painted`,
        value: first,
        floor,
        unit: 'ms',
        ...(p.kind === 'large' || p.kind === 'pattern' ? { target: '≤ 100 ms', ok: first === null ? null : first <= 100 } : {}),
        note: `${where}; first highlight anywhere ${pick('firstAnyMs')?.toFixed(0)} ms; all highlights painted ${pick('allPaintedMs')?.toFixed(0)} ms; the page's own first paint without the extension ${base('pageFirstPaintMs')?.toFixed(0) ?? '—'} ms after DOMContentLoaded; floor: read + wrap + one layout`,
      });
      r.push({
        metric: `${name}: longest main-thread task while the extension works`,
        value: task,
        floor: layout,
        unit: 'ms',
        target: layout !== null && layout > 50 ? `≤ 1.2× the floor's relayout (${taskLimit.toFixed(0)} ms)` : '≤ 50 ms',
        ok: task === null ? null : task <= taskLimit,
        note: `tasks running our code and the frames showing our changes; our own longest task ${pick('longestOwnTaskMs')?.toFixed(1)} ms (unbroken run of our code ${pick('longestRunMs')?.toFixed(1)} ms); floor: its single relayout; the page's own longest task without the extension ${base('pageLongestTaskMs')?.toFixed(0)} ms`,
      });
      const rt = ratio('policy');
      r.push({
        metric: `${name}: main-thread cost (our code + injection + the rendering it causes)`,
        value: pick('costMs'),
        floor,
        unit: 'ms',
        target: '≤ 3× the floor',
        ok: rt === null ? null : rt <= 3,
        note: `${rt?.toFixed(2)}× the floor; our code ${pick('extMs')?.toFixed(1)}, injection ${pick('injectMs')?.toFixed(1)}, rendering ${pick('renderMs')?.toFixed(1)} ms; analysis off the page's thread ${pick('hostMs')?.toFixed(0) ?? '—'} ms; floor: read ${base('floorReadMs')?.toFixed(1)}, wrap ${base('floorWrapMs')?.toFixed(1)}, layout ${layout?.toFixed(1)} ms`,
      });
      const rr = ratio('revisit');
      const equalAgain = all.map((x) => x.revisit[p.id]?.equal).filter((e) => e !== null && e !== undefined);
      r.push({
        metric: `${name}, revisited unchanged: main-thread cost`,
        value: pick('costMs', 'revisit'),
        floor,
        unit: 'ms',
        target: '≤ 2× the floor',
        ok: rr === null ? null : rr <= 2,
        note: `${rr?.toFixed(2)}× the floor; our code ${pick('extMs', 'revisit')?.toFixed(1)}, injection ${pick('injectMs', 'revisit')?.toFixed(1)}, rendering ${pick('renderMs', 'revisit')?.toFixed(1)} ms; first highlight in the viewport ${pick('firstViewportMs', 'revisit')?.toFixed(0)} ms after DOMContentLoaded; analysis off the page's thread ${pick('hostMs', 'revisit')?.toFixed(0) ?? '—'} ms; final detector clauses = detectClauses over the whole text read: ${equalAgain.length ? (equalAgain.every(Boolean) ? `yes (${equalAgain.length}/${equalAgain.length} runs)` : `**no** (${equalAgain.filter(Boolean).length}/${equalAgain.length} runs)`) : 'not checked'}`,
      });
      const heap = median(all.map((x) => {
        const a = x.policy[p.id]?.heapUsed;
        const b = x.baseline[p.id]?.heapUsed;
        return a !== undefined && b !== undefined ? (a - b) / 2 ** 20 : null;
      }));
      r.push({ metric: `${name}: JS heap added by the extension`, value: heap, unit: 'MB' });
    }
    const m = median(realFirsts);
    r.push({ metric: `real policy pages (${realFirsts.length}): median DOMContentLoaded → first highlight in the viewport`, value: m, unit: 'ms', target: '≤ 150 ms', ok: m === null || realFirsts.some((x) => x === null) ? null : m <= 150 });
  }
  if (only.has('popup')) {
    const v = median(all.flatMap((x) => x.popupMs));
    r.push({ metric: 'popup open → first render (full knowledge base, largest policy tab)', value: v, unit: 'ms', target: '< 150 ms', ok: v === null ? null : v < 150 });
  }
  if (only.has('kb')) {
    const v = median(all.map((x) => x.kb?.installMs));
    r.push({ metric: 'knowledge base install into IndexedDB (installMs)', value: v, unit: 'ms', target: '< 5 s', ok: v === null ? null : v < 5000, note: `first start to ready, as seen from a page: ${median(all.map((x) => x.kb?.firstRunMs))?.toFixed(0)} ms` });
  }
  if (only.has('sizes')) {
    for (const b of bundleSizes(dist)) r.push({ metric: `bundle: ${b.name}, gzipped`, value: b.gz / 1024, unit: 'KB', note: `${(b.raw / 1024).toFixed(1)} KB raw, ${b.files.length} files` });
  }
  return r;
}

const loadBefore = os.loadavg();
if (!flag('--no-build')) await buildExtension();
if (!existsSync(path.join(dist, 'manifest.json'))) throw new Error(`${dist} has no build: drop --no-build`);
const policies = policyPages().filter((p) => !pageFilter || pageFilter.has(p.id));
const emptyDist = only.has('ordinary') ? emptyFloorBuild() : '';
const scroll = only.has('policy') ? await viewports(policies) : new Map<string, number>();
const all: RunFigures[] = [];
if ([...only].some((s) => s !== 'sizes')) for (let i = 0; i < runs; i++) all.push(await oneRun(i, policies, scroll));
const block = `${machine(loadBefore, os.loadavg())}\n- ${runs} runs, medians; measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n\n${table(rows(all, policies, scroll))}\n`;
console.log(`\n${block}`);
const json = option('--json');
if (json) {
  mkdirSync(path.dirname(path.resolve(json)), { recursive: true });
  writeFileSync(json, `${JSON.stringify({ at: new Date().toISOString(), runs: all }, null, 2)}\n`);
}
if (flag('--doc')) {
  const doc = path.join(PROJECT_ROOT, 'docs/performance.md');
  const text = readFileSync(doc, 'utf8');
  const re = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/;
  if (!re.test(text)) throw new Error('docs/performance.md has no <!-- bench:start --> … <!-- bench:end --> block');
  writeFileSync(doc, text.replace(re, (_m, a: string, b: string) => `${a}${block}${b}`));
  console.log('Updated docs/performance.md');
}
