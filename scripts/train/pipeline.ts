// Training pipeline shared by `npm run train` and the cross-validation in `npm run eval`:
// documents → analysed sentences (features with section context, rule hits) → feature filter →
// inner company-grouped CV → per-category thresholds (and whether the category's rules add
// clauses) chosen at DOCUMENT level on out-of-fold predictions → final model → compact ModelFile.

import { CLAUDETTE_CATEGORIES } from '../../src/core/taxonomy';
import { FEATURE_BITS } from '../../src/core/detect-features';
import type { FeatureConfig } from '../../src/core/detect-analysis';
import type { ModelFile } from '../../src/core/detect-model';
import { RULES } from '../../src/core/rules';
import type { ClaudetteDoc } from './claudette';
import { prepareDoc, type Example, type PreparedDoc } from './examples';
import { trainOvr, predict, type TrainOptions, type LinearModel } from './logreg';
import { tosdrExamples, type TosdrOptions } from './tosdr';
import { loadClaudette } from './claudette';
import { chooseJoint, operatingCurve, docCounts, ruleCounts, f1Of, type DocCounts, type Point } from './tune';

export const MODEL_CATEGORIES: readonly string[] = CLAUDETTE_CATEGORIES;

export interface PipelineOptions extends TrainOptions {
  /** Features must occur in at least this many companies (keeps company names out). */
  minCompanies?: number;
  innerFolds?: number;
  /** Per category: best document-level F1 among operating points reaching this precision. */
  minPrecision?: number;
  /** Context features (headings, neighbours, rule names). */
  context?: FeatureConfig;
  /** Let training decide per category whether the rules also mark clauses. */
  tuneRules?: boolean;
  /** Drop features whose largest |weight| is below this fraction of the largest weight. */
  prune?: number;
  /** Positive sentences at most this many sentences apart in one section form one span. */
  mergeGap?: number;
  /** Untagged sentences within this many sentences of a tagged one, in the same section, are not
   * used as negatives of its category (CLAUDETTE tags a clause's main sentence; its neighbours
   * often say the same thing). 0 = off. */
  unlabeledWindow?: number;
  /** A rule may mark clauses of a model category on its own when its document-level precision on
   * the training documents reaches this. */
  rulePrecision?: number;
  /** ToS;DR quotes as extra training sentences (never used to choose operating points). */
  tosdr?: TosdrOptions;
  /** Training configurations tried per category (e.g. l2, posWeight); each category keeps the
   * one with the best inner out-of-fold document-level F1 at `minPrecision`. */
  grid?: (TrainOptions & { seeds?: number })[];
  /** Models averaged over this many example orders. */
  seeds?: number;
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
    ignore: ex.map((e) => e.ignore),
    weight: ex.map((e) => e.weight),
  };
}

/** Marks, per example, the categories it is left unlabelled for (see unlabeledWindow). */
function markUnlabeled(prep: readonly PreparedDoc[], window: number): void {
  for (const p of prep) {
    const sents = p.model.sentences;
    const heading = p.analysis.ctx.heading;
    const posAt = new Map<number, Set<string>>();
    p.idx.forEach((i, j) => posAt.set(i, (p.examples[j] as Example).labels));
    p.idx.forEach((i, j) => {
      const e = p.examples[j] as Example;
      const ign: number[] = [];
      if (window > 0) {
        MODEL_CATEGORIES.forEach((cat, c) => {
          if (e.labels.has(cat)) return;
          for (let q = Math.max(0, i - window); q <= Math.min(sents.length - 1, i + window); q++) {
            if (q === i || !posAt.get(q)?.has(cat)) continue;
            if ((sents[q] as { block: number }).block === (sents[i] as { block: number }).block || (heading[q] === heading[i] && heading[i] !== -1)) { ign.push(c); return; }
          }
        });
      }
      e.ignore = ign.length ? ign : undefined;
    });
  }
}

export interface Trained {
  model: LinearModel;
  thresholds: number[];
  /** Per category: names of the rules that also mark clauses on their own. */
  rules: string[][];
  examples: number;
  context: FeatureConfig;
  /** Inner out-of-fold document-level figures at the chosen operating points. */
  inner: DocCounts[];
  prune: number;
  mergeGap: number;
  /** Per category: index into `grid` of the training configuration it uses. */
  chosen: number[];
}

