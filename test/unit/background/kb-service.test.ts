// The background's storage, knowledge-base install and message handlers, against
// fake-indexeddb with the real generated knowledge base.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../../../src/kb/schema';
import { openClausemarkDb, getKbStatus, setKbStatus, type Db } from '../../../src/storage/db';
import { installKb, validateKb } from '../../../src/storage/kb-install';
import { KbService, URL_INDEX_KEY } from '../../../src/background/kb-service';
import { handle, SenderRejected, type HandlerDeps, type Sender } from '../../../src/background/routes';
import { validateRequest, InvalidMessage } from '../../../src/background/routes';
import type { PageReading } from '../../../src/messages';
import { PROJECT_ROOT } from '../../fixtures/pages';

const kb = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'src/kb/generated/kb.json'), 'utf8')) as KnowledgeBase;
const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const contentSender: Sender = { id: EXT, url: 'https://policies.google.com/privacy', tab: { id: 7 }, frameId: 0 };
const popupSender: Sender = { id: EXT, url: `${ORIGIN}src/popup/index.html?tab=7` };

let dbCount = 0;
function setup(): { db: Promise<Db>; service: KbService; deps: HandlerDeps; loads: { n: number } } {
  const db = openClausemarkDb(`test-${++dbCount}`);
  const loads = { n: 0 };
  const service = new KbService({ db: () => db, loadBundled: async () => (loads.n++, kb) });
  const tabs = new Map<number, number>();
  const deps: HandlerDeps = {
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    db: () => db,
    kb: service,
    tabVisits: { get: async (t) => tabs.get(t), set: async (t, v) => void tabs.set(t, v) },
    revealInTab: async () => true,
  };
  return { db, service, deps, loads };
}

const report = (over: Partial<PageReading> & Record<string, unknown> = {}): PageReading => ({
  title: 'Privacy Policy – Privacy & Terms – Google',
  sha256: 'a'.repeat(64),
  readAt: '2026-11-23T10:00:00.000Z',
  textLength: 1000,
  detection: { kind: 'known', reason: 'known: Google Privacy Policy' },
  clauses: [
    { id: 'retention-1', start: 0, end: 10, category: 'retention', severity: 'medium', confidence: 0.9, source: 'detector', excerpt: 'We keep data' },
    { id: 'kb-x', start: 20, end: 30, category: 'data-sharing', severity: 'high', confidence: 1, source: 'kb', excerpt: 'We share', anchored: true },
  ],
  ...over,
});

describe('knowledge base install', () => {
  it('validates the shipped knowledge base and installs every record', async () => {
    validateKb(kb);
    const { db: dbp } = setup();
    const db = await dbp;
    await installKb(db, kb);
    expect(await db.count('platforms')).toBe(kb.platforms.length);
    expect(await db.count('documents')).toBe(kb.documents.length);
    expect(await db.count('clauses')).toBe(kb.clauses.length);
    const status = await getKbStatus(db);
    expect(status).toMatchObject({ state: 'ready', contentHash: kb.contentHash, version: kb.version });
  });

  it('rejects a malformed knowledge base with a reason', () => {
    expect(() => validateKb(null)).toThrow(/not an object/);
    expect(() => validateKb({ ...kb, schemaVersion: 99 })).toThrow(/schema 99/);
    expect(() => validateKb({ ...kb, clauses: 'x' })).toThrow(/no clauses list/);
  });

  it('redoes a load that was cut short, and skips a complete one', async () => {
    const { db: dbp, service, loads } = setup();
    const db = await dbp;
    await setKbStatus(db, { state: 'loading', contentHash: kb.contentHash });
    await service.ensure();
    expect(loads.n).toBe(1);
    expect((await getKbStatus(db)).state).toBe('ready');
    const again = new KbService({ db: () => dbp, loadBundled: async () => (loads.n++, kb) });
    await again.ensure();
    expect(loads.n).toBe(1);
    await again.ensure(true); // install/update event: same hash, no reload of records
    expect(loads.n).toBe(2);
    expect(await db.count('clauses')).toBe(kb.clauses.length);
  });
});

