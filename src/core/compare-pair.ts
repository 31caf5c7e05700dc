// The popup's side-by-side view: two platforms' reviewed clauses aligned by category, with
// which side is worse. Pure.

import type { KnownClause } from '../kb/schema';
import { SEVERITY_RANK, type Severity } from './types';

export type PairDifference = 'same' | 'only-a' | 'only-b' | 'a-worse' | 'b-worse';

export interface PairCell {
  severity: Severity;
  clauses: Pick<KnownClause, 'id' | 'caseTitle' | 'severity'>[];
}

export interface PairRow {
  category: string;
  a?: PairCell;
  b?: PairCell;
  difference: PairDifference;
}

function cells(clauses: readonly Pick<KnownClause, 'id' | 'caseTitle' | 'severity' | 'category'>[]): Map<string, PairCell> {
  const m = new Map<string, PairCell>();
  for (const c of clauses) {
    const cell = m.get(c.category) ?? { severity: c.severity, clauses: [] };
    cell.clauses.push({ id: c.id, caseTitle: c.caseTitle, severity: c.severity });
    if (SEVERITY_RANK[c.severity] < SEVERITY_RANK[cell.severity]) cell.severity = c.severity;
    m.set(c.category, cell);
  }
  for (const cell of m.values()) cell.clauses.sort((x, y) => SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] || x.caseTitle.localeCompare(y.caseTitle, 'en') || (x.id < y.id ? -1 : 1));
  return m;
}

/**
 * Two platforms' reviewed clauses aligned by category. A category differs when only one side
 * has it reviewed, or when their most severe clauses differ in severity. `order` gives the
 * category order (e.g. the taxonomy's); categories outside it follow, by id.
 */
export function alignPair(
  a: readonly Pick<KnownClause, 'id' | 'caseTitle' | 'severity' | 'category'>[],
  b: readonly Pick<KnownClause, 'id' | 'caseTitle' | 'severity' | 'category'>[],
  order: readonly string[] = [],
): PairRow[] {
  const ca = cells(a);
  const cb = cells(b);
  const pos = new Map(order.map((id, i) => [id, i]));
  const cats = [...new Set([...ca.keys(), ...cb.keys()])].sort((x, y) => (pos.get(x) ?? 1e9) - (pos.get(y) ?? 1e9) || (x < y ? -1 : 1));
  return cats.map((category) => {
    const ra = ca.get(category);
    const rb = cb.get(category);
    let difference: PairDifference;
    if (!ra) difference = 'only-b';
    else if (!rb) difference = 'only-a';
    else if (ra.severity === rb.severity) difference = 'same';
    else difference = SEVERITY_RANK[ra.severity] < SEVERITY_RANK[rb.severity] ? 'a-worse' : 'b-worse';
    const row: PairRow = { category, difference };
    if (ra) row.a = ra;
    if (rb) row.b = rb;
    return row;
  });
}
