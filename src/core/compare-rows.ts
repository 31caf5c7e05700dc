// The popup's Compare view: one row per category of the page, with its rarity and how the
// reviewed platforms' clauses of the category compare in severity. Pure.

import type { CategoryPlatformEntry, CategoryStat } from '../kb/schema';
import { SEVERITY_RANK, type Severity } from './types';
import { emptyCounts, rarity, severityDistribution, type Rarity, type SeverityCounts } from './compare-rarity';

export interface CategoryRowInput {
  category: string;
  /** This page's most severe clause of the category. */
  severity: Severity;
  /** Clauses of the category on this page. */
  count: number;
}

export interface CategoryRow extends CategoryRowInput {
  rarity: Rarity;
  distribution: SeverityCounts;
  /** Reviewed platforms whose clause of this category is more / less severe than this page's. */
  worseThan: number;
  betterThan: number;
}

/** One input per category from a page's clauses: its most severe clause and how many. */
export function pageCategories(clauses: readonly { category: string; severity: Severity }[]): CategoryRowInput[] {
  const by = new Map<string, CategoryRowInput>();
  for (const c of clauses) {
    const cur = by.get(c.category);
    if (!cur) by.set(c.category, { category: c.category, severity: c.severity, count: 1 });
    else {
      cur.count++;
      if (SEVERITY_RANK[c.severity] < SEVERITY_RANK[cur.severity]) cur.severity = c.severity;
    }
  }
  return [...by.values()];
}

/** A row from a category's stat: its entries, or their distribution already counted. */
export function categoryRow(
  input: CategoryRowInput,
  stat: (Pick<CategoryStat, 'platformsWith' | 'platformsReviewed'> & { entries?: readonly CategoryPlatformEntry[]; distribution?: SeverityCounts }) | undefined,
): CategoryRow {
  const distribution = stat?.distribution ? { ...stat.distribution } : stat?.entries ? severityDistribution({ entries: stat.entries as CategoryPlatformEntry[] }) : emptyCounts();
  const mine = SEVERITY_RANK[input.severity];
  let worseThan = 0;
  let betterThan = 0;
  for (const s of ['high', 'medium', 'low', 'good'] as const) {
    if (SEVERITY_RANK[s] > mine) worseThan += distribution[s];
    if (SEVERITY_RANK[s] < mine) betterThan += distribution[s];
  }
  return { ...input, rarity: rarity(stat ?? { platformsWith: 0, platformsReviewed: 0 }), distribution, worseThan, betterThan };
}

export type RowSort = 'severity' | 'rarity';

/**
 * `severity`: this page's most severe first, then the rarer (more unusual) first.
 * `rarity`: the rarest among reviewed platforms first (categories nobody reviewed last), then
 * by severity. Ties by category id, so the order is stable.
 */
export function sortRows<T extends CategoryRow>(rows: readonly T[], by: RowSort): T[] {
  const share = (r: CategoryRow) => (r.rarity.n === 0 ? 2 : r.rarity.share);
  return [...rows].sort((a, b) => {
    const sev = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
    const rar = share(a) - share(b);
    return (by === 'severity' ? sev || rar : rar || sev) || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0);
  });
}
