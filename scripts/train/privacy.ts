// The privacy topic and stance models, trained on Clausemark's own labelled privacy set
// (data/privacy-labels, guideline docs/labelling.md; texts from Open Terms Archive, ODC-BY 1.0).
// Shared by `npm run train` and `npm run eval` so the eval measures what ships.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { markdownToText, segment, type TextModel } from '../../src/core/text';
import { analyse, type Analysis, type FeatureConfig } from '../../src/core/detect-analysis';
import { FEATURE_BITS } from '../../src/core/detect-features';
import type { ModelFile } from '../../src/core/detect-model';
import { headingLike, notAClause, privacyFeatures, stanceFeatures, type PrivacyExtra, type PrivacyModelFile } from '../../src/core/detect-privacy';
import { parseLabels, PRIVACY_CATEGORIES, type SentenceLabels, type Stance } from '../label/format';
import { trainOvr, predict, type LinearModel, type TrainOptions } from './logreg';
import { groupFolds } from './pipeline';
import { RULES } from '../../src/core/rules';

export const LABELS_DIR = path.resolve(import.meta.dirname, '../../data/privacy-labels');
const DATA = path.resolve(import.meta.dirname, '../../../shared/data');
export const CATS: readonly string[] = PRIVACY_CATEGORIES;

export interface LabelledDoc {
  id: string;
  company: string;
  split: 'train' | 'test';
  double: boolean;
  model: TextModel;
  analysis: Analysis;
  labels: SentenceLabels[];
  /** The second labeller's labels, for the agreement subset. */
  second?: SentenceLabels[];
}

interface ManifestDoc { id: string; service: string; file: string; sha256: string; sentences: number; split: 'train' | 'test'; double: boolean }

export function manifest(): ManifestDoc[] {
  const p = path.join(LABELS_DIR, 'manifest.json');
  if (!existsSync(p)) throw new Error(`missing ${p}`);
  return (JSON.parse(readFileSync(p, 'utf8')) as { docs: ManifestDoc[] }).docs;
}

/** The labelled documents whose labels exist, segmented and analysed like the extension does. */
export function loadPrivacySet(context: FeatureConfig): LabelledDoc[] {
  const out: LabelledDoc[] = [];
  for (const d of manifest()) {
    const file = path.join(LABELS_DIR, 'labels', `${d.id}.tsv`);
    if (!existsSync(file)) continue;
    const src = path.join(DATA, d.file);
    if (!existsSync(src)) throw new Error(`labelled document missing from ../shared/data: ${d.file}`);
    const { text, hardBreaks } = markdownToText(readFileSync(src, 'utf8'));
    const sha = createHash('sha256').update(text).digest('hex');
    if (sha !== d.sha256) throw new Error(`${d.file} changed since it was labelled (sha256 ${sha.slice(0, 12)} ≠ ${d.sha256.slice(0, 12)})`);
    const model = segment(text, hardBreaks);
    if (model.sentences.length !== d.sentences) throw new Error(`${d.id}: the segmenter now gives ${model.sentences.length} sentences, labels are for ${d.sentences}`);
    const labels = parseLabels(readFileSync(file, 'utf8'), d.sentences);
    const secondFile = path.join(LABELS_DIR, 'labels-second', `${d.id}.tsv`);
    const second = d.double && existsSync(secondFile) ? parseLabels(readFileSync(secondFile, 'utf8'), d.sentences) : undefined;
    out.push({ id: d.id, company: d.service, split: d.split, double: d.double, model, analysis: analyse(text, model.sentences, context), labels, ...(second ? { second } : {}) });
  }
  return out;
}

/** A sentence the detector can see (not a heading, fragment or definition). */
export function candidate(doc: LabelledDoc, i: number): boolean {
  const a = doc.analysis;
  const ss = doc.model.sentences;
  const s = ss[i]!;
  const alone = (i === 0 || ss[i - 1]!.block !== s.block) && (i + 1 >= ss.length || ss[i + 1]!.block !== s.block);
  return !a.skip[i] && !notAClause(a.norms[i] as string, a.toks[i] as string[]) && !headingLike(doc.model.text.slice(s.start, s.end), (a.toks[i] as string[]).length, alone);
}

