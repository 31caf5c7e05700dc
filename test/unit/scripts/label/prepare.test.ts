// The labelled privacy set (and its fourth wave) never holds the text of a document that is
// measured apart: the independent reader's services (READER_HELD_OUT), under any name, and the
// set's own held-out services. One company's policy is often filed under several services
// (Blogger's policy is Google's, whose Gemini notice shares it; Tinder's is Match's).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABELS, readerHeldOutTexts, sameText, sentenceSet } from '../../../../scripts/label/prepare';

interface Doc { id: string; service: string; file: string; split: string }
const docs = (dir: string): Doc[] => (JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { docs: Doc[] }).docs;

describe('labelled privacy documents keep held-out texts out', () => {
  const all = [...docs(LABELS), ...docs(path.join(LABELS, 'wave4'))].map((d) => ({ ...d, set: sentenceSet(d.file) }));
  it('no labelled document is largely the text of a document the independent reader judges', () => {
    const held = readerHeldOutTexts();
    expect(held.length).toBeGreaterThan(20);
    const leaks = all.filter((d) => held.some((h) => sameText(d.set, h))).map((d) => d.id);
    expect(leaks).toEqual([]);
  });
  it('no training document is largely the text of a held-out one', () => {
    const test = all.filter((d) => d.split === 'test');
    const leaks = all.filter((d) => d.split !== 'test' && test.some((t) => sameText(d.set, t.set))).map((d) => d.id);
    expect(leaks).toEqual([]);
  });
  it('sameText: more than 30 % of the smaller document', () => {
    const a = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
    expect(sameText(a, new Set(['a', 'b', 'c', 'x']))).toBe(true);
    expect(sameText(a, new Set(['a', 'x', 'y', 'z']))).toBe(false);
  });
});
