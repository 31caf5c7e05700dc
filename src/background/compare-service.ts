// Cross-platform comparisons for the clause panel and the popup's Compare, Side by side and
// Platform views. Reads IndexedDB by key and index (a few lookups per view). Two small things are
// derived from the whole knowledge base, lazily and once per knowledge-base build (checked by its
// content hash): how well known each platform is (reviewed clauses, OTA tracking), kept in the
// meta store so a service worker woken from sleep reads one record instead of recounting; and the
// platform search index, built in memory on the first search.
import type { CategoryStat, KbDocument, KnownClause, Platform } from '../kb/schema';
import type { CategoryComparison, CategoryDistribution, ComparedPlatform, PlatformBrief, PlatformDocumentInfo, PlatformPair, PlatformSummary } from '../messages';
import { alignPair } from '../core/compare-pair';
import { cleanQuote, excerpt, orderEntries, pickExamples, prominence } from '../core/compare-examples';
import { gradeFor } from '../core/compare-grade';
import { severityDistribution } from '../core/compare-rarity';
import { buildPlatformSearchIndex, displayDomain, searchPlatforms, type PlatformHit, type PlatformSearchIndex } from '../core/platform-search';
import { CATEGORIES } from '../core/taxonomy';
import { SEVERITY_RANK, type Severity } from '../core/types';
import { getKbStatus, type Db } from '../storage/db';

export interface CompareServiceDeps {
  db: () => Promise<Db>;
  /** Resolves once the knowledge base is installed. */
  ensure: () => Promise<void>;
}

interface Ranks {
  contentHash: string | undefined;
  clauseCounts: Map<string, number>;
  otaTracked: Set<string>;
}

/** As stored in the meta store (plain lists: structured-clonable and small, ~600 entries). */
interface StoredRanks {
  contentHash: string | undefined;
  clauseCounts: [string, number][];
  otaTracked: string[];
}

const RANKS_KEY = 'compare:ranks';
const QUOTE_MAX = 220;
const CATEGORY_ORDER = CATEGORIES.map((c) => c.id);

export class PlatformNotFound extends Error {}

export class CompareService {
  private ranksP: Promise<Ranks> | null = null;
  private searchP: Promise<{ contentHash: string | undefined; index: PlatformSearchIndex }> | null = null;

  constructor(private readonly deps: CompareServiceDeps) {}

  private async currentHash(): Promise<{ db: Db; hash: string | undefined }> {
    await this.deps.ensure();
    const db = await this.deps.db();
    return { db, hash: (await getKbStatus(db)).contentHash };
  }

  /** Clause counts and OTA tracking per platform, for this knowledge-base build. */
  private async ranks(): Promise<Ranks> {
    const { db, hash } = await this.currentHash();
    const cur = this.ranksP && (await this.ranksP.catch(() => null));
    if (cur && cur.contentHash === hash) return cur;
    this.ranksP = (async () => {
      const stored = (await db.get('meta', RANKS_KEY)) as StoredRanks | undefined;
      if (stored && stored.contentHash === hash) return { contentHash: hash, clauseCounts: new Map(stored.clauseCounts), otaTracked: new Set(stored.otaTracked) };
      const tx = db.transaction(['platforms', 'clauses'], 'readonly');
      const otaTracked = new Set<string>();
      const clauseCounts = new Map<string, number>();
      await Promise.all([
        (async () => {
          // Only the platform id of each clause is needed: walk the index's keys, not the records.
          let c = await tx.objectStore('clauses').index('byPlatform').openKeyCursor();
          while (c) {
            clauseCounts.set(c.key, (clauseCounts.get(c.key) ?? 0) + 1);
            c = await c.continue();
          }
        })(),
        (async () => {
          for (const p of await tx.objectStore('platforms').getAll()) if (p.otaServices.length > 0) otaTracked.add(p.id);
        })(),
      ]);
      const ranks: Ranks = { contentHash: hash, clauseCounts, otaTracked };
      const toStore: StoredRanks = { contentHash: hash, clauseCounts: [...clauseCounts], otaTracked: [...otaTracked] };
      await db.put('meta', toStore, RANKS_KEY).catch(() => undefined);
      return ranks;
    })();
    this.ranksP.catch(() => (this.ranksP = null));
    return this.ranksP;
  }