/** Shown (highlighted) stance: c or p; n is on topic but never highlighted. */
export const shown = (s: Stance | undefined): boolean => s === 'c' || s === 'p';

export interface PrivacyOptions {
  grid: TrainOptions[];
  epochs: number;
  lr: number;
  innerFolds: number;
  /** Below this many labelled sentences a category cannot be measured: its rules find it alone. */
  minPositives: number;
  /** Per category: the highest-F1 threshold whose inner out-of-fold sentence precision reaches this. */
  minPrecision: number;
  /** Fallback floor when `minPrecision` cannot be reached; below it the category is switched off. */
  fallbackPrecision: number;
  stance: TrainOptions;
  highConcern: number;
  minCompanies: number;
  extra: PrivacyExtra;
}

export const PRIVACY_OPTIONS: PrivacyOptions = {
  grid: [3e-3, 1e-2].flatMap((l2) => [1, 3].map((posWeight) => ({ l2, posWeight }))),
  epochs: 10,
  lr: 0.3,
  innerFolds: 4,
  minPositives: 20,
  minPrecision: 0.9,
  fallbackPrecision: 0.85,
  stance: { l2: 3e-3, posWeight: 1, epochs: 10, lr: 0.3 },
  highConcern: 0.8,
  minCompanies: 2,
  extra: {},
};

/** The privacy models' features of sentence i (as detection computes them). */
export function featuresOf(d: LabelledDoc, i: number, extra: PrivacyExtra): readonly number[] {
  const ss = d.model.sentences;
  const prev = i > 0 && ss[i - 1]!.block === ss[i]!.block ? (d.analysis.toks[i - 1] as string[]) : null;
  return privacyFeatures(d.analysis.feats[i] as number[], d.analysis.toks[i] as string[], prev, extra);
}

interface Rows { feats: number[][]; labels: number[][]; company: string[]; doc: number[]; sent: number[]; ruleCats: Set<string>[] }

function topicRows(docs: readonly LabelledDoc[], extra: PrivacyExtra): Rows {
  const r: Rows = { feats: [], labels: [], company: [], doc: [], sent: [], ruleCats: [] };
  docs.forEach((d, di) => {
    for (let i = 0; i < d.model.sentences.length; i++) {
      if (!candidate(d, i)) continue;
      const l = d.labels[i] as SentenceLabels;
      r.feats.push(featuresOf(d, i, extra) as number[]);
      r.labels.push(CATS.flatMap((c, ci) => (shown(l.get(c as never)) ? [ci] : [])));
      r.company.push(d.company);
      r.doc.push(di);
      r.sent.push(i);
      r.ruleCats.push(new Set((d.analysis.rules[i] as number[]).map((x) => (RULES[x] as { category: string }).category)));
    }
  });
  return r;
}

function stanceRows(docs: readonly LabelledDoc[], extra: PrivacyExtra): { feats: number[][]; labels: number[][] } {
  const feats: number[][] = [];
  const labels: number[][] = [];
  for (const d of docs) {
    for (let i = 0; i < d.model.sentences.length; i++) {
      if (!candidate(d, i)) continue;
      for (const [c, s] of d.labels[i] as SentenceLabels) {
        if (!shown(s)) continue;
        feats.push(stanceFeatures(featuresOf(d, i, extra), d.analysis.toks[i] as string[], d.analysis.norms[i] as string, c));
        labels.push(s === 'p' ? [0] : []);
      }
    }
  }
  return { feats, labels };
}

function allowed(feats: readonly number[][], company: readonly string[], min: number): Set<number> {
  const seen = new Map<number, Set<string>>();
  feats.forEach((fs, i) => {
    for (const f of fs) {
      let s = seen.get(f);
      if (!s) { s = new Set(); seen.set(f, s); }
      if (s.size < min) s.add(company[i] as string);
    }
  });
  return new Set([...seen].filter(([, s]) => s.size >= min).map(([f]) => f));
}

