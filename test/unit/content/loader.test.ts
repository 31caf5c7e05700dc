// @vitest-environment happy-dom
// The content loader (content/loader.ts) as the popup's "Analyse this page" meets it: the
// background injects the loader and sends "content/analyse" straight away. The loader must be
// listening from its first synchronous moment, before its settings are read, and the request
// must wait for the settings rather than find no one to answer it (a race CI lost under load).
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings';

const h = vi.hoisted(() => ({
  handlers: [] as ((m: unknown) => Promise<unknown> | undefined)[],
  settings: null as null | ((s: Settings) => void),
  started: [] as { force?: boolean; reason: string }[],
}));

vi.mock('../../../src/lib/ext', () => ({ onRuntimeMessage: (fn: (m: unknown) => Promise<unknown> | undefined) => h.handlers.push(fn) }));
vi.mock('../../../src/lib/rpc', () => ({ send: async () => ({ match: null }) }));
vi.mock('../../../src/settings/store', () => ({
  loadSettings: () => new Promise<Settings>((resolve) => (h.settings = resolve)),
  onSettingsChanged: () => undefined,
}));
vi.mock('../../../src/content/load-annotator', () => ({
  loadAnnotator: async () => ({
    startSession: async (input: { force?: boolean; reason: string }) => void h.started.push({ force: input.force, reason: input.reason }),
    explainSelection: async () => true,
  }),
}));

describe('content loader', () => {
  it('answers "Analyse this page" sent the moment it is injected, once its settings arrive', async () => {
    await import('../../../src/content/loader');
    // Injected: settings not yet read, yet the listener is there.
    expect(h.handlers).toHaveLength(1);
    const { envelope } = await import('../../../src/messages');
    const answer = h.handlers[0]?.(envelope('content/analyse', {}));
    expect(answer).toBeInstanceOf(Promise);
    expect(h.started).toEqual([]);
    h.settings?.({ ...DEFAULT_SETTINGS, mode: 'click' });
    expect(await answer).toEqual({ ok: true, value: { started: true } });
    // In "only when I click" mode the page itself started nothing: only the request did.
    expect(h.started).toEqual([{ force: true, reason: 'analysed on request' }]);
  });
});
