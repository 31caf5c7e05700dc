// Rarity figures: for each category, which reviewed platforms have such a clause, and the one
// clause that best represents each platform (its most severe; anchored clauses preferred).
import { SEVERITY_RANK } from '../../src/core/types';
import { CATEGORIES } from '../../src/core/taxonomy';
import type { CategoryStat, KnownClause } from '../../src/kb/schema';

export function buildCategoryStats(clauses: KnownClause[]): CategoryStat[] {
  const reviewed = new Set(clauses.map((c) => c.platformId));
  const best = new Map<string, Map<string, KnownClause>>();
  for (const c of clauses) {
    let perPlatform = best.get(c.category);
    if (!perPlatform) best.set(c.category, (perPlatform = new Map()));
    const cur = perPlatform.get(c.platformId);
    if (!cur || better(c, cur)) perPlatform.set(c.platformId, c);
  }
  return CATEGORIES.map((cat) => {
    const perPlatform = best.get(cat.id) ?? new Map<string, KnownClause>();
    const entries = [...perPlatform.values()]
      .map((c) => ({ platformId: c.platformId, severity: c.severity, clauseId: c.id }))
      .sort((a, b) => (a.platformId < b.platformId ? -1 : a.platformId > b.platformId ? 1 : 0));
    return {
      category: cat.id,
      platformsWith: entries.filter((e) => e.severity !== 'good').length,
      platformsReviewed: entries.length,
      platformsTotal: reviewed.size,
      entries,
    };
  });
}

function better(a: KnownClause, b: KnownClause): boolean {
  const ra = SEVERITY_RANK[a.severity];
  const rb = SEVERITY_RANK[b.severity];
  if (ra !== rb) return ra < rb;
  const fa = a.anchor.status === 'found' ? 0 : 1;
  const fb = b.anchor.status === 'found' ? 0 : 1;
  if (fa !== fb) return fa < fb;
  if ((a.caseScore ?? 0) !== (b.caseScore ?? 0)) return (a.caseScore ?? 0) > (b.caseScore ?? 0);
  return Number(a.id.slice(6)) < Number(b.id.slice(6));
}
