import { describe, expect, it } from 'vitest';
import { othersFor } from '../../src/core/compare-examples';
import { rarity, rarityLabel, rarityText } from '../../src/core/compare-rarity';
import { SEVERITY_RANK } from '../../src/core/types';
import { kb } from './kb-helpers';

describe('rarity', () => {
  it('labels shares at the documented thresholds', () => {
    expect(rarityLabel(0)).toBe('rare');
    expect(rarityLabel(0.099)).toBe('rare');
    expect(rarityLabel(0.1)).toBe('uncommon');
    expect(rarityLabel(0.4)).toBe('common');
    expect(rarityLabel(0.9)).toBe('widespread');
    expect(rarity({ platformsWith: 0, platformsReviewed: 0 })).toEqual({ k: 0, n: 0, share: 0, label: 'rare' });
  });

  it('computes k of N from real category stats', () => {
    const arb = kb.categoryStats.find((s) => s.category === 'arbitration')!;
    const r = rarity(arb);
    expect(r.k).toBe(arb.entries.filter((e) => e.severity !== 'good').length);
    expect(r.n).toBe(arb.entries.length);
    expect(r.k).toBeGreaterThan(10);
    expect(rarityText(r)).toMatch(/^\d+ of \d+ reviewed platforms \((rare|uncommon|common|widespread)\)$/);
  });
});

describe('othersFor', () => {
  it('lists other platforms, good practice first, then most severe', () => {
    const rows = othersFor('arbitration', 'facebook', kb);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((r) => r.platformId === 'facebook')).toBe(false);
    const order = rows.map((r) => (r.severity === 'good' ? -1 : SEVERITY_RANK[r.severity]));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(rows[0]!.severity).toBe('good');
    expect(rows[0]!.platformName).not.toBe(rows[0]!.platformId === '' ? '' : undefined);
    expect(rows.every((r) => typeof r.quote === 'string' && r.quote.length > 0)).toBe(true);
  });

  it('honours the limit and unknown categories', () => {
    expect(othersFor('class-action-waiver', null, kb, 3)).toHaveLength(3);
    expect(othersFor('no-such-category', null, kb)).toEqual([]);
  });
});
