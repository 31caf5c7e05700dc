// Replaces the installed knowledge base with a verified newer one in ONE IndexedDB transaction
// over the knowledge-base stores and meta: clear, put every record, write the new status, commit.
// IndexedDB transactions are all-or-nothing, so a failure at any point (a bad record, quota, the
// worker stopped, the browser closed) rolls back to the previous data and status untouched, and
// readers in other transactions see either the old knowledge base or the new one, never a mix.
// (The first install on a fresh profile uses chunked installKb instead: nothing to keep there.)
import type { KnowledgeBase } from '../kb/schema';
import type { KbStatus } from './records';
import { KB_STORES, type Db, type KbStore } from './db';
import { readyStatus } from './kb-check';
import { validateKb } from './kb-install';

export async function swapKb(db: Db, kb: KnowledgeBase, source: NonNullable<KbStatus['source']> = 'update'): Promise<KbStatus> {
  validateKb(kb);
  const status = readyStatus(kb, source);
  const tx = db.transaction([...KB_STORES, 'meta'], 'readwrite');
  // Request errors abort the transaction; tx.done reports them, so single requests stay quiet.
  const quiet = (p: Promise<unknown>) => void p.catch(() => {});
  try {
    for (const s of KB_STORES) quiet(tx.objectStore(s).clear());
    for (const s of KB_STORES) {
      const os = tx.objectStore(s as KbStore);
      for (const rec of kb[s] as readonly object[]) quiet(os.put(rec as never));
    }
    quiet(tx.objectStore('meta').put(status, 'kb'));
  } catch (err) {
    // A record IndexedDB refuses outright (no key, not cloneable) throws here: undo everything.
    try {
      tx.abort();
    } catch {
      // already finished
    }
    await tx.done.catch(() => {});
    throw err;
  }
  await tx.done;
  return status;
}
