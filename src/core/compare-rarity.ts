// Rarity ("k of N reviewed platforms") and severity counts of a category across the knowledge
// base's reviewed platforms: the figures every comparison view (clause panel, popup Compare,
// side by side, platform summary) shows. Pure: callers pass in the KB pieces they hold.

import type { CategoryStat } from '../kb/schema';
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

export type SeverityCounts = Record<Severity, number>;

export function emptyCounts(): SeverityCounts {
  return { high: 0, medium: 0, low: 0, good: 0 };
}

/** How many reviewed platforms have each severity as their representative clause of a category. */
export function severityDistribution(stat: Pick<CategoryStat, 'entries'>): SeverityCounts {
  const counts = emptyCounts();
  for (const e of stat.entries) counts[e.severity]++;
  return counts;
}

/** The most severe of several severities (`good` only when nothing else is there). */
export function worstSeverity(list: Iterable<Severity>): Severity | undefined {
  let worst: Severity | undefined;
  for (const s of list) if (worst === undefined || SEVERITY_RANK[s] < SEVERITY_RANK[worst]) worst = s;
  return worst;
}