describe('message handlers', () => {
  let env: ReturnType<typeof setup>;
  beforeAll(async () => {
    env = setup();
    await env.service.ensure();
  });

  it('looks up a known policy URL and its reviewed clauses', async () => {
    const { match } = await handle('page/lookup', {}, contentSender, env.deps);
    expect(match?.platform.id).toBe('google');
    expect(match?.document.termsType).toBe('Privacy Policy');
    const { clauses } = await handle('kb/clauses', { platformId: 'google', documentId: match?.document.id }, contentSender, env.deps);
    expect(clauses.length).toBeGreaterThan(5);
    expect(clauses[0]?.documentId).toBe(match?.document.id);
    expect((await handle('page/lookup', {}, { ...contentSender, url: 'https://www.example.org/recipes/lentil-soup' }, env.deps)).match).toBeNull();
    // The address is the browser's record of the sender: one named in the payload is not read.
    expect((await handle('page/lookup', { url: 'https://policies.google.com/privacy' }, { ...contentSender, url: 'https://www.example.org/recipes/lentil-soup' }, env.deps)).match).toBeNull();
  });

  it('keeps the URL index for the next worker start, rebuilt when the knowledge base changes', async () => {
    const db = await env.db;
    const url = 'https://policies.google.com/privacy?hl=en-GB&gl=IE';
    await handle('page/lookup', {}, { ...contentSender, url }, env.deps);
    const kept = (await db.get('meta', URL_INDEX_KEY)) as { contentHash: string; index: Map<string, unknown> };
    expect(kept.contentHash).toBe(kb.contentHash);
    expect(kept.index.size).toBeGreaterThan(1000);
    // A fresh worker answers from the kept index, not from the documents: a host only the kept
    // index knows is found.
    const googleDoc = (await handle('page/lookup', {}, { ...contentSender, url }, env.deps)).match?.document.id as string;
    const index = new Map(kept.index);
    index.set('kept-index.example', [{ documentId: googleDoc, path: '/only-here', priority: 0 }]);
    await db.put('meta', { contentHash: kept.contentHash, index }, URL_INDEX_KEY);
    const fresh = new KbService({ db: () => env.db, loadBundled: async () => kb });
    expect((await fresh.lookup('https://kept-index.example/only-here'))?.platform.id).toBe('google');
    // Another knowledge base (hash) makes the kept index stale: it is rebuilt and replaced.
    const status = await getKbStatus(db);
    await setKbStatus(db, { ...status, contentHash: 'f'.repeat(64) });
    const other = new KbService({ db: () => env.db, loadBundled: async () => kb });
    expect((await other.lookup(url))?.platform.id).toBe('google');
    expect(((await db.get('meta', URL_INDEX_KEY)) as { contentHash: string }).contentHash).toBe('f'.repeat(64));
    expect((await other.lookup('https://kept-index.example/only-here'))).toBeNull();
    await setKbStatus(db, status);
  });

  it('warms the URL index before the first lookup: that lookup then reads no document', async () => {
    const { db, service } = setup();
    await service.ensure();
    const d = await db;
    await d.delete('meta', URL_INDEX_KEY);
    await service.warm();
    // Built and kept by warm(), not by a lookup.
    expect(((await d.get('meta', URL_INDEX_KEY)) as { contentHash: string } | undefined)?.contentHash).toBe(kb.contentHash);
    // The lookup answers from the index in memory: with the documents' store unreadable for
    // anything but one document by key, it still finds the page.
    const reads: string[] = [];
    const getAll = d.getAll.bind(d);
    (d as unknown as { getAll: typeof d.getAll }).getAll = ((store: string, ...rest: unknown[]) => (reads.push(store), (getAll as (...a: unknown[]) => unknown)(store, ...rest))) as typeof d.getAll;
    expect((await service.lookup('https://policies.google.com/privacy'))?.platform.id).toBe('google');
    expect(reads).toEqual([]);
  });

  it('compares a category across platforms, good practice first', async () => {
    const cmp = await handle('kb/compare', { category: 'arbitration', platformId: 'google', limit: 6 }, contentSender, env.deps);
    expect(cmp.stat?.platformsWith).toBeGreaterThan(0);
    expect(cmp.others.length).toBeGreaterThan(0);
    expect(cmp.others.every((o) => o.platform.id !== 'google' && o.clause.category === 'arbitration')).toBe(true);
    const sev = cmp.others.map((o) => o.clause.severity);
    const firstBad = sev.findIndex((s) => s !== 'good');
    if (firstBad >= 0) expect(sev.slice(firstBad).includes('good')).toBe(false);
  });

  it('records a visit from a content script and gives it back to the popup from IndexedDB', async () => {
    const { visitId } = await handle('page/report', report(), contentSender, env.deps);
    expect(visitId).toBeGreaterThan(0);
    const { state } = await handle('tab/state', { tabId: 7 }, popupSender, env.deps);
    expect(state?.visit.sha256).toBe('a'.repeat(64));
    expect(state?.platform?.name).toMatch(/Google/);
    expect(state?.document?.termsType).toMatch(/Privacy Policy/);
    expect(state?.counts).toEqual({ high: 1, medium: 1, low: 0, good: 0 });
    expect((await handle('tab/state', { tabId: 99 }, popupSender, env.deps)).state).toBeNull();
  });

  it('names the page from the sender and its own lookup, never from the payload', async () => {
    const stranger: Sender = { id: EXT, url: 'https://stranger.example/privacy?session=secret#x', tab: { id: 9 }, frameId: 0 };
    const claimed = { ...report(), url: 'https://policies.google.com/privacy', documentId: 'google/privacy-policy', platformId: 'google', detection: { kind: 'known', reason: 'I say so' } };
    const { visitId } = await handle('page/report', claimed, stranger, env.deps);
    const visit = await (await env.db).get('visits', visitId);
    expect(visit).toMatchObject({ url: 'https://stranger.example/privacy', origin: 'https://stranger.example', docKey: 'url:https://stranger.example/privacy', detection: { kind: 'heuristic' } });
    expect(visit?.documentId).toBeUndefined();
    expect(visit?.platformId).toBeUndefined();
    // The real page gets its document from the background's own lookup, keyed with its origin.
    const own = await handle('page/report', report(), contentSender, env.deps);
    const real = await (await env.db).get('visits', own.visitId);
    expect(real).toMatchObject({ origin: 'https://policies.google.com', platformId: 'google', detection: { kind: 'known' } });
    expect(real?.docKey).toBe(`doc:${real?.documentId}@https://policies.google.com`);
    // A visit of another origin cannot be named by a content script.
    await expect(handle('version/check', { visitId: own.visitId, sha256: 'a'.repeat(64) }, stranger, env.deps)).rejects.toThrow(/no matching visit/);
  });

  it('reports a damaged visit record with a clear message, and other tabs still work', async () => {
    const db = await env.db;
    const bad = await db.add('visits', { url: 'javascript:alert(1)', clauses: 'oops' } as never);
    await env.deps.tabVisits.set(8, bad);
    await expect(handle('tab/state', { tabId: 8 }, popupSender, env.deps)).rejects.toThrow(/record of this page is damaged .*reload the page/);
    expect((await handle('tab/state', { tabId: 7 }, popupSender, env.deps)).state?.visit.sha256).toBe('a'.repeat(64));
  });

  it('checks senders: pages cannot read tabs, other extensions cannot talk at all', async () => {
    await expect(handle('tab/state', { tabId: 7 }, contentSender, env.deps)).rejects.toBeInstanceOf(SenderRejected);
    await expect(handle('page/report', report(), popupSender, env.deps)).rejects.toBeInstanceOf(SenderRejected);
    await expect(handle('page/lookup', {}, { ...contentSender, id: 'someone-else' }, env.deps)).rejects.toBeInstanceOf(SenderRejected);
    // A frame without a web address (about:blank, data:) is no content sender either.
    await expect(handle('page/lookup', {}, { ...contentSender, url: 'data:text/html,x' }, env.deps)).rejects.toBeInstanceOf(SenderRejected);
    await expect(handle('kb/status', {}, { id: EXT, url: 'file:///tmp/x.html' }, env.deps)).rejects.toBeInstanceOf(SenderRejected);
  });
});

