// The knowledge-base update feed against a real local HTTP server (node:http on 127.0.0.1) and
// fake-indexeddb: a good update installs atomically; a bad hash, a truncated download, an older
// version, a server that is down, a malformed manifest… each keep the current data and say why
// (returned, stored in meta as lastUpdateCheck, and served to Options by message).
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kbContentHash } from '../../../scripts/kb/canonical';
import { handle, SenderRejected, type HandlerDeps, type Sender } from '../../../src/background/routes';
import { KbService } from '../../../src/background/kb-service';
import { KbUpdater, LAST_CHECK_KEY, NoFeedConfigured } from '../../../src/background/kb-update';
import { validateRequest } from '../../../src/background/routes';
import { KB_SCHEMA_VERSION, type KnowledgeBase } from '../../../src/kb/schema';
import { compareVersions, feedAddress, FEED_URL_KEY, feedOriginPattern, MAX_DATA_BYTES, parseFeedManifest, type UpdateCheck } from '../../../src/kb/update';
import { getFeedUrl } from '../../../src/storage/feed';
import { getKbStatus, openClausemarkDb, type Db } from '../../../src/storage/db';
import { swapKb } from '../../../src/storage/kb-swap';
import { PROJECT_ROOT } from '../../fixtures/pages';

const full = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'src/kb/generated/kb.json'), 'utf8')) as KnowledgeBase;

/** A real slice of the shipped knowledge base (the first n platforms and what refers to them). */
function miniKb(version: string, from: number, n: number): KnowledgeBase {
  const platforms = full.platforms.slice(from, from + n);
  const ids = new Set(platforms.map((p) => p.id));
  const documents = full.documents.filter((d) => ids.has(d.platformId));
  const docIds = new Set(documents.map((d) => d.id));
  const k: KnowledgeBase = {
    ...full,
    version,
    contentHash: '',
    platforms,
    documents,
    clauses: full.clauses.filter((c) => ids.has(c.platformId)),
    categoryStats: full.categoryStats.slice(0, 6),
    history: full.history.filter((h) => docIds.has(h.documentId)),
  };
  k.contentHash = kbContentHash(k as unknown as Record<string, unknown>);
  return k;
}

const OLD = miniKb('2026.08.22', 0, 400);
const NEW = miniKb('2026.09.01', 400, 300);

// --- the local feed server --------------------------------------------------------------------
type Route = (res: import('node:http').ServerResponse) => void;
const routes = new Map<string, Route>();
const hits: string[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const r = routes.get(req.url ?? '');
    if (r) r(res);
    else res.writeHead(404, 'Not Found').end('no such file');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const serve = (p: string, body: Buffer | string, type = 'application/octet-stream') =>
  routes.set(p, (res) => res.writeHead(200, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) }).end(body));

/** Publishes `kb` as /name/manifest.json + /name/kb.json(.gz); returns the manifest URL. */
function publish(name: string, kb: unknown, opts: { gzip?: boolean; manifest?: Record<string, unknown>; data?: Buffer } = {}): string {
  const json = Buffer.from(JSON.stringify(kb));
  const data = opts.data ?? (opts.gzip === false ? json : gzipSync(json));
  const file = opts.gzip === false ? 'kb.json' : 'kb.json.gz';
  serve(`/${name}/${file}`, data);
  const k = kb as KnowledgeBase;
  const manifest = { version: k.version, schemaVersion: k.schemaVersion, sha256: sha(data), size: data.length, url: file, ...opts.manifest };
  serve(`/${name}/manifest.json`, JSON.stringify(manifest), 'application/json');
  return `${base}/${name}/manifest.json`;
}

// --- the extension side -------------------------------------------------------------------------
let dbCount = 0;
async function installedEnv(feed: string | null, granted = true) {
  const dbp = openClausemarkDb(`update-${++dbCount}`);
  const loads = { n: 0 };
  const kb = new KbService({ db: () => dbp, loadBundled: async () => (loads.n++, OLD) });
  await kb.ensure();
  const updater = new KbUpdater({ db: () => dbp, kb, fetch: (u, i) => fetch(u, i), permitted: async () => granted, feedUrl: async () => feed, timeoutMs: 5000 });
  return { db: await dbp, kb, updater, loads };
}

