// Followed documents in the background against fake-indexeddb and a fake network: what is fetched
// and how (one address, no cookies, no redirects), when a version is stored (only when the
// server's text changed), the limit of 25, the schedule, the permission given back on unfollow,
// and failures that keep the history as it is.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openClausemarkDb } from '../../../src/storage/db';
import { FollowService, FollowNeedsPermission, type FollowServiceDeps } from '../../../src/background/follow-service';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { MAX_FOLLOWED, listFollowed } from '../../../src/storage/follow';
import { deleteHistory, getTracked, versionsOf } from '../../../src/storage/versions';
import { docKeyOf } from '../../../src/core/history-text';
import { analyseFollowed } from '../../../src/background/follow-analyse';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const para = (s: string) => `<p>${s} We collect personal data, share it with third parties, and retain it for as long as your account exists.</p>`;
const POLICY = (extra = '') =>
  `<!doctype html><html><head><title>Example Privacy Policy</title></head><body><nav>Home Jobs</nav><main><h1>Privacy Policy</h1>${[1, 2, 3, 4, 5].map((i) => para(`Section ${i}.`)).join('')}${extra}</main><footer>© Example</footer></body></html>`;

let n = 0;
function setup(over: Partial<FollowServiceDeps> = {}) {
  const db = openClausemarkDb(`follow-${++n}`);
  let body = POLICY();
  let status = 200;
  let type = 'text/html; charset=utf-8';
  let granted = true;
  const calls: { url: string; init: RequestInit }[] = [];
  const schedule: (number | null)[] = [];
  const announced: string[] = [];
  const released: string[] = [];
  let cleared = 0;
  const deps: FollowServiceDeps = {
    db: () => db,
    kb: { lookup: async () => null, clausesFor: async () => [] },
    fetch: async (url, init) => {
      calls.push({ url, init });
      return new Response(status >= 300 && status < 400 ? null : body, { status, headers: { 'content-type': type } });
    },
    permitted: async () => granted,
    releasePermission: async (p) => {
      released.push(p);
      return true;
    },
    settings: async () => ({ ...DEFAULT_SETTINGS }),
    analyse: async (r) => analyseFollowed(r),
    schedule: async (h) => void schedule.push(h),
    announce: async (doc) => void announced.push(doc.url),
    clearMark: async () => void cleared++,
    ...over,
  };
  const svc = new FollowService(deps);
  return {
    svc,
    db,
    calls,
    schedule,
    announced,
    released,
    cleared: () => cleared,
    serve: (html: string, s = 200, t = 'text/html; charset=utf-8') => ((body = html), (status = s), (type = t)),
    grant: (g: boolean) => (granted = g),
  };
}

const URL_A = 'https://example.com/privacy';

describe('FollowService schedule', () => {
  it('an unfollow during the alarm\'s own reschedule leaves no alarm (one reschedule at a time, each reading the list in turn)', async () => {
    // The browser's alarm: set by schedule(hours), cleared by schedule(null); the first schedule
    // call (the alarm's reschedule, which read one followed document) is slow to reach the browser.
    let alarm: number | null = null;
    let slow = true;
    const t = setup({
      schedule: async (h) => {
        if (slow && h !== null) { slow = false; await new Promise((r) => setTimeout(r, 30)); }
        alarm = h;
      },
    });
    slow = false;
    await t.svc.follow({ url: URL_A });
    slow = true;
    const alarmsReschedule = t.svc.reschedule();
    const removed = t.svc.unfollow(URL_A);
    await Promise.all([alarmsReschedule, removed]);
    expect((await removed).removed).toBe(true);
    expect(alarm).toBe(null);
  });
});

