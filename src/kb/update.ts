// The update feed: a newer knowledge base from an address the user set (off by default). A feed is
// a small manifest {version, schemaVersion, sha256, size, url} and the data file it names (gzipped
// JSON or JSON). Everything is checked before anything is installed: the manifest's fields, the
// schema, that the version is newer, the file's size and SHA-256, and the knowledge base's shape.
// Pure: fetch and install are injected, so tests run it against a local server and a fake DB.
import { KB_SCHEMA_VERSION, type KnowledgeBase } from './schema';
import { isHttpUrl } from '../core/checks';

export interface FeedManifest {
  version: string;
  schemaVersion: number;
  /** SHA-256 (hex) of the data file's bytes as served (compressed if gzipped). */
  sha256: string;
  /** Size in bytes of the data file as served. */
  size: number;
  /** Absolute URL of the data file (resolved against the manifest's URL). */
  url: string;
}

export type UpdateOutcome = 'updated' | 'up-to-date' | 'failed';

/** The result of one check, as stored in meta (`lastUpdateCheck`) and shown in Options. */
export interface UpdateCheck {
  /** ISO time of the check. */
  at: string;
  /** The manifest address checked. */
  feedUrl: string;
  outcome: UpdateOutcome;
  /** For a person: what happened, and for `failed` why the current data was kept. */
  message: string;
  /** Version the feed offers, when its manifest could be read. */
  offered?: string;
  /** Version installed after the check. */
  installed?: string;
}

/** Key of the feed address in the background's own IndexedDB `meta` store (absent: updates are
 * off, the default). Not in storage.local, which content scripts can write. */
export const FEED_URL_KEY = 'updateFeedUrl';
/** Where builds before this one kept the address (storage.local, writable by content scripts):
 * removed on start, never read; the user sets the address again in Options. */
export const LEGACY_FEED_URL_KEY = 'settings.updateFeedUrl';
export const MAX_MANIFEST_BYTES = 64 * 1024;
/** Largest data file accepted as served, and once decompressed. The shipped knowledge base is
 * ~2 MB gzipped and ~11 MB as JSON: four times that leaves room to grow, and bounds what a feed
 * can make the worker parse and write in one transaction. */
export const MAX_DATA_BYTES = 8 * 1024 * 1024;
export const MAX_JSON_BYTES = 48 * 1024 * 1024;
/** Same-origin redirects followed at most this many times; any other redirect is refused. */
export const MAX_REDIRECTS = 3;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** A check that could not go on; its message is shown as is. */
export class UpdateError extends Error {}

const VERSION = /^\d{1,6}(\.\d{1,6}){0,3}$/;

