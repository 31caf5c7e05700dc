// Version history in the background against fake-indexeddb: the v1 → v2 upgrade keeps data, the
// message flow (version/check → version/store → change), pin, export/import, quota and pruning.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { markdownToText } from '../../../src/core/text';
import { fingerprint } from '../../../src/core/fingerprint';
import { openClausemarkDb, type Db } from '../../../src/storage/db';
import { handle, type HandlerDeps, type Sender } from '../../../src/background/routes';
import { validateRequest } from '../../../src/background/routes';
import type { KbService } from '../../../src/background/kb-service';
import type { PageReading, BackgroundMessage, Req, Res } from '../../../src/messages';
import type { VersionChange } from '../../../src/history-messages';
import { deleteHistory, pruneHistory } from '../../../src/storage/versions';
import { MAX_VISITS } from '../../../src/storage/records';
import { bareRepo, showVersion } from '../../fixtures/ota-versions';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const URL_ = 'https://www.linkedin.com/legal/privacy-policy';
const DOC = 'url:https://www.linkedin.com/legal/privacy-policy';
const content: Sender = { id: EXT, url: URL_, tab: { id: 3 }, frameId: 0 };
const popup: Sender = { id: EXT, url: `${ORIGIN}src/popup/index.html` };

const repo = bareRepo();
function page(commit: string) {
  const t = markdownToText(showVersion(repo, { commit, path: 'LinkedIn/Privacy Policy.md' }));
  return { text: t.text, hardBreaks: t.hardBreaks };
}
const A = page('bef338a603bdb51ac537933e63b594d0a1abd621');
const B = page('326007fda0669f95586b5744c512704e3547c970');
// Same length, so the block offsets still hold: only the header's year moves.
const bWithNewDate = { text: B.text.replace(/(Effective [A-Z][a-z]+ \d{1,2}, )\d{4}/, '$12031'), hardBreaks: B.hardBreaks };

let n = 0;
function setup() {
  const db = openClausemarkDb(`hist-${++n}`);
  const tabs = new Map<number, number>();
  const marks: VersionChange[] = [];
  const kb = { lookup: async () => null, document: async () => undefined, clausesFor: async () => [], platform: async () => undefined } as unknown as KbService;
  const deps: HandlerDeps = {
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    db: () => db,
    kb,
    tabVisits: { get: async (t) => tabs.get(t), set: async (t, v) => void tabs.set(t, v) },
    revealInTab: async () => true,
    markChanged: async (_t, c) => void marks.push(c),
  };
  const call = <N extends BackgroundMessage>(name: N, payload: Req<N>, sender: Sender) => handle(name, validateRequest(name, payload), sender, deps) as Promise<Res<N>>;
  return { db, deps, marks, call };
}

async function visit(call: ReturnType<typeof setup>['call'], p: { text: string; hardBreaks: number[] }, readAt: string, clauses: PageReading['clauses'] = []) {
  const sha256 = await fingerprint(p.text);
  const report: PageReading = { title: 'LinkedIn Privacy Policy', sha256, readAt, textLength: p.text.length, detection: { kind: 'heuristic', reason: 'test' }, clauses };
  const { visitId } = await call('page/report', report, content);
  let ack = await call('version/check', { visitId, sha256 }, content);
  const needed = ack.needText;
  if (ack.needText) ack = await call('version/store', { visitId, sha256, text: p.text, hardBreaks: p.hardBreaks }, content);
  return { ack, needed, sha256, visitId };
}

/** The v1 schema exactly as shipped (src/storage/db.ts at DB_VERSION 1). */
function createV1(db: import('idb').IDBPDatabase<unknown>): void {
  db.createObjectStore('meta');
  db.createObjectStore('platforms', { keyPath: 'id' });
  db.createObjectStore('documents', { keyPath: 'id' }).createIndex('byPlatform', 'platformId');
  const c = db.createObjectStore('clauses', { keyPath: 'id' });
  c.createIndex('byPlatform', 'platformId');
  c.createIndex('byDocument', 'documentId');
  c.createIndex('byCategory', 'category');
  db.createObjectStore('categoryStats', { keyPath: 'category' });
  db.createObjectStore('history', { keyPath: 'documentId' });
  const v = db.createObjectStore('visits', { keyPath: 'id', autoIncrement: true });
  v.createIndex('byUrl', 'url');
  v.createIndex('byDocument', 'documentId');
  v.createIndex('bySha', 'sha256');
}

