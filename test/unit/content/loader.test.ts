// @vitest-environment happy-dom
// The content loader (content/loader.ts) as the popup's "Analyse this page" meets it: the
// background injects the loader and asks it to analyse straight away, by running a function in
// the extension's isolated world (background/content-registration.ts, requestLoader; simulated
// here in this test's own global). The loader must answer from its first synchronous moment,
// before its settings are read, and the request must wait for the settings rather than find no
// one to answer it (a race CI lost under load). It registers no runtime message listener. And it
// reads a policy page once parsed, but in a task after the one that parsed it (where a page with
// nothing left to load also fires `load` and lays itself out): no code of ours runs in that task;
// nor does its first use of the extension API (the settings, the lookup) come in the task it is
// injected in, which parses the page.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings';
import { LOADER_FLAG } from '../../../src/lib/content-files';

const h = vi.hoisted(() => ({
  begun: 0,
  lookups: 0,
  /** Times the annotator was asked for. */
  expected: 0,
  /** When the annotator's script runs in the frame (the background puts it in). */
  annotatorRuns: Promise.resolve(),
  settingsAsked: 0,
  listeners: 0,
  settings: null as null | ((s: Settings) => void),
  started: [] as { force?: boolean; reason: string }[],
}));

vi.mock('../../../src/lib/ext', () => ({ ext: {}, onRuntimeMessage: () => (h.listeners++, () => undefined) }));
// The background's side: scripting.executeScript runs the function with its arguments in the
// frame's isolated world, which for this test is its own global.
vi.mock('webextension-polyfill', () => ({
  default: {
    scripting: {
      executeScript: async ({ func, args }: { func: (...a: unknown[]) => unknown; args: unknown[] }) => [{ result: await func(...args) }],
    },
  },
}));
vi.mock('../../../src/lib/rpc', () => ({ send: async () => (h.lookups++, { match: null }) }));
vi.mock('../../../src/settings/store', () => ({
  loadSettings: () => (h.settingsAsked++, new Promise<Settings>((resolve) => (h.settings = resolve))),
  onSettingsChanged: () => undefined,
}));
vi.mock('../../../src/content/begin', () => ({ begin: async () => (h.begun++, null) }));
vi.mock('../../../src/content/load-annotator', () => ({
  loadAnnotator: async () => {
    h.expected++;
    await h.annotatorRuns;
    return {
      startSession: async (input: { force?: boolean; reason: string }) => void h.started.push({ force: input.force, reason: input.reason }),
      explainSelection: async () => true,
    };
  },
}));

describe('content loader', () => {
  it('answers "Analyse this page" asked the moment it is injected, once its settings arrive', async () => {
    const { requestLoader } = await import('../../../src/background/content-registration');
    // Before the loader runs there is no one to answer.
    await expect(requestLoader(1, 0, 'content/analyse', {})).rejects.toThrow(/no answer/);
    await import('../../../src/content/loader');
    // Injected: settings not yet read, yet the request is taken.
    const answer = requestLoader(1, 0, 'content/analyse', {});
    await Promise.resolve();
    expect(h.started).toEqual([]);
    h.settings?.({ ...DEFAULT_SETTINGS, mode: 'click' });
    expect(await answer).toEqual({ started: true });
    // In "only when I click" mode the page itself started nothing: only the request did.
    expect(h.started).toEqual([{ force: true, reason: 'analysed on request' }]);
    // "Explain this clause" goes the same way.
    expect(await requestLoader(1, 0, 'content/explain', { text: 'We may share your data.' })).toEqual({ found: true });
    // No runtime message listener on the page.
    expect(h.listeners).toBe(0);
  });

  it('reads a policy page in a task after the one that parsed it, none of it in that task', async () => {
    vi.resetModules();
    delete (globalThis as Record<string, unknown>)[LOADER_FLAG];
    history.replaceState(null, '', '/legal/privacy-policy');
    let state: DocumentReadyState = 'loading';
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => state });
    h.begun = 0;
    h.lookups = 0;
    h.settingsAsked = 0;
    h.expected = 0;
    // The annotator's script has not come yet: the page is read all the same.
    let annotatorRuns!: () => void;
    h.annotatorRuns = new Promise<void>((r) => (annotatorRuns = r));
    const started = h.started.length;
    const loading = import('../../../src/content/loader');
    // Not in the task the loader comes in (the one that parses the page): no extension API there.
    await loading;
    expect([h.settingsAsked, h.lookups]).toEqual([0, 0]);
    // (In a later task: waited for, as a loaded machine may run other tasks first.)
    await vi.waitFor(() => expect([h.settingsAsked, h.lookups]).toEqual([1, 1]));
    // The annotator is asked for beside the lookup: the address reads like a policy.
    expect(h.expected).toBe(1);
    // The settings and the lookup are asked for while the page is parsed; nothing is read yet.
    h.settings?.({ ...DEFAULT_SETTINGS });
    await new Promise((r) => setTimeout(r, 20));
    expect(h.begun).toBe(0);
    state = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    // DOMContentLoaded's task, with every microtask it queues: still nothing read.
    for (let i = 0; i < 50; i++) await Promise.resolve();
    expect(h.begun).toBe(0);
    // A later task: read.
    await vi.waitFor(() => expect(h.begun).toBe(1));
    expect(h.started.length).toBe(started);
    // The annotator comes: the session starts with the reading.
    annotatorRuns();
    await vi.waitFor(() => expect(h.started.length).toBe(started + 1));
  });

  it('runs none of its code at the first pageshow (it comes with `load`), and analyses again on a return from the back-forward cache', async () => {
    vi.resetModules();
    delete (globalThis as Record<string, unknown>)[LOADER_FLAG];
    const added: string[] = [];
    const add = window.addEventListener.bind(window);
    const spy = vi.spyOn(window, 'addEventListener').mockImplementation((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
      added.push(type);
      add(type, listener, options);
    });
    h.begun = 0;
    const asked = h.settingsAsked;
    await import('../../../src/content/loader');
    // (The settings are asked for in a task of their own.)
    await vi.waitFor(() => expect(h.settingsAsked).toBe(asked + 1));
    h.settings?.({ ...DEFAULT_SETTINGS });
    await vi.waitFor(() => expect(h.begun).toBe(1));
    expect(added).toContain('pagehide');
    expect(added).not.toContain('pageshow');
    window.dispatchEvent(new Event('pagehide'));
    const back = new Event('pageshow');
    Object.defineProperty(back, 'persisted', { value: true });
    window.dispatchEvent(back);
    // (The previous test's loader is still in this window and comes back too.)
    await vi.waitFor(() => expect(h.begun).toBeGreaterThan(1));
    spy.mockRestore();
  });
});
