// Followed documents (docs/history.md, "Followed documents"): the list and its schedule, in the
// background's own IndexedDB (`meta`), where no content script can write (storage.sync and
// storage.local are writable by content scripts).
import type { Db } from './db';

import { DEFAULT_FOLLOW_INTERVAL, FOLLOW_INTERVALS, type FollowedDocument, type FollowInterval, type FollowSettings } from './follow-types';

export * from './follow-types';

const LIST_KEY = 'followed';
const SETTINGS_KEY = 'followSettings';

export async function listFollowed(db: Db): Promise<FollowedDocument[]> {
  const v = await db.get('meta', LIST_KEY);
  return Array.isArray(v) ? (v as FollowedDocument[]) : [];
}

/** Adds a followed document in one transaction (so a check finishing meanwhile is not
 * overwritten): the one already followed at that address, or null when the list is full. */
export async function addFollowed(db: Db, doc: FollowedDocument, max: number): Promise<FollowedDocument | null> {
  const tx = db.transaction('meta', 'readwrite');
  const v = await tx.store.get(LIST_KEY);
  const docs = Array.isArray(v) ? (v as FollowedDocument[]) : [];
  const existing = docs.find((d) => d.url === doc.url);
  let out: FollowedDocument | null = existing ?? null;
  if (!existing && docs.length < max) {
    await tx.store.put([...docs, doc], LIST_KEY);
    out = doc;
  }
  await tx.done;
  return out;
}

/** Removes a followed document in one transaction; returns it and those left, or null. */
export async function removeFollowed(db: Db, url: string): Promise<{ removed: FollowedDocument; rest: FollowedDocument[] } | null> {
  const tx = db.transaction('meta', 'readwrite');
  const v = await tx.store.get(LIST_KEY);
  const docs = Array.isArray(v) ? (v as FollowedDocument[]) : [];
  const removed = docs.find((d) => d.url === url);
  const rest = docs.filter((d) => d.url !== url);
  if (removed) await tx.store.put(rest, LIST_KEY);
  await tx.done;
  return removed ? { removed, rest } : null;
}

/** Changes one followed document in place (by address), in one transaction; undefined when it is
 * no longer followed. */
export async function updateFollowed(db: Db, url: string, change: (d: FollowedDocument) => FollowedDocument): Promise<FollowedDocument | undefined> {
  const tx = db.transaction('meta', 'readwrite');
  const v = await tx.store.get(LIST_KEY);
  const docs = Array.isArray(v) ? (v as FollowedDocument[]) : [];
  const i = docs.findIndex((d) => d.url === url);
  let out: FollowedDocument | undefined;
  if (i >= 0) {
    out = change(docs[i] as FollowedDocument);
    docs[i] = out;
    await tx.store.put(docs, LIST_KEY);
  }
  await tx.done;
  return out;
}

export async function getFollowSettings(db: Db): Promise<FollowSettings> {
  const v = (await db.get('meta', SETTINGS_KEY)) as Partial<FollowSettings> | undefined;
  const h = v?.intervalHours;
  return { intervalHours: FOLLOW_INTERVALS.includes(h as FollowInterval) ? (h as FollowInterval) : DEFAULT_FOLLOW_INTERVAL };
}

export async function setFollowSettings(db: Db, s: FollowSettings): Promise<FollowSettings> {
  if (!FOLLOW_INTERVALS.includes(s.intervalHours)) throw new Error(`The check interval must be one of ${FOLLOW_INTERVALS.join(', ')} hours.`);
  await db.put('meta', { intervalHours: s.intervalHours }, SETTINGS_KEY);
  return { intervalHours: s.intervalHours };
}
