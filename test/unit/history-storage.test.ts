// Version history in the background against fake-indexeddb: the v1 → v2 upgrade keeps data, the
// message flow (version/check → version/store → change), pin, export/import, quota and pruning.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { markdownToText } from '../../src/core/text';
import { fingerprint } from '../../src/core/fingerprint';
import { openClausemarkDb, type Db } from '../../src/storage/db';
import { handle, type HandlerDeps, type Sender } from '../../src/background/handlers';
import { validateRequest } from '../../src/background/validate';
import type { KbService } from '../../src/background/kb-service';
import type { PageReport, MessageName, Req, Res } from '../../src/messages';
import type { VersionChange } from '../../src/history-messages';
import { pruneHistory } from '../../src/storage/versions';
import { bareRepo, showVersion } from '../fixtures/ota-versions';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const URL_ = 'https://www.linkedin.com/legal/privacy-policy';
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
  const kb = { document: async () => undefined, clausesFor: async () => [], platform: async () => undefined } as unknown as KbService;
  const deps: HandlerDeps = {
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    db: () => db,
    kb,
    tabVisits: { get: async (t) => tabs.get(t), set: async (t, v) => void tabs.set(t, v) },
    revealInTab: async () => true,
    markChanged: async (_t, c) => void marks.push(c),
  };
  const call = <N extends MessageName>(name: N, payload: Req<N>, sender: Sender) => handle(name, validateRequest(name, payload), sender, deps) as Promise<Res<N>>;
  return { db, deps, marks, call };
}

async function visit(call: ReturnType<typeof setup>['call'], p: { text: string; hardBreaks: number[] }, readAt: string, clauses: PageReport['clauses'] = []) {
  const sha256 = await fingerprint(p.text);
  const report: PageReport = { url: URL_, title: 'LinkedIn Privacy Policy', sha256, readAt, textLength: p.text.length, detection: { kind: 'heuristic', reason: 'test' }, clauses };
  const { visitId } = await call('page/report', report, content);
  let ack = await call('version/check', { visitId, sha256 }, content);
  const needed = ack.needText;
  if (ack.needText) ack = await call('version/store', { visitId, sha256, text: p.text, hardBreaks: p.hardBreaks }, content);
  return { ack, needed, sha256, visitId };
}

