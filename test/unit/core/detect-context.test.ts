import { describe, expect, it } from 'vitest';
import { headingLevel, sectionContext } from '../../../src/core/detect-context';
import { segment, plainTextBreaks } from '../../../src/core/text';

describe('section outline', () => {
  it('levels headings by numbering, then by case', () => {
    expect(headingLevel('12. Limitation of Liability')).toBe(1);
    expect(headingLevel('12.3 Exclusions')).toBe(2);
    expect(headingLevel('a. Account')).toBe(3);
    expect(headingLevel('DISPUTE RESOLUTION')).toBe(1);
    expect(headingLevel('Governing Law')).toBe(2);
  });

  it('gives each sentence the parent of its heading', () => {
    const text = 'DISPUTE RESOLUTION\n\nGoverning Law\n\nThese terms are governed by the laws of Ireland. Courts decide.\n\nOTHER TERMS\n\nWe may change these terms at any time.';
    const m = segment(text, plainTextBreaks(text));
    const ctx = sectionContext(text, m.sentences);
    const at = (s: string): number => m.sentences.findIndex((x) => text.slice(x.start, x.end).startsWith(s));
    expect(ctx.heading[at('These terms')]).toBe(at('Governing Law'));
    expect(ctx.parent[at('These terms')]).toBe(at('DISPUTE RESOLUTION'));
    expect(ctx.parent[at('We may change')]).toBe(-1);
  });
});
