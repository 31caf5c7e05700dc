// Turns documents into labelled sentences with the same segmentation and analysis (features,
// section context, rule hits) the extension uses.

import { segment, plainTextBreaks, type Sentence, type TextModel } from '../../src/core/text';
import { analyse, type Analysis, type FeatureConfig } from '../../src/core/detect-analysis';
import type { ClaudetteDoc, GoldSpan } from './claudette';

export interface Example {
  feats: number[];
  /** Categories this sentence carries (gold overlap rule below). */
  labels: Set<string>;
  company: string;
  docId: string;
  /** Category indices this sentence is neither positive nor negative for (set by the pipeline). */
  ignore?: number[];
  /** Loss weight (default 1): extra, noisier sources such as ToS;DR quotes count less. */
  weight?: number;
}

/** A sentence carries a gold category when the overlap covers half of the sentence or half of
 * the gold span (tags sometimes cover a clause of a sentence, sometimes several sentences). */
export function sentenceLabels(s: Sentence, gold: readonly GoldSpan[]): Set<string> {
  const out = new Set<string>();
  for (const g of gold) {
    const ov = Math.min(s.end, g.end) - Math.max(s.start, g.start);
    if (ov <= 0) continue;
    if (ov >= 0.5 * (s.end - s.start) || ov >= 0.5 * (g.end - g.start)) out.add(g.category);
  }
  return out;
}

export function segmentDoc(text: string): TextModel {
  return segment(text, plainTextBreaks(text));
}

/** A document prepared for training and for document-level threshold choice. */
export interface PreparedDoc {
  doc: ClaudetteDoc;
  model: TextModel;
  analysis: Analysis;
  /** Indices (into model.sentences) of the sentences that are examples (not skipped). */
  idx: number[];
  examples: Example[];
}

export function prepareDoc(doc: ClaudetteDoc, cfg: FeatureConfig): PreparedDoc {
  const model = segmentDoc(doc.text);
  const analysis = analyse(doc.text, model.sentences, cfg);
  const idx: number[] = [];
  const examples: Example[] = [];
  model.sentences.forEach((s, i) => {
    if (analysis.skip[i]) return;
    idx.push(i);
    examples.push({ feats: analysis.feats[i] as number[], labels: sentenceLabels(s, doc.gold), company: doc.company, docId: doc.id });
  });
  return { doc, model, analysis, idx, examples };
}
