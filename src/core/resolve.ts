// Turns possibly overlapping clauses into non-overlapping highlights. mark.js cannot nest
// ranges, and one sentence often carries several categories (arbitration + class-action waiver),
// so each highlight has one primary clause and lists the others it covers as related.

import type { FoundClause } from './types';
import { SEVERITY_RANK } from './types';

export interface Highlight<C extends FoundClause = FoundClause> {
  primary: C;
  related: C[];
}

const SOURCE_RANK = { kb: 0, rule: 1, detector: 2 } as const;

function better(a: FoundClause, b: FoundClause): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    SOURCE_RANK[a.source] - SOURCE_RANK[b.source] ||
    b.confidence - a.confidence ||
    a.start - b.start ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Drops exact duplicates (same category, overlapping, the reviewed one kept), then clusters
 * overlapping spans: each cluster becomes one highlight on the span of its best clause.
 * A sentence the text repeats is one clause (its id is its category and text): it is
 * highlighted where it first appears, so its marks, its badge, its panel and its row in the
 * popup are one. (A page that repeated its policy fifty times had fifty highlights of each.)
 */
export function resolveOverlaps<C extends FoundClause>(clauses: readonly C[]): Highlight<C>[] {
  const valid = clauses.filter((c) => c.end > c.start);
  const sorted = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  const clusters: C[][] = [];
  let current: C[] = [];
  let currentEnd = -1;
  for (const c of sorted) {
    if (current.length && c.start < currentEnd) {
      current.push(c);
      currentEnd = Math.max(currentEnd, c.end);
    } else {
      if (current.length) clusters.push(current);
      current = [c];
      currentEnd = c.end;
    }
  }
  if (current.length) clusters.push(current);

  const out: Highlight<C>[] = [];
  const shown = new Set<string>();
  for (const cluster of clusters) {
    // Clauses already highlighted earlier in the text (the same sentence again) are left out.
    const ranked = cluster.filter((c) => !shown.has(c.id)).sort(better);
    const primary = ranked[0];
    if (!primary) continue;
    const seen = new Set([primary.category]);
    const related: C[] = [];
    for (const c of ranked.slice(1)) {
      if (seen.has(c.category)) continue; // same category twice: keep the better one only
      seen.add(c.category);
      related.push(c);
    }
    for (const c of [primary, ...related]) shown.add(c.id);
    out.push({ primary, related });
  }
  return out;
}