/** Best document-level F1 of a curve among points reaching `minPrecision` (0 when none does). */
function bestF1At(curve: readonly Point[], minPrecision: number): number {
  let best = 0;
  for (const pt of curve) {
    const c = pt.counts;
    if (c.tp + c.fp > 0 && c.tp / (c.tp + c.fp) >= minPrecision) best = Math.max(best, f1Of(c));
  }
  return best;
}

/** The average of `seeds` models trained in different example orders: one linear model with the
 * ensemble's scores (less dependent on the order of the single AdaGrad pass). */
function trainAveraged(set: ReturnType<typeof toSet>, k: number, opts: TrainOptions & { seeds?: number }): LinearModel {
  const n = Math.max(1, opts.seeds ?? 1);
  const first = trainOvr(set, k, { ...opts, seed: 7 });
  for (let s = 1; s < n; s++) {
    const m = trainOvr(set, k, { ...opts, seed: 7 + 1000 * s });
    for (let i = 0; i < first.w.length; i++) first.w[i] = (first.w[i] as number) + (m.w[i] as number);
    for (let c = 0; c < k; c++) first.bias[c] = (first.bias[c] as number) + (m.bias[c] as number);
  }
  if (n > 1) {
    for (let i = 0; i < first.w.length; i++) first.w[i] = (first.w[i] as number) / n;
    for (let c = 0; c < k; c++) first.bias[c] = (first.bias[c] as number) / n;
  }
  return first;
}

/** Per category, the weights of the model trained with its chosen configuration (same vocabulary:
 * the same examples and feature filter). */
export function combine(models: ReadonlyMap<number, LinearModel>, chosen: readonly number[]): LinearModel {
  const base = models.get(chosen[0] as number) as LinearModel;
  const k = base.k;
  const w = new Float64Array(base.w.length);
  const bias = new Float64Array(k);
  chosen.forEach((gi, c) => {
    const m = models.get(gi) as LinearModel;
    for (let r = 0; r < w.length; r += k) w[r + c] = m.w[r + c] as number;
    bias[c] = m.bias[c] as number;
  });
  return { k, vocab: base.vocab, w, bias, normalize: base.normalize };
}

/** Probabilities of a model for every example sentence of a prepared document, [j * k + c]. */
export function predictDoc(m: LinearModel, p: PreparedDoc): Float32Array {
  const k = MODEL_CATEGORIES.length;
  const out = new Float32Array(p.examples.length * k);
  const buf = new Float64Array(k);
  p.examples.forEach((e, j) => {
    predict(m, e.feats, buf);
    for (let c = 0; c < k; c++) out[j * k + c] = buf[c] as number;
  });
  return out;
}

export function prepareAll(docs: readonly ClaudetteDoc[], context: FeatureConfig): PreparedDoc[] {
  return docs.map((d) => prepareDoc(d, context));
}

let companies: Set<string> | undefined;
function claudetteCompanies(): Set<string> {
  companies ??= new Set(loadClaudette().map((d) => d.company));
  return companies;
}

