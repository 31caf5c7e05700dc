// The shipped linear model: per-category logistic-regression weights over hashed features,
// stored compactly (sorted feature buckets + int8-quantised weights, base64) in
// model.generated.json, written by `npm run train`.

import modelJson from './model.generated.json';
import type { FeatureConfig } from './detect-analysis';

export interface ModelFile {
  version: string;
  dataHash: string;
  trainedAt: string;
  featureBits: number;
  /** Per category: id and bias. Biases are shifted so that the operating threshold is 0.5.
   * `rules`: names of the category's rules that also mark clauses on their own (chosen in
   * training where they keep the category precise); absent: rules flagged `fill`. */
  categories: { id: string; bias: number; rules?: string[] }[];
  /** Context features the model was trained with (absent: the sentence alone). */
  context?: FeatureConfig;
  /** base64 of Uint32 little-endian feature buckets, ascending. */
  features: string;
  /** base64 of Int8 weights, row-major [feature][category]; real weight = q * scale. */
  weights: string;
  scale: number;
  /** Positive sentences at most this many sentences apart in one section form one clause span. */
  mergeGap?: number;
  /** Features are scaled by 1/sqrt(feature count) of the sentence. */
  normalize?: boolean;
  /** Notes for humans: data sources, sizes, CV figures. */
  meta?: Record<string, unknown>;
}

export interface LoadedModel {
  file: ModelFile;
  categories: string[];
  bias: Float64Array;
  /** bucket → row offset into `w` */
  rows: FeatureTable;
  w: Float32Array;
}

/** Feature bucket → row offset: an open-addressing table over typed arrays (a `Map` of 40,000
 * numbers costs a detection of CLAUDETTE's sentences about a fifth more time in lookups). */
export class FeatureTable {
  /** bucket + 1 per slot (0: empty). */
  private readonly keys: Int32Array;
  private readonly vals: Int32Array;
  private readonly shift: number;
  readonly size: number;

  constructor(buckets: ArrayLike<number>, stride: number) {
    let bits = 4;
    while (1 << bits < buckets.length * 2) bits++;
    this.keys = new Int32Array(1 << bits);
    this.vals = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    const mask = (1 << bits) - 1;
    for (let i = 0; i < buckets.length; i++) {
      const key = (buckets[i] as number) + 1;
      let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.vals[slot] = i * stride;
    }
    this.size = buckets.length;
  }

  /** The row offset of `bucket`, or -1. */
  get(bucket: number): number {
    const key = bucket + 1;
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const k = this.keys[slot] as number;
      if (k === key) return this.vals[slot] as number;
      if (k === 0) return -1;
    }
  }
}

function b64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function loadModel(file: ModelFile): LoadedModel {
  const fb = b64(file.features);
  const feats = new Uint32Array(fb.buffer, fb.byteOffset, fb.byteLength >> 2);
  const q = new Int8Array(b64(file.weights).buffer);
  const k = file.categories.length;
  const w = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w[i] = (q[i] as number) * file.scale;
  const rows = new FeatureTable(feats, k);
  return {
    file,
    categories: file.categories.map((c) => c.id),
    bias: Float64Array.from(file.categories.map((c) => c.bias)),
    rows,
    w,
  };
}

let cached: LoadedModel | undefined;
/** The shipped model, decoded on first use (a few ms) so importing detect.ts stays cheap. */
export function shippedModel(): LoadedModel {
  cached ??= loadModel(modelJson as ModelFile);
  return cached;
}

/** Probabilities per model category for a feature set, written into `out`. */
export function scoreFeatures(m: LoadedModel, feats: readonly number[], out: Float64Array): void {
  const k = m.categories.length;
  for (let c = 0; c < k; c++) out[c] = 0;
  for (const f of feats) {
    const row = m.rows.get(f);
    if (row < 0) continue;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + (m.w[row + c] as number);
  }
  const v = m.file.normalize ? 1 / Math.sqrt(feats.length || 1) : 1;
  for (let c = 0; c < k; c++) out[c] = 1 / (1 + Math.exp(-((m.bias[c] as number) + (out[c] as number) * v)));
}
