// Content-script registration (background/content-registration.ts): the loader is registered at
// the start of the document in automatic mode, an older registration (document_idle, kept across
// sessions) is moved there, and "only when I click" mode removes it.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({ registered: [] as { id: string; runAt?: string }[], calls: [] as string[] }));
vi.mock('webextension-polyfill', () => ({
  default: {
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => h.registered.filter((s) => ids.includes(s.id)),
      registerContentScripts: async (s: { id: string; runAt: string }[]) => void (h.calls.push(`register ${s[0]?.runAt}`), h.registered.push(...s)),
      updateContentScripts: async (s: { id: string; runAt: string }[]) => void (h.calls.push(`update ${s[0]?.runAt}`), (h.registered = [...s])),
      unregisterContentScripts: async () => void (h.calls.push('unregister'), (h.registered = [])),
    },
  },
}));

const { LOADER_ID, syncContentScripts } = await import('../../../src/background/content-registration');

beforeEach(() => {
  h.registered = [];
  h.calls = [];
});

describe('syncContentScripts', () => {
  it('registers the loader at document_start, once', async () => {
    await syncContentScripts({ mode: 'auto' });
    await syncContentScripts({ mode: 'auto' });
    expect(h.calls).toEqual(['register document_start']);
  });

  it('moves a registration of an earlier version to document_start', async () => {
    h.registered = [{ id: LOADER_ID, runAt: 'document_idle' }];
    await syncContentScripts({ mode: 'auto' });
    expect(h.calls).toEqual(['update document_start']);
  });

  it('unregisters in "only when I click" mode', async () => {
    h.registered = [{ id: LOADER_ID, runAt: 'document_start' }];
    await syncContentScripts({ mode: 'click' });
    expect(h.calls).toEqual(['unregister']);
  });
});
