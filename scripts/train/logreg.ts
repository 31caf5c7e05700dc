// One-vs-rest logistic regression over sparse binary features, trained with AdaGrad SGD.
// Small and dependency-free; a few seconds on the whole CLAUDETTE corpus.

export interface TrainSet {
  feats: readonly (readonly number[])[];
  /** labels[i] = indices of the positive categories of example i */
  labels: readonly (readonly number[])[];
  /** ignore[i] = categories whose loss example i does not contribute to (unlabelled, not negative). */
  ignore?: readonly (readonly number[] | undefined)[];
  /** weight[i] scales example i's loss (default 1). */
  weight?: readonly (number | undefined)[];
}

export interface TrainOptions {
  epochs?: number;
  lr?: number;
  l2?: number;
  /** Weight of positive examples relative to negatives (positives are rare). */
  posWeight?: number;
  /** Only these feature buckets are used (e.g. those seen in ≥ 2 companies). */
  allowed?: ReadonlySet<number>;
  seed?: number;
  /** Scale each example's binary features by 1/sqrt(count) (L2-normalised rows): long sentences
   * then no longer reach extreme scores just by having many features. */
  normalize?: boolean;
}

export interface LinearModel {
  k: number;
  vocab: Map<number, number>; // bucket → row
  w: Float64Array; // [row][k]
  bias: Float64Array; // [k]
  normalize: boolean;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function trainOvr(data: TrainSet, k: number, opts: TrainOptions = {}): LinearModel {
  const { epochs = 12, lr = 0.3, l2 = 1e-6, posWeight = 3, allowed, seed = 7, normalize = false } = opts;
  const vocab = new Map<number, number>();
  const rows: number[][] = data.feats.map((fs) => {
    const r: number[] = [];
    for (const f of fs) {
      if (allowed && !allowed.has(f)) continue;
      let idx = vocab.get(f);
      if (idx === undefined) { idx = vocab.size; vocab.set(f, idx); }
      r.push(idx);
    }
    return r;
  });
  const w = new Float64Array(vocab.size * k);
  const g2 = new Float64Array(vocab.size * k).fill(1e-8);
  const bias = new Float64Array(k);
  const bg2 = new Float64Array(k).fill(1e-8);
  const order = rows.map((_, i) => i);
  const rand = rng(seed);
  const z = new Float64Array(k);
  const y = new Float64Array(k);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const i of order) {
      const r = rows[i] as number[];
      y.fill(0);
      for (const c of data.labels[i] as number[]) y[c] = 1;
      const skip = data.ignore?.[i];
      const wi = data.weight?.[i] ?? 1;
      for (let c = 0; c < k; c++) z[c] = bias[c] as number;
      const v = normalize ? 1 / Math.sqrt((data.feats[i] as readonly number[]).length || 1) : 1;
      for (const f of r) for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (w[f * k + c] as number) * v;
      for (let c = 0; c < k; c++) {
        const p = 1 / (1 + Math.exp(-(z[c] as number)));
        const yc = y[c] as number;
        if (skip && yc === 0 && skip.includes(c)) continue;
        const g = (p - yc) * (yc === 1 ? posWeight : 1) * wi;
        if (Math.abs(g) < 1e-4) continue;
        bg2[c] = (bg2[c] as number) + g * g;
        bias[c] = (bias[c] as number) - (lr * g) / Math.sqrt(bg2[c] as number);
        for (const f of r) {
          const at = f * k + c;
          const gi = g * v + l2 * (w[at] as number);
          g2[at] = (g2[at] as number) + gi * gi;
          w[at] = (w[at] as number) - (lr * gi) / Math.sqrt(g2[at] as number);
        }
      }
    }
  }
  return { k, vocab, w, bias, normalize };
}

export function predict(m: LinearModel, feats: readonly number[], out: Float64Array): void {
  const v = m.normalize ? 1 / Math.sqrt(feats.length || 1) : 1;
  for (let c = 0; c < m.k; c++) out[c] = m.bias[c] as number;
  for (const f of feats) {
    const row = m.vocab.get(f);
    if (row === undefined) continue;
    for (let c = 0; c < m.k; c++) out[c] = (out[c] as number) + (m.w[row * m.k + c] as number) * v;
  }
  for (let c = 0; c < m.k; c++) out[c] = 1 / (1 + Math.exp(-(out[c] as number)));
}
