import { describe, expect, it } from 'vitest';
import { resolveOverlaps } from '../../../src/core/resolve';
import type { FoundClause } from '../../../src/core/types';

const c = (id: string, start: number, end: number, category: string, severity: FoundClause['severity'], source: FoundClause['source'] = 'detector', confidence = 0.8): FoundClause => ({
  id, start, end, category, severity, source, confidence,
});

describe('resolveOverlaps', () => {
  it('keeps disjoint clauses apart, in text order', () => {
    const out = resolveOverlaps([c('b', 50, 60, 'retention', 'medium'), c('a', 0, 10, 'arbitration', 'high')]);
    expect(out.map((h) => h.primary.id)).toEqual(['a', 'b']);
    expect(out.every((h) => h.related.length === 0)).toBe(true);
  });

  it('makes the most severe clause primary and lists the others as related', () => {
    const out = resolveOverlaps([c('low', 0, 100, 'choice-of-law', 'low'), c('high', 10, 90, 'arbitration', 'high'), c('med', 80, 120, 'jurisdiction', 'medium')]);
    expect(out).toHaveLength(1);
    expect(out[0]?.primary.id).toBe('high');
    expect(out[0]?.related.map((r) => r.id)).toEqual(['med', 'low']);
  });

  it('prefers a reviewed clause over a detected one of the same category and drops the duplicate', () => {
    const out = resolveOverlaps([c('det', 0, 50, 'arbitration', 'high', 'detector', 0.99), c('kb', 5, 45, 'arbitration', 'high', 'kb', 1)]);
    expect(out[0]?.primary.id).toBe('kb');
    expect(out[0]?.related).toEqual([]);
  });

  it('ignores empty spans and never returns overlapping primaries', () => {
    const input = [c('e', 5, 5, 'retention', 'high'), ...Array.from({ length: 50 }, (_, i) => c(`x${i}`, (i * 37) % 400, ((i * 37) % 400) + 30 + (i % 7) * 10, i % 2 ? 'retention' : 'tracking', i % 3 ? 'medium' : 'high'))];
    const out = resolveOverlaps(input);
    expect(out.some((h) => h.primary.id === 'e')).toBe(false);
    for (let i = 1; i < out.length; i++) {
      // clusters are disjoint, so the primaries (each inside its cluster) are too
      expect(out[i]!.primary.start).toBeGreaterThanOrEqual(out[i - 1]!.primary.end);
    }
  });

  it('highlights a repeated sentence (the same id) once, where it first appears', () => {
    const out = resolveOverlaps([
      c('retention-1', 500, 560, 'retention', 'medium'),
      c('retention-1', 100, 160, 'retention', 'medium'),
      c('sale-2', 100, 160, 'data-sale', 'high'),
      c('sale-2', 500, 560, 'data-sale', 'high'),
      c('tracking-3', 520, 540, 'tracking', 'low'),
      c('retention-1', 900, 960, 'retention', 'medium'),
    ]);
    expect(out.map((h) => [h.primary.id, h.primary.start, h.related.map((r) => r.id)])).toEqual([
      ['sale-2', 100, ['retention-1']],
      // The repeat's cluster keeps only what is new in it.
      ['tracking-3', 520, []],
    ]);
  });
});
