// Training pipeline shared by `npm run train` and the cross-validation in `npm run eval`:
// documents → labelled sentences → feature filter → inner grouped CV for per-category
// thresholds → final model → compact ModelFile.

import { CLAUDETTE_CATEGORIES } from '../../src/core/taxonomy';
import { FEATURE_BITS } from '../../src/core/detect-features';
import type { ModelFile } from '../../src/core/detect-model';
import type { ClaudetteDoc } from './claudette';
import { docExamples, type Example } from './examples';
import { trainOvr, predict, type TrainOptions, type LinearModel } from './logreg';

export const MODEL_CATEGORIES: readonly string[] = CLAUDETTE_CATEGORIES;

export interface PipelineOptions extends TrainOptions {
  /** Features must occur in at least this many companies (keeps company names out). */
  minCompanies?: number;
  innerFolds?: number;
  /** Thresholds: best F1 among those reaching this sentence-level precision (if any). */
  minPrecision?: number;
}

/** Split companies into k groups deterministically (sorted, then dealt round-robin by size). */
export function groupFolds<T extends { company: string }>(items: readonly T[], k: number): T[][] {
  const sizes = new Map<string, number>();
  for (const it of items) sizes.set(it.company, (sizes.get(it.company) ?? 0) + 1);
  const companies = [...sizes.keys()].sort((a, b) => (sizes.get(b)! - sizes.get(a)!) || a.localeCompare(b));
  const load = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const c of companies) {
    let best = 0;
    for (let f = 1; f < k; f++) if ((load[f] as number) < (load[best] as number)) best = f;
    foldOf.set(c, best);
    load[best] = (load[best] as number) + (sizes.get(c) as number);
  }
  const folds: T[][] = Array.from({ length: k }, () => []);
  for (const it of items) folds[foldOf.get(it.company) as number]!.push(it);
  return folds;
}

function allowedFeatures(ex: readonly Example[], minCompanies: number): Set<number> {
  const seen = new Map<number, Set<string>>();
  for (const e of ex) for (const f of e.feats) {
    let s = seen.get(f);
    if (!s) { s = new Set(); seen.set(f, s); }
    if (s.size < minCompanies) s.add(e.company);
  }
  const out = new Set<number>();
  for (const [f, s] of seen) if (s.size >= minCompanies) out.add(f);
  return out;
}

function toSet(ex: readonly Example[]) {
  const idx = new Map(MODEL_CATEGORIES.map((c, i) => [c, i]));
  return {
    feats: ex.map((e) => e.feats),
    labels: ex.map((e) => [...e.labels].map((l) => idx.get(l)).filter((i): i is number => i !== undefined)),
  };
}

function pickThreshold(scores: { p: number; y: boolean }[], minPrecision: number): number {
  const sorted = [...scores].sort((a, b) => b.p - a.p);
  const pos = sorted.filter((s) => s.y).length;
  let tp = 0;
  let best = { f1: -1, t: 0.5, ok: false };
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i] as { p: number; y: boolean };
    if (s.y) tp++;
    const next = sorted[i + 1];
    if (next && next.p === s.p) continue;
    if (s.p < 0.02) break;
    const prec = tp / (i + 1);
    const rec = pos ? tp / pos : 0;
    const f1 = prec + rec > 0 ? (2 * prec * rec) / (prec + rec) : 0;
    const ok = prec >= minPrecision;
    // Prefer thresholds that meet the precision floor; among equals, the better F1.
    if ((ok && !best.ok) || (ok === best.ok && f1 > best.f1)) {
      best = { f1, t: next ? (s.p + next.p) / 2 : s.p * 0.99, ok };
    }
  }
  return Math.min(0.97, Math.max(0.03, best.t));
}

export interface Trained { model: LinearModel; thresholds: number[]; examples: number }

export function trainWithThresholds(docs: readonly ClaudetteDoc[], opts: PipelineOptions = {}): Trained {
  const { minCompanies = 2, innerFolds = 4, minPrecision = 0.85 } = opts;
  const ex = docs.flatMap(docExamples);
  const k = MODEL_CATEGORIES.length;
  // Out-of-fold probabilities for threshold choice: the model must be judged on unseen companies.
  const oof: { p: number; y: boolean }[][] = Array.from({ length: k }, () => []);
  const folds = groupFolds(ex, innerFolds);
  const out = new Float64Array(k);
  for (let f = 0; f < folds.length; f++) {
    const train = folds.filter((_, i) => i !== f).flat();
    const m = trainOvr(toSet(train), k, { ...opts, allowed: allowedFeatures(train, minCompanies) });
    for (const e of folds[f] as Example[]) {
      predict(m, e.feats, out);
      for (let c = 0; c < k; c++) oof[c]!.push({ p: out[c] as number, y: e.labels.has(MODEL_CATEGORIES[c] as string) });
    }
  }
  const thresholds = oof.map((s) => pickThreshold(s, minPrecision));
  const model = trainOvr(toSet(ex), k, { ...opts, allowed: allowedFeatures(ex, minCompanies) });
  return { model, thresholds, examples: ex.length };
}

const logit = (p: number): number => Math.log(p / (1 - p));

function b64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Quantise to int8 and drop features whose weights all round to zero. */
export function toModelFile(t: Trained, info: { version: string; dataHash: string; trainedAt: string; meta?: Record<string, unknown> }): ModelFile {
  const { model, thresholds } = t;
  const k = model.k;
  let max = 0;
  for (const v of model.w) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const rows = [...model.vocab.entries()].sort((a, b) => a[0] - b[0]);
  const feats: number[] = [];
  const q: number[] = [];
  for (const [bucket, row] of rows) {
    const vals = Array.from({ length: k }, (_, c) => Math.round((model.w[row * k + c] as number) / scale));
    if (vals.every((v) => v === 0)) continue;
    feats.push(bucket);
    q.push(...vals);
  }
  return {
    version: info.version,
    dataHash: info.dataHash,
    trainedAt: info.trainedAt,
    featureBits: FEATURE_BITS,
    categories: MODEL_CATEGORIES.map((id, c) => ({
      id,
      // Shift so that p ≥ 0.5 at run time ⇔ p ≥ the chosen threshold during training.
      bias: Math.round(((model.bias[c] as number) - logit(thresholds[c] as number)) * 1e5) / 1e5,
    })),
    features: b64(new Uint8Array(new Uint32Array(feats).buffer)),
    weights: b64(new Uint8Array(new Int8Array(q).buffer)),
    scale,
    ...(info.meta ? { meta: info.meta } : {}),
  };
}