/** The current data is the old knowledge base, whole. */
async function expectOldKept(db: Db, kb: KbService): Promise<void> {
  expect(await getKbStatus(db)).toMatchObject({ state: 'ready', version: OLD.version, contentHash: OLD.contentHash });
  expect(await db.count('platforms')).toBe(OLD.platforms.length);
  expect(await db.count('clauses')).toBe(OLD.clauses.length);
  expect(await db.get('platforms', OLD.platforms[0]!.id)).toEqual(OLD.platforms[0]);
  expect(await db.get('platforms', NEW.platforms[0]!.id)).toBeUndefined();
  const doc = OLD.documents.find((d) => d.urls.length > 0)!;
  expect((await kb.lookup(doc.urls[0]!))?.platform.id).toBeDefined();
}

async function failsKeepingOld(feed: string, reason: RegExp): Promise<UpdateCheck> {
  const { db, kb, updater } = await installedEnv(feed);
  const r = await updater.check();
  expect(r.outcome).toBe('failed');
  expect(r.message).toMatch(reason);
  expect(r.message).toMatch(/Version 2026\.08\.22 is kept\./);
  expect(await db.get('meta', LAST_CHECK_KEY)).toEqual(r);
  await expectOldKept(db, kb);
  return r;
}

describe('update feed: a good update', () => {
  it('installs a newer gzipped knowledge base, verified, and records the result', async () => {
    const feed = publish('good', NEW);
    const { db, kb, updater } = await installedEnv(feed);
    const r = await updater.check();
    expect(r).toMatchObject({ outcome: 'updated', feedUrl: feed, offered: NEW.version, installed: NEW.version });
    expect(r.message).toMatch(/Installed version 2026\.09\.01: 300 platforms/);
    expect(await getKbStatus(db)).toMatchObject({ state: 'ready', version: NEW.version, contentHash: NEW.contentHash, source: 'update', schemaVersion: KB_SCHEMA_VERSION });
    expect(await db.count('platforms')).toBe(NEW.platforms.length);
    expect(await db.count('clauses')).toBe(NEW.clauses.length);
    expect(await db.get('platforms', OLD.platforms[0]!.id)).toBeUndefined();
    // Lookups use the new data at once (the URL index is rebuilt).
    const doc = NEW.documents.find((d) => d.urls.length > 0 && !OLD.documents.some((o) => o.urls.includes(d.urls[0]!)))!;
    expect((await kb.lookup(doc.urls[0]!))?.document.id).toBe(doc.id);
    expect(await db.get('meta', LAST_CHECK_KEY)).toEqual(r);
    // A second check finds nothing newer.
    expect((await updater.check()).outcome).toBe('up-to-date');
  });

  it('accepts plain JSON too, and keeps a newer update over an older bundled build on extension update', async () => {
    const feed = publish('plain', NEW, { gzip: false });
    const { db, kb, updater, loads } = await installedEnv(feed);
    expect((await updater.check()).outcome).toBe('updated');
    await kb.ensure(true); // runtime.onInstalled after an extension update shipping OLD
    expect(loads.n).toBe(2);
    expect(await getKbStatus(db)).toMatchObject({ version: NEW.version, source: 'update' });
  });
});

