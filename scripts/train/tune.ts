// Operating points chosen at DOCUMENT level, the way the eval (and a reader) judges the detector:
// positive sentences form clause spans exactly as detect.ts merges them; a span is correct when it
// overlaps a gold clause of its category; a gold clause is found when some span overlaps it.

import type { Sentence } from '../../src/core/text';
import { continues } from '../../src/core/detect-spans';
import { CLAUDETTE_CATEGORIES as MODEL_CATEGORIES } from '../../src/core/taxonomy';
import type { PreparedDoc } from './examples';

export interface DocCounts { tp: number; fp: number; found: number; gold: number }

export interface CatView {
  p: PreparedDoc;
  /** Per sentence (all sentences): ids of the gold clauses of the category it overlaps. */
  goldOf: number[][];
  /** Per example: one of the category's rules matches. */
  ruleHit: Uint8Array;
  gold: number;
}

const views = new WeakMap<PreparedDoc, Map<string, CatView>>();

export function viewOf(p: PreparedDoc, cat: string, ruleIds: ReadonlySet<number>): CatView {
  let m = views.get(p);
  if (!m) { m = new Map(); views.set(p, m); }
  const key = `${cat}:${[...ruleIds].join(',')}`;
  let v = m.get(key);
  if (v) return v;
  const gold = p.doc.gold.filter((g) => g.category === cat);
  const goldOf = p.model.sentences.map((s: Sentence) => {
    const g: number[] = [];
    gold.forEach((x, gi) => { if (x.start < s.end && s.start < x.end) g.push(gi); });
    return g;
  });
  // As in detect.ts: a rule marks only the first matching sentence of a section for a model category.
  const ruleHit = new Uint8Array(p.idx.length);
  let lastSection = -2;
  p.idx.forEach((i, j) => {
    if (!(p.analysis.rules[i] as number[]).some((r) => ruleIds.has(r))) return;
    const section = p.analysis.ctx.heading[i] as number;
    if (section === lastSection) return;
    lastSection = section;
    ruleHit[j] = 1;
  });
  v = { p, goldOf, ruleHit, gold: gold.length };
  m.set(key, v);
  return v;
}

/** Document-level counts of one category for positive flags per example. */
export function docCounts(v: CatView, pos: Uint8Array, gap: number, acc: DocCounts): void {
  const { idx, model, analysis } = v.p;
  const found = new Set<number>();
  let first = -1;
  let last = -1;
  const close = (): void => {
    if (first < 0) return;
    let tp = false;
    for (let i = first; i <= last; i++) for (const g of v.goldOf[i] as number[]) { tp = true; found.add(g); }
    if (tp) acc.tp++; else acc.fp++;
  };
  for (let j = 0; j < pos.length; j++) {
    if (!pos[j]) continue;
    const i = idx[j] as number;
    if (first >= 0 && continues(model.sentences, analysis.ctx.heading, last, i, gap)) { last = i; continue; }
    close();
    first = i;
    last = i;
  }
  close();
  acc.found += found.size;
  acc.gold += v.gold;
}

/** Document-level counts of one rule (or rule set) on its own. */
export function ruleCounts(prep: readonly PreparedDoc[], cat: string, ruleIds: ReadonlySet<number>, gap: number): DocCounts {
  const acc: DocCounts = { tp: 0, fp: 0, found: 0, gold: 0 };
  for (const p of prep) {
    const v = viewOf(p, cat, ruleIds);
    docCounts(v, v.ruleHit, gap, acc);
  }
  return acc;
}

export const f1Of = (c: DocCounts): number => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.gold ? c.found / c.gold : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
};

/** Candidate thresholds: a grid in logit space from p ≈ 0.02 to 0.98. */
const GRID = Array.from({ length: 81 }, (_, i) => 1 / (1 + Math.exp(-(-4 + i * 0.1))));

export interface Point { threshold: number; rules: boolean; counts: DocCounts }

/** Document-level counts of one category at every candidate operating point. */
export function operatingCurve(
  prep: readonly PreparedDoc[], probsOf: (p: PreparedDoc) => Float32Array, c: number, cat: string,
  ruleIds: ReadonlySet<number>, ruleModes: readonly boolean[], gap: number,
): Point[] {
  const k = MODEL_CATEGORIES.length;
  const vs = prep.map((p) => viewOf(p, cat, ruleIds));
  const probs = prep.map(probsOf);
  const out: Point[] = [];
  for (const useRules of ruleModes) {
    for (const t of GRID) {
      const acc: DocCounts = { tp: 0, fp: 0, found: 0, gold: 0 };
      vs.forEach((v, d) => {
        const pr = probs[d] as Float32Array;
        const pos = new Uint8Array(v.ruleHit.length);
        for (let j = 0; j < pos.length; j++) pos[j] = (pr[j * k + c] as number) >= t || (useRules && v.ruleHit[j]) ? 1 : 0;
        docCounts(v, pos, gap, acc);
      });
      out.push({ threshold: t, rules: useRules, counts: acc });
    }
  }
  return out;
}

/**
 * One operating point per category maximising the macro-F1 while the pooled (micro) precision
 * stays at or above `minPrecision`: a Lagrangian search, so a small category such as arbitration
 * may trade some precision for recall when the large ones can afford it.
 */
export function chooseJoint(curves: readonly Point[][], minPrecision: number): Point[] {
  const pick = (lambda: number): Point[] => curves.map((curve) => {
    let best = curve[0] as Point;
    let bestV = -Infinity;
    for (const pt of curve) {
      const c = pt.counts;
      const v = f1Of(c) + lambda * (c.tp - minPrecision * (c.tp + c.fp));
      if (v > bestV) { bestV = v; best = pt; }
    }
    return best;
  });
  const ok = (pts: readonly Point[]): boolean => {
    let tp = 0;
    let all = 0;
    for (const p of pts) { tp += p.counts.tp; all += p.counts.tp + p.counts.fp; }
    return all === 0 || tp / all >= minPrecision;
  };
  let lo = 0;
  let hi = 1;
  if (ok(pick(0))) return pick(0);
  while (!ok(pick(hi)) && hi < 1e6) hi *= 2;
  for (let it = 0; it < 40; it++) {
    const mid = (lo + hi) / 2;
    if (ok(pick(mid))) hi = mid; else lo = mid;
  }
  return pick(hi);
}
