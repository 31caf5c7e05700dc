// Hyper-parameters of the shipped model, shared by train and eval (so the eval measures the
// configuration that ships). Chosen by grouped cross-validation, see docs/detector.md.
import type { PipelineOptions } from './pipeline';

export const TRAIN_OPTIONS: PipelineOptions = {
  epochs: 12,
  lr: 0.3,
  l2: 1e-2,
  posWeight: 3,
  minCompanies: 2,
  innerFolds: 4,
  minPrecision: 0.9,
  context: { heading: true, prev: false, next: false, rules: true },
  tuneRules: true,
  prune: 0,
  mergeGap: 2,
  unlabeledWindow: 3,
  // Per category, the L2 strength and positive-class weight with the best inner out-of-fold
  // document-level F1 at the precision floor (small categories such as arbitration want different
  // capacity from limitation-of-liability).
  grid: [3e-3, 1e-2, 3e-2].flatMap((l2) => [1, 3, 10].map((posWeight) => ({ l2, posWeight }))),
};
