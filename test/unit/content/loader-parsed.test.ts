// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://example.com/legal/privacy-policy"}
// The loader reads a policy page once it is parsed, but in a task of its own after the one that
// parsed it (where a page with nothing left to load also fires `load` and lays itself out): no
// code of ours runs in that task. Here: nothing is read while DOMContentLoaded's task (and its
// microtasks) runs; the page is read in a later task.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

const h = vi.hoisted(() => ({ begun: 0 }));

vi.mock('../../../src/lib/ext', () => ({ ext: {}, onRuntimeMessage: () => () => undefined }));
vi.mock('../../../src/lib/rpc', () => ({ send: async () => ({ match: null }) }));
vi.mock('../../../src/settings/store', () => ({ loadSettings: async () => ({ ...DEFAULT_SETTINGS }), onSettingsChanged: () => undefined }));
vi.mock('../../../src/content/load-annotator', () => ({
  loadAnnotator: async () => ({
    startSession: async () => undefined,
    begin: async () => (h.begun++, null),
    explainSelection: async () => true,
  }),
}));

const microtasks = async (n = 50) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

describe('content loader at DOMContentLoaded', () => {
  it('reads the page in a task after the one that parsed it', async () => {
    let state: DocumentReadyState = 'loading';
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => state });
    await import('../../../src/content/loader');
    // The settings and the lookup are asked for while the page is parsed; nothing is read yet.
    await new Promise((r) => setTimeout(r, 20));
    expect(h.begun).toBe(0);
    state = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await microtasks();
    expect(h.begun).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(h.begun).toBe(1);
  });
});