describe('IndexedDB upgrades', () => {
  it('v1 → v3 keeps every knowledge-base record, adds the history stores, and drops old visits (full addresses)', async () => {
    const name = 'upgrade-test';
    const v1 = await openDB(name, 1, { upgrade: (db) => createV1(db) });
    await v1.put('meta', { state: 'ready', version: '2026.08.22' }, 'kb');
    await v1.put('platforms', { id: 'linkedin', name: 'LinkedIn', domains: ['linkedin.com'], otaServices: [] });
    await v1.put('history', { documentId: 'linkedin/privacy-policy', collection: 'ota-pga', changes: [{ date: '2025-09-18T12:34:39Z' }] });
    await v1.add('visits', { url: `${URL_}?token=secret`, sha256: 'a'.repeat(64), readAt: '2026-01-01T00:00:00Z', clauses: [] });
    v1.close();

    const db = await openClausemarkDb(name);
    expect(db.version).toBe(3);
    expect(await db.get('meta', 'kb')).toEqual({ state: 'ready', version: '2026.08.22' });
    expect((await db.get('platforms', 'linkedin'))?.name).toBe('LinkedIn');
    expect((await db.get('history', 'linkedin/privacy-policy'))?.changes).toHaveLength(1);
    expect(await db.count('visits')).toBe(0);
    expect([...db.objectStoreNames].sort()).toEqual(['categoryStats', 'clauses', 'documents', 'history', 'meta', 'platforms', 'tracked', 'versionTexts', 'versions', 'visits'].sort());
    db.close();
  });

  it('v2 → v3 gives each document its own rows: a text shared by two sites stops being shared state', async () => {
    const name = 'upgrade-v2';
    const shared = 'c'.repeat(64);
    const version = (docKey: string, url: string, firstSeen: string) => ({ sha256: shared, docKey, url, title: 't', firstSeen, lastSeen: firstSeen, sigSha256: shared, textSha256: shared, words: 3, rawBytes: 10, gzBytes: 5, clauses: [] });
    const v2 = await openDB(name, 2, {
      upgrade(db) {
        createV1(db);
        const versions = db.createObjectStore('versions', { keyPath: 'sha256' });
        versions.createIndex('byDocKey', 'docKey');
        versions.createIndex('byFirstSeen', 'firstSeen');
        db.createObjectStore('versionTexts', { keyPath: 'sha256' });
        db.createObjectStore('tracked', { keyPath: 'docKey' }).createIndex('byLastSeen', 'lastSeen');
      },
    });
    // v2 stored the text once, under the document that read it first (Bluesky, in 2020).
    await v2.put('versions', version('doc:bluesky/terms', 'https://bsky.social/about/support/tos', '2020-03-14T09:00:00Z'));
    await v2.put('versionTexts', { sha256: shared, gz: new Uint8Array([1, 2, 3]) });
    const tracked = (docKey: string, url: string, firstSeen: string) => ({ docKey, url, title: 't', firstSeen, lastSeen: firstSeen, currentSha: shared });
    await v2.put('tracked', { ...tracked('doc:bluesky/terms', 'https://bsky.social/about/support/tos', '2020-03-14T09:00:00Z'), documentId: 'bluesky/terms' });
    await v2.put('tracked', tracked('url:stranger.example/privacy', 'https://stranger.example/privacy', '2026-01-01T00:00:00Z'));
    v2.close();

    const db = await openClausemarkDb(name);
    const keys = (await db.getAllKeys('versions')).map((k) => k.join(' ')).sort();
    expect(keys).toEqual([`doc:bluesky/terms@https://bsky.social ${shared}`, `url:https://stranger.example/privacy ${shared}`]);
    expect((await db.getAllKeys('tracked')).sort()).toEqual(['doc:bluesky/terms@https://bsky.social', 'url:https://stranger.example/privacy']);
    expect(await db.count('versionTexts')).toBe(1);
    expect((await db.get('versions', ['url:https://stranger.example/privacy', shared]))?.firstSeen).toBe('2026-01-01T00:00:00Z');
    expect((await db.get('versions', ['doc:bluesky/terms@https://bsky.social', shared]))?.firstSeen).toBe('2020-03-14T09:00:00Z');
    // Deleting one document keeps the text the other still uses, and the last one takes it along.
    await deleteHistory(db, 'doc:bluesky/terms@https://bsky.social');
    expect(await db.count('versionTexts')).toBe(1);
    await deleteHistory(db, 'url:https://stranger.example/privacy');
    expect(await db.count('versionTexts')).toBe(0);
    db.close();
  });
});

