// `npm run eval`: document-level, company-grouped cross-validation on CLAUDETTE; the privacy
// topic + stance models on our labelled privacy set (flag precision, stance errors, paragraph
// level, labeller agreement); throughput and size of the shipped models; and a silver recall
// check for the other categories. Prints a table
// and writes it to docs/eval-YYYY-MM-DD.md.

import { readFileSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { loadClaudette, ROOT, type ClaudetteDoc } from './train/claudette';
import { segmentDoc } from './train/examples';
import { trainWithThresholds, toModelFile, groupFolds } from './train/pipeline';
import { TRAIN_OPTIONS } from './train/config';
import { loadSilver } from './train/silver';
import { loadModel, shippedModel, type LoadedModel } from '../src/core/detect-model';
import { shippedPrivacyModel } from '../src/core/detect-privacy';
import { detect, detectSentences, MODEL_VERSION, type DetectOptions } from '../src/core/detect';
import { markdownToText, segment } from '../src/core/text';
import { CLAUDETTE_CATEGORIES } from '../src/core/taxonomy';
import type { FoundClause } from '../src/core/types';
import { evalPrivacy } from './eval-privacy';

const FOLDS = Number(process.env.EVAL_FOLDS ?? 5);
// EVAL_OPTS='{"l2":1e-4}' tries other hyper-parameters without touching the shipped config.
const OPTIONS = { ...TRAIN_OPTIONS, ...(JSON.parse(process.env.EVAL_OPTS ?? '{}') as object) };
const QUICK = process.env.EVAL_QUICK === '1';
const CATS: readonly string[] = CLAUDETTE_CATEGORIES;
const lines: string[] = [];
const say = (s = ''): void => { console.log(s); lines.push(s); };

interface Counts { tp: number; fp: number; found: number; gold: number }
const zero = (): Counts => ({ tp: 0, fp: 0, found: 0, gold: 0 });

/** Document-level matching: a gold clause is found when a detected span of its category overlaps it. */
function score(doc: ClaudetteDoc, clauses: readonly FoundClause[], acc: Map<string, Counts>): void {
  const ov = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
  for (const cat of CATS) {
    const c = acc.get(cat) ?? zero();
    const det = clauses.filter((x) => x.category === cat);
    const gold = doc.gold.filter((g) => g.category === cat);
    for (const d of det) if (gold.some((g) => ov(d, g))) c.tp++; else c.fp++;
    c.gold += gold.length;
    for (const g of gold) if (det.some((d) => ov(d, g))) c.found++;
    acc.set(cat, c);
  }
}

const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);
const pct = (x: number): string => x.toFixed(3);

function report(title: string, acc: Map<string, Counts>): { macro: number; microP: number } {
  say(`### ${title}`);
  say('');
  say('| category | gold | found | detected | P | R | F1 |');
  say('|---|---:|---:|---:|---:|---:|---:|');
  let macro = 0;
  let tp = 0;
  let all = 0;
  for (const cat of CATS) {
    const c = acc.get(cat) ?? zero();
    const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
    const r = c.gold ? c.found / c.gold : 0;
    macro += f1(p, r) / CATS.length;
    tp += c.tp;
    all += c.tp + c.fp;
    say(`| ${cat} | ${c.gold} | ${c.found} | ${c.tp + c.fp} | ${pct(p)} | ${pct(r)} | ${pct(f1(p, r))} |`);
  }
  const microP = all ? tp / all : 0;
  say(`| **macro-F1 (8)** | | | | | | **${pct(macro)}** |`);
  say(`| **micro-precision** | | | ${all} | **${pct(microP)}** | | |`);
  say('');
  return { macro, microP };
}

const t0 = performance.now();
const docs = loadClaudette();
const folds = groupFolds(docs, FOLDS);
const SHIPPED = 'model + rules (shipped)';
const variants: Record<string, Map<string, Counts>> = { [SHIPPED]: new Map(), 'same, one span per sentence (no merging)': new Map(), 'model only': new Map(), 'rules only': new Map() };
const variantOpts: Record<string, DetectOptions> = {
  [SHIPPED]: { use: 'both' }, 'same, one span per sentence (no merging)': { use: 'both', merge: false },
  'model only': { use: 'model' }, 'rules only': { use: 'rules' },
};
// Span shape of the shipped variant next to the gold clauses: merging must not turn into
// highlighting whole sections.
const shape = { spans: 0, sentences: 0, chars: 0, goldChars: 0, gold: 0, maxSentences: 0 };
for (let f = 0; f < folds.length; f++) {
  const train = folds.filter((_, i) => i !== f).flat();
  const trained = trainWithThresholds(train, OPTIONS);
  const model: LoadedModel = loadModel(toModelFile(trained, { version: `fold${f}`, dataHash: '', trainedAt: '' }));
  for (const doc of folds[f] as ClaudetteDoc[]) {
    const tm = segmentDoc(doc.text);
    for (const [name, acc] of Object.entries(variants)) {
      const found = detect(tm, { model, ...variantOpts[name], categories: CATS });
      score(doc, found, acc);
      if (name !== SHIPPED) continue;
      for (const c of found) {
        const n = tm.sentences.filter((s) => s.start >= c.start && s.end <= c.end).length;
        shape.spans++; shape.sentences += n; shape.chars += c.end - c.start; shape.maxSentences = Math.max(shape.maxSentences, n);
      }
      for (const g of doc.gold) { shape.gold++; shape.goldChars += g.end - g.start; }
    }
  }
}

