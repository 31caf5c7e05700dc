// Rarity ("k of N reviewed platforms") and cross-platform comparison rows, from the knowledge
// base's category statistics. Pure: callers pass in the KB pieces they hold.

import type { CategoryPlatformEntry, CategoryStat, KnownClause, Platform } from '../kb/schema';
import { SEVERITY_RANK, type Severity } from './types';

export type RarityLabel = 'rare' | 'uncommon' | 'common' | 'widespread';

export interface Rarity {
  /** Platforms with a non-good clause of the category. */
  k: number;
  /** Platforms reviewed for the category (denominator). */
  n: number;
  /** k / n, 0 when n is 0. */
  share: number;
  label: RarityLabel;
}

/**
 * Thresholds on the share of reviewed platforms: < 10 % rare, < 33 % uncommon, < 66 % common,
 * else widespread. The denominator is the platforms reviewed for this category, not all reviewed
 * platforms: ToS;DR reviewers only record a category when they looked for it, so "k of all" would
 * make every category look rare.
 */
export function rarityLabel(share: number): RarityLabel {
  if (share < 0.1) return 'rare';
  if (share < 1 / 3) return 'uncommon';
  if (share < 2 / 3) return 'common';
  return 'widespread';
}

export function rarity(stat: Pick<CategoryStat, 'platformsWith' | 'platformsReviewed'>): Rarity {
  const k = stat.platformsWith;
  const n = stat.platformsReviewed;
  const share = n > 0 ? k / n : 0;
  return { k, n, share, label: rarityLabel(share) };
}

/** Human phrase, e.g. "12 of 340 reviewed platforms (uncommon)". */
export function rarityText(r: Rarity): string {
  return `${r.k} of ${r.n} reviewed platform${r.n === 1 ? '' : 's'} (${r.label})`;
}

export interface CompareInputs {
  categoryStats: readonly CategoryStat[];
  platforms?: readonly Pick<Platform, 'id' | 'name'>[];
  clauses?: readonly Pick<KnownClause, 'id' | 'caseTitle' | 'quote'>[];
}

export interface ComparisonRow extends CategoryPlatformEntry {
  platformName: string;
  caseTitle?: string;
  quote?: string;
}

/**
 * Other platforms' entries for a category: best practice (`good`) first, as examples to look
 * for, then the most severe; ties by platform name. `limit` caps the list (default: all).
 */
export function othersFor(category: string, platformId: string | null, kb: CompareInputs, limit?: number): ComparisonRow[] {
  const stat = kb.categoryStats.find((s) => s.category === category);
  if (!stat) return [];
  const names = new Map((kb.platforms ?? []).map((p) => [p.id, p.name]));
  const clauses = new Map((kb.clauses ?? []).map((c) => [c.id, c]));
  const rows = stat.entries
    .filter((e) => e.platformId !== platformId)
    .map((e): ComparisonRow => {
      const c = clauses.get(e.clauseId);
      const row: ComparisonRow = { ...e, platformName: names.get(e.platformId) ?? e.platformId };
      if (c) {
        row.caseTitle = c.caseTitle;
        row.quote = c.quote;
      }
      return row;
    })
    .sort((a, b) => compareOrder(a.severity) - compareOrder(b.severity) || a.platformName.localeCompare(b.platformName, 'en') || (a.platformId < b.platformId ? -1 : 1));
  return limit === undefined ? rows : rows.slice(0, limit);
}

/** good first, then high, medium, low. */
function compareOrder(s: Severity): number {
  return s === 'good' ? -1 : SEVERITY_RANK[s];
}
