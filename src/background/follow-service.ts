// Followed documents (docs/history.md, "Followed documents"): the user follows a policy, and on
// the schedule they pick the background fetches that one address (no cookies, no referrer, no
// redirect followed), reads its text as the content script would read the page in a tab
// (core/text-page-html.ts), finds its clauses with the same core steps (core/page-analysis.ts),
// and stores a new version in the same history when the text changed. The change then shows as
// the toolbar mark, in History, and as a system notification if the user turned those on.
// Nothing is fetched while nothing is followed; the list lives in the background's IndexedDB.
import type { Db } from '../storage/db';
import type { Settings } from '../core/settings';
import type { VersionChange } from '../history-messages';
import type { FollowListing } from '../messages';
import type { KbService } from './kb-service';
import { MAX_VERSION_CHARS } from '../history-messages';
import { docKeyOf } from '../core/history-text';
import { fingerprint } from '../core/fingerprint';
import { countWords } from '../core/page';
import type { PageClause } from '../core/page-clause';
import type { AnalyseRequest } from './follow-analyse';
import { pageTextFromHtml } from '../core/text-page-html';
import { FollowAddressError, originPattern, readableType } from '../core/follow';
import { getTracked, hasVersion } from '../storage/versions';
import { addFollowed, getFollowSettings, listFollowed, MAX_FOLLOWED, removeFollowed, setFollowSettings, updateFollowed, type FollowCheck, type FollowedDocument, type FollowInterval, type FollowSettings } from '../storage/follow';
import { storeFetchedVersion } from './history-versions';

/** Largest page accepted, as served (bytes). */
export const MAX_PAGE_BYTES = 12 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 30_000;
/** A page with fewer words than this is a shell its scripts fill in: nothing to follow there. */
export const MIN_WORDS = 50;

export interface FollowServiceDeps {
  db: () => Promise<Db>;
  kb: Pick<KbService, 'lookup' | 'clausesFor'>;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Whether the host permission for this origin pattern is granted. */
  permitted(pattern: string): Promise<boolean>;
  /** Gives the host permission back; false when the browser keeps it (e.g. it came with install). */
  releasePermission(pattern: string): Promise<boolean>;
  settings(): Promise<Settings>;
  /** The clauses of a fetched text (follow-analyse.ts, run where it does not slow the worker). */
  analyse(request: AnalyseRequest): Promise<PageClause[]>;
  /** Runs checks every `hours`, or stops them (null: nothing followed). */
  schedule(hours: number | null): Promise<void>;
  /** A check found a new version: the toolbar mark, and a notification if the user wants one. */
  announce(doc: FollowedDocument, change: VersionChange, unseen: number): Promise<void>;
  /** The user has seen the changes: the toolbar mark goes. */
  clearMark(): Promise<void>;
  now?: () => Date;
  timeoutMs?: number;
}

export class FollowLimitReached extends Error {}
export class FollowNeedsPermission extends Error {
  constructor(readonly pattern: string, host: string) {
    super(`Clausemark needs your permission to read ${host} before it can follow this document.`);
  }
}


export interface FollowTarget {
  url: string;
  title?: string;
}

export class FollowService {
  private running = new Map<string, Promise<FollowedDocument>>();

  constructor(private readonly deps: FollowServiceDeps) {}

  private now(): string {
    return (this.deps.now ?? (() => new Date()))().toISOString();
  }

  async listing(): Promise<FollowListing> {
    const db = await this.deps.db();
    return { documents: await listFollowed(db), settings: await getFollowSettings(db), max: MAX_FOLLOWED };
  }

  async isFollowed(url: string): Promise<boolean> {
    return (await listFollowed(await this.deps.db())).some((d) => d.url === url);
  }

  /** Follows an address (already checked by the route) and checks it once. The host permission
   * must have been granted by the user (the page asked in its click handler). */
  async follow(target: FollowTarget): Promise<FollowedDocument> {
    const db = await this.deps.db();
    const u = new URL(target.url);
    const docs = await listFollowed(db);
    const existing = docs.find((d) => d.url === u.href);
    if (existing) return existing;
    if (docs.length >= MAX_FOLLOWED) {
      throw new FollowLimitReached(`You follow ${MAX_FOLLOWED} documents, the most Clausemark checks. Unfollow one in Options › Followed documents to follow this one.`);
    }
    const pattern = originPattern(u);
    if (!(await this.deps.permitted(pattern))) throw new FollowNeedsPermission(pattern, u.host);
    const match = await this.deps.kb.lookup(u.href).catch(() => null);
    const docKey = docKeyOf({ documentId: match?.document.id, url: u.href });
    const tracked = await getTracked(db, docKey);
    const doc: FollowedDocument = {
      url: u.href,
      origin: u.origin,
      docKey,
      documentId: match?.document.id,
      platformId: match?.platform.id,
      title: (target.title ?? tracked?.title ?? '').slice(0, 512) || (match ? `${match.platform.name} — ${match.document.termsType}` : u.host + u.pathname),
      addedAt: this.now(),
    };
    // In one transaction: another follow may have finished meanwhile.
    const added = await addFollowed(db, doc, MAX_FOLLOWED);
    if (!added) throw new FollowLimitReached(`You follow ${MAX_FOLLOWED} documents, the most Clausemark checks. Unfollow one in Options › Followed documents to follow this one.`);
    if (added !== doc) return added;
    await this.reschedule();
    return this.checkOne(doc.url);
  }

