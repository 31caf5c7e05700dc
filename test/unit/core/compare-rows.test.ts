// The popup Compare view's rows (core/compare-rows.ts) for a real platform's clauses.
import { describe, expect, it } from 'vitest';
import { categoryRow, pageCategories, sortRows } from '../../../src/core/compare-rows';
import { severityDistribution, worstSeverity } from '../../../src/core/compare-rarity';
import { SEVERITY_RANK } from '../../../src/core/types';
import { clausesOf, statOf } from '../../fixtures/kb';

const stat = statOf;

describe('Compare view rows for a page', () => {
  const page = clausesOf.get('google')!.map((c) => ({ category: c.category, severity: c.severity }));

  it('one row per category with its most severe clause and the distribution across platforms', () => {
    const inputs = pageCategories(page);
    expect(inputs.length).toBe(new Set(page.map((c) => c.category)).size);
    for (const i of inputs) {
      const mine = page.filter((c) => c.category === i.category);
      expect(i.count).toBe(mine.length);
      expect(i.severity).toBe(worstSeverity(mine.map((c) => c.severity)));
      const row = categoryRow(i, stat(i.category));
      const total = row.distribution.high + row.distribution.medium + row.distribution.low + row.distribution.good;
      expect(total).toBe(row.rarity.n);
      expect(row.worseThan + row.betterThan + row.distribution[row.severity]).toBe(total);
      // The popup passes the distribution the background counted: same row.
      const s = stat(i.category);
      expect(categoryRow(i, { platformsWith: s.platformsWith, platformsReviewed: s.platformsReviewed, distribution: severityDistribution(s) })).toEqual(row);
    }
  });

  it('sorts by this page’s severity or by rarity', () => {
    const rows = pageCategories(page).map((i) => categoryRow(i, stat(i.category)));
    const bySev = sortRows(rows, 'severity');
    expect(bySev.map((r) => SEVERITY_RANK[r.severity])).toEqual([...rows.map((r) => SEVERITY_RANK[r.severity])].sort((a, b) => a - b));
    const byRar = sortRows(rows, 'rarity');
    const shares = byRar.map((r) => r.rarity.share);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(byRar[0]!.rarity.label).not.toBe('widespread');
    // A category nobody reviewed has no distribution and sorts last by rarity.
    const odd = categoryRow({ category: 'ai-training', severity: 'high', count: 1 }, stat('ai-training'));
    expect(odd.rarity.n).toBe(0);
    expect(sortRows([odd, ...rows], 'rarity').at(-1)).toBe(odd);
  });
});
