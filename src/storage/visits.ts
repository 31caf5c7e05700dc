// The user's own record of the policies they read: one row per analysed page, in IndexedDB.
// Capped (MAX_VISITS, oldest first), exported with the history, deleted with it.
import type { Db } from './db';
import { MAX_VISITS, type PageReading, type Visit } from './records';
import { InvalidInput, date, docKey, httpUrl, int, obj, optStr, sha, str } from '../core/checks';
import { checkClauseList } from '../core/page-clause';

export async function recordVisit(db: Db, visit: Visit, max = MAX_VISITS): Promise<number> {
  const { id: _ignored, ...row } = visit;
  const tx = db.transaction('visits', 'readwrite');
  const id = await tx.store.add(row as Visit);
  // Keys grow with time (autoIncrement): the first keys are the oldest visits.
  const excess = (await tx.store.count()) - max;
  if (excess > 0) {
    let cursor = await tx.store.openKeyCursor();
    for (let i = 0; i < excess && cursor; i++) {
      await tx.store.delete(cursor.primaryKey);
      cursor = await cursor.continue();
    }
  }
  await tx.done;
  return id;
}

export async function getVisit(db: Db, id: number): Promise<Visit | undefined> {
  return db.get('visits', id);
}

/** The visits of one history document (per site: core/history-text.ts docKeyOf). */
export async function visitsOf(db: Db, docKey: string): Promise<Visit[]> {
  return db.getAllFromIndex('visits', 'byDocKey', docKey);
}

export async function allVisits(db: Db): Promise<Visit[]> {
  return db.getAll('visits');
}

/** The reading part of a page report or stored visit, checked field by field. */
export function checkPageReading(x: unknown): PageReading {
  const r = obj(x, 'report');
  const det = obj(r.detection, 'report.detection');
  if (det.kind !== 'known' && det.kind !== 'heuristic') throw new InvalidInput('report.detection.kind is invalid');
  return {
    title: str(r.title, 'report.title', 1024),
    sha256: sha(r.sha256, 'report.sha256'),
    readAt: date(r.readAt, 'report.readAt'),
    textLength: int(r.textLength, 'report.textLength'),
    detection: { kind: det.kind, reason: str(det.reason, 'report.detection.reason', 256) },
    clauses: checkClauseList(r.clauses, 'report.clauses'),
  };
}

/** A stored visit read back (a damaged or hand-edited database) or imported. */
export function checkVisit(x: unknown): Visit {
  const r = obj(x, 'visit');
  const url = httpUrl(r.url, 'visit.url');
  const origin = str(r.origin, 'visit.origin', 2048);
  if (new URL(url).origin !== origin) throw new InvalidInput('visit.origin is not the origin of visit.url');
  return {
    ...checkPageReading(x),
    ...(r.id === undefined ? {} : { id: int(r.id, 'visit.id') }),
    url,
    origin,
    docKey: docKey(r.docKey, 'visit.docKey'),
    documentId: optStr(r.documentId, 'visit.documentId', 256),
    platformId: optStr(r.platformId, 'visit.platformId', 256),
  };
}

/** Keeps the newest `max` visits (after an import). */
export async function trimVisits(db: Db, max = MAX_VISITS): Promise<void> {
  const tx = db.transaction('visits', 'readwrite');
  let excess = (await tx.store.count()) - max;
  let cursor = excess > 0 ? await tx.store.openKeyCursor() : null;
  while (excess-- > 0 && cursor) {
    await tx.store.delete(cursor.primaryKey);
    cursor = await cursor.continue();
  }
  await tx.done;
}
