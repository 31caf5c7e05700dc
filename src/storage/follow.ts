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

export async function saveFollowed(db: Db, docs: readonly FollowedDocument[]): Promise<void> {
  await db.put('meta', [...docs], LIST_KEY);
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