describe('FollowService', () => {
  it('follows, fetches that one address without credentials, referrer or redirects, and keeps the first version', async () => {
    const t = setup();
    const doc = await t.svc.follow({ url: URL_A });
    expect(doc).toMatchObject({ url: URL_A, title: 'Example Privacy Policy', lastCheck: { outcome: 'first' } });
    expect(t.calls.map((c) => c.url)).toEqual([URL_A]);
    expect(t.calls[0]?.init).toMatchObject({ credentials: 'omit', redirect: 'manual', referrerPolicy: 'no-referrer', cache: 'no-store' });
    expect(t.schedule).toEqual([24]);
    const db = await t.db;
    const key = docKeyOf({ url: URL_A });
    expect(await versionsOf(db, key)).toHaveLength(1);
    expect((await getTracked(db, key))?.currentSha).toBe(doc.lastFetchedSha);
    // The page's navigation and footer are not part of the text, as in a tab.
    const [v] = await versionsOf(db, key);
    expect(v?.words).toBeGreaterThan(50);
    expect(t.announced).toEqual([]);
  });

  it('stores a new version and announces it only when the server’s text changed', async () => {
    const t = setup();
    await t.svc.follow({ url: URL_A });
    await t.svc.checkOne(URL_A);
    expect((await listFollowed(await t.db))[0]?.lastCheck?.outcome).toBe('unchanged');
    t.serve(POLICY(para('Section 6. We now sell your data to advertisers.')));
    const d = await t.svc.checkOne(URL_A);
    expect(d).toMatchObject({ lastCheck: { outcome: 'changed' }, unseen: true });
    expect(d.lastChangeAt).toBe(d.lastCheck?.at);
    expect(t.announced).toEqual([URL_A]);
    expect(await versionsOf(await t.db, docKeyOf({ url: URL_A }))).toHaveLength(2);
    await t.svc.markSeen();
    expect((await listFollowed(await t.db))[0]?.unseen).toBe(false);
    expect(t.cleared()).toBeGreaterThan(0);
  });

  it('after the user deleted its history, the next check keeps the version again', async () => {
    const t = setup();
    await t.svc.follow({ url: URL_A });
    const key = docKeyOf({ url: URL_A });
    await deleteHistory(await t.db, key);
    expect(await versionsOf(await t.db, key)).toHaveLength(0);
    await t.svc.checkOne(URL_A);
    expect(await versionsOf(await t.db, key)).toHaveLength(1);
    expect(t.announced).toEqual([]);
  });

  it('a date line that moved is stored but not announced', async () => {
    const t = setup();
    t.serve(POLICY('<p>Last updated: 2 March 2025</p>'));
    await t.svc.follow({ url: URL_A });
    t.serve(POLICY('<p>Last updated: 9 April 2025</p>'));
    expect((await t.svc.checkOne(URL_A)).lastCheck?.outcome).toBe('unchanged');
    expect(t.announced).toEqual([]);
  });

  it('refuses a redirect, an error, a non-page and a page built by scripts, keeping the history as it was', async () => {
    const t = setup();
    await t.svc.follow({ url: URL_A });
    const before = await versionsOf(await t.db, docKeyOf({ url: URL_A }));
    t.serve('', 302);
    expect((await t.svc.checkOne(URL_A)).lastCheck).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/redirects elsewhere/) });
    t.serve('nope', 503);
    expect((await t.svc.checkOne(URL_A)).lastCheck).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/HTTP 503/) });
    t.serve('%PDF-1.4', 200, 'application/pdf');
    expect((await t.svc.checkOne(URL_A)).lastCheck).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/not a web page/) });
    t.serve('<html><body><div id="root"></div><script src="app.js"></script></body></html>');
    expect((await t.svc.checkOne(URL_A)).lastCheck).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/built in the browser/) });
    expect(await versionsOf(await t.db, docKeyOf({ url: URL_A }))).toEqual(before);
  });

  it('does not fetch without the site’s permission', async () => {
    const t = setup();
    t.grant(false);
    await expect(t.svc.follow({ url: URL_A })).rejects.toBeInstanceOf(FollowNeedsPermission);
    expect(t.calls).toEqual([]);
    expect(await listFollowed(await t.db)).toEqual([]);
    t.grant(true);
    await t.svc.follow({ url: URL_A });
    t.grant(false); // revoked in the browser's settings
    expect((await t.svc.checkOne(URL_A)).lastCheck).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/no longer has your permission/) });
    expect(t.calls).toHaveLength(1);
  });

  it('follows at most 25 documents, with a message that says what to do', async () => {
    const t = setup();
    for (let i = 0; i < MAX_FOLLOWED; i++) await t.svc.follow({ url: `https://site${i}.example/privacy` });
    await expect(t.svc.follow({ url: 'https://one-more.example/privacy' })).rejects.toThrow(/You follow 25 documents, the most Clausemark checks\. Unfollow one/);
    // Following one already followed is not an error.
    await expect(t.svc.follow({ url: 'https://site3.example/privacy' })).resolves.toMatchObject({ url: 'https://site3.example/privacy' });
    expect(await listFollowed(await t.db)).toHaveLength(MAX_FOLLOWED);
  });

  it('unfollow gives the permission back unless another followed document is on the same site, and stops the schedule when none is left', async () => {
    const t = setup();
    await t.svc.follow({ url: URL_A });
    await t.svc.follow({ url: 'https://example.com/terms' });
    expect(await t.svc.unfollow(URL_A)).toEqual({ removed: true, permissionReleased: false });
    expect(t.released).toEqual([]);
    expect(await t.svc.unfollow('https://example.com/terms')).toEqual({ removed: true, permissionReleased: true });
    expect(t.released).toEqual(['https://example.com/*']);
    expect(t.schedule.at(-1)).toBeNull();
    // The history stays.
    expect(await versionsOf(await t.db, docKeyOf({ url: URL_A }))).toHaveLength(1);
  });

  it('the schedule follows the interval the user picks', async () => {
    const t = setup();
    await t.svc.follow({ url: URL_A });
    await t.svc.setInterval(168);
    expect(t.schedule.at(-1)).toBe(168);
    expect((await t.svc.listing()).settings.intervalHours).toBe(168);
  });
});
