// `npm run bench`: the extension's cost, measured in headless Chromium on real pages
// (docs/performance.md). Builds the Chrome extension into dist/bench-chrome (so a concurrent
// `npm run build` cannot change it mid-run) unless --no-build; each figure is the median of
// --runs (default 5) fresh browser profiles. Exits non-zero only on errors, never on slow figures.
//   --no-build      use the existing dist/bench-chrome (or --dist DIR)
//   --runs N        runs per figure
//   --only a,b      sections: ordinary, policy, popup, kb, sizes
//   --doc           rewrite the figures block of docs/performance.md
//   --json FILE     also write every run's raw figures
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension, waitForAnnotation } from './lib/chromium';
import { DIST, PROJECT_ROOT } from './bench/paths';
import { ORDINARY_PAGES, policyPages, type BenchPage } from './bench/pages';
import { bundleSizes } from './bench/sizes';
import { knowledgeBaseInstallMs, launchBaseline, measureBaseline, measureOrdinary, measurePolicy, measurePopup, type BaselineFigures, type OrdinaryFigures, type PolicyFigures } from './bench/measure';
import { machine, median, table, type Row } from './bench/report';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(option('--runs') ?? 5);
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
  policy: Record<string, PolicyFigures>;
  baseline: Record<string, BaselineFigures>;
  popupMs: number[];
}

