// Content-script registration (background/content-registration.ts): in automatic mode the
// sentinel is registered for every page and the loader for addresses that look like a policy, both
// at the start of the document; an older registration (the loader on every page, document_idle,
// kept across sessions) is brought up to date; "only when I click" mode removes both. The
// loader's address patterns cover every address quickSignal takes for a policy by its path, on the
// knowledge base's own document addresses.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { quickSignal } from '../../../src/core/page';

type Reg = { id: string; runAt?: string; matches?: string[]; js?: string[]; allFrames?: boolean };
const h = vi.hoisted(() => ({ registered: [] as Reg[], calls: [] as string[], executed: [] as unknown[] }));
vi.mock('webextension-polyfill', () => ({
  default: {
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => h.registered.filter((s) => ids.includes(s.id)),
      registerContentScripts: async (s: Reg[]) => void (h.calls.push(`register ${s.map((x) => x.id).join(',')}`), h.registered.push(...s)),
      updateContentScripts: async (s: Reg[]) => void (h.calls.push(`update ${s.map((x) => x.id).join(',')}`), (h.registered = h.registered.map((r) => s.find((x) => x.id === r.id) ?? r))),
      executeScript: async (details: unknown) => (h.executed.push(details), [{ result: undefined }]),
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => void (h.calls.push(`unregister ${ids.join(',')}`), (h.registered = h.registered.filter((r) => !ids.includes(r.id)))),
    },
  },
}));

const { LOADER_ID, SENTINEL_ID, injectAnnotator, injectLoader, policyAddressPatterns, syncContentScripts } = await import('../../../src/background/content-registration');

beforeEach(() => {
  h.registered = [];
  h.calls = [];
});

/** A match pattern's test as browsers apply it to http(s) addresses (scheme *, host *, a path glob). */
function matches(pattern: string, url: string): boolean {
  const glob = pattern.replace(/^\*:\/\/\*/, '');
  const u = new URL(url);
  const re = new RegExp(`^${glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(u.pathname + u.search);
}

describe('syncContentScripts', () => {
  it('registers the sentinel on every page and the loader on policy addresses, at document_start, once', async () => {
    await syncContentScripts({ mode: 'auto' });
    await syncContentScripts({ mode: 'auto' });
    expect(h.calls).toEqual([`register ${SENTINEL_ID},${LOADER_ID}`]);
    const byId = new Map(h.registered.map((r) => [r.id, r]));
    expect(byId.get(SENTINEL_ID)).toMatchObject({ js: ['content/sentinel.js'], matches: ['http://*/*', 'https://*/*'], allFrames: true, runAt: 'document_start' });
    expect(byId.get(LOADER_ID)).toMatchObject({ js: ['content/loader.js'], allFrames: true, runAt: 'document_start' });
    expect(byId.get(LOADER_ID)?.matches).not.toContain('https://*/*');
  });

  it('brings the registration of an earlier version (the loader on every page) up to date', async () => {
    h.registered = [{ id: LOADER_ID, runAt: 'document_idle', js: ['content/loader.js'], matches: ['http://*/*', 'https://*/*'], allFrames: true }];
    await syncContentScripts({ mode: 'auto' });
    expect(h.calls).toEqual([`update ${LOADER_ID}`, `register ${SENTINEL_ID}`]);
    expect(h.registered.find((r) => r.id === LOADER_ID)?.matches).toEqual(policyAddressPatterns());
  });

  it('unregisters both in "only when I click" mode', async () => {
    await syncContentScripts({ mode: 'auto' });
    h.calls = [];
    await syncContentScripts({ mode: 'click' });
    expect(h.calls).toEqual([`unregister ${SENTINEL_ID},${LOADER_ID}`]);
    expect(h.registered).toEqual([]);
  });

  it('gives the loader every knowledge-base address that reads like a policy by its path, and not ordinary ones', () => {
    const patterns = policyAddressPatterns();
    const kb = JSON.parse(readFileSync('src/kb/generated/kb.json', 'utf8')) as { documents: { patterns: { host: string; path: string }[] }[] };
    const urls = kb.documents.flatMap((d) => d.patterns.map((p) => `https://${p.host}${p.path}`));
    const candidates = urls.filter((u) => quickSignal(u, '').candidate);
    expect(candidates.length).toBeGreaterThan(5000);
    const missed = candidates.filter((u) => !patterns.some((p) => matches(p, u)));
    expect(missed).toEqual([]);
    for (const u of ['https://notes.example.org/datasets/handbook', 'https://example.com/photos/2024', 'https://shop.example/']) expect(patterns.some((p) => matches(p, u)), u).toBe(false);
  });
});

describe('injectLoader and injectAnnotator', () => {
  it('put each script into the one frame named, at once; the annotator is a script of its own', async () => {
    h.executed = [];
    await injectLoader(5, 2);
    await injectAnnotator(5, 2);
    expect(h.executed).toEqual([
      { target: { tabId: 5, frameIds: [2] }, files: ['content/loader.js'], injectImmediately: true },
      { target: { tabId: 5, frameIds: [2] }, files: ['content/annotator.js'], injectImmediately: true },
    ]);
  });
});
