// Viewport first (core/detect-focus.ts): the clauses of the sections holding a range equal what
// detectClauses over the whole document finds there — on the benchmark's documents (Roblox's
// terms, the largest text of the data, and its privacy policy; real policies of ordinary size),
// for ranges at the start, in the middle and at the end.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { markdownToText, segment, type TextModel } from '../../../src/core/text';
import { detectClauses } from '../../../src/core/detect';
import { detectFocus, focusSlice } from '../../../src/core/detect-focus';
import { SHARED_DATA } from '../../fixtures/pages';

const key = (c: { start: number; end: number; category: string; severity: string; id: string }) => `${c.start}:${c.end}:${c.category}:${c.severity}:${c.id}`;

function model(rel: string): TextModel {
  const { text, hardBreaks } = markdownToText(readFileSync(path.join(SHARED_DATA, rel), 'utf8'));
  return segment(text, hardBreaks);
}

const DOCS = [
  'ota-contrib/versions-HEAD/Roblox/Terms of Service.md',
  'ota-contrib/versions-HEAD/Roblox/Privacy Policy.md',
  'ota-genai-eu/versions-HEAD/DeepSeek/Privacy Policy.md',
  'ota-genai-eu/versions-HEAD/Claude.ai/Terms of Service.md',
  'ota-contrib/versions-HEAD/Yahoo/Privacy Policy.md',
];

describe('detectFocus', () => {
  for (const rel of DOCS) {
    it(`equals the whole-document clauses in the focused sections: ${path.basename(path.dirname(rel))} ${path.basename(rel, '.md')}`, () => {
      const m = model(rel);
      const whole = detectClauses(m);
      expect(whole.length).toBeGreaterThan(0);
      const len = m.text.length;
      let checked = 0;
      for (const at of [0, 0.13, 0.37, 0.5, 0.71, 0.93]) {
        const from = Math.floor(len * at);
        const slice = focusSlice(m, from, Math.min(len, from + 4000));
        expect(slice).not.toBeNull();
        if (!slice) continue;
        expect(slice.start).toBeLessThanOrEqual(Math.max(from, slice.start));
        const focus = detectFocus(m, slice).map(key).sort();
        const expected = whole.filter((c) => c.start >= slice.start && c.end <= slice.end).map(key).sort();
        expect(focus).toEqual(expected);
        // No clause of the whole document straddles a section boundary.
        expect(whole.filter((c) => c.start < slice.end && c.end > slice.start && !(c.start >= slice.start && c.end <= slice.end))).toEqual([]);
        checked += expected.length;
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it('covers whole sections: from the heading above the range to the one after it', () => {
    const text = 'Changes\n\nWe may change these terms at any time without notice. Your use means you accept them.\n\nArbitration\n\nAny dispute will be resolved by binding arbitration. You waive class actions.\n\nContact\n\nWrite to us.';
    const m = segment(text);
    const at = text.indexOf('binding');
    const slice = focusSlice(m, at, at + 5);
    expect(slice && text.slice(slice.start, slice.end)).toBe('Arbitration\n\nAny dispute will be resolved by binding arbitration. You waive class actions.');
    expect(focusSlice(m, text.length, text.length + 10)).toBeNull();
  });
});
