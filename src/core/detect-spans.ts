// When positive sentences form one clause span: shared by detection (detect.ts) and by training,
// which picks thresholds on the same spans the eval counts.

import type { Sentence } from './text';

/** May sentence `j` extend a run that ends at sentence `i` (< j), bridging at most `gap` sentences? */
export function continues(sentences: readonly Sentence[], heading: Int32Array, i: number, j: number, gap: number): boolean {
  if (j - i - 1 > gap) return false;
  if ((sentences[i] as Sentence).block === (sentences[j] as Sentence).block) return true;
  // Across blocks only inside one section (list items, short paragraphs under one heading).
  return gap > 0 && heading[i] === heading[j] && heading[i] !== -1;
}
