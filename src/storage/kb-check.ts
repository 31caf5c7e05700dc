// Is the knowledge base in IndexedDB whole? A load cut short is seen by its status ('loading');
// this also catches what a status cannot: records lost afterwards (a store cleared, a profile
// restored from a partial backup) or data of another schema left by an older build.
import type { KnowledgeBase } from '../kb/schema';
import { KB_SCHEMA_VERSION } from '../kb/schema';
import type { KbStatus } from './records';
import { KB_STORES, type Db, type KbStore } from './db';

/** The key field of each knowledge-base store (its keyPath in db.ts). */
export const KB_STORE_KEYS: Record<KbStore, string> = {
  platforms: 'id',
  documents: 'id',
  clauses: 'id',
  categoryStats: 'category',
  history: 'documentId',
};

/** The status of a complete install of `kb`: what the repair check compares against later. */
export function readyStatus(kb: KnowledgeBase, source: NonNullable<KbStatus['source']>): KbStatus {
  return {
    state: 'ready',
    version: kb.version,
    contentHash: kb.contentHash,
    loadedAt: new Date().toISOString(),
    counts: expectedCounts(kb),
    schemaVersion: kb.schemaVersion,
    source,
  };
}

/** Records each store will hold once `kb` is installed: distinct keys (a repeated key overwrites). */
export function expectedCounts(kb: KnowledgeBase): Required<NonNullable<KbStatus['counts']>> {
  const distinct = (store: KbStore) => new Set((kb[store] as readonly object[]).map((r) => (r as Record<string, unknown>)[KB_STORE_KEYS[store]])).size;
  return {
    platforms: distinct('platforms'),
    documents: distinct('documents'),
    clauses: distinct('clauses'),
    categoryStats: distinct('categoryStats'),
    history: distinct('history'),
  };
}

/**
 * Why the installed knowledge base cannot be trusted, or null when it is whole: not `ready`, of
 * another schema, or a store whose record count differs from the one recorded at install.
 */
export async function installedKbProblem(db: Db, status: KbStatus): Promise<string | null> {
  if (status.state !== 'ready') return `the knowledge base is ${status.state}`;
  const schema = status.schemaVersion ?? 1;
  if (schema !== KB_SCHEMA_VERSION) return `the installed knowledge base has schema ${schema}, this build reads ${KB_SCHEMA_VERSION}`;
  if (!status.counts) return 'the installed knowledge base has no record counts';
  const tx = db.transaction([...KB_STORES], 'readonly');
  const stored = await Promise.all(KB_STORES.map((s) => tx.objectStore(s).count()));
  await tx.done;
  const wrong: string[] = [];
  KB_STORES.forEach((s, i) => {
    const want = status.counts?.[s];
    // Counts recorded by older builds cover fewer stores; an empty store is never right.
    if ((want !== undefined && stored[i] !== want) || (want === undefined && stored[i] === 0)) wrong.push(`${s} ${stored[i]} of ${want ?? 'some'}`);
  });
  return wrong.length > 0 ? `records are missing or extra (${wrong.join(', ')})` : null;
}