  private async searchIndex(): Promise<PlatformSearchIndex> {
    const { db, hash } = await this.currentHash();
    const cur = this.searchP && (await this.searchP.catch(() => null));
    if (cur && cur.contentHash === hash) return cur.index;
    this.searchP = (async () => {
      const [platforms, ranks] = await Promise.all([db.getAll('platforms'), this.ranks()]);
      return { contentHash: hash, index: buildPlatformSearchIndex(platforms, ranks.clauseCounts) };
    })();
    this.searchP.catch(() => (this.searchP = null));
    return (await this.searchP).index;
  }

  private brief(p: Platform, reviewedClauses: number, query = ''): PlatformBrief {
    const b: PlatformBrief = { id: p.id, name: p.name, reviewedClauses, otaTracked: p.otaServices.length > 0 };
    const domain = displayDomain(p.domains, query);
    if (domain) b.domain = domain;
    if (p.tosdrGrade) b.tosdrGrade = p.tosdrGrade;
    return b;
  }

  private rank(r: Ranks): (platformId: string) => number {
    return (id) => prominence(r.clauseCounts.get(id) ?? 0, r.otaTracked.has(id));
  }

  /** Severity distribution of each category across reviewed platforms (Compare view rows). */
  async stats(categories: readonly string[]): Promise<CategoryDistribution[]> {
    await this.deps.ensure();
    const db = await this.deps.db();
    const tx = db.transaction('categoryStats', 'readonly');
    const stats = await Promise.all(categories.map((c) => tx.store.get(c)));
    return stats.filter((s): s is CategoryStat => !!s).map((s) => ({ category: s.category, platformsWith: s.platformsWith, platformsReviewed: s.platformsReviewed, distribution: severityDistribution(s) }));
  }

  /** The clause panel's "how other platforms handle this": rarity and a few well-known examples. */
  async examples(category: string, platformId: string | undefined, limit = 6): Promise<CategoryComparison> {
    const r = await this.ranks();
    const db = await this.deps.db();
    const stat = (await db.get('categoryStats', category)) ?? null;
    if (!stat) return { stat: null, others: [] };
    const picked = pickExamples(stat.entries, platformId, this.rank(r), limit);
    const rows = await this.resolve(db, picked);
    return { stat, others: rows.map(({ platform, clause, url }) => ({ platform, clause: { ...clause, quote: cleanQuote(clause.quote) }, ...(url ? { url } : {}) })) };
  }

  /** One page of the platforms reviewed for a category, most telling first. */
  async platforms(category: string, platformId: string | undefined, severity: Severity | undefined, offset: number, limit: number): Promise<{ total: number; rows: ComparedPlatform[] }> {
    const ranks = await this.ranks();
    const db = await this.deps.db();
    const stat = await db.get('categoryStats', category);
    if (!stat) return { total: 0, rows: [] };
    const ordered = orderEntries(stat.entries, platformId, this.rank(ranks), severity);
    const page = ordered.slice(offset, offset + limit);
    const rows = await this.resolve(db, page);
    return {
      total: ordered.length,
      rows: rows.map(({ platform, clause, url }) => ({
        platform: this.brief(platform, ranks.clauseCounts.get(platform.id) ?? 0),
        severity: clause.severity,
        clause: { id: clause.id, caseTitle: clause.caseTitle, quote: excerpt(cleanQuote(clause.quote), QUOTE_MAX), pointUrl: clause.pointUrl },
        ...(url ? { url } : {}),
      })),
    };
  }

  /** Platform, clause and document URL of each entry, in one read transaction. */
  private async resolve(db: Db, entries: readonly { platformId: string; clauseId: string }[]): Promise<{ platform: Platform; clause: KnownClause; url?: string }[]> {
    const tx = db.transaction(['platforms', 'clauses', 'documents'], 'readonly');
    const docs = tx.objectStore('documents');
    const rows = await Promise.all(
      entries.map(async (e) => {
        const [platform, clause] = await Promise.all([tx.objectStore('platforms').get(e.platformId), tx.objectStore('clauses').get(e.clauseId)]);
        if (!platform || !clause) return null;
        let doc: KbDocument | undefined = clause.documentId ? await docs.get(clause.documentId) : undefined;
        if (!doc?.urls[0]) doc = firstPolicy(await docs.index('byPlatform').getAll(e.platformId));
        const url = doc?.urls[0];
        return url ? { platform, clause, url } : { platform, clause };
      }),
    );
    return rows.filter((r): r is NonNullable<typeof r> => r !== null);
  }

