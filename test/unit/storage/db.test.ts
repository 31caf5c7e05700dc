// An open database must never block a newer version from upgrading (after an extension update,
// the old worker may still hold a connection): it closes and tells its owner to reopen.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openClausemarkDb } from '../../../src/storage/db';

describe('database connection', () => {
  it('closes on versionchange so a newer version opens without being blocked', async () => {
    let closed = 0;
    const db = await openClausemarkDb('blocking-test', { onClosed: () => closed++ });
    await db.put('meta', { state: 'ready' }, 'kb');
    let blocked = false;
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('blocking-test', DB_VERSION + 1);
      req.onblocked = () => (blocked = true);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      setTimeout(() => reject(new Error('upgrade was blocked')), 3000);
    });
    expect(blocked).toBe(false);
    expect(closed).toBeGreaterThanOrEqual(1);
    // The data survived the upgrade.
    const kept = await new Promise((resolve) => {
      const r = newer.transaction('meta').objectStore('meta').get('kb');
      r.onsuccess = () => resolve(r.result);
    });
    expect(kept).toEqual({ state: 'ready' });
    newer.close();
  });
});
