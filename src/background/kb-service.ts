// The background's view of the knowledge base: makes sure it is installed in IndexedDB, and
// answers lookups from there (with a URL index kept in memory while the worker lives).
import type { KbDocument, KnowledgeBase, KnownClause, Platform } from '../kb/schema';
import type { KbStatus, PageMatch } from '../messages';
import { buildUrlIndex, matchDocument, type UrlIndex } from '../core/url';
import { getKbStatus, setKbStatus, type Db } from '../storage/db';
import { installKb } from '../storage/kb-install';
import { installedKbProblem } from '../storage/kb-check';
import { swapKb } from '../storage/kb-swap';
import { compareVersions } from '../kb/update';

export const URL_INDEX_KEY = 'urlIndex';
interface KeptUrlIndex {
  contentHash: string;
  index: UrlIndex;
}

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
    // Cheap path on every worker start: a complete install of this schema whose stores hold the
    // records counted at install (five count() calls) is trusted. Anything else — a load cut
    // short ('loading'), an error, another schema, records missing — is reinstalled.
    const problem = await installedKbProblem(db, status);
    if (!problem && !force) return;
    const kb = await this.deps.loadBundled();
    if (!problem) {
      // On install/update (force): same build, nothing to do; a newer knowledge base from the
      // update feed also stays over an older bundled one.
      if (status.contentHash === kb.contentHash) return;
      if (status.source === 'update' && status.version && compareVersions(status.version, kb.version) > 0) return;
    } else if (status.state !== 'empty') {
      console.warn(`Clausemark: reinstalling the knowledge base (${problem})`);
    }
    await installKb(db, kb);
    this.urlIndex = null;
  }

  /**
   * Installs a verified knowledge base from the update feed in one transaction (storage/kb-swap.ts):
   * on failure the previous data is untouched. Lookups issued meanwhile wait for the swap.
   */
  async applyUpdate(kb: KnowledgeBase): Promise<KbStatus> {
    await this.ensure().catch(() => {});
    return this.swap(kb, 'update');
  }

  /** Replaces an installed feed update with the knowledge base shipped with the extension (when
   * the user turns the feed off), in one transaction like an update. */
  async restoreBundled(): Promise<KbStatus> {
    await this.ensure().catch(() => {});
    return this.swap(await this.deps.loadBundled(), 'bundled');
  }

  /** One swap at a time: lookups wait on `ready` until it settles, and the URL index is rebuilt after. */
  private async swap(kb: KnowledgeBase, source: 'update' | 'bundled'): Promise<KbStatus> {
    const run = (async () => swapKb(await this.deps.db(), kb, source))();
    this.ready = run.then(
      () => {},
      () => {},
    );
    const status = await run;
    this.urlIndex = null;
    return status;
  }

  /** Builds (or reads back) the URL index ahead of the first lookup: on a fresh install that is
   * reading all ~19,000 documents, which the first policy page opened would otherwise wait for. */
  async warm(): Promise<void> {
    await this.index();
  }

  async status(): Promise<KbStatus> {
    return getKbStatus(await this.deps.db());
  }

  private index(): Promise<UrlIndex> {
    if (!this.urlIndex) {
      this.urlIndex = (async () => {
        await this.ensure();
        const db = await this.deps.db();
        // Building the index reads all ~19,000 documents: a third of a second each time the
        // worker wakes. It is kept in meta, for the knowledge base it was built from.
        const { contentHash } = await getKbStatus(db);
        const kept = (await db.get('meta', URL_INDEX_KEY)) as KeptUrlIndex | undefined;
        if (kept && kept.contentHash === contentHash && kept.index instanceof Map) return kept.index;
        const index = buildUrlIndex(await db.getAll('documents'));
        if (contentHash) await db.put('meta', { contentHash, index } satisfies KeptUrlIndex, URL_INDEX_KEY);
        return index;
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

}