describe('recording versions and changes', () => {
  const clause = (id: string, excerpt: string) => ({ id, start: 0, end: 10, category: 'data-sharing', severity: 'medium' as const, confidence: 0.8, source: 'detector' as const, excerpt });

  it('first visit stores the text; same text again sends nothing; a real change is reported once, with a badge', async () => {
    const { call, marks, db } = setup();
    const first = await visit(call, A, '2026-01-01T10:00:00Z', [clause('x1', 'We share your data with partners.')]);
    expect(first.needed).toBe(true);
    expect(first.ack.change).toBeNull();
    const again = await visit(call, A, '2026-01-02T10:00:00Z');
    expect(again.needed).toBe(false);
    expect(again.ack.change).toBeNull();

    const changed = await visit(call, B, '2026-02-01T10:00:00Z', [clause('x2', 'We share your personal data with partners and affiliates.'), clause('y', 'We use AI.')]);
    expect(changed.ack.change).toMatchObject({ fromSha: first.sha256, toSha: changed.sha256, noticeDue: true, pinned: false });
    expect(changed.ack.change!.wordsAdded).toBeGreaterThan(0);
    expect(changed.ack.change!.clauses).toEqual({ added: 1, removed: 0, changed: 1 });
    expect(marks).toHaveLength(1);
    // The same new version read again: no second notice.
    const reread = await visit(call, B, '2026-02-02T10:00:00Z');
    expect(reread.ack.change).toBeNull();
    expect(marks).toHaveLength(1);

    const d = await db;
    const v = await d.get('versions', [DOC, first.sha256]);
    expect(v!.gzBytes).toBeLessThan(v!.rawBytes / 2);
    console.log(`LinkedIn Privacy Policy version: ${v!.words} words, ${v!.rawBytes} bytes as text, ${v!.gzBytes} bytes gzip (${((100 * v!.gzBytes) / v!.rawBytes).toFixed(0)}%)`);

    const view = await call('history/view', { docKey: DOC }, popup);
    expect(view.from).toBe(first.sha256);
    expect(view.to).toBe(changed.sha256);
    expect(view.diff?.significant).toBe(true);
    expect(view.diff!.ops.some((o) => o.kind === 'fold')).toBe(true);
    expect(view.clauseChanges?.added.map((c) => c.id)).toEqual(['y']);
    // What changed for the user, the same lines in the notice and in History.
    const lines = (l: { kind: string; category: string; severity: string; phrase: string }[]) => l.map(({ kind, category, severity, phrase }) => ({ kind, category, severity, phrase }));
    expect(lines(changed.ack.change!.lines)).toEqual([
      { kind: 'more', category: 'data-sharing', severity: 'medium', phrase: 'We use AI.' },
      { kind: 'reworded', category: 'data-sharing', severity: 'low', phrase: 'and affiliates.' },
    ]);
    expect(view.summary).toEqual(changed.ack.change!.lines);
  });

  it('the popup’s first view: no change before one, the change and its lines after, none for a cosmetic change; pages only', async () => {
    const { call } = setup();
    const share = (id: string, excerpt: string, severity: 'medium' | 'good' = 'medium') => ({ ...clause(id, excerpt), severity });
    const first = await visit(call, A, '2026-01-01T10:00:00Z', [share('s1', 'We do not sell your data.', 'good')]);
    expect(await call('history/glance', { docKey: DOC }, popup)).toEqual({ change: null });
    await visit(call, A, '2026-01-05T10:00:00Z');
    expect((await call('history/glance', { docKey: DOC }, popup)).change).toBeNull();
    const b = await visit(call, B, '2026-02-01T10:00:00Z', []);
    const g = await call('history/glance', { docKey: DOC }, popup);
    expect(g.change).toMatchObject({ fromSha: first.sha256, toSha: b.sha256, fromSeen: '2026-01-01T10:00:00Z', pinned: false });
    expect(g.change!.wordsAdded).toBeGreaterThan(0);
    // A protection that goes weighs as the category (sharing: medium).
    expect(g.change!.lines.map((l) => [l.kind, l.category, l.stance, l.severity])).toEqual([['removed', 'data-sharing', 'protective', 'medium']]);
    await expect(async () => call('history/glance', { docKey: DOC }, content)).rejects.toThrow();
    await expect(async () => call('history/glance', { docKey: 'not a key' } as never, popup)).rejects.toThrow(/docKey/);

    // Against a pinned version too: a new date line is not a change.
    const { call: call2 } = setup();
    const pinned = await visit(call2, B, '2026-01-01T10:00:00Z');
    await call2('history/pin', { docKey: DOC, sha256: pinned.sha256 }, popup);
    await visit(call2, bWithNewDate, '2026-03-01T10:00:00Z');
    expect((await call2('history/glance', { docKey: DOC }, popup)).change).toBeNull();
  });

  it('a new header date only is stored but is not a change', async () => {
    const { call, marks } = setup();
    await visit(call, B, '2026-01-01T10:00:00Z');
    const r = await visit(call, bWithNewDate, '2026-03-01T10:00:00Z');
    expect(bWithNewDate.text).not.toBe(B.text);
    expect(r.needed).toBe(true);
    expect(r.ack.change).toBeNull();
    expect(marks).toHaveLength(0);
    const view = await call('history/view', { docKey: DOC }, popup);
    expect(view.versions.map((v) => v.cosmetic)).toEqual([false, true]);
    expect(view.diff).toBeUndefined();
  });

  it('changes are shown against the pinned version', async () => {
    const { call } = setup();
    const a = await visit(call, A, '2026-01-01T10:00:00Z');
    await call('history/pin', { docKey: DOC, sha256: a.sha256 }, popup);
    await visit(call, B, '2026-02-01T10:00:00Z');
    const later = await visit(call, { text: `${B.text}\nWe may also train models on your posts.`, hardBreaks: [...B.hardBreaks, B.text.length + 1] }, '2026-03-01T10:00:00Z');
    expect(later.ack.change).toMatchObject({ fromSha: a.sha256, pinned: true });
    const view = await call('history/view', { docKey: DOC }, popup);
    expect(view.from).toBe(a.sha256);
    expect(view.to).toBe(later.sha256);
  });

  it('rejects a text that does not match its hash, a visit from another site, and an oversized text', async () => {
    const { call } = setup();
    const sha256 = await fingerprint(A.text);
    const report: PageReading = { title: 't', sha256, readAt: '2026-01-01T00:00:00Z', textLength: 1, detection: { kind: 'heuristic', reason: 'r' }, clauses: [] };
    const { visitId } = await call('page/report', report, content);
    await expect(call('version/store', { visitId, sha256, text: B.text, hardBreaks: [] }, content)).rejects.toThrow(/does not match/);
    await expect(call('version/store', { visitId, sha256, text: A.text, hardBreaks: [] }, { ...content, url: 'https://evil.example/x' })).rejects.toThrow(/no matching visit/);
    expect(() => validateRequest('version/store', { visitId, sha256, text: 'x'.repeat(6_000_001), hardBreaks: [] })).toThrow(/too long/);
    expect(() => validateRequest('version/store', { visitId, sha256, text: 'abc', hardBreaks: [9] })).toThrow(/offset/);
    expect(() => validateRequest('history/view', { docKey: 'javascript:alert(1)' })).toThrow(/docKey/);
    await expect(call('history/view', { docKey: 'url:x.com' }, content)).rejects.toThrow(/not accepted/);
  });
});

