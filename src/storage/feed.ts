// The update feed's address, kept in the background's own IndexedDB (meta): no content script can
// reach it there (storage.local, where it used to be, is writable by content scripts).
import type { Db } from './db';
import { FEED_URL_KEY } from '../kb/update';

export async function getFeedUrl(db: Db): Promise<string | null> {
  const v = await db.get('meta', FEED_URL_KEY);
  return typeof v === 'string' && v !== '' ? v : null;
}

export async function setFeedUrl(db: Db, url: string | null): Promise<void> {
  if (url === null) await db.delete('meta', FEED_URL_KEY);
  else await db.put('meta', url, FEED_URL_KEY);
}
