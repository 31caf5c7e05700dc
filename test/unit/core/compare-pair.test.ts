// The side-by-side view's alignment (core/compare-pair.ts) of two real platforms, checked against
// an independent computation of each side's most severe clause.
import { describe, expect, it } from 'vitest';
import { alignPair } from '../../../src/core/compare-pair';
import { worstSeverity } from '../../../src/core/compare-rarity';
import { SEVERITY_RANK } from '../../../src/core/types';
import { clausesOf, kb } from '../../fixtures/kb';

describe('side by side', () => {
  it('aligns two real platforms by category and marks the differences', () => {
    const a = clausesOf.get('google')!;
    const b = clausesOf.get('facebook')!;
    const rows = alignPair(a, b, kb.categoryStats.map((s) => s.category));
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set([...a, ...b].map((c) => c.category)));
    for (const r of rows) {
      const sa = worstSeverity(a.filter((c) => c.category === r.category).map((c) => c.severity));
      const sb = worstSeverity(b.filter((c) => c.category === r.category).map((c) => c.severity));
      expect(r.a?.severity).toBe(sa);
      expect(r.b?.severity).toBe(sb);
      const expected = !sa ? 'only-b' : !sb ? 'only-a' : sa === sb ? 'same' : SEVERITY_RANK[sa] < SEVERITY_RANK[sb] ? 'a-worse' : 'b-worse';
      expect(r.difference, r.category).toBe(expected);
    }
    expect(rows.some((r) => r.difference !== 'same')).toBe(true);
    expect(alignPair(a, a).every((r) => r.difference === 'same')).toBe(true);
  });
});
