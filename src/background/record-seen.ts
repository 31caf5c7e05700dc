// "First seen" and "last verified" of the clauses a citation names, from the user's own record of
// a document: its visits (each a reading at one time) and its stored versions (each read from
// firstSeen to lastSeen). Versions outlive the capped visits, visits catch a reading whose version
// is not stored yet; both are the user's own, on this device.
import type { Db } from '../storage/db';
import { visitsOf } from '../storage/visits';
import { versionsOf } from '../storage/versions';
import { seenRanges, type Reading, type Seen } from '../core/record';

export async function clauseSeen(db: Db, docKey: string, texts: readonly string[]): Promise<(Seen | null)[]> {
  if (texts.length === 0) return [];
  const [visits, versions] = await Promise.all([visitsOf(db, docKey), versionsOf(db, docKey)]);
  const readings: Reading[] = [
    ...visits.map((v) => ({ from: v.readAt, to: v.readAt, texts: v.clauses.map((c) => c.excerpt) })),
    ...versions.map((v) => ({ from: v.firstSeen, to: v.lastSeen, texts: v.clauses.map((c) => c.excerpt) })),
  ];
  return seenRanges(readings, texts);
}