  /** Stops following; gives the host permission back unless another followed document is on the
   * same host. */
  async unfollow(url: string): Promise<{ removed: boolean; permissionReleased: boolean }> {
    const db = await this.deps.db();
    const r = await removeFollowed(db, url);
    if (!r) return { removed: false, permissionReleased: false };
    const { removed: doc, rest } = r;
    await this.reschedule();
    if (!rest.some((d) => d.unseen)) await this.deps.clearMark();
    const pattern = originPattern(doc.url);
    const shared = rest.some((d) => originPattern(d.url) === pattern);
    const permissionReleased = shared ? false : await this.deps.releasePermission(pattern).catch(() => false);
    return { removed: true, permissionReleased };
  }

  async setInterval(hours: FollowInterval): Promise<FollowSettings> {
    const s = await setFollowSettings(await this.deps.db(), { intervalHours: hours });
    await this.reschedule();
    return s;
  }

  /** The alarm matches the list: every interval while something is followed, none otherwise.
   * One reschedule at a time, each reading the list when its turn comes: the alarm's own
   * reschedule (after its checks) must not read a document that an unfollow then removes and set
   * the alarm again after the unfollow cleared it. */
  reschedule(): Promise<void> {
    const run = this.scheduling.then(async () => {
      const db = await this.deps.db();
      const docs = await listFollowed(db);
      await this.deps.schedule(docs.length ? (await getFollowSettings(db)).intervalHours : null);
    });
    this.scheduling = run.catch(() => undefined);
    return run;
  }
  private scheduling: Promise<void> = Promise.resolve();

  /** Checks every followed document (the alarm, or "Check all now"), one at a time. */
  async checkAll(): Promise<FollowedDocument[]> {
    const out: FollowedDocument[] = [];
    for (const d of await listFollowed(await this.deps.db())) out.push(await this.checkOne(d.url));
    return out;
  }

  /** The user has looked at the changes: no more toolbar mark. */
  async markSeen(): Promise<void> {
    const db = await this.deps.db();
    for (const d of await listFollowed(db)) if (d.unseen) await updateFollowed(db, d.url, (x) => ({ ...x, unseen: false }));
    await this.deps.clearMark();
  }

  /** Checks one followed document now (a second call while one runs gets the same result). */
  checkOne(url: string): Promise<FollowedDocument> {
    let run = this.running.get(url);
    if (!run) {
      run = this.check(url).finally(() => this.running.delete(url));
      this.running.set(url, run);
    }
    return run;
  }

