// The popup's first requests: both leave at once, before either answers, for the tab named by
// `?tab=` (else the active tab); the knowledge base's status failing never fails the page.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const api = vi.hoisted(() => {
  const pending: { name: string; payload: unknown; answer(value: unknown): void; fail(err: unknown): void }[] = [];
  const sendMessage = vi.fn(
    (message: { name: string; payload: unknown }) =>
      new Promise((resolve, reject) => pending.push({ name: message.name, payload: message.payload, answer: (value) => resolve({ ok: true, value }), fail: reject })),
  );
  (globalThis as { chrome?: unknown }).chrome = { runtime: { sendMessage } };
  return { pending, sendMessage, query: vi.fn(async () => [{ id: 12 }]) };
});
vi.mock('webextension-polyfill', () => ({ default: { tabs: { query: api.query } } }));

const { startFirstLoad } = await import('../../../src/popup/first-load');

const settle = () => new Promise((r) => setTimeout(r, 0));
const asked = () => api.pending.map((p) => [p.name, p.payload]);

beforeEach(() => {
  api.pending.length = 0;
  api.sendMessage.mockClear();
  api.query.mockClear();
});

describe('startFirstLoad', () => {
  it('asks for the tab’s state and the knowledge base’s status together, neither waiting for the other', async () => {
    const first = startFirstLoad('?tab=7');
    await settle();
    expect(asked()).toEqual([
      ['kb/status', {}],
      ['tab/state', { tabId: 7 }],
    ]);
    api.pending[1]?.answer({ state: null });
    await expect(first.page).resolves.toEqual({ tabId: 7, state: null });
    api.pending[0]?.fail(new Error('no background'));
    await expect(first.kb).resolves.toBeNull();
  });

  it('without ?tab= it is about the active tab; a malformed one names no tab and asks nothing about it', async () => {
    const active = startFirstLoad('');
    await settle();
    expect(api.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(asked()).toContainEqual(['tab/state', { tabId: 12 }]);
    api.pending.length = 0;
    const none = startFirstLoad('?tab=-3');
    await expect(none.page).resolves.toEqual({ tabId: null, state: null });
    expect(asked()).toEqual([['kb/status', {}]]);
    void active;
  });

  it('a failed state request fails the page', async () => {
    const first = startFirstLoad('?tab=7');
    await settle();
    api.pending.find((p) => p.name === 'tab/state')?.fail(new Error('gone'));
    await expect(first.page).rejects.toThrow('gone');
  });
});
