// Rarity ("k of N reviewed platforms") and cross-platform comparison rows, from the knowledge
// base's category statistics. Pure: callers pass in the KB pieces they hold.

import type { CategoryPlatformEntry, CategoryStat, KnownClause, Platform } from '../kb/schema';
import { SEVERITY_RANK, type Severity } from './types';
import { decodeEntities } from './text-entities';

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

// ---------------------------------------------------------------------------------------------
// Cross-platform views (popup Compare, side by side, platform summary, clause panel).

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

/**
 * How well known a platform is, for choosing the few examples to show: reviewed clauses count
 * most (a platform reviewers looked at closely), documents tracked by Open Terms Archive add a
 * fixed bonus (OTA follows large, widely used services).
 */
export function prominence(reviewedClauses: number, otaTracked: boolean): number {
  return reviewedClauses + (otaTracked ? 10 : 0);
}

/**
 * Picks `limit` other platforms' entries to show for a category: up to half best practice
 * (`good`), the rest the most severe, each group by prominence (better known first), then id.
 * Order of the result: good first, then high, medium, low.
 */
export function pickExamples(
  entries: readonly CategoryPlatformEntry[],
  platformId: string | null | undefined,
  rank: (platformId: string) => number,
  limit: number,
): CategoryPlatformEntry[] {
  const others = entries.filter((e) => e.platformId !== platformId);
  const byRank = (a: CategoryPlatformEntry, b: CategoryPlatformEntry) => rank(b.platformId) - rank(a.platformId) || (a.platformId < b.platformId ? -1 : 1);
  const good = others.filter((e) => e.severity === 'good').sort(byRank);
  const bad = others.filter((e) => e.severity !== 'good').sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || byRank(a, b));
  const goodTake = good.slice(0, Math.min(good.length, Math.max(bad.length >= limit ? Math.ceil(limit / 2) : limit - bad.length, 0)));
  const badTake = bad.slice(0, Math.max(limit - goodTake.length, 0));
  return [...goodTake, ...badTake];
}

/** All other platforms' entries of a category in display order (severity, then prominence). */
export function orderEntries(
  entries: readonly CategoryPlatformEntry[],
  platformId: string | null | undefined,
  rank: (platformId: string) => number,
  severity?: Severity,
): CategoryPlatformEntry[] {
  return entries
    .filter((e) => e.platformId !== platformId && (severity === undefined || e.severity === severity))
    .sort((a, b) => compareOrder(a.severity) - compareOrder(b.severity) || rank(b.platformId) - rank(a.platformId) || (a.platformId < b.platformId ? -1 : 1));
}

/**
 * A knowledge-base quote as plain text for display: some ToS;DR quotes keep remnants of the
 * HTML they were copied from (`</strong&gt.`, `<br>`, entities). Tags and broken tag ends are
 * dropped, entities decoded, whitespace collapsed.
 */
export function cleanQuote(quote: string): string {
  // The source export turned some `;` into `.`: "&nbsp." and "</strong&gt." are entities.
  let s = quote.replace(/&(nbsp|amp|gt|lt|quot|apos|#\d{1,6})\./g, '&$1;');
  s = s.replace(/<\/?[a-zA-Z][^<>]*?(?:>|&gt;)/g, ' ');
  s = s.replace(/&lt;\/?[a-zA-Z][^<>]*?&gt;/g, ' ');
  s = s.replace(/<\/?[a-zA-Z]*\s*$/, '');
  s = s.replace(/^\s*\/?[a-zA-Z]{0,10}>/, '');
  s = decodeEntities(s);
  return s.replace(/\s+/g, ' ').replace(/\s+([.,;:!?])/g, '$1').trim();
}

/** Shortens text at a word boundary, with an ellipsis. */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:]+$/, '')}…`;
}

// --- Compare view rows --------------------------------------------------------------------

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

// --- Side by side ------------------------------------------------------------------------

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

// --- Grade-like summary --------------------------------------------------------------------

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
