// A quick bench for privacy-topic model ideas, measured the way the independent paragraph measure
// counts (docs/detector.md, "Recall experiments"): a bare sentence model (one grid point, no
// vetoes, no stance) trained on outer company-grouped folds of the training services; per
// (paragraph, category), scores aggregated over the paragraph's candidate sentences; per category
// the best paragraph F1 whose paragraph precision reaches a floor. Thresholds are chosen on the
// scored folds themselves, so the figures are optimistic: compare ideas with it, never report it as
// the detector's figure (that is `npm run eval`).
//   npx tsx scripts/label/para-experiment.ts
//   env: L2, PW (grid point), TOSDR=w (ToS;DR quotes as topic rows of weight w),
//        FRAC=f (train on that share of the training companies: a learning curve)

import { shippedModel } from '../../src/core/detect-model';
import { allowed, CATS, candidate, featuresOf, loadPrivacySet, manifest, shown, tosdrQuotes, type LabelledDoc } from '../train/privacy';
import { groupFolds } from '../train/pipeline';
import { predict, trainOvr } from '../train/logreg';
import { MEASURED } from '../eval-privacy';

const docs = loadPrivacySet(shippedModel().file.context ?? {}).filter((d) => d.split === 'train');
const K = CATS.length;
const opts = { epochs: 10, lr: 0.3, l2: Number(process.env.L2 ?? 1e-2), posWeight: Number(process.env.PW ?? 3) };
const TW = Number(process.env.TOSDR ?? 0);
const FRAC = Number(process.env.FRAC ?? 1);
const quotes = TW ? tosdrQuotes(manifest().map((d) => d.service)) : [];

interface Block { cands: number[]; gold: boolean[]; sentGold: boolean[][] }
function blocksOf(d: LabelledDoc): Block[] {
  const m = new Map<number, Block>();
  d.model.sentences.forEach((s, i) => {
    let b = m.get(s.block);
    if (!b) { b = { cands: [], gold: CATS.map(() => false), sentGold: [] }; m.set(s.block, b); }
    const g = CATS.map((c) => shown((d.labels[i] as Map<string, never>).get(c as never)));
    g.forEach((x, c) => { if (x) b.gold[c] = true; });
    if (candidate(d, i)) { b.cands.push(i); b.sentGold.push(g); }
  });
  return [...m.values()];
}

type Agg = 'max' | 'noisyOr' | 'block';
interface Rec { gold: boolean[]; score: Record<Agg, number[]>; topRight: boolean[] }
const recs: Rec[] = [];
const folds = groupFolds(docs, 5);
for (let k = 0; k < folds.length; k++) {
  const all = folds.filter((_, i) => i !== k).flat();
  const companies = [...new Set(all.map((d) => d.company))].sort();
  const keep = new Set(companies.filter((_, i) => (i * 7919) % 100 < FRAC * 100));
  const train = all.filter((d) => keep.has(d.company));
  const F: number[][] = [], L: number[][] = [], C: string[] = [];
  const BF: number[][] = [], BL: number[][] = [], BC: string[] = [];
  for (const d of train) for (const b of blocksOf(d)) {
    const union = new Set<number>();
    b.cands.forEach((i, j) => {
      const f = featuresOf(d, i, {}) as number[];
      F.push(f); L.push(CATS.flatMap((_, c) => (b.sentGold[j]![c] ? [c] : []))); C.push(d.company);
      for (const x of f) union.add(x);
    });
    if (b.cands.length) { BF.push([...union]); BL.push(CATS.flatMap((_, c) => (b.gold[c] ? [c] : []))); BC.push(d.company); }
  }
  const allow = allowed(F, C, 2);
  const W = F.map(() => 1);
  for (const q of quotes) { F.push(q.feats); L.push([CATS.indexOf(q.category)]); W.push(TW); }
  const m = trainOvr({ feats: F, labels: L, weight: W }, K, { ...opts, allowed: allow });
  const bm = trainOvr({ feats: BF, labels: BL }, K, { ...opts, allowed: allowed(BF, BC, 2) });
  const out = new Float64Array(K);
  for (const d of folds[k]!) for (const b of blocksOf(d)) {
    const ss = b.cands.map((i) => { predict(m, featuresOf(d, i, {}), out); return Array.from(out); });
    const union = new Set<number>();
    for (const i of b.cands) for (const x of featuresOf(d, i, {})) union.add(x);
    const blockScore = b.cands.length ? (predict(bm, [...union], out), Array.from(out)) : CATS.map(() => 0);
    const topRight = CATS.map((_, c) => {
      let bi = -1, bv = -1;
      ss.forEach((s, j) => { if ((s[c] as number) > bv) { bv = s[c] as number; bi = j; } });
      return bi >= 0 && Boolean(b.sentGold[bi]![c]);
    });
    recs.push({
      gold: b.gold, topRight,
      score: {
        max: CATS.map((_, c) => Math.max(0, ...ss.map((s) => s[c] as number))),
        noisyOr: CATS.map((_, c) => 1 - ss.reduce((p, s) => p * (1 - (s[c] as number)), 1)),
        block: blockScore,
      },
    });
  }
}

const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);
/** Best paragraph F1 reaching `floor`, and the share of its paragraphs whose top sentence is labelled. */
function best(c: number, agg: Agg, floor: number): { p: number; r: number; f: number; top: number } {
  const items = recs.map((r) => ({ s: r.score[agg][c] as number, g: r.gold[c] as boolean, t: r.topRight[c] as boolean })).sort((a, b) => b.s - a.s);
  const pos = items.filter((x) => x.g).length;
  let tp = 0, top = 0;
  let out = { p: 0, r: 0, f: 0, top: 0 };
  items.forEach((x, i) => {
    if (x.g) tp++;
    if (x.t) top++;
    const p = tp / (i + 1), r = pos ? tp / pos : 0;
    if (p >= floor && f1(p, r) > out.f) out = { p, r, f: f1(p, r), top: top / (i + 1) };
  });
  return out;
}

for (const floor of [0.95, 0.9, 0.85]) {
  console.log(`\nparagraph precision floor ${floor}  (P/R/F1, share of top sentences labelled)`);
  const macro: Record<string, number> = {};
  for (const cat of MEASURED) {
    const c = CATS.indexOf(cat);
    const cells = (['max', 'noisyOr', 'block'] as const).map((agg) => {
      const b = best(c, agg, floor);
      macro[agg] = (macro[agg] ?? 0) + b.f / MEASURED.length;
      return `${agg} ${b.p.toFixed(2)}/${b.r.toFixed(2)}/${b.f.toFixed(3)} ${b.top.toFixed(2)}`;
    });
    console.log(cat.padEnd(24), cells.join(' | '));
  }
  console.log('macro-F1', Object.entries(macro).map(([k, v]) => `${k} ${v.toFixed(3)}`).join('  '));
}