describe('IndexedDB upgrade v1 → v2', () => {
  it('keeps every v1 store and record, and adds the history stores', async () => {
    const name = 'upgrade-test';
    // The v1 schema exactly as shipped (src/storage/db.ts at DB_VERSION 1).
    const v1 = await openDB(name, 1, {
      upgrade(db) {
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
      },
    });
    await v1.put('meta', { state: 'ready', version: '2026.08.22' }, 'kb');
    await v1.put('platforms', { id: 'linkedin', name: 'LinkedIn', domains: ['linkedin.com'], otaServices: [] });
    await v1.put('history', { documentId: 'linkedin/privacy-policy', collection: 'ota-pga', changes: [{ date: '2025-09-18T12:34:39Z' }] });
    const visitId = await v1.add('visits', { url: URL_, sha256: 'a'.repeat(64), readAt: '2026-01-01T00:00:00Z', clauses: [] });
    v1.close();

    const db = await openClausemarkDb(name);
    expect(db.version).toBe(2);
    expect(await db.get('meta', 'kb')).toEqual({ state: 'ready', version: '2026.08.22' });
    expect((await db.get('platforms', 'linkedin'))?.name).toBe('LinkedIn');
    expect((await db.get('history', 'linkedin/privacy-policy'))?.changes).toHaveLength(1);
    expect((await db.get('visits', visitId as number))?.sha256).toBe('a'.repeat(64));
    expect(await db.getAllFromIndex('visits', 'byUrl', URL_)).toHaveLength(1);
    expect([...db.objectStoreNames].sort()).toEqual(['categoryStats', 'clauses', 'documents', 'history', 'meta', 'platforms', 'tracked', 'versionTexts', 'versions', 'visits'].sort());
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
    const v = await d.get('versions', first.sha256);
    expect(v!.gzBytes).toBeLessThan(v!.rawBytes / 2);
    console.log(`LinkedIn Privacy Policy version: ${v!.words} words, ${v!.rawBytes} bytes as text, ${v!.gzBytes} bytes gzip (${((100 * v!.gzBytes) / v!.rawBytes).toFixed(0)}%)`);

    const view = await call('history/view', { docKey: 'url:linkedin.com/legal/privacy-policy' }, popup);
    expect(view.from).toBe(first.sha256);
    expect(view.to).toBe(changed.sha256);
    expect(view.diff?.significant).toBe(true);
    expect(view.diff!.ops.some((o) => o.kind === 'fold')).toBe(true);
    expect(view.clauseChanges?.added.map((c) => c.id)).toEqual(['y']);
  });

  it('a new header date only is stored but is not a change', async () => {
    const { call, marks } = setup();
    await visit(call, B, '2026-01-01T10:00:00Z');
    const r = await visit(call, bWithNewDate, '2026-03-01T10:00:00Z');
    expect(bWithNewDate.text).not.toBe(B.text);
    expect(r.needed).toBe(true);
    expect(r.ack.change).toBeNull();
    expect(marks).toHaveLength(0);
    const view = await call('history/view', { docKey: 'url:linkedin.com/legal/privacy-policy' }, popup);
    expect(view.versions.map((v) => v.cosmetic)).toEqual([false, true]);
    expect(view.diff).toBeUndefined();
  });

  it('changes are shown against the pinned version', async () => {
    const { call } = setup();
    const a = await visit(call, A, '2026-01-01T10:00:00Z');
    await call('history/pin', { docKey: 'url:linkedin.com/legal/privacy-policy', sha256: a.sha256 }, popup);
    await visit(call, B, '2026-02-01T10:00:00Z');
    const later = await visit(call, { text: `${B.text}\nWe may also train models on your posts.`, hardBreaks: [...B.hardBreaks, B.text.length + 1] }, '2026-03-01T10:00:00Z');
    expect(later.ack.change).toMatchObject({ fromSha: a.sha256, pinned: true });
    const view = await call('history/view', { docKey: 'url:linkedin.com/legal/privacy-policy' }, popup);
    expect(view.from).toBe(a.sha256);
    expect(view.to).toBe(later.sha256);
  });

  it('rejects a text that does not match its hash, a visit from another site, and an oversized text', async () => {
    const { call } = setup();
    const sha256 = await fingerprint(A.text);
    const report: PageReport = { url: URL_, title: 't', sha256, readAt: '2026-01-01T00:00:00Z', textLength: 1, detection: { kind: 'heuristic', reason: 'r' }, clauses: [] };
    const { visitId } = await call('page/report', report, content);
    await expect(call('version/store', { visitId, sha256, text: B.text, hardBreaks: [] }, content)).rejects.toThrow(/does not match/);
    await expect(call('version/store', { visitId, sha256, text: A.text, hardBreaks: [] }, { ...content, url: 'https://evil.example/x' })).rejects.toThrow(/no matching visit/);
    expect(() => validateRequest('version/store', { visitId, sha256, text: 'x'.repeat(6_000_001), hardBreaks: [] })).toThrow(/too long/);
    expect(() => validateRequest('version/store', { visitId, sha256, text: 'abc', hardBreaks: [9] })).toThrow(/offset/);
    expect(() => validateRequest('history/view', { docKey: 'javascript:alert(1)' })).toThrow(/docKey/);
    await expect(call('history/view', { docKey: 'url:x.com' }, content)).rejects.toThrow(/not accepted/);
  });
});

describe('export, import, delete, cap and quota', () => {
  it('round-trips everything, and a bad file is refused with a reason and changes nothing', async () => {
    const { call } = setup();
    const a = await visit(call, A, '2026-01-01T10:00:00Z');
    await visit(call, B, '2026-02-01T10:00:00Z');
    await call('history/pin', { docKey: 'url:linkedin.com/legal/privacy-policy', sha256: a.sha256 }, popup);
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
    expect(await d.get('versions', c.sha256)).toBeUndefined();
    expect(await d.get('versionTexts', c.sha256)).toBeUndefined();
    expect(await d.get('versions', a.sha256)).toBeDefined();
    expect(await d.get('versions', b.sha256)).toBeDefined();
    // With room for everything, nothing goes.
    expect((await pruneHistory(d, 40 * 1048576)).removed).toBe(0);
    expect(() => validateRequest('history/settings', { maxBytes: -1 })).toThrow();
    await expect(call('history/settings', { maxBytes: 10 }, popup)).rejects.toThrow(/between 1 and 40 MB/);
    expect(await call('history/delete', { docKey: 'url:linkedin.com/legal/privacy-policy' }, popup)).toEqual({ deleted: 1 });
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
    expect(await real.get('versions', first.sha256)).toBeDefined();
    expect((await real.get('tracked', 'url:linkedin.com/legal/privacy-policy'))?.currentSha).toBe(first.sha256);
    const list = await call('history/list', {}, popup);
    expect(list.lastError).toMatch(/full/);
  });
});