  private async check(url: string): Promise<FollowedDocument> {
    const db = await this.deps.db();
    const doc = (await listFollowed(db)).find((d) => d.url === url);
    if (!doc) throw new Error('This document is not followed.');
    const at = this.now();
    const fail = async (message: string): Promise<FollowedDocument> => {
      const lastCheck: FollowCheck = { at, outcome: 'failed', message };
      return (await updateFollowed(db, url, (d) => ({ ...d, lastCheck }))) ?? { ...doc, lastCheck };
    };
    let page: { text: string; hardBreaks: number[]; title: string };
    try {
      page = await this.fetchText(doc);
    } catch (err) {
      return fail(err instanceof Error ? err.message : String(err));
    }
    if (page.text.length > MAX_VERSION_CHARS) return fail(`The page is too long to keep as a version (over ${MAX_VERSION_CHARS} characters).`);
    if (countWords(page.text) < MIN_WORDS) return fail('The page has almost no text without running its scripts (it is built in the browser), so Clausemark cannot follow it from the background. Read it in a tab instead: each reading is still kept.');
    const sha256 = await fingerprint(page.text);
    // The same text as last time, still in the history (the user may have deleted it since).
    if (doc.lastFetchedSha === sha256 && (await hasVersion(db, doc.docKey, sha256))) {
      return (await updateFollowed(db, url, (d) => ({ ...d, lastCheck: { at, outcome: 'unchanged' } }))) ?? doc;
    }
    // Clauses are needed only for a text this document's history does not have yet.
    let clauses: PageClause[] = [];
    if (!(await hasVersion(db, doc.docKey, sha256))) {
      const settings = await this.deps.settings();
      const known = doc.platformId ? await this.deps.kb.clausesFor(doc.platformId).catch(() => []) : [];
      try {
        clauses = await this.deps.analyse({ text: page.text, hardBreaks: page.hardBreaks, known, documentId: doc.documentId, settings: { disabledCategories: settings.disabledCategories, minSeverity: settings.minSeverity, sensitivity: settings.sensitivity } });
      } catch (err) {
        return fail(err instanceof Error ? err.message : String(err));
      }
    }
    const title = (page.title || doc.title).slice(0, 1024);
    const r = await storeFetchedVersion(db, { docKey: doc.docKey, url: doc.url, title, documentId: doc.documentId, platformId: doc.platformId, readAt: at, sha256, text: page.text, hardBreaks: page.hardBreaks, clauses });
    if (r.error) return fail(r.error);
    const first = doc.lastFetchedSha === undefined;
    const outcome: FollowCheck['outcome'] = r.change ? 'changed' : first ? 'first' : 'unchanged';
    const placeholder = (() => {
      const u = new URL(doc.url);
      return u.host + u.pathname;
    })();
    const next = await updateFollowed(db, url, (d) => ({
      ...d,
      // A document followed by its address alone is named by its page once read.
      title: d.title === placeholder && page.title ? page.title.slice(0, 512) : d.title,
      lastFetchedSha: sha256,
      lastCheck: { at, outcome },
      ...(r.change ? { lastChangeAt: at, unseen: true } : {}),
    }));
    if (r.change && next) {
      const unseen = (await listFollowed(db)).filter((d) => d.unseen).length;
      await this.deps.announce(next, r.change, unseen).catch((err: unknown) => console.warn('Clausemark: could not announce a change', err));
    }
    return next ?? doc;
  }

  /** Fetches the one followed address: no cookies or credentials, no referrer, no cache, no
   * redirect followed (a redirect could lead anywhere), bounded in time and size. */
  private async fetchText(doc: FollowedDocument): Promise<{ text: string; hardBreaks: number[]; title: string }> {
    const u = new URL(doc.url);
    if (!(await this.deps.permitted(originPattern(u)))) {
      throw new FollowAddressError(`Clausemark no longer has your permission to read ${u.host}. Follow the document again to grant it, or unfollow it.`);
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.deps.timeoutMs ?? FETCH_TIMEOUT_MS);
    try {
      let res: Response;
      try {
        res = await this.deps.fetch(doc.url, { credentials: 'omit', cache: 'no-store', redirect: 'manual', referrerPolicy: 'no-referrer', signal: controller.signal, headers: { Accept: 'text/html, text/plain;q=0.8' } });
      } catch (err) {
        throw new Error(controller.signal.aborted ? `${u.host} did not answer within ${Math.round((this.deps.timeoutMs ?? FETCH_TIMEOUT_MS) / 1000)} seconds.` : `${u.host} could not be reached (${err instanceof Error ? err.message : String(err)}).`, { cause: err });
      }
      if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
        throw new Error('The address now redirects elsewhere. Open it in a tab and follow the page it leads to instead.');
      }
      if (!res.ok) throw new Error(`${u.host} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`);
      const kind = readableType(res.headers.get('content-type'));
      if (!kind) throw new Error(`The address is not a web page (it is ${res.headers.get('content-type') ?? 'of unknown type'}).`);
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > MAX_PAGE_BYTES) throw new Error(`The page is too large (${declared} bytes; at most ${MAX_PAGE_BYTES}).`);
      const body = await readLimited(res, MAX_PAGE_BYTES);
      if (kind === 'text') return { text: body, hardBreaks: [], title: '' };
      return pageTextFromHtml(body);
    } finally {
      clearTimeout(timer);
    }
  }
}

async function readLimited(res: Response, max: number): Promise<string> {
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.byteLength;
    if (n > max) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`The page is too large (over ${max} bytes).`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  const charset = /charset=([^;]+)/i.exec(res.headers.get('content-type') ?? '')?.[1]?.trim().replace(/^["']|["']$/g, '');
  try {
    return new TextDecoder(charset || 'utf-8').decode(all);
  } catch {
    return new TextDecoder('utf-8').decode(all);
  }
}