/** Compares dotted numeric versions ("2026.08.22" < "2026.08.22.1" < "2026.9.1"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** An http(s) URL, or an UpdateError saying why not. */
export function feedAddress(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new UpdateError(`The update address "${raw}" is not a URL.`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UpdateError(`The update address must start with https:// (got ${u.protocol}).`);
  if (u.protocol === 'http:' && u.hostname !== 'localhost' && u.hostname !== '127.0.0.1') {
    throw new UpdateError('The update address must use https:// (plain http is only accepted for localhost and 127.0.0.1).');
  }
  if (u.username || u.password) throw new UpdateError('The update address must not contain a user name or password.');
  return u;
}

/** The host permission that covers a feed address (match patterns carry no port). */
export function feedOriginPattern(u: URL): string {
  return `${u.protocol}//${u.hostname}/*`;
}

export function parseFeedManifest(json: unknown, manifestUrl: string): FeedManifest {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UpdateError('The update manifest is not a JSON object.');
  const m = json as Record<string, unknown>;
  const bad = (field: string, expected: string) => new UpdateError(`The update manifest has no valid "${field}" (expected ${expected}).`);
  if (typeof m.version !== 'string' || !VERSION.test(m.version)) throw bad('version', 'a dotted number such as 2026.08.22');
  if (typeof m.schemaVersion !== 'number' || !Number.isInteger(m.schemaVersion) || m.schemaVersion < 1) throw bad('schemaVersion', 'a positive integer');
  if (typeof m.sha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(m.sha256)) throw bad('sha256', '64 hexadecimal digits');
  if (typeof m.size !== 'number' || !Number.isInteger(m.size) || m.size < 1) throw bad('size', 'the data file size in bytes');
  if (m.size > MAX_DATA_BYTES) throw new UpdateError(`The update is too large (${m.size} bytes; at most ${MAX_DATA_BYTES} are accepted).`);
  if (typeof m.url !== 'string' || m.url === '') throw bad('url', 'the address of the data file');
  let data: URL;
  try {
    data = new URL(m.url, manifestUrl);
  } catch {
    throw bad('url', 'the address of the data file');
  }
  // The host permission the user granted covers the manifest's server only.
  if (data.origin !== new URL(manifestUrl).origin) throw new UpdateError(`The data file must be on the same server as the manifest (${new URL(manifestUrl).origin}), not ${data.origin}.`);
  return { version: m.version, schemaVersion: m.schemaVersion, sha256: m.sha256.toLowerCase(), size: m.size, url: data.href };
}

const KEY_FIELDS: Record<'platforms' | 'documents' | 'clauses' | 'categoryStats' | 'history', string> = {
  platforms: 'id',
  documents: 'id',
  clauses: 'id',
  categoryStats: 'category',
  history: 'documentId',
};

/** Shape checks beyond the schema number: every record has its key, keys are unique. */
export function checkKnowledgeBase(x: unknown, manifest: Pick<FeedManifest, 'version' | 'schemaVersion'>): KnowledgeBase {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new UpdateError('The data file is not a knowledge base (not a JSON object).');
  const k = x as Partial<KnowledgeBase>;
  if (k.schemaVersion !== manifest.schemaVersion) throw new UpdateError(`The data file has schema ${String(k.schemaVersion)}, the manifest says ${manifest.schemaVersion}.`);
  if (k.version !== manifest.version) throw new UpdateError(`The data file is version ${String(k.version)}, the manifest says ${manifest.version}.`);
  if (typeof k.contentHash !== 'string' || k.contentHash === '') throw new UpdateError('The data file has no content hash.');
  for (const [list, key] of Object.entries(KEY_FIELDS) as [keyof typeof KEY_FIELDS, string][]) {
    const items = k[list];
    if (!Array.isArray(items)) throw new UpdateError(`The data file has no "${list}" list.`);
    const seen = new Set<string>();
    items.forEach((rec: unknown, i) => {
      const id = typeof rec === 'object' && rec !== null ? (rec as Record<string, unknown>)[key] : undefined;
      if (typeof id !== 'string' || id === '') throw new UpdateError(`The data file's ${list}[${i}] has no "${key}".`);
      if (seen.has(id)) throw new UpdateError(`The data file lists ${list} "${id}" twice.`);
      seen.add(id);
    });
  }
  if (k.platforms!.length === 0 || k.documents!.length === 0) throw new UpdateError('The data file has no platforms or no documents.');
  if (!Array.isArray(k.sources)) throw new UpdateError('The data file has no "sources" (credits) list.');
  // Every address the panels and popup link to must be a web address: a feed must not be able to
  // put javascript:, data: or extension links in front of the user on every matched site.
  const link = (u: unknown, where: string) => {
    if (typeof u !== 'string' || !isHttpUrl(u)) throw new UpdateError(`The data file's ${where} is not an http(s) address.`);
  };
  k.documents!.forEach((d, i) => (Array.isArray(d.urls) ? d.urls.forEach((u, j) => link(u, `documents[${i}].urls[${j}]`)) : link(undefined, `documents[${i}].urls`)));
  k.clauses!.forEach((c, i) => link(c.pointUrl, `clauses[${i}].pointUrl`));
  k.sources.forEach((c, i) => link((c as { url?: unknown }).url, `sources[${i}].url`));
  return k as KnowledgeBase;
}

export interface UpdateDeps {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** Whether the user granted the host permission for this address (checked before any fetch). */
  permitted(url: URL): Promise<boolean>;
  /** Version of the knowledge base installed now, if any. */
  installedVersion(): Promise<string | undefined>;
  /** Installs a verified knowledge base; must leave the current one intact if it fails. */
  install(kb: KnowledgeBase): Promise<void>;
  now?: () => Date;
  timeoutMs?: number;
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? cause.message : '';
    return detail && !err.message.includes(detail) ? `${err.message}: ${detail}` : err.message;
  }
  return String(err);
}

/** Fetches without cookies and without following redirects blindly: a redirect on the same
 * origin is followed (a few times), one to another origin is refused before it is requested. In a
 * browser a redirect response is opaque (no Location to check): it is refused too. */
async function get(url: string, what: string, deps: UpdateDeps, signal: AbortSignal): Promise<Response> {
  const origin = new URL(url).origin;
  let at = url;
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await deps.fetch(at, { signal, cache: 'no-store', credentials: 'omit', redirect: 'manual' });
    } catch (err) {
      if (signal.aborted) throw new UpdateError(`The update server did not answer in time (${what}).`);
      throw new UpdateError(`Could not reach the update server for the ${what} (${describe(err)}).`);
    }
    const redirect = res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);
    if (!redirect) {
      if (!res.ok) throw new UpdateError(`The ${what} could not be fetched: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`);
      return res;
    }
    const location = res.headers.get('location');
    let next: URL | null;
    try {
      next = location ? new URL(location, at) : null;
    } catch {
      next = null;
    }
    if (!next || next.origin !== origin) {
      throw new UpdateError(`The update server redirected the ${what}${next ? ` to ${next.origin}` : ''}; redirects to another server are refused (set the final address).`);
    }
    if (hop >= MAX_REDIRECTS) throw new UpdateError(`The update server redirected the ${what} more than ${MAX_REDIRECTS} times.`);
    at = next.href;
  }
}