say(`# Clausemark detector evaluation — ${new Date().toISOString().slice(0, 10)}`);
say('');
say(`Shipped model: \`${MODEL_VERSION}\` (training data sha256 \`${shippedModel().file.dataHash.slice(0, 16)}…\`).`);
say(`Protocol: ${FOLDS}-fold cross-validation grouped by company over ${docs.length} CLAUDETTE documents ` +
  `(${new Set(docs.map((d) => d.company)).size} companies; tos-2019 + tos-2021-en; no company in both train and test). ` +
  'Each fold retrains the full pipeline (including threshold selection by inner grouped CV) on the training companies. ' +
  'Document level: the original text is segmented and detected as the extension does; a gold tagged clause (any fairness level) ' +
  'is found when a detected span of the same category overlaps it; precision = detected spans overlapping a gold span of their category / all detected spans in the eight categories.');
say('');
const results: Record<string, { macro: number; microP: number }> = {};
for (const [name, acc] of Object.entries(variants)) results[name] = report(name, acc);
say(`Span shape (shipped variant): ${shape.spans} spans, ${(shape.sentences / shape.spans).toFixed(2)} sentences and ` +
  `${Math.round(shape.chars / shape.spans)} characters on average (longest ${shape.maxSentences} sentences); ` +
  `gold clauses average ${Math.round(shape.goldChars / shape.gold)} characters.`);
say('');
if (QUICK) { console.log(JSON.stringify(OPTIONS)); process.exit(0); }

// The privacy categories: our own labelled set (docs/labelling.md).
const privacy = evalPrivacy(say);
void privacy;

// Throughput of the shipped detector on one core: all CLAUDETTE sentences, after a warm-up.
const models = docs.map((d) => segmentDoc(d.text));
const nSent = models.reduce((n, m) => n + m.sentences.length, 0);
for (const m of models.slice(0, 5)) detect(m);
let best = Infinity;
for (let rep = 0; rep < 3; rep++) {
  const s = performance.now();
  for (const m of models) detectSentences(m.text, m.sentences);
  best = Math.min(best, performance.now() - s);
}
const segStart = performance.now();
for (const d of docs) segmentDoc(d.text);
const segMs = performance.now() - segStart;
const modelPath = path.join(ROOT, 'src', 'core', 'model.generated.json');
const size = statSync(modelPath).size;
say('### Speed and size (shipped model, Node ' + process.version + ', one core)');
say('');
say('| measure | value |');
say('|---|---:|');
say(`| sentences detected | ${nSent} |`);
say(`| detection throughput | ${Math.round(nSent / (best / 1000)).toLocaleString('en')} sentences/s |`);
say(`| detection time | ${(best / nSent * 1000).toFixed(1)} ms per 1,000 sentences |`);
say(`| segmentation | ${(segMs / nSent * 1000).toFixed(1)} ms per 1,000 sentences |`);
say(`| model file | ${(size / 1024).toFixed(0)} KiB (${shippedModel().rows.size} features × ${shippedModel().categories.length} categories) |`);
const privacyPath = path.join(ROOT, 'src', 'core', 'privacy-model.generated.json');
say(`| privacy model file | ${(statSync(privacyPath).size / 1024).toFixed(0)} KiB (topic ${shippedPrivacyModel().topics.rows.size} features × ${shippedPrivacyModel().topics.categories.length} categories, stance ${shippedPrivacyModel().stance.rows.size} features) |`);
say('');

// Silver check: ToS;DR quotes in OTA texts.
let mapCase: ((t: string) => string | null) | undefined;
if (existsSync(path.join(ROOT, 'src', 'core', 'case-map.ts'))) {
  try { mapCase = (await import('../src/core/case-map')).mapCase; } catch { mapCase = undefined; }
}
if (mapCase) {
  const silver = loadSilver(mapCase, (file) => markdownToText(readFileSync(file, 'utf8')).text);
  const per = new Map<string, { n: number; hit: number }>();
  for (const d of silver) {
    const md = markdownToText(d.text); // d.text is already converted: segment with the same breaks
    const tm = segment(d.text, md.text === d.text ? md.hardBreaks : []);
    const found = detect(tm);
    for (const s of d.spans) {
      const c = per.get(s.category) ?? { n: 0, hit: 0 };
      c.n++;
      if (found.some((x) => x.category === s.category && x.start < s.end && s.start < x.end)) c.hit++;
      per.set(s.category, c);
    }
  }
  say(`### Silver recall: ToS;DR quotes located in Open Terms Archive texts (${silver.length} documents)`);
  say('');
  say('| category | quotes located | detected | recall |');
  say('|---|---:|---:|---:|');
  for (const [cat, c] of [...per.entries()].sort((a, b) => b[1].n - a[1].n)) {
    if (c.n < 3) continue;
    say(`| ${cat} | ${c.n} | ${c.hit} | ${pct(c.hit / c.n)} |`);
  }
  say('');
} else {
  say('Silver check skipped: src/core/case-map.ts not available.');
}
say(`_Eval took ${((performance.now() - t0) / 1000).toFixed(1)} s._`);

const date = new Date().toISOString().slice(0, 10);
mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
writeFileSync(path.join(ROOT, 'docs', `eval-${date}.md`), lines.join('\n') + '\n');
console.log(`\nwritten docs/eval-${date}.md`);
void results;