export function trainWithThresholds(docs: readonly ClaudetteDoc[], opts: PipelineOptions = {}, prepared?: readonly PreparedDoc[]): Trained {
  const { minCompanies = 2, innerFolds = 4, minPrecision = 0.85, context = {}, tuneRules = true, prune = 0, mergeGap = 0, unlabeledWindow = 0, rulePrecision = 0.8 } = opts;
  const prep = prepared ?? prepareAll(docs, context);
  markUnlabeled(prep, unlabeledWindow);
  const k = MODEL_CATEGORIES.length;
  // Every CLAUDETTE company (not only the training ones) is kept out of the ToS;DR examples.
  const extra = opts.tosdr && opts.tosdr.weight > 0 ? tosdrExamples(context, opts.tosdr, claudetteCompanies()) : [];
  // Candidate training configurations; each category keeps the one whose out-of-fold operating
  // curve is best (one-vs-rest: categories train independently, so their weights can be combined).
  const grid: TrainOptions[] = (opts.grid && opts.grid.length ? opts.grid : [{}]).map((g) => ({ ...opts, ...g }));
  // Out-of-fold probabilities for the operating points: the model must be judged on unseen companies.
  const folds = groupFolds(prep.map((p) => ({ company: p.doc.company, p })), innerFolds).map((f) => f.map((x) => x.p));
  const oofs = grid.map(() => new Map<PreparedDoc, Float32Array>());
  for (let f = 0; f < folds.length; f++) {
    const train = [...folds.filter((_, i) => i !== f).flat().flatMap((p) => p.examples), ...extra];
    const set = toSet(train);
    const allowed = allowedFeatures(train, minCompanies);
    grid.forEach((g, gi) => {
      const m = trainAveraged(set, k, { ...g, allowed });
      for (const p of folds[f] as PreparedDoc[]) (oofs[gi] as Map<PreparedDoc, Float32Array>).set(p, predictDoc(m, p));
    });
  }
  // Rules eligible to add clauses on their own: precise enough on the training documents.
  const eligible = MODEL_CATEGORIES.map((cat) => new Set(RULES.flatMap((r, i) => {
    if (r.category !== cat) return [];
    if (r.always) return [i];
    const n = ruleCounts(prep, cat, new Set([i]), mergeGap);
    return n.tp >= 3 && n.tp / (n.tp + n.fp) >= rulePrecision ? [i] : [];
  })));
  const chosen: number[] = [];
  const curves = MODEL_CATEGORIES.map((cat, c) => {
    const ruleIds = eligible[c] as Set<number>;
    const forced = RULES.some((r) => r.category === cat && r.always);
    const modes = forced ? [true] : tuneRules && ruleIds.size > 0 ? [false, true] : [false];
    let best: Point[] = [];
    let bestV = -1;
    let bestG = 0;
    oofs.forEach((oof, gi) => {
      const curve = operatingCurve(prep, (p) => oof.get(p) as Float32Array, c, cat, ruleIds, modes, mergeGap);
      const v = bestF1At(curve, minPrecision);
      if (v > bestV + 1e-9) { bestV = v; best = curve; bestG = gi; }
    });
    chosen.push(bestG);
    return best;
  });
  const points = chooseJoint(curves, minPrecision);
  const thresholds = points.map((p) => p.threshold);
  const rules = points.map((p, c) => (p.rules ? [...(eligible[c] as Set<number>)].map((i) => (RULES[i] as { name: string }).name) : []));
  const inner = points.map((p) => p.counts);
  const all = [...prep.flatMap((p) => p.examples), ...extra];
  const allSet = toSet(all);
  const allowed = allowedFeatures(all, minCompanies);
  const models = new Map<number, LinearModel>();
  for (const gi of new Set(chosen)) models.set(gi, trainAveraged(allSet, k, { ...(grid[gi] as TrainOptions), allowed }));
  const model = combine(models, chosen);
  return { model, thresholds, rules, examples: all.length, context, inner, prune, mergeGap, chosen };
}

export { docCounts };

export const logit = (p: number): number => Math.log(p / (1 - p));

export function b64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Quantise to int8 and drop features whose weights all round to zero (or below `prune`). */
export function toModelFile(t: Trained, info: { version: string; dataHash: string; trainedAt: string; meta?: Record<string, unknown> }): ModelFile {
  const { model, thresholds } = t;
  const k = model.k;
  let max = 0;
  for (const v of model.w) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const minQ = Math.max(1, Math.round(t.prune * 127));
  const rows = [...model.vocab.entries()].sort((a, b) => a[0] - b[0]);
  const feats: number[] = [];
  const q: number[] = [];
  for (const [bucket, row] of rows) {
    const vals = Array.from({ length: k }, (_, c) => Math.round((model.w[row * k + c] as number) / scale));
    if (vals.every((v) => Math.abs(v) < minQ)) continue;
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
      rules: t.rules[c] as string[],
    })),
    context: t.context,
    normalize: model.normalize,
    mergeGap: t.mergeGap,
    features: b64(new Uint8Array(new Uint32Array(feats).buffer)),
    weights: b64(new Uint8Array(new Int8Array(q).buffer)),
    scale,
    ...(info.meta ? { meta: info.meta } : {}),
  };
}
