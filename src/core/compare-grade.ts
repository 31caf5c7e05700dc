// The popup's platform summary: a grade-like letter from a platform's reviewed clauses (the
// rule is shown to the user as GRADE_RULE). Pure.

import type { Severity } from './types';
import { emptyCounts, type SeverityCounts } from './compare-rarity';

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';

export interface GradeSummary {
  /** null when there are too few reviewed clauses to grade. */
  grade: Grade | null;
  /** Mean points per reviewed clause (see GRADE_RULE). */
  score: number;
  counts: SeverityCounts;
  reviewed: number;
}

/** Fewer reviewed clauses than this give no grade: one or two points say little. */
export const MIN_CLAUSES_FOR_GRADE = 3;
export const GRADE_POINTS: Record<Severity, number> = { good: 1, low: 0, medium: -1, high: -3 };
/** Lowest mean score for each grade, best first; below the last is E. */
export const GRADE_THRESHOLDS: readonly [Grade, number][] = [['A', 0.5], ['B', 0], ['C', -0.5], ['D', -0.85]];
export const GRADE_RULE =
  'Each reviewed clause scores: good practice +1, low 0, medium −1, high −3. The grade is the average: A ≥ 0.5, B ≥ 0, C ≥ −0.5, D ≥ −0.85, E below. No grade with fewer than 3 reviewed clauses.';

export function gradeFor(clauses: readonly { severity: Severity }[]): GradeSummary {
  const counts = emptyCounts();
  let points = 0;
  for (const c of clauses) {
    counts[c.severity]++;
    points += GRADE_POINTS[c.severity];
  }
  const reviewed = clauses.length;
  const score = reviewed > 0 ? points / reviewed : 0;
  let grade: Grade | null = null;
  if (reviewed >= MIN_CLAUSES_FOR_GRADE) grade = GRADE_THRESHOLDS.find(([, min]) => score >= min)?.[0] ?? 'E';
  return { grade, score, counts, reviewed };
}
