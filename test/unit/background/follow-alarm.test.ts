// The browser side of followed documents: one alarm at the user's interval (none while nothing is
// followed), the toolbar mark on every tab, and a system notification only when the user turned
// notifications on and the browser granted the permission.
import { beforeEach, describe, expect, it, vi } from 'vitest';

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

import { announceFollowed, clearFollowedMark, FOLLOW_ALARM, followSchedule } from '../../../src/background/follow-alarm';
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
