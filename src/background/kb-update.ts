// The background side of the update feed: reads the address the user set (Options → Updates),
// runs one check at a time (src/kb/update.ts), installs through KbService.applyUpdate (atomic),
// and keeps the last result in meta as `lastUpdateCheck` for the Options page.
import { checkForUpdate, type UpdateCheck } from '../kb/update';

import { getKbStatus, type Db } from '../storage/db';
import { setFeedUrl } from '../storage/feed';
import type { KbService } from './kb-service';

export const LAST_CHECK_KEY = 'lastUpdateCheck';
/** Automatic checks (on browser start) at most this often. */
export const AUTO_CHECK_EVERY_MS = 24 * 60 * 60 * 1000;

export interface KbUpdaterDeps {
  db: () => Promise<Db>;
  kb: Pick<KbService, 'applyUpdate' | 'ensure' | 'restoreBundled'>;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** Whether the host permission for the feed's address is granted (browser.permissions). */
  permitted(url: URL): Promise<boolean>;
  /** The configured feed address, or null when updates are off. */
  feedUrl(): Promise<string | null>;
  now?: () => Date;
  timeoutMs?: number;
}

export class NoFeedConfigured extends Error {
  constructor() {
    super('No update address is set: add one in Options → Updates.');
  }
}

export class KbUpdater {
  private running: Promise<UpdateCheck> | null = null;

  constructor(private readonly deps: KbUpdaterDeps) {}

  /** Checks the feed now (a second call while one runs gets the same result). */
  check(): Promise<UpdateCheck> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  /** Sets the feed address, or turns updates off (null): the knowledge base shipped with the
   * extension then replaces one the feed installed, whatever version the feed claimed. */
  async setFeed(url: string | null): Promise<void> {
    const db = await this.deps.db();
    await setFeedUrl(db, url);
    if (url === null) {
      await this.running?.catch(() => undefined);
      if ((await getKbStatus(db)).source === 'update') await this.deps.kb.restoreBundled();
      await db.delete('meta', LAST_CHECK_KEY);
    }
  }

  async last(): Promise<UpdateCheck | null> {
    return ((await (await this.deps.db()).get('meta', LAST_CHECK_KEY)) as UpdateCheck | undefined) ?? null;
  }

  /** On browser start: check when a feed is set and the last check is older than a day. */
  async maybeAutoCheck(): Promise<UpdateCheck | null> {
    if (!(await this.deps.feedUrl())) return null;
    const last = await this.last();
    const now = (this.deps.now ?? (() => new Date()))().getTime();
    if (last && now - Date.parse(last.at) < AUTO_CHECK_EVERY_MS) return null;
    return this.check();
  }

  private async run(): Promise<UpdateCheck> {
    const url = await this.deps.feedUrl();
    if (!url) throw new NoFeedConfigured();
    // Compare against a whole install: a broken one is repaired first.
    await this.deps.kb.ensure().catch(() => {});
    const db = await this.deps.db();
    const result = await checkForUpdate(url, {
      fetch: this.deps.fetch,
      permitted: this.deps.permitted,
      now: this.deps.now,
      timeoutMs: this.deps.timeoutMs,
      installedVersion: async () => {
        const s = await getKbStatus(db);
        return s.state === 'ready' ? s.version : undefined;
      },
      install: async (kb) => {
        await this.deps.kb.applyUpdate(kb);
      },
    });
    await db.put('meta', result, LAST_CHECK_KEY);
    return result;
  }
}