/** Threshold with the best F1 among those reaching `floor` precision (null: none does). */
function chooseThreshold(scores: readonly number[], gold: readonly boolean[], floor: number): { t: number; p: number; r: number; f1: number } | null {
  const order = scores.map((s, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const pos = gold.filter(Boolean).length;
  if (!pos) return null;
  let tp = 0;
  let best: { t: number; p: number; r: number; f1: number } | null = null;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (gold[i]) tp++;
    const s = scores[i] as number;
    const next = order[k + 1];
    if (next !== undefined && scores[next] === s) continue; // ties share a threshold
    const p = tp / (k + 1);
    const r = tp / pos;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    // Require a few true positives so a lucky top score cannot set the operating point.
    if (p >= floor && tp >= 3 && (!best || f1 > best.f1)) best = { t: Math.max(0.5 * s + 0.5 * ((next !== undefined ? scores[next] : 0) as number), 0.05), p, r, f1 };
  }
  return best;
}

export interface TrainedPrivacy {
  topics: LinearModel;
  thresholds: number[];
  chosen: number[];
  inner: { p: number; r: number; f1: number; floor: number; gated?: boolean }[];
  /** Per category: 'model' (threshold alone), 'gated' (a rule of the category must also match),
   * 'rules' (too few labels: rules + stance), 'off' (no operating point reached the floor). */
  mode: ('model' | 'gated' | 'rules' | 'off')[];
  stance: LinearModel;
  sentences: number;
}

/** Trains the topic models (per-category grid choice and thresholds on inner grouped folds) and the stance model. */
export function trainPrivacy(docs: readonly LabelledDoc[], o: PrivacyOptions = PRIVACY_OPTIONS): TrainedPrivacy {
  const rows = topicRows(docs, o.extra);
  const k = CATS.length;
  const groups = groupFolds(docs.map((d, i) => ({ company: d.company, i })), o.innerFolds).map((g) => new Set(g.map((x) => x.i)));
  // Out-of-fold scores per grid point.
  const oof = o.grid.map(() => rows.feats.map(() => new Float64Array(k)));
  for (const g of groups) {
    const tr = rows.feats.flatMap((_, i) => (g.has(rows.doc[i] as number) ? [] : [i]));
    const allow = allowed(tr.map((i) => rows.feats[i] as number[]), tr.map((i) => rows.company[i] as string), o.minCompanies);
    o.grid.forEach((cfg, gi) => {
      const m = trainOvr({ feats: tr.map((i) => rows.feats[i] as number[]), labels: tr.map((i) => rows.labels[i] as number[]) }, k, { epochs: o.epochs, lr: o.lr, ...cfg, allowed: allow });
      rows.feats.forEach((f, i) => { if (g.has(rows.doc[i] as number)) predict(m, f, oof[gi]![i]!); });
    });
  }
  const thresholds: number[] = [];
  const chosen: number[] = [];
  const inner: TrainedPrivacy['inner'] = [];
  const mode: TrainedPrivacy['mode'] = [];
  for (let c = 0; c < k; c++) {
    const gold = rows.labels.map((l) => l.includes(c));
    const cat = CATS[c] as string;
    const ruled = rows.ruleCats.map((s) => s.has(cat));
    type Pick = { gi: number; t: number; p: number; r: number; f1: number; floor: number; gated: boolean };
    let best = null as Pick | null;
    for (const floor of [o.minPrecision, o.fallbackPrecision]) {
      for (let gi = 0; gi < o.grid.length; gi++) {
        for (const gated of [false, true]) {
          // Gated: only sentences one of the category's rules also matches can be positive.
          const scores = oof[gi]!.map((v, i) => (gated && !ruled[i] ? 0 : (v[c] as number)));
          const pick = chooseThreshold(scores, gold, floor);
          if (pick && (!best || pick.f1 > best.f1 + (gated ? 0.01 : 0))) best = { gi, ...pick, floor, gated };
        }
      }
      if (best) break;
    }
    const positives = gold.filter(Boolean).length;
    chosen.push(best?.gi ?? 0);
    // Unreachable: the category is off rather than imprecise (or left to its rules when too rare to measure).
    thresholds.push(best ? best.t : 1.01);
    mode.push(best ? (best.gated ? 'gated' : 'model') : positives < o.minPositives ? 'rules' : 'off');
    inner.push(best ? { p: round(best.p), r: round(best.r), f1: round(best.f1), floor: best.floor, ...(best.gated ? { gated: true } : {}) } : { p: 0, r: 0, f1: 0, floor: 0 });
  }
  // Final models on everything, one per chosen grid point, combined column by column.
  const allow = allowed(rows.feats, rows.company, o.minCompanies);
  const finals = new Map<number, LinearModel>();
  for (const gi of new Set(chosen)) finals.set(gi, trainOvr({ feats: rows.feats, labels: rows.labels }, k, { epochs: o.epochs, lr: o.lr, ...o.grid[gi], allowed: allow }));
  const topics = combine(finals, chosen, k);
  const st = stanceRows(docs, o.extra);
  const stance = trainOvr(st, 1, { ...o.stance, allowed: allowed(st.feats, st.feats.map(() => ''), 1) });
  return { topics, thresholds, chosen, inner, mode, stance, sentences: rows.feats.length };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function combine(models: ReadonlyMap<number, LinearModel>, chosen: readonly number[], k: number): LinearModel {
  const vocab = new Map<number, number>();
  for (const m of models.values()) for (const f of m.vocab.keys()) if (!vocab.has(f)) vocab.set(f, vocab.size);
  const w = new Float64Array(vocab.size * k);
  const bias = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const m = models.get(chosen[c] as number) as LinearModel;
    bias[c] = m.bias[c] as number;
    for (const [f, row] of m.vocab) w[(vocab.get(f) as number) * k + c] = m.w[row * m.k + c] as number;
  }
  return { k, vocab, w, bias, normalize: false };
}

function b64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
const logit = (p: number): number => Math.log(p / (1 - p));

/** A linear model as a compact ModelFile (int8 weights), thresholds folded into the biases. */
export function linearFile(m: LinearModel, ids: readonly string[], thresholds: readonly number[], context: FeatureConfig, info: { version: string; dataHash: string; trainedAt: string }): ModelFile {
  let max = 0;
  for (const v of m.w) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const feats: number[] = [];
  const q: number[] = [];
  for (const [bucket, row] of [...m.vocab.entries()].sort((a, b) => a[0] - b[0])) {
    const vals = Array.from({ length: m.k }, (_, c) => Math.round((m.w[row * m.k + c] as number) / scale));
    if (vals.every((v) => v === 0)) continue;
    feats.push(bucket);
    q.push(...vals);
  }
  return {
    ...info,
    featureBits: FEATURE_BITS,
    categories: ids.map((id, c) => ({ id, bias: Math.round(((m.bias[c] as number) - logit(Math.min(thresholds[c] as number, 0.999999))) * 1e5) / 1e5 })),
    context,
    normalize: false,
    features: b64(new Uint8Array(new Uint32Array(feats).buffer)),
    weights: b64(new Uint8Array(new Int8Array(q).buffer)),
    scale,
  };
}

export function privacyFile(t: TrainedPrivacy, context: FeatureConfig, info: { version: string; dataHash: string; trainedAt: string }, o: PrivacyOptions = PRIVACY_OPTIONS, meta?: Record<string, unknown>): PrivacyModelFile {
  return {
    version: info.version,
    topics: linearFile(t.topics, CATS, t.thresholds, context, info),
    stance: linearFile(t.stance, ['protective'], [0.5], context, info),
    highConcern: o.highConcern,
    ruleCategories: CATS.filter((_, c) => t.mode[c] === 'rules'),
    gated: CATS.filter((_, c) => t.mode[c] === 'gated'),
    extra: o.extra,
    ...(meta ? { meta } : {}),
  };
}

/** SHA-256 over the labelled set and the options: a change of either is a new model. */
export function privacyDataHash(docs: readonly LabelledDoc[], o: PrivacyOptions): string {
  const h = createHash('sha256');
  for (const d of docs) {
    h.update(d.id).update('\0');
    for (const l of d.labels) h.update([...l].map(([c, s]) => `${c}:${s}`).sort().join(',')).update('\n');
  }
  h.update(JSON.stringify(o)).update('privacy features v1');
  return h.digest('hex');
}
