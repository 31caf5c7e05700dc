// The browser side of followed documents: one alarm at the user's interval (none while nothing is
// followed), the toolbar mark on every tab, and a system notification only when the user turned
// notifications on and the browser granted the permission. In Chrome, a followed document's clauses
// are found by the analysis host, the one offscreen document an extension may have, which pages'
// analyses use too: a check opens it when it is not open and never closes it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({
  alarms: new Map<string, { name: string; periodInMinutes?: number }>(),
  created: [] as unknown[],
  notifications: [] as unknown[],
  badge: { text: '', title: '' },
  granted: false,
  settings: { systemNotifications: false },
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    alarms: {
      get: async (name: string) => h.alarms.get(name),
      clear: async (name: string) => h.alarms.delete(name),
      create: (name: string, info: { periodInMinutes?: number }) => {
        h.created.push(info);
        h.alarms.set(name, { name, periodInMinutes: info.periodInMinutes });
      },
    },
    action: {
      setBadgeText: async ({ text }: { text: string }) => void (h.badge.text = text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async ({ title }: { title: string }) => void (h.badge.title = title),
    },
    permissions: { contains: async () => h.granted },
    notifications: { create: async (id: string, opts: unknown) => void h.notifications.push({ id, opts }) },
    runtime: { getURL: (p: string) => `chrome-extension://x/${p}` },
    i18n: { getMessage: () => '' },
  },
}));
vi.mock('../../../src/settings/store', () => ({ loadSettings: async () => h.settings }));

import { analyseClauses, announceFollowed, clearFollowedMark, FOLLOW_ALARM, followSchedule } from '../../../src/background/follow-alarm';
import { HOST_FILE } from '../../../src/lib/content-files';
import type { FollowedDocument } from '../../../src/storage/follow-types';
import type { VersionChange } from '../../../src/history-messages';

const doc = { url: 'https://example.com/privacy', docKey: 'url:https://example.com/privacy', title: 'Example Privacy Policy' } as FollowedDocument;
const change = { wordsAdded: 12, wordsRemoved: 3 } as VersionChange;

beforeEach(() => {
  h.alarms.clear();
  h.created.length = 0;
  h.notifications.length = 0;
  h.granted = false;
  h.settings = { systemNotifications: false };
});

describe('followSchedule', () => {
  it('sets one alarm at the interval, keeps it while the interval is the same, and removes it when nothing is followed', async () => {
    await followSchedule(24);
    expect(h.alarms.get(FOLLOW_ALARM)?.periodInMinutes).toBe(1440);
    await followSchedule(24);
    expect(h.created).toHaveLength(1); // its next time is kept
    await followSchedule(6);
    expect(h.alarms.get(FOLLOW_ALARM)?.periodInMinutes).toBe(360);
    await followSchedule(null);
    expect(h.alarms.size).toBe(0);
  });
});

describe('announceFollowed', () => {
  it('marks the toolbar icon; no notification while notifications are off (the default)', async () => {
    h.granted = true;
    await announceFollowed(doc, change, 2);
    expect(h.badge).toEqual({ text: 'Δ', title: expect.stringContaining('a followed document changed (2 not seen yet)') });
    expect(h.notifications).toEqual([]);
    await clearFollowedMark();
    expect(h.badge.text).toBe('');
  });

  it('no notification when the setting is on but the permission was not granted', async () => {
    h.settings = { systemNotifications: true };
    await announceFollowed(doc, change, 1);
    expect(h.notifications).toEqual([]);
  });

  it('a notification when the user turned them on and granted the permission', async () => {
    h.settings = { systemNotifications: true };
    h.granted = true;
    await announceFollowed(doc, change, 1);
    expect(h.notifications).toEqual([{ id: `clausemark-follow:${doc.docKey}`, opts: expect.objectContaining({ type: 'basic', title: 'Changed: Example Privacy Policy', message: expect.stringContaining('12 words added, 3 removed') }) }]);
  });
});

describe('analyseClauses (Chrome)', () => {
  const clauses = [{ id: 'c1', start: 0, end: 10, category: 'arbitration', severity: 'high', confidence: 0.9, source: 'detector', excerpt: 'x' }];
  const request = { text: 'Some policy text.', hardBreaks: [], known: [], settings: { disabledCategories: [], minSeverity: 'low', sensitivity: 'balanced' } } as unknown as Parameters<typeof analyseClauses>[0];
  let open: string[];
  let calls: string[];
  let answer: unknown;
  beforeEach(() => {
    open = [];
    calls = [];
    answer = { ok: true, clauses };
    vi.stubGlobal('chrome', {
      offscreen: {
        hasDocument: async () => open.length > 0,
        createDocument: async (o: { url: string; reasons: string[] }) => {
          calls.push(`create ${o.url} ${o.reasons.join(',')}`);
          await new Promise((r) => setTimeout(r, 5));
          if (open.length) throw new Error('Only a single offscreen document may be created.');
          open.push(o.url);
        },
        closeDocument: async () => {
          calls.push('close');
          open.length = 0;
        },
      },
      runtime: {
        sendMessage: async (m: { clausemarkOffscreen?: number; request?: unknown }) => {
          calls.push('message');
          // Only the analysis host answers these.
          return open.includes(HOST_FILE) && m.clausemarkOffscreen === 1 && m.request === request ? answer : undefined;
        },
      },
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('opens the analysis host when it is not open, asks it, and leaves it open for the pages', async () => {
    expect(await analyseClauses(request)).toEqual(clauses);
    expect(calls).toEqual([`create ${HOST_FILE} WORKERS`, 'message']);
    expect(open).toEqual([HOST_FILE]);
  });

  it('uses the host a page analysis already opened, and opens no other document', async () => {
    open.push(HOST_FILE);
    expect(await analyseClauses(request)).toEqual(clauses);
    expect(calls).toEqual(['message']);
    expect(open).toEqual([HOST_FILE]);
  });

  it('two checks at once open it once; neither closes it', async () => {
    const [a, b] = await Promise.all([analyseClauses(request), analyseClauses(request)]);
    expect([a, b]).toEqual([clauses, clauses]);
    expect(calls.filter((c) => c.startsWith('create'))).toHaveLength(1);
    expect(calls).not.toContain('close');
    expect(open).toEqual([HOST_FILE]);
  });

  it('a failed analysis is an error, and the host stays open', async () => {
    answer = { ok: false, error: 'boom' };
    await expect(analyseClauses(request)).rejects.toThrow(/boom/);
    expect(open).toEqual([HOST_FILE]);
  });
});
