// The platform summary's grade (core/compare-grade.ts): its published rule, and agreement with
// ToS;DR's own grades on the real shipped knowledge base.
import { describe, expect, it } from 'vitest';
import { gradeFor, MIN_CLAUSES_FOR_GRADE } from '../../../src/core/compare-grade';
import { clausesOf, kb } from '../../fixtures/kb';

describe('grade-like summary', () => {
  it('gives no grade without enough reviewed clauses', () => {
    expect(gradeFor([]).grade).toBeNull();
    expect(gradeFor(Array.from({ length: MIN_CLAUSES_FOR_GRADE - 1 }, () => ({ severity: 'good' as const }))).grade).toBeNull();
    const noClauses = kb.platforms.find((p) => !clausesOf.has(p.id))!;
    expect(gradeFor(clausesOf.get(noClauses.id) ?? []).grade).toBeNull();
  });

  it('follows the published rule and mostly agrees with ToS;DR’s own grades', () => {
    expect(gradeFor([{ severity: 'good' }, { severity: 'good' }, { severity: 'low' }]).grade).toBe('A');
    expect(gradeFor([{ severity: 'high' }, { severity: 'good' }, { severity: 'good' }, { severity: 'good' }]).grade).toBe('B'); // 0
    expect(gradeFor([{ severity: 'high' }, { severity: 'low' }, { severity: 'low' }]).grade).toBe('E'); // -1
    let graded = 0;
    let withinOne = 0;
    for (const p of kb.platforms) {
      const g = gradeFor(clausesOf.get(p.id) ?? []);
      if (!p.tosdrGrade || !g.grade) continue;
      graded++;
      if (Math.abs(g.grade.charCodeAt(0) - p.tosdrGrade.charCodeAt(0)) <= 1) withinOne++;
    }
    expect(graded).toBeGreaterThan(40);
    expect(withinOne / graded).toBeGreaterThan(0.8);
    expect(gradeFor(clausesOf.get('mewe')!).grade).toBe('B'); // ToS;DR: B
    expect(['D', 'E']).toContain(gradeFor(clausesOf.get('facebook')!).grade);
  });
});