async function oneRun(index: number, policies: BenchPage[]): Promise<RunFigures> {
  const all = [...ORDINARY_PAGES, ...policies];
  const out: RunFigures = { ordinary: {}, policy: {}, baseline: {}, popupMs: [] };
  const session = await launchWithExtension({ extensionDir: dist, headless: true, pages: all.map((p) => ({ url: p.url, html: p.html })) });
  try {
    out.kb = await knowledgeBaseInstallMs(session);
    const sizeOf = (f: string) => (existsSync(path.join(dist, f)) ? statSync(path.join(dist, f)).size : 0);
    if (only.has('ordinary')) for (const p of ORDINARY_PAGES) out.ordinary[p.id] = await measureOrdinary(session, p, dist, sizeOf);
    if (only.has('policy') || only.has('popup')) {
      for (const p of policies) out.policy[p.id] = await measurePolicy(session, p);
    }
    if (only.has('popup') && policies[0]) {
      // The popup on the largest policy's tab (that page is still open? no: reopen it).
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
  const pol = Object.entries(out.policy).map(([id, f]) => `${id} first ${f.firstViewportMs?.toFixed(0)} all ${f.allPaintedMs?.toFixed(0)} ext ${f.extMs.toFixed(0)} ms task ${f.longestTaskMs.toFixed(0)} ms`).join('; ');
  const ord = Object.entries(out.ordinary).map(([id, f]) => `${id} ${f.extMs.toFixed(2)} ms`).join(', ');
  console.log(`run ${index + 1}/${runs}: kb ${out.kb?.installMs} ms; ordinary ${ord}; ${pol}; popup ${out.popupMs.map((x) => x.toFixed(0)).join('/')} ms`);
  return out;
}

function rows(all: RunFigures[], policies: BenchPage[]): Row[] {
  const r: Row[] = [];
  if (only.has('ordinary')) {
    for (const p of ORDINARY_PAGES) {
      const v = median(all.map((x) => x.ordinary[p.id]?.extMs));
      r.push({ metric: `ordinary page, ${p.label}: extension main-thread time`, value: v, unit: 'ms', target: '< 1 ms', ok: v === null ? null : v < 1 });
    }
    const bytes = median(all.map((x) => x.ordinary[ORDINARY_PAGES[0]?.id ?? '']?.scriptBytes));
    r.push({ metric: 'ordinary page: extension script loaded', value: bytes === null ? null : bytes / 1024, unit: 'KB', note: all[0]?.ordinary[ORDINARY_PAGES[0]?.id ?? '']?.scripts.join(', ') });
  }
  if (only.has('policy')) {
    for (const p of policies) {
      const pick = <K extends keyof PolicyFigures>(k: K) => median(all.map((x) => x.policy[p.id]?.[k] as number | null | undefined));
      const base = <K extends keyof BaselineFigures>(k: K) => median(all.map((x) => x.baseline[p.id]?.[k]));
      const name = `${p.label} (${p.words.toLocaleString('en')} words)`;
      const first = pick('firstViewportMs');
      const task = pick('longestTaskMs');
      const busy = pick('busyMs');
      const floor = base('floorMs');
      const ratio = median(all.map((x) => {
        const f = x.baseline[p.id]?.floorMs;
        const b = x.policy[p.id]?.busyMs;
        return f && b !== undefined ? b / f : null;
      }));
      const heap = median(all.map((x) => {
        const a = x.policy[p.id]?.heapUsed;
        const b = x.baseline[p.id]?.heapUsed;
        return a !== undefined && b !== undefined ? (a - b) / 2 ** 20 : null;
      }));
      r.push({ metric: `${name}: clauses highlighted / mark elements`, value: pick('clauses'), unit: '', note: `${pick('marks')} elements` });
      r.push({ metric: `${name}: DOMContentLoaded → first highlight in the viewport painted`, value: first, unit: 'ms', target: '≤ 100 ms', ok: first === null ? null : first <= 100 });
      r.push({ metric: `${name}: DOMContentLoaded → all highlights painted`, value: pick('allPaintedMs'), unit: 'ms' });
      r.push({ metric: `${name}: longest main-thread task while the extension works`, value: task, unit: 'ms', target: '< 50 ms', ok: task === null ? null : task < 50, note: `longest unbroken run of extension code: ${pick('longestRunMs')?.toFixed(1)} ms; the page's own longest task after DOMContentLoaded (no extension): ${base('pageLongestTaskMs')?.toFixed(0)} ms` });
      r.push({ metric: `${name}: extension main-thread time`, value: pick('extMs'), unit: 'ms', note: `its code (JS and the DOM work it calls) plus GC; with the rendering it causes: ${busy?.toFixed(0)} ms` });
      r.push({ metric: `${name}: floor (TreeWalker read + wrap the same ranges + one layout)`, value: floor, unit: 'ms', note: `read ${base('floorReadMs')?.toFixed(1)}, wrap ${base('floorWrapMs')?.toFixed(1)}, layout ${base('floorLayoutMs')?.toFixed(1)} ms` });
      r.push({ metric: `${name}: extension time with rendering ÷ floor`, value: ratio, unit: '×', target: '≤ 3×', ok: ratio === null ? null : ratio <= 3 });
      r.push({ metric: `${name}: JS heap added by the extension`, value: heap, unit: 'MB' });
    }
  }
  if (only.has('popup')) {
    const v = median(all.flatMap((x) => x.popupMs));
    r.push({ metric: 'popup open → first render (full knowledge base, largest policy tab)', value: v, unit: 'ms', target: '< 150 ms', ok: v === null ? null : v < 150 });
  }
  if (only.has('kb')) {
    r.push({ metric: 'knowledge base install into IndexedDB (installMs)', value: median(all.map((x) => x.kb?.installMs)), unit: 'ms', note: `first start to ready, as seen from a page: ${median(all.map((x) => x.kb?.firstRunMs))?.toFixed(0)} ms` });
  }
  if (only.has('sizes')) {
    for (const b of bundleSizes(dist)) r.push({ metric: `bundle: ${b.name}, gzipped`, value: b.gz / 1024, unit: 'KB', note: `${(b.raw / 1024).toFixed(1)} KB raw, ${b.files.length} files` });
  }
  return r;
}

const loadBefore = os.loadavg();
if (!flag('--no-build')) await buildExtension();
if (!existsSync(path.join(dist, 'manifest.json'))) throw new Error(`${dist} has no build: drop --no-build`);
const policies = policyPages();
const all: RunFigures[] = [];
if ([...only].some((s) => s !== 'sizes')) for (let i = 0; i < runs; i++) all.push(await oneRun(i, policies));
const block = `${machine(loadBefore, os.loadavg())}\n- ${runs} runs, medians; measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n\n${table(rows(all, policies))}\n`;
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
