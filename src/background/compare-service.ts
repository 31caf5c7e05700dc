// Cross-platform comparisons for the clause panel and the popup's Compare, Side by side and
// Platform views. Reads IndexedDB by key and index (a few lookups per view); keeps one small
// directory in memory (clause counts, OTA tracking, the platform search index), built lazily on
// first use and rebuilt when the installed knowledge base changes.
import type { CategoryStat, KbDocument, KnownClause, Platform } from '../kb/schema';
import type { CategoryComparison, CategoryDistribution, ComparedPlatform, PlatformBrief, PlatformDocumentInfo, PlatformPair, PlatformSummary } from '../messages';
import { alignPair, cleanQuote, excerpt, gradeFor, orderEntries, pickExamples, prominence, severityDistribution } from '../core/compare';
import { buildPlatformSearchIndex, displayDomain, searchPlatforms, type PlatformHit, type PlatformSearchIndex } from '../core/platform-search';
import { CATEGORIES } from '../core/taxonomy';
import { SEVERITY_RANK, type Severity } from '../core/types';
import { getKbStatus, type Db } from '../storage/db';

export interface CompareServiceDeps {
  db: () => Promise<Db>;
  /** Resolves once the knowledge base is installed. */
  ensure: () => Promise<void>;
}

interface Directory {
  contentHash: string | undefined;
  clauseCounts: Map<string, number>;
  otaTracked: Set<string>;
  search: PlatformSearchIndex;
}

const QUOTE_MAX = 220;
const CATEGORY_ORDER = CATEGORIES.map((c) => c.id);

export class PlatformNotFound extends Error {}

export class CompareService {
  private dir: Promise<Directory> | null = null;

  constructor(private readonly deps: CompareServiceDeps) {}

  /** The in-memory directory; rebuilt when the knowledge base's content hash changed. */
  private async directory(): Promise<Directory> {
    await this.deps.ensure();
    const db = await this.deps.db();
    const hash = (await getKbStatus(db)).contentHash;
    if (this.dir) {
      const d = await this.dir.catch(() => null);
      if (d && d.contentHash === hash) return d;
      this.dir = null;
    }
    this.dir ??= this.buildDirectory(db, hash);
    return this.dir;
  }

  private async buildDirectory(db: Db, contentHash: string | undefined): Promise<Directory> {
    const tx = db.transaction(['platforms', 'clauses'], 'readonly');
    const [platforms, clausePlatforms] = await Promise.all([
      tx.objectStore('platforms').getAll(),
      // Only the platform id of each clause is needed: walk the index's keys, not the records.
      (async () => {
        const ids: string[] = [];
        let cur = await tx.objectStore('clauses').index('byPlatform').openKeyCursor();
        while (cur) {
          ids.push(cur.key);
          cur = await cur.continue();
        }
        return ids;
      })(),
    ]);
    const clauseCounts = new Map<string, number>();
    for (const id of clausePlatforms) clauseCounts.set(id, (clauseCounts.get(id) ?? 0) + 1);
    const otaTracked = new Set(platforms.filter((p) => p.otaServices.length > 0).map((p) => p.id));
    return { contentHash, clauseCounts, otaTracked, search: buildPlatformSearchIndex(platforms, clauseCounts) };
  }

  private brief(d: Directory, p: Platform, query = ''): PlatformBrief {
    const b: PlatformBrief = { id: p.id, name: p.name, reviewedClauses: d.clauseCounts.get(p.id) ?? 0, otaTracked: d.otaTracked.has(p.id) };
    const domain = displayDomain(p.domains, query);
    if (domain) b.domain = domain;
    if (p.tosdrGrade) b.tosdrGrade = p.tosdrGrade;
    return b;
  }

  private rank(d: Directory): (platformId: string) => number {
    return (id) => prominence(d.clauseCounts.get(id) ?? 0, d.otaTracked.has(id));
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
    const d = await this.directory();
    const db = await this.deps.db();
    const stat = (await db.get('categoryStats', category)) ?? null;
    if (!stat) return { stat: null, others: [] };
    const picked = pickExamples(stat.entries, platformId, this.rank(d), limit);
    const rows = await this.resolve(db, picked);
    return { stat, others: rows.map(({ platform, clause, url }) => ({ platform, clause: { ...clause, quote: cleanQuote(clause.quote) }, ...(url ? { url } : {}) })) };
  }

  /** One page of the platforms reviewed for a category, most telling first. */
  async platforms(category: string, platformId: string | undefined, severity: Severity | undefined, offset: number, limit: number): Promise<{ total: number; rows: ComparedPlatform[] }> {
    const d = await this.directory();
    const db = await this.deps.db();
    const stat = await db.get('categoryStats', category);
    if (!stat) return { total: 0, rows: [] };
    const ordered = orderEntries(stat.entries, platformId, this.rank(d), severity);
    const page = ordered.slice(offset, offset + limit);
    const rows = await this.resolve(db, page);
    return {
      total: ordered.length,
      rows: rows.map(({ platform, clause, url }) => ({
        platform: this.brief(d, platform),
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
    return searchPlatforms((await this.directory()).search, query, limit);
  }

  async summary(platformId: string): Promise<PlatformSummary | null> {
    const d = await this.directory();
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
      platform: { ...this.brief(d, platform), domains: platform.domains },
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
    const d = await this.directory();
    const db = await this.deps.db();
    const tx = db.transaction(['platforms', 'clauses'], 'readonly');
    const byPlatform = tx.objectStore('clauses').index('byPlatform');
    const [pa, pb, ca, cb] = await Promise.all([tx.objectStore('platforms').get(a), tx.objectStore('platforms').get(b), byPlatform.getAll(a), byPlatform.getAll(b)]);
    if (!pa) throw new PlatformNotFound(`no platform "${a}" in the knowledge base`);
    if (!pb) throw new PlatformNotFound(`no platform "${b}" in the knowledge base`);
    return { a: this.brief(d, pa), b: this.brief(d, pb), rows: alignPair(ca, cb, CATEGORY_ORDER) };
  }
}

function policyOrder(termsType: string): number {
  return /privacy/i.test(termsType) ? 0 : /terms|conditions|user agreement/i.test(termsType) ? 1 : 2;
}

/** A platform's first privacy policy, else its terms, else any document with a URL. */
export function firstPolicy(docs: readonly KbDocument[]): KbDocument | undefined {
  return [...docs].filter((x) => x.urls.length > 0).sort((x, y) => policyOrder(x.termsType) - policyOrder(y.termsType) || (x.id < y.id ? -1 : 1))[0];
}