describe('update feed: failures keep the current data and say why', () => {
  it('bad hash', async () => {
    const feed = publish('badhash', NEW, { manifest: { sha256: 'ab'.repeat(32) } });
    await failsKeepingOld(feed, /SHA-256 \([0-9a-f]{12}…\) does not match the manifest's \(abababababab…\)/);
  });

  it('truncated download (the server closes the connection half-way)', async () => {
    const feed = publish('cut', NEW);
    const data = gzipSync(Buffer.from(JSON.stringify(NEW)));
    routes.set('/cut/kb.json.gz', (res) => {
      res.writeHead(200, { 'Content-Length': data.length });
      res.write(data.subarray(0, Math.floor(data.length / 2)), () => res.destroy());
    });
    await failsKeepingOld(feed, new RegExp(`truncated: ${Math.floor(data.length / 2)} of ${data.length} bytes`));
  });

  it('truncated file on the server (shorter than the manifest says)', async () => {
    const data = gzipSync(Buffer.from(JSON.stringify(NEW)));
    const feed = publish('short', NEW, { data: data.subarray(0, 1000), manifest: { size: data.length, sha256: sha(data) } });
    await failsKeepingOld(feed, new RegExp(`truncated: 1000 of ${data.length} bytes`));
  });

  it('a file larger than announced', async () => {
    const data = gzipSync(Buffer.from(JSON.stringify(NEW)));
    const feed = publish('large', NEW, { data, manifest: { size: 100 } });
    await failsKeepingOld(feed, /larger than the manifest says \(more than 100 bytes/);
  });

  it('an older or equal version is not downloaded', async () => {
    const older = { ...OLD, version: '2026.08.01' };
    for (const [name, kb] of [['older', older], ['same', OLD]] as const) {
      const feed = publish(name, kb);
      const { db, kb: svc, updater } = await installedEnv(feed);
      const before = hits.length;
      const r = await updater.check();
      expect(r).toMatchObject({ outcome: 'up-to-date', offered: kb.version, installed: OLD.version });
      expect(r.message).toMatch(new RegExp(`offers version ${kb.version.replaceAll('.', '\\.')}; version 2026\\.08\\.22 is installed`));
      expect(hits.slice(before)).toEqual([`/${name}/manifest.json`]);
      await expectOldKept(db, svc);
    }
  });

  it('server down', async () => {
    const down = createServer();
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const port = (down.address() as AddressInfo).port;
    await new Promise<void>((resolve) => down.close(() => resolve()));
    await failsKeepingOld(`http://127.0.0.1:${port}/manifest.json`, /Could not reach the update server for the update manifest/);
  });

  it('manifest not found (HTTP 404)', async () => {
    await failsKeepingOld(`${base}/nothing-here/manifest.json`, /update manifest could not be fetched: HTTP 404/);
  });

  it('malformed manifest: not JSON, missing or wrong fields', async () => {
    serve('/garbage/manifest.json', '{"version": "2026.09.01", ');
    await failsKeepingOld(`${base}/garbage/manifest.json`, /update manifest is not valid JSON/);
    await failsKeepingOld(publish('nosha', NEW, { manifest: { sha256: undefined } }), /no valid "sha256" \(expected 64 hexadecimal digits\)/);
    await failsKeepingOld(publish('badver', NEW, { manifest: { version: 'latest' } }), /no valid "version"/);
    await failsKeepingOld(publish('badsize', NEW, { manifest: { size: -1 } }), /no valid "size"/);
  });

  it('a schema this build cannot read', async () => {
    const feed = publish('schema2', { ...NEW, schemaVersion: KB_SCHEMA_VERSION + 1 });
    await failsKeepingOld(feed, new RegExp(`uses knowledge-base schema ${KB_SCHEMA_VERSION + 1}; this version of Clausemark reads schema ${KB_SCHEMA_VERSION}\\. Update the extension`));
  });

  it('a data file on another server than the manifest', async () => {
    const feed = publish('elsewhere', NEW, { manifest: { url: 'https://example.org/kb.json.gz' } });
    await failsKeepingOld(feed, /same server as the manifest \(http:\/\/127\.0\.0\.1:\d+\), not https:\/\/example\.org/);
  });

  it('a file that matches its hash but is not a knowledge base', async () => {
    await failsKeepingOld(publish('notkb', { version: NEW.version, schemaVersion: KB_SCHEMA_VERSION, contentHash: 'x', platforms: 'none' }), /no "platforms" list/);
    const dup = { ...NEW, clauses: [...NEW.clauses, NEW.clauses[0]] };
    await failsKeepingOld(publish('dupkb', dup), new RegExp(`lists clauses "${NEW.clauses[0]!.id}" twice`));
    await failsKeepingOld(publish('mismatch', NEW, { manifest: { version: '2026.09.02' } }), /data file is version 2026\.09\.01, the manifest says 2026\.09\.02/);
    await failsKeepingOld(publish('notgz', NEW, { data: Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5]) }), /not valid gzip/);
  });

  it('a swap that fails half-way rolls back to the previous data (one transaction)', async () => {
    const { db, kb } = await installedEnv(null);
    const statusBefore = await getKbStatus(db);
    // Valid for validateKb, refused by IndexedDB at the very last record (no key).
    const broken = { ...NEW, history: [...NEW.history, { collection: 'x', changes: [] }] } as unknown as KnowledgeBase;
    await expect(swapKb(db, broken)).rejects.toThrow();
    expect(await getKbStatus(db)).toEqual(statusBefore);
    await expectOldKept(db, kb);
    expect(await db.count('history')).toBe(OLD.history.length);
    // Through the service too: the error surfaces and the old data still answers.
    await expect(kb.applyUpdate(broken)).rejects.toThrow();
    await expectOldKept(db, kb);
  });
});

