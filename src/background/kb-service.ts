// The background's view of the knowledge base: makes sure it is installed in IndexedDB, and
// answers lookups from there (with a URL index kept in memory while the worker lives).
import type { KbDocument, KnowledgeBase, KnownClause, Platform } from '../kb/schema';
import type { CategoryComparison, KbStatus, PageMatch } from '../messages';
import { buildUrlIndex, matchDocument, type UrlIndex } from '../core/url';
import { SEVERITY_RANK } from '../core/types';
import { getKbStatus, setKbStatus, type Db } from '../storage/db';
import { installKb, isInstalled } from '../storage/kb-install';

export interface KbServiceDeps {
  db: () => Promise<Db>;
  /** Reads the knowledge base shipped with the extension. */
  loadBundled: () => Promise<KnowledgeBase>;
}

export class KbService {
  private ready: Promise<void> | null = null;
  private urlIndex: Promise<UrlIndex> | null = null;

  constructor(private readonly deps: KbServiceDeps) {}

  /** Installs the bundled knowledge base unless this exact build is already complete in the DB. */
  ensure(force = false): Promise<void> {
    if (!this.ready || force) {
      this.ready = this.install(force).catch(async (err: unknown) => {
        this.ready = null;
        const db = await this.deps.db();
        await setKbStatus(db, { state: 'error', error: err instanceof Error ? err.message : String(err) });
        throw err;
      });
    }
    return this.ready;
  }

  private async install(force: boolean): Promise<void> {
    const db = await this.deps.db();
    const status = await getKbStatus(db);
    if (!force && status.state === 'ready') {
      // Cheap path on every worker start: trust a complete install, re-check the build only
      // on install/update (force) or when a previous load was cut short.
      return;
    }
    const kb = await this.deps.loadBundled();
    if (!force || !(await isInstalled(db, kb.contentHash))) await installKb(db, kb);
    this.urlIndex = null;
  }

  async status(): Promise<KbStatus> {
    return getKbStatus(await this.deps.db());
  }

  private index(): Promise<UrlIndex> {
    if (!this.urlIndex) {
      this.urlIndex = (async () => {
        await this.ensure();
        const db = await this.deps.db();
        const docs = await db.getAll('documents');
        return buildUrlIndex(docs);
      })();
      this.urlIndex.catch(() => (this.urlIndex = null));
    }
    return this.urlIndex;
  }

  async lookup(url: string): Promise<PageMatch | null> {
    const m = matchDocument(url, await this.index());
    if (!m) return null;
    const db = await this.deps.db();
    const document = (await db.get('documents', m.documentId)) as KbDocument | undefined;
    if (!document) return null;
    const platform = (await db.get('platforms', document.platformId)) as Platform | undefined;
    return platform ? { platform, document } : null;
  }

  async clausesFor(platformId: string): Promise<KnownClause[]> {
    await this.ensure();
    const db = await this.deps.db();
    return db.getAllFromIndex('clauses', 'byPlatform', platformId);
  }

  async platform(id: string): Promise<Platform | undefined> {
    return (await this.deps.db()).get('platforms', id);
  }

  async document(id: string): Promise<KbDocument | undefined> {
    return (await this.deps.db()).get('documents', id);
  }

  /** How other platforms handle a category: good practice first, then the most severe. */
  async compare(category: string, platformId: string | undefined, limit = 6): Promise<CategoryComparison> {
    await this.ensure();
    const db = await this.deps.db();
    const stat = (await db.get('categoryStats', category)) ?? null;
    if (!stat) return { stat: null, others: [] };
    const entries = stat.entries
      .filter((e) => e.platformId !== platformId)
      .sort((a, b) => (a.severity === 'good' ? -1 : 0) - (b.severity === 'good' ? -1 : 0) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.platformId < b.platformId ? -1 : 1));
    // Take a few good examples and then the most severe, so both ends are shown.
    const good = entries.filter((e) => e.severity === 'good').slice(0, Math.ceil(limit / 2));
    const rest = entries.filter((e) => e.severity !== 'good').slice(0, limit - good.length);
    const others: CategoryComparison['others'] = [];
    for (const e of [...good, ...rest]) {
      const [platform, clause] = await Promise.all([db.get('platforms', e.platformId), db.get('clauses', e.clauseId)]);
      if (platform && clause) others.push({ platform, clause });
    }
    return { stat, others };
  }
}
