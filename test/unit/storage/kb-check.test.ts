// A knowledge base that is not whole in IndexedDB is seen on the next start and installed again:
// records lost after the install (count mismatch against the counts recorded in meta), a status
// without counts (older build), another schema, an interrupted load.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KbService } from '../../../src/background/kb-service';
import type { KnowledgeBase } from '../../../src/kb/schema';
import { getKbStatus, openClausemarkDb, setKbStatus } from '../../../src/storage/db';
import { expectedCounts, installedKbProblem } from '../../../src/storage/kb-check';
import { PROJECT_ROOT } from '../../fixtures/pages';

const full = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'src/kb/generated/kb.json'), 'utf8')) as KnowledgeBase;
// A real slice keeps the test quick; the checks do not depend on size.
const platforms = full.platforms.slice(0, 300);
const ids = new Set(platforms.map((p) => p.id));
const documents = full.documents.filter((d) => ids.has(d.platformId));
const KB: KnowledgeBase = {
  ...full,
  platforms,
  documents,
  clauses: full.clauses.filter((c) => ids.has(c.platformId)),
  history: full.history.filter((h) => documents.some((d) => d.id === h.documentId)),
};

let n = 0;
async function installed() {
  const dbp = openClausemarkDb(`repair-${++n}`);
  const loads = { n: 0 };
  const start = () => new KbService({ db: () => dbp, loadBundled: async () => (loads.n++, KB) });
  await start().ensure();
  expect(loads.n).toBe(1);
  return { db: await dbp, loads, start };
}

describe('knowledge base repair on start', () => {
  it('records every store count at install, and trusts a whole install without reloading', async () => {
    const { db, loads, start } = await installed();
    const status = await getKbStatus(db);
    expect(status.counts).toEqual(expectedCounts(KB));
    expect(status.counts).toMatchObject({ platforms: 300, history: KB.history.length, categoryStats: KB.categoryStats.length });
    expect(status).toMatchObject({ schemaVersion: KB.schemaVersion, source: 'bundled' });
    expect(await installedKbProblem(db, status)).toBeNull();
    await start().ensure();
    expect(loads.n).toBe(1);
  });

  it('reinstalls when records went missing after the install', async () => {
    const { db, loads, start } = await installed();
    const lost = KB.clauses.slice(0, 3).map((c) => c.id);
    for (const id of lost) await db.delete('clauses', id);
    expect(await installedKbProblem(db, await getKbStatus(db))).toBe(`records are missing or extra (clauses ${KB.clauses.length - 3} of ${KB.clauses.length})`);
    await start().ensure();
    expect(loads.n).toBe(2);
    expect(await db.count('clauses')).toBe(KB.clauses.length);
    for (const id of lost) expect(await db.get('clauses', id)).toBeDefined();
    expect(await installedKbProblem(db, await getKbStatus(db))).toBeNull();
  });

  it('reinstalls when the counts recorded in meta do not match the stores', async () => {
    const { db, loads, start } = await installed();
    const status = await getKbStatus(db);
    await setKbStatus(db, { ...status, counts: { ...status.counts!, documents: status.counts!.documents + 1 } });
    await start().ensure();
    expect(loads.n).toBe(2);
    expect((await getKbStatus(db)).counts?.documents).toBe(documents.length);
  });

  it('reinstalls data of another schema, a status without counts, and an emptied store', async () => {
    for (const corrupt of [
      async (db: Awaited<ReturnType<typeof installed>>['db']) => setKbStatus(db, { ...(await getKbStatus(db)), schemaVersion: 0 }),
      async (db: Awaited<ReturnType<typeof installed>>['db']) => {
        const { counts: _c, ...rest } = await getKbStatus(db);
        await setKbStatus(db, rest);
      },
      async (db: Awaited<ReturnType<typeof installed>>['db']) => {
        // An older build recorded three counts only; the history store is then checked for emptiness.
        const s = await getKbStatus(db);
        await setKbStatus(db, { ...s, counts: { platforms: s.counts!.platforms, documents: s.counts!.documents, clauses: s.counts!.clauses } });
        await db.clear('history');
      },
    ]) {
      const { db, loads, start } = await installed();
      await corrupt(db);
      expect(await installedKbProblem(db, await getKbStatus(db))).not.toBeNull();
      await start().ensure();
      expect(loads.n).toBe(2);
      expect(await db.count('history')).toBe(KB.history.length);
      expect(await installedKbProblem(db, await getKbStatus(db))).toBeNull();
    }
  });

  it('redoes a load that was cut short (status left at loading, stores half full)', async () => {
    const { db, loads, start } = await installed();
    await db.clear('clauses');
    await setKbStatus(db, { state: 'loading', version: KB.version, contentHash: KB.contentHash });
    await start().ensure();
    expect(loads.n).toBe(2);
    expect(await db.count('clauses')).toBe(KB.clauses.length);
    expect((await getKbStatus(db)).state).toBe('ready');
  });
});