describe('per document and origin', () => {
  it('a stranger serving text the user read elsewhere learns nothing: not "known", no date, no counts', async () => {
    const { call, db, marks } = setup();
    const bsky: Sender = { id: EXT, url: 'https://bsky.social/about/support/tos', tab: { id: 4 }, frameId: 0 };
    const stranger: Sender = { id: EXT, url: 'https://stranger.example/privacy', tab: { id: 5 }, frameId: 0 };
    const read = async (sender: Sender, p: { text: string; hardBreaks: number[] }, readAt: string) => {
      const sha256 = await fingerprint(p.text);
      const { visitId } = await call('page/report', { title: 'Terms', sha256, readAt, textLength: p.text.length, detection: { kind: 'heuristic', reason: 'test' }, clauses: [] }, sender);
      const first = await call('version/check', { visitId, sha256 }, sender);
      const ack = first.needText ? await call('version/store', { visitId, sha256, text: p.text, hardBreaks: p.hardBreaks }, sender) : first;
      return { first, ack };
    };
    await read(bsky, A, '2020-03-14T09:00:00Z');
    const same = await read(stranger, A, '2026-05-01T10:00:00Z');
    expect(same.first.needText).toBe(true);
    expect(same.ack.change).toBeNull();
    const changed = await read(stranger, B, '2026-05-02T10:00:00Z');
    expect(changed.ack.change?.fromSeen).toBe('2026-05-01T10:00:00Z');
    expect(JSON.stringify(changed.ack)).not.toContain('2020');
    expect(marks.map((m) => m.docKey)).toEqual(['url:https://stranger.example/privacy']);
    // The shared text is still stored once.
    expect(await (await db).count('versionTexts')).toBe(2);
  });
});

