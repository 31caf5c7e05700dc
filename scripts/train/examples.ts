// Turns documents into labelled sentences with the same segmentation the extension uses.

import { segment, plainTextBreaks, type Sentence } from '../../src/core/text';
import { features } from '../../src/core/detect-features';
import type { ClaudetteDoc, GoldSpan } from './claudette';

export interface Example {
  feats: number[];
  /** Categories this sentence carries (gold overlap rule below). */
  labels: Set<string>;
  company: string;
  docId: string;
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

export function segmentDoc(text: string) {
  return segment(text, plainTextBreaks(text));
}

export function docExamples(doc: ClaudetteDoc): Example[] {
  const model = segmentDoc(doc.text);
  return model.sentences
    .filter((s) => s.end - s.start >= 12)
    .map((s) => ({
      feats: features(doc.text.slice(s.start, s.end)),
      labels: sentenceLabels(s, doc.gold),
      company: doc.company,
      docId: doc.id,
    }));
}
