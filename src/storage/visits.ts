// The user's own record of the policies they read: one row per visit, in IndexedDB.
import type { Visit } from '../messages';
import type { Db } from './db';

export async function recordVisit(db: Db, visit: Visit): Promise<number> {
  const { id: _ignored, ...row } = visit;
  return db.add('visits', row as Visit);
}

export async function getVisit(db: Db, id: number): Promise<Visit | undefined> {
  return db.get('visits', id);
}

/** Visits of a URL, newest first. */
export async function visitsForUrl(db: Db, url: string): Promise<Visit[]> {
  const rows = await db.getAllFromIndex('visits', 'byUrl', url);
  return rows.sort((a, b) => (a.readAt < b.readAt ? 1 : -1));
}
