// Rarity and severity counts (core/compare-rarity.ts) at the documented thresholds and on the
// real shipped knowledge base's category statistics.
import { describe, expect, it } from 'vitest';
import { rarity, rarityLabel, rarityText, severityDistribution, worstSeverity } from '../../../src/core/compare-rarity';
import { kb, statOf } from '../../fixtures/kb';

const stat = statOf;

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

describe('severity distribution and rarity', () => {
  it('counts one entry per reviewed platform, consistent with rarity()', () => {
    for (const s of kb.categoryStats) {
      const d = severityDistribution(s);
      const r = rarity(s);
      expect(d.high + d.medium + d.low + d.good, s.category).toBe(r.n);
      expect(d.high + d.medium + d.low, s.category).toBe(r.k);
    }
    // Tracking is reviewed for many platforms and mostly not good practice.
    const t = severityDistribution(stat('tracking'));
    expect(t.high + t.medium + t.low).toBeGreaterThan(t.good);
  });

  it('worstSeverity picks the most severe, good only alone', () => {
    expect(worstSeverity(['good', 'low', 'medium'])).toBe('medium');
    expect(worstSeverity(['good'])).toBe('good');
    expect(worstSeverity([])).toBeUndefined();
  });
});