/**
 * Reads a body up to `max` bytes; more is an error (a server may lie about Content-Length). A
 * download cut short returns what arrived, for the size check to report; other streams rethrow.
 */
async function readCapped(res: Response, max: number, tooLarge: (n: number) => string, signal: AbortSignal | null): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer()).slice(0, max + 1);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      n += value.length;
      if (n > max) {
        await reader.cancel().catch(() => {});
        throw new UpdateError(tooLarge(n));
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof UpdateError || !signal) throw err;
    if (signal.aborted) throw new UpdateError('The update server did not answer in time (the download stopped).');
    // The connection closed early: what arrived is checked (and reported as truncated) by the caller.
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function decode(bytes: Uint8Array): Promise<unknown> {
  let text: string;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    let inflated: Uint8Array;
    try {
      inflated = await readCapped(new Response(stream), MAX_JSON_BYTES, () => `The data file inflates to more than ${MAX_JSON_BYTES} bytes.`, null);
    } catch (err) {
      if (err instanceof UpdateError) throw err;
      throw new UpdateError(`The data file is not valid gzip (${describe(err)}).`);
    }
    text = new TextDecoder().decode(inflated);
  } else {
    text = new TextDecoder().decode(bytes);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UpdateError('The data file is not valid JSON.');
  }
}

/**
 * One check of the feed at `feedUrl`. Never throws: every failure comes back as outcome `failed`
 * with a message, and nothing is installed unless every check passed.
 */
export async function checkForUpdate(feedUrl: string, deps: UpdateDeps): Promise<UpdateCheck> {
  const now = deps.now ?? (() => new Date());
  const base = { at: now().toISOString(), feedUrl };
  let installed: string | undefined;
  let offered: string | undefined;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    installed = await deps.installedVersion();
    const address = feedAddress(feedUrl);
    if (!(await deps.permitted(address))) throw new UpdateError(`Clausemark has no permission to reach ${address.host}: save the address again in Options → Updates and allow access.`);
    const res = await get(address.href, 'update manifest', deps, ctl.signal);
    const raw = await readCapped(res, MAX_MANIFEST_BYTES, () => `The update manifest is larger than ${MAX_MANIFEST_BYTES} bytes.`, ctl.signal);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      throw new UpdateError('The update manifest is not valid JSON.');
    }
    const manifest = parseFeedManifest(json, res.url || address.href);
    offered = manifest.version;
    if (manifest.schemaVersion !== KB_SCHEMA_VERSION) {
      throw new UpdateError(
        manifest.schemaVersion > KB_SCHEMA_VERSION
          ? `Version ${manifest.version} uses knowledge-base schema ${manifest.schemaVersion}; this version of Clausemark reads schema ${KB_SCHEMA_VERSION}. Update the extension to use it.`
          : `Version ${manifest.version} uses the old knowledge-base schema ${manifest.schemaVersion}; this version of Clausemark reads schema ${KB_SCHEMA_VERSION}.`,
      );
    }
    if (installed && compareVersions(manifest.version, installed) <= 0) {
      return { ...base, outcome: 'up-to-date', offered, installed, message: `The feed offers version ${manifest.version}; version ${installed} is installed, so nothing changed.` };
    }
    const dataRes = await get(manifest.url, 'data file', deps, ctl.signal);
    const bytes = await readCapped(dataRes, manifest.size, (n) => `The data file is larger than the manifest says (more than ${manifest.size} bytes; got at least ${n}).`, ctl.signal);
    if (bytes.length !== manifest.size) throw new UpdateError(`The data file is truncated: ${bytes.length} of ${manifest.size} bytes arrived.`);
    const digest = await sha256Hex(bytes);
    if (digest !== manifest.sha256) throw new UpdateError(`The data file's SHA-256 (${digest.slice(0, 12)}…) does not match the manifest's (${manifest.sha256.slice(0, 12)}…).`);
    const kb = checkKnowledgeBase(await decode(bytes), manifest);
    try {
      await deps.install(kb);
    } catch (err) {
      throw new UpdateError(`Installing version ${manifest.version} failed (${describe(err)}).`);
    }
    installed = kb.version;
    return {
      ...base,
      outcome: 'updated',
      offered,
      installed,
      message: `Installed version ${kb.version}: ${kb.platforms.length} platforms, ${kb.documents.length} documents, ${kb.clauses.length} reviewed clauses.`,
    };
  } catch (err) {
    const why = err instanceof UpdateError ? err.message : `Unexpected error: ${describe(err)}.`;
    const kept = installed ? ` Version ${installed} is kept.` : ' The current knowledge base is kept.';
    return { ...base, outcome: 'failed', offered, installed, message: `${why}${kept}` };
  } finally {
    clearTimeout(timer);
  }
}
