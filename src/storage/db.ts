// Clausemark's IndexedDB: typed schema and versioned upgrade. Only the background opens it.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CategoryStat, DocumentHistory, KbDocument, KnownClause, Platform } from '../kb/schema';
import type { KbStatus, Visit } from './records';
import type { StoredVersion, TrackedDocument, VersionTextRow } from './history-types';
import { rekeyShared } from './history-rekey';

export const DB_NAME = 'clausemark';
export const DB_VERSION = 3;

export interface ClausemarkDB extends DBSchema {
  meta: { key: string; value: unknown };
  platforms: { key: string; value: Platform };
  documents: { key: string; value: KbDocument; indexes: { byPlatform: string } };
  clauses: { key: string; value: KnownClause; indexes: { byPlatform: string; byDocument: string; byCategory: string } };
  categoryStats: { key: string; value: CategoryStat };
  history: { key: string; value: DocumentHistory };
  // v3: visits are keyed to their history document (per origin) and capped (storage/visits.ts).
  visits: { key: number; value: Visit; indexes: { byUrl: string; byDocument: string; bySha: string; byDocKey: string } };
  // v2: the user's version history (docs/history.md). v3: one row per document and text, so a
  // text read on two sites is two versions (their compressed text is still stored once).
  versions: { key: [string, string]; value: StoredVersion; indexes: { byDocKey: string; byFirstSeen: string; bySha: string } };
  versionTexts: { key: string; value: VersionTextRow };
  tracked: { key: string; value: TrackedDocument; indexes: { byLastSeen: string } };
}

export type Db = IDBPDatabase<ClausemarkDB>;

export const KB_STORES = ['platforms', 'documents', 'clauses', 'categoryStats', 'history'] as const;
export type KbStore = (typeof KB_STORES)[number];

/** Opens (and creates or upgrades) the database. Each version step only adds, so data is kept. */
export interface OpenOptions {
  /** A newer version wants to open elsewhere (another copy of the extension after an update):
   * this connection closes so the upgrade is not blocked; the caller reopens on next use. */
  onClosed?: () => void;
}

export function openClausemarkDb(name = DB_NAME, opts: OpenOptions = {}): Promise<Db> {
  return openDB<ClausemarkDB>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        db.createObjectStore('platforms', { keyPath: 'id' });
        const docs = db.createObjectStore('documents', { keyPath: 'id' });
        docs.createIndex('byPlatform', 'platformId');
        const clauses = db.createObjectStore('clauses', { keyPath: 'id' });
        clauses.createIndex('byPlatform', 'platformId');
        clauses.createIndex('byDocument', 'documentId');
        clauses.createIndex('byCategory', 'category');
        db.createObjectStore('categoryStats', { keyPath: 'category' });
        db.createObjectStore('history', { keyPath: 'documentId' });
        const visits = db.createObjectStore('visits', { keyPath: 'id', autoIncrement: true });
        visits.createIndex('byUrl', 'url');
        visits.createIndex('byDocument', 'documentId');
        visits.createIndex('bySha', 'sha256');
      }
      if (oldVersion < 2) {
        db.createObjectStore('versionTexts', { keyPath: 'sha256' });
        const tracked = db.createObjectStore('tracked', { keyPath: 'docKey' });
        tracked.createIndex('byLastSeen', 'lastSeen');
      }
      if (oldVersion < 3) {
        // v2 kept one version row per text hash, shared by every document (and site) that served
        // it: the source of a cross-site leak. Each tracked document gets its own rows, under a
        // key that includes the origin it was read at.
        const oldVersions = oldVersion === 2 ? ((await tx.objectStore('versions' as never).getAll()) as unknown as StoredVersion[]) : [];
        const oldTracked = oldVersion === 2 ? await tx.objectStore('tracked').getAll() : [];
        if (oldVersion === 2) db.deleteObjectStore('versions' as never);
        const versions = db.createObjectStore('versions', { keyPath: ['docKey', 'sha256'] });
        versions.createIndex('byDocKey', 'docKey');
        versions.createIndex('byFirstSeen', 'firstSeen');
        versions.createIndex('bySha', 'sha256');
        const rekeyed = rekeyShared(oldVersions, oldTracked);
        for (const t of oldTracked) await tx.objectStore('tracked').delete(t.docKey);
        for (const t of rekeyed.documents) await tx.objectStore('tracked').put(t);
        for (const v of rekeyed.versions) await versions.put(v);
        // Old visits kept full addresses (query strings included) without a document key: they
        // only told which tab shows which analysed page, and are rebuilt on the next reading.
        if (oldVersion >= 1) await tx.objectStore('visits').clear();
        tx.objectStore('visits').createIndex('byDocKey', 'docKey');
      }
    },
    blocked() {
      console.warn('Clausemark: database upgrade is waiting for another open copy to close');
    },
  }).then((db) => {
    db.addEventListener('versionchange', () => {
      db.close();
      opts.onClosed?.();
    });
    db.addEventListener('close', () => opts.onClosed?.());
    return db;
  });
}

export async function getKbStatus(db: Db): Promise<KbStatus> {
  return ((await db.get('meta', 'kb')) as KbStatus | undefined) ?? { state: 'empty' };
}

export async function setKbStatus(db: Db, status: KbStatus): Promise<void> {
  await db.put('meta', status, 'kb');
}
