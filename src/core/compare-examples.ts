// Other platforms' clauses of a category, for the clause panel's "how others do it" and the
// background's kb/compare answer: which examples to pick, in which order, and their quotes as
// clean display text. Pure.

import type { CategoryPlatformEntry, CategoryStat, KnownClause, Platform } from '../kb/schema';
import { SEVERITY_RANK, type Severity } from './types';
import { decodeEntities } from './text-entities';

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