describe('update feed: what a feed cannot do', () => {
  it('nothing is fetched without the host permission', async () => {
    const feed = publish('no-permission', NEW);
    const before = hits.length;
    const { db, kb, updater } = await installedEnv(feed, false);
    const r = await updater.check();
    expect(r.outcome).toBe('failed');
    expect(r.message).toMatch(/no permission to reach 127\.0\.0\.1/);
    expect(hits.slice(before)).toEqual([]);
    await expectOldKept(db, kb);
  });

  it('a redirect to another server is refused before it is requested; one on the same server is followed', async () => {
    const other = createServer((_req, res) => res.writeHead(200).end('{}'));
    const otherHits: string[] = [];
    other.on('request', (req) => otherHits.push(req.url ?? ''));
    await new Promise<void>((resolve) => other.listen(0, 'localhost', resolve));
    const otherBase = `http://localhost:${(other.address() as AddressInfo).port}`;
    try {
      routes.set('/away/manifest.json', (res) => res.writeHead(302, { Location: `${otherBase}/manifest.json` }).end());
      await failsKeepingOld(`${base}/away/manifest.json`, /redirected the update manifest to http:\/\/localhost:\d+; redirects to another server are refused/);
      expect(otherHits).toEqual([]);
      const good = publish('moved', NEW);
      routes.set('/here/manifest.json', (res) => res.writeHead(301, { Location: new URL(good).pathname }).end());
      const { updater } = await installedEnv(`${base}/here/manifest.json`);
      expect((await updater.check()).outcome).toBe('updated');
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it('links other than http(s) in the data are refused (javascript:, data:)', async () => {
    const evil = structuredClone(NEW);
    evil.clauses[0]!.pointUrl = 'javascript:alert(document.domain)';
    await failsKeepingOld(publish('js-link', evil), /clauses\[0\]\.pointUrl is not an http\(s\) address/);
    const evil2 = structuredClone(NEW);
    evil2.documents[0]!.urls = ['data:text/html,<script>alert(1)</script>'];
    await failsKeepingOld(publish('data-link', evil2), /documents\[0\]\.urls\[0\] is not an http\(s\) address/);
  });

  it('a data file over the stated limit is refused from its manifest, before any download', async () => {
    const feed = publish('huge', NEW, { manifest: { size: MAX_DATA_BYTES + 1 } });
    const before = hits.length;
    await failsKeepingOld(feed, /too large/);
    expect(hits.slice(before)).toEqual(['/huge/manifest.json']);
  });

  it('turning the feed off restores the shipped knowledge base, even after a "newer" one', async () => {
    const liar = { ...NEW, version: '9999.12.31' };
    liar.contentHash = kbContentHash(liar as unknown as Record<string, unknown>);
    const { db, kb, updater } = await installedEnv(publish('liar', liar));
    expect((await updater.check()).outcome).toBe('updated');
    expect(await getKbStatus(db)).toMatchObject({ version: '9999.12.31', source: 'update' });
    await updater.setFeed(null);
    expect(await getKbStatus(db)).toMatchObject({ version: OLD.version, source: 'bundled', contentHash: OLD.contentHash });
    await expectOldKept(db, kb);
    expect(await updater.last()).toBeNull();
    // And the next start (a forced ensure) keeps the shipped data.
    await kb.ensure(true);
    expect((await getKbStatus(db)).version).toBe(OLD.version);
  });

  it('the address is set by extension pages only, and kept in the background’s database', async () => {
    const { db, kb } = await installedEnv(null);
    const EXT = 'abcdefghijklmnopabcdefghijklmnop';
    const updater = new KbUpdater({ db: async () => db, kb, fetch: (u, i) => fetch(u, i), permitted: async () => true, feedUrl: async () => getFeedUrl(db) });
    const deps: HandlerDeps = {
      extensionId: EXT,
      extensionOrigin: `chrome-extension://${EXT}/`,
      db: async () => db,
      kb,
      updates: updater,
      feedUrl: async () => getFeedUrl(db),
      tabVisits: { get: async () => undefined, set: async () => {} },
      revealInTab: async () => false,
    };
    const options: Sender = { id: EXT, url: `chrome-extension://${EXT}/src/options/index.html` };
    const page: Sender = { id: EXT, url: 'https://example.com/terms', tab: { id: 3 } };
    await expect(handle('kb/feed-set', { url: 'https://evil.example/m.json' }, page, deps)).rejects.toBeInstanceOf(SenderRejected);
    expect(await getFeedUrl(db)).toBeNull();
    await expect(handle('kb/feed-set', { url: 'javascript:alert(1)' }, options, deps)).rejects.toThrow(/must start with https/);
    expect((await handle('kb/feed-set', { url: 'https://kb.example.org/m.json' }, options, deps)).feedUrl).toBe('https://kb.example.org/m.json');
    expect(await db.get('meta', FEED_URL_KEY)).toBe('https://kb.example.org/m.json');
    expect((await handle('kb/update-status', {}, options, deps)).feedUrl).toBe('https://kb.example.org/m.json');
    expect((await handle('kb/feed-set', { url: null }, options, deps)).feedUrl).toBeNull();
    expect(await getFeedUrl(db)).toBeNull();
  });
});

describe('update feed: settings, messages and pure helpers', () => {
  it('needs a feed address; auto-checks at most once a day', async () => {
    const { updater } = await installedEnv(null);
    await expect(updater.check()).rejects.toBeInstanceOf(NoFeedConfigured);
    expect(await updater.maybeAutoCheck()).toBeNull();
    const feed = publish('auto', OLD);
    let now = new Date('2026-09-01T10:00:00Z');
    const env = await installedEnv(feed);
    const auto = new KbUpdater({ db: async () => env.db, kb: env.kb, fetch: (u, i) => fetch(u, i), permitted: async () => true, feedUrl: async () => feed, now: () => now });
    expect((await auto.maybeAutoCheck())?.outcome).toBe('up-to-date');
    now = new Date('2026-09-01T20:00:00Z');
    expect(await auto.maybeAutoCheck()).toBeNull();
    now = new Date('2026-09-02T11:00:00Z');
    expect((await auto.maybeAutoCheck())?.at).toBe('2026-09-02T11:00:00.000Z');
  });

  it('answers kb/update-check and kb/update-status from extension pages only', async () => {
    const feed = publish('msg', NEW);
    const { db, kb, updater } = await installedEnv(feed);
    const EXT = 'abcdefghijklmnopabcdefghijklmnop';
    const deps: HandlerDeps = {
      extensionId: EXT,
      extensionOrigin: `chrome-extension://${EXT}/`,
      db: async () => db,
      kb,
      updates: updater,
      feedUrl: async () => feed,
      tabVisits: { get: async () => undefined, set: async () => {} },
      revealInTab: async () => false,
    };
    const options: Sender = { id: EXT, url: `chrome-extension://${EXT}/src/options/index.html` };
    const page: Sender = { id: EXT, url: 'https://example.com/terms', tab: { id: 3 } };
    await expect(handle('kb/update-check', validateRequest('kb/update-check', {}), page, deps)).rejects.toBeInstanceOf(SenderRejected);
    expect((await handle('kb/update-status', {}, options, deps)).last).toBeNull();
    const r = await handle('kb/update-check', {}, options, deps);
    expect(r.outcome).toBe('updated');
    const s = await handle('kb/update-status', {}, options, deps);
    expect(s).toMatchObject({ feedUrl: feed, last: r, status: { version: NEW.version, source: 'update' } });
  });

  it('compares versions numerically and parses addresses', () => {
    expect(compareVersions('2026.08.22', '2026.8.22')).toBe(0);
    expect(compareVersions('2026.09.01', '2026.08.22')).toBe(1);
    expect(compareVersions('2026.08.22', '2026.08.22.1')).toBe(-1);
    expect(compareVersions('2026.10.1', '2026.9.30')).toBe(1);
    expect(feedOriginPattern(feedAddress('https://kb.example.org:8443/feed/manifest.json'))).toBe('https://kb.example.org/*');
    expect(feedOriginPattern(feedAddress('http://127.0.0.1:8080/m.json'))).toBe('http://127.0.0.1/*');
    expect(() => feedAddress('http://kb.example.org/m.json')).toThrow(/must use https/);
    expect(() => feedAddress('ftp://kb.example.org/m.json')).toThrow(/must start with https/);
    expect(() => feedAddress('not a url')).toThrow(/not a URL/);
    expect(parseFeedManifest({ version: '1.2', schemaVersion: 1, sha256: 'A'.repeat(64), size: 3, url: 'data/kb.json' }, 'https://x.org/feed/m.json')).toEqual({
      version: '1.2',
      schemaVersion: 1,
      sha256: 'a'.repeat(64),
      size: 3,
      url: 'https://x.org/feed/data/kb.json',
    });
  });
});
