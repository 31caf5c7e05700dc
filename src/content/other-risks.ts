// The panel's "Other risks in this policy", kept apart from the panel (panel.tsx, loaded on the
// first click) because the page's renderer lists them when it opens one.
import type { PageClause } from '../core/page-clause';
import { SEVERITY_RANK } from '../core/types';

/** The page's clauses worth a second look besides `current`: high and medium, most severe
 * first, then in page order. */
export function otherRisks(clauses: Iterable<PageClause>, current: string): PageClause[] {
  return [...clauses]
    .filter((c) => c.id !== current && (c.severity === 'high' || c.severity === 'medium'))
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.start - b.start);
}
