// The follow routes decide which address is followed: a content script (the clause panel) only its
// own page as the browser reports the sender, never an address from its payload; extension pages
// an address (checked) or a tab's analysed page. A page whose site is not readable yet waits for
// the user's click in Options.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { handle, SenderRejected, InvalidMessage, type HandlerDeps } from '../../../../src/background/routes';
import { openClausemarkDb } from '../../../../src/storage/db';
import { recordVisit } from '../../../../src/storage/visits';
import { FollowNeedsPermission, type FollowService } from '../../../../src/background/follow-service';
import type { FollowedDocument } from '../../../../src/messages';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
let n = 0;

function setup(opts: { needsPermission?: boolean } = {}) {
  const db = openClausemarkDb(`follow-routes-${++n}`);
  const followed: string[] = [];
  let confirmOpened = 0;
  const follow = {
    async follow(t: { url: string; title?: string }): Promise<FollowedDocument> {
      if (opts.needsPermission) throw new FollowNeedsPermission('https://example.com/*', 'example.com');
      followed.push(t.url);
      return { url: t.url, origin: new URL(t.url).origin, docKey: `url:${t.url}`, title: t.title ?? '', addedAt: '2026-01-01T00:00:00.000Z' };
    },
    async listing() {
      return { documents: followed.map((url) => ({ url })), settings: { intervalHours: 24 }, max: 25 };
    },
    async unfollow() {
      return { removed: true, permissionReleased: false };
    },
  } as unknown as FollowService;
  const tabs = new Map<number, number>();
  const deps = {
    extensionId: EXT,
    extensionOrigin: `chrome-extension://${EXT}/`,
    db: () => db,
    tabVisits: { get: async (id: number) => tabs.get(id), set: async () => undefined },
    follow,
    openFollowConfirm: async () => void confirmOpened++,
  } as unknown as HandlerDeps;
  return { db, deps, followed, tabs, confirms: () => confirmOpened };
}

const page = (url: string) => ({ id: EXT, url, tab: { id: 7 }, frameId: 0 });
const extPage = { id: EXT, url: `chrome-extension://${EXT}/src/popup/index.html` };

describe('follow routes', () => {
  it('the panel follows its own page (no query string, no fragment) and cannot name another address', async () => {
    const t = setup();
    const r = await handle('follow/add', {}, page('https://example.com/privacy?session=abc#s2'), t.deps);
    expect(r.followed?.url).toBe('https://example.com/privacy');
    expect(t.followed).toEqual(['https://example.com/privacy']);
    await expect(handle('follow/add', { url: 'https://evil.example/privacy' }, page('https://example.com/privacy'), t.deps)).rejects.toThrow(/a page cannot name the document to follow/);
    await expect(handle('follow/add', { tabId: 3 }, page('https://example.com/privacy'), t.deps)).rejects.toThrow(/a page cannot name the document to follow/);
    expect(await handle('follow/status', {}, page('https://example.com/privacy#x'), t.deps)).toMatchObject({ followed: true, url: 'https://example.com/privacy', count: 1, max: 25 });
    expect(t.followed).toEqual(['https://example.com/privacy']);
  });

  it('only extension pages list, check, unfollow or change the schedule', async () => {
    const t = setup();
    for (const [name, payload] of [['follow/remove', { url: 'https://example.com/privacy' }], ['follow/list', {}], ['follow/check', {}], ['follow/settings', { intervalHours: 6 }], ['follow/seen', {}], ['follow/pending', {}]] as const) {
      await expect(handle(name, payload, page('https://example.com/privacy'), t.deps), name).rejects.toBeInstanceOf(SenderRejected);
    }
  });

  it('extension pages name a checked address, or a tab whose analysed page is followed', async () => {
    const t = setup();
    await expect(handle('follow/add', { url: 'javascript:alert(1)' }, extPage, t.deps)).rejects.toBeInstanceOf(InvalidMessage);
    await expect(handle('follow/add', { url: 'https://user:pw@example.com/p' }, extPage, t.deps)).rejects.toThrow(/user name or password/);
    await expect(handle('follow/add', {}, extPage, t.deps)).rejects.toThrow(/url or tabId/);
    await expect(handle('follow/settings', { intervalHours: 5 }, extPage, t.deps)).rejects.toThrow(/one of 6, 12, 24, 168/);
    const typed = await handle('follow/add', { url: 'https://example.com/legal?doc=privacy#top' }, extPage, t.deps);
    expect(typed.followed?.url).toBe('https://example.com/legal?doc=privacy');
    const db = await t.db;
    const visitId = await recordVisit(db, { title: 'Terms', sha256: 'a'.repeat(64), readAt: '2026-01-01T00:00:00.000Z', textLength: 10, detection: { kind: 'heuristic', reason: 'x' }, clauses: [], url: 'https://other.example/terms', origin: 'https://other.example', docKey: 'url:https://other.example/terms' });
    t.tabs.set(4, visitId);
    const fromTab = await handle('follow/add', { tabId: 4 }, extPage, t.deps);
    expect(fromTab.followed).toMatchObject({ url: 'https://other.example/terms', title: 'Terms' });
    await expect(handle('follow/add', { tabId: 5 }, extPage, t.deps)).rejects.toThrow(/no analysed policy/);
  });

  it('a page whose site is not readable yet: Options opens and offers that address, for a while', async () => {
    const t = setup({ needsPermission: true });
    const r = await handle('follow/add', {}, page('https://example.com/privacy?x=1'), t.deps);
    expect(r).toEqual({ followed: null, needsPermission: 'example.com' });
    expect(t.confirms()).toBe(1);
    expect(await handle('follow/pending', {}, extPage, t.deps)).toEqual({ url: 'https://example.com/privacy' });
    // From an extension page the permission is the page's to ask: the error goes back as is.
    await expect(handle('follow/add', { url: 'https://example.com/privacy' }, extPage, t.deps)).rejects.toThrow(/needs your permission to read example.com/);
  });
});