describe('visits', () => {
  it('are capped, exported with the history, and deleted by "delete all"', async () => {
    const { call, db } = setup();
    const d = await db;
    for (let i = 0; i < MAX_VISITS + 5; i++) {
      await call('page/report', { title: `t${i}`, sha256: 'e'.repeat(64), readAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), textLength: 1, detection: { kind: 'heuristic', reason: 'r' }, clauses: [] }, { ...content, url: `${URL_}?utm=${i}` });
    }
    expect(await d.count('visits')).toBe(MAX_VISITS);
    const kept = await d.getAll('visits');
    expect(kept[0]?.title).toBe('t5');
    expect(kept.every((v) => v.url === URL_)).toBe(true);
    const exported = JSON.parse((await call('history/export', {}, popup)).json) as { visits: { title: string }[] };
    expect(exported.visits).toHaveLength(MAX_VISITS);
    expect(exported.visits.at(-1)?.title).toBe(`t${MAX_VISITS + 4}`);
    await call('history/delete', {}, popup);
    expect(await d.count('visits')).toBe(0);
  });
});

describe('export, import, delete, cap and quota', () => {
  it('round-trips everything, and a bad file is refused with a reason and changes nothing', async () => {
    const { call } = setup();
    const a = await visit(call, A, '2026-01-01T10:00:00Z');
    await visit(call, B, '2026-02-01T10:00:00Z');
    await call('history/pin', { docKey: DOC, sha256: a.sha256 }, popup);
    const { json } = await call('history/export', {}, popup);
    const strip = (s: string) => ({ ...JSON.parse(s), exportedAt: undefined });

    const bad: [string, RegExp][] = [
      ['{not json', /not JSON/],
      [JSON.stringify({ format: 'other' }), /not a Clausemark history export/],
      [json.replace(/"textSha256":"[0-9a-f]{64}"/, `"textSha256":"${'0'.repeat(64)}"`), /does not match its SHA-256/],
      [json.replace(/"currentSha":"[0-9a-f]{64}"/, `"currentSha":"${'1'.repeat(64)}"`), /not in the file/],
    ];
    const before = await call('history/list', {}, popup);
    for (const [file, reason] of bad) {
      await expect(call('history/import', { json: file }, popup)).rejects.toThrow(reason);
      await expect(call('history/import', { json: file }, popup)).rejects.toThrow(/Nothing was changed/);
    }
    expect(await call('history/list', {}, popup)).toEqual(before);

    expect(await call('history/delete', {}, popup)).toEqual({ deleted: 1 });
    expect((await call('history/list', {}, popup)).documents).toHaveLength(0);
    expect(await call('history/import', { json }, popup)).toEqual({ documents: 1, versions: 2 });
    expect(strip((await call('history/export', {}, popup)).json)).toEqual(strip(json));
    // Importing the same file again adds nothing and loses nothing.
    expect(await call('history/import', { json }, popup)).toEqual({ documents: 0, versions: 0 });
    expect(strip((await call('history/export', {}, popup)).json)).toEqual(strip(json));
  });

  it('deletes one document, and prunes oldest first while keeping current, previous and pinned', async () => {
    const { call, db } = setup();
    const a = await visit(call, A, '2026-01-01T10:00:00Z');
    const c = await visit(call, bWithNewDate, '2026-01-15T10:00:00Z');
    const b = await visit(call, B, '2026-02-01T10:00:00Z');
    const d = await db;
    // a → c is a real change (a stays as "previous"), c → b only a date (b is current): c goes.
    const r = await pruneHistory(d, 1);
    expect(r.removed).toBe(1);
    expect(await d.get('versions', [DOC, c.sha256])).toBeUndefined();
    expect(await d.get('versionTexts', c.sha256)).toBeUndefined();
    expect(await d.get('versions', [DOC, a.sha256])).toBeDefined();
    expect(await d.get('versions', [DOC, b.sha256])).toBeDefined();
    // With room for everything, nothing goes.
    expect((await pruneHistory(d, 40 * 1048576)).removed).toBe(0);
    expect(() => validateRequest('history/settings', { maxBytes: -1 })).toThrow();
    await expect(call('history/settings', { maxBytes: 10 }, popup)).rejects.toThrow(/between 1 and 40 MB/);
    expect(await call('history/delete', { docKey: DOC }, popup)).toEqual({ deleted: 1 });
    expect(await d.count('versions')).toBe(0);
  });

  it('a quota error keeps the existing history, and says so', async () => {
    const { call, db, deps } = setup();
    const first = await visit(call, A, '2026-01-01T10:00:00Z');
    const real = await db;
    // A database whose next write of a text fails the way a full disk does: the transaction aborts.
    const full = new Proxy(real, {
      get(target, prop, recv) {
        if (prop !== 'transaction') return Reflect.get(target, prop, recv);
        return (stores: never, mode: never) => {
          const tx = target.transaction(stores, mode);
          const objectStore = tx.objectStore.bind(tx);
          (tx as unknown as { objectStore: unknown }).objectStore = (name: string) => {
            const os = objectStore(name as never);
            if (name !== 'versionTexts') return os;
            return new Proxy(os, {
              get(o, p2, r2) {
                if (p2 !== 'put') return Reflect.get(o, p2, r2);
                return () => {
                  tx.abort();
                  return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
                };
              },
            });
          };
          return tx;
        };
      },
    }) as Db;
    deps.db = async () => full;
    const r = await visit(call, B, '2026-02-01T10:00:00Z');
    expect(r.ack.error).toMatch(/storage .*is full.*existing history is unchanged/);
    expect(r.ack.change).toBeNull();
    expect(await real.count('versions')).toBe(1);
    expect(await real.get('versions', [DOC, first.sha256])).toBeDefined();
    expect((await real.get('tracked', DOC))?.currentSha).toBe(first.sha256);
    const list = await call('history/list', {}, popup);
    expect(list.lastError).toMatch(/full/);
  });
});