  async search(query: string, limit = 8): Promise<PlatformHit[]> {
    return searchPlatforms(await this.searchIndex(), query, limit);
  }

  async summary(platformId: string): Promise<PlatformSummary | null> {
    await this.deps.ensure();
    const db = await this.deps.db();
    const tx = db.transaction(['platforms', 'clauses', 'documents', 'history'], 'readonly');
    const [platform, clauses, documents] = await Promise.all([
      tx.objectStore('platforms').get(platformId),
      tx.objectStore('clauses').index('byPlatform').getAll(platformId),
      tx.objectStore('documents').index('byPlatform').getAll(platformId),
    ]);
    if (!platform) return null;
    const histories = await Promise.all(documents.map((doc) => tx.objectStore('history').get(doc.id)));
    const perDoc = new Map<string, number>();
    for (const c of clauses) if (c.documentId) perDoc.set(c.documentId, (perDoc.get(c.documentId) ?? 0) + 1);
    const docInfo: PlatformDocumentInfo[] = documents.map((doc, i) => {
      const changes = histories[i]?.changes ?? [];
      const lastChange = changes.reduce<string | undefined>((max, ch) => (!max || ch.date > max ? ch.date : max), undefined);
      const info: PlatformDocumentInfo = { id: doc.id, termsType: doc.termsType, changes: changes.length, clauses: perDoc.get(doc.id) ?? 0 };
      if (doc.urls[0]) info.url = doc.urls[0];
      if (doc.latest?.date) info.latestDate = doc.latest.date;
      if (lastChange) info.lastChange = lastChange;
      return info;
    });
    docInfo.sort((a, b) => b.clauses - a.clauses || policyOrder(a.termsType) - policyOrder(b.termsType) || a.termsType.localeCompare(b.termsType, 'en'));
    const urlOf = new Map(docInfo.map((x) => [x.id, x.url]));
    const fallback = firstPolicy(documents)?.urls[0];
    return {
      platform: { ...this.brief(platform, clauses.length), domains: platform.domains },
      grade: gradeFor(clauses),
      documents: docInfo,
      clauses: [...clauses]
        .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || (a.id < b.id ? -1 : 1))
        .map((c) => {
          const url = (c.documentId && urlOf.get(c.documentId)) || fallback;
          return { id: c.id, category: c.category, severity: c.severity, caseTitle: c.caseTitle, quote: excerpt(cleanQuote(c.quote), QUOTE_MAX), pointUrl: c.pointUrl, ...(url ? { url } : {}) };
        }),
    };
  }

  async pair(a: string, b: string): Promise<PlatformPair> {
    await this.deps.ensure();
    const db = await this.deps.db();
    const tx = db.transaction(['platforms', 'clauses'], 'readonly');
    const byPlatform = tx.objectStore('clauses').index('byPlatform');
    const [pa, pb, ca, cb] = await Promise.all([tx.objectStore('platforms').get(a), tx.objectStore('platforms').get(b), byPlatform.getAll(a), byPlatform.getAll(b)]);
    if (!pa) throw new PlatformNotFound(`no platform "${a}" in the knowledge base`);
    if (!pb) throw new PlatformNotFound(`no platform "${b}" in the knowledge base`);
    return { a: this.brief(pa, ca.length), b: this.brief(pb, cb.length), rows: alignPair(ca, cb, CATEGORY_ORDER) };
  }
}

function policyOrder(termsType: string): number {
  return /privacy/i.test(termsType) ? 0 : /terms|conditions|user agreement/i.test(termsType) ? 1 : 2;
}

/** A platform's first privacy policy, else its terms, else any document with a URL. */
export function firstPolicy(docs: readonly KbDocument[]): KbDocument | undefined {
  return [...docs].filter((x) => x.urls.length > 0).sort((x, y) => policyOrder(x.termsType) - policyOrder(y.termsType) || (x.id < y.id ? -1 : 1))[0];
}