describe('payload validation', () => {
  it('accepts a real report and returns a clean copy', () => {
    const r = validateRequest('page/report', { ...report(), extra: '<img onerror=alert(1)>', url: 'https://elsewhere.example/' });
    expect(r).not.toHaveProperty('extra');
    expect(r).not.toHaveProperty('url');
    expect(r.clauses).toHaveLength(2);
  });

  it('rejects hostile or broken payloads with a reason', () => {
    const bad: [string, unknown][] = [
      ['javascript in the title is text, but a title over the limit is not', report({ title: 'x'.repeat(2000) })],
      ['short hash', report({ sha256: 'abc' })],
      ['unknown category', report({ clauses: [{ ...report().clauses[0]!, category: 'made-up' }] })],
      ['bad severity', report({ clauses: [{ ...report().clauses[0]!, severity: 'critical' as never }] })],
      ['backwards span', report({ clauses: [{ ...report().clauses[0]!, start: 9, end: 2 }] })],
      ['huge excerpt', report({ clauses: [{ ...report().clauses[0]!, excerpt: 'x'.repeat(10_000) }] })],
      ['not an object', 'hello'],
    ];
    for (const [what, payload] of bad) {
      expect(() => validateRequest('page/report', payload), what).toThrow(InvalidMessage);
    }
    expect(() => validateRequest('tab/state', { tabId: -1 })).toThrow(InvalidMessage);
    expect(() => validateRequest('nope' as never, {})).toThrow(/unknown message/);
  });
});
