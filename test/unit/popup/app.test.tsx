// @vitest-environment happy-dom
// The popup's shell: its first real render comes as soon as the tab's state is in (the mark the
// benchmark reads), while the knowledge base's status only fills the footer when it comes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { KbStatus } from '../../../src/messages';
import type { FirstLoad } from '../../../src/popup/first-load';
import { analysedTab } from '../../fixtures/tab-state';

// What the views ask for themselves (history/glance, compare/stats, follow/…): no answer needed.
vi.hoisted(() => {
  (globalThis as { chrome?: unknown }).chrome = { runtime: { sendMessage: async () => new Promise(() => undefined) } };
});
vi.mock('webextension-polyfill', () => ({ default: { runtime: { getURL: (p: string) => `chrome-extension://id/${p}` } } }));

const { App } = await import('../../../src/popup/app');

const state = analysedTab([{ id: 'c1', start: 0, end: 10, category: 'arbitration', severity: 'high', confidence: 0.9, source: 'detector', excerpt: 'You waive a jury trial.' }]);

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject };
}

let host: HTMLElement;
beforeEach(() => {
  history.replaceState(null, '', '/src/popup/index.html?tab=7');
  performance.clearMarks();
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const firstRender = () => performance.getEntriesByName('clausemark:first-render').length;

describe('App', () => {
  it('renders the tab’s state as soon as it comes, before the knowledge base’s status', async () => {
    const page = deferred<Awaited<FirstLoad['page']>>();
    const kb = deferred<KbStatus | null>();
    act(() => render(<App first={{ page: page.promise, kb: kb.promise }} />, host));
    expect(host.querySelector('h2')).toBeNull();
    expect(firstRender()).toBe(0);

    await act(async () => page.resolve({ tabId: 7, state }));
    expect(host.querySelector('h2')?.textContent).toBe('Example Terms');
    expect(host.querySelector('[data-clause="c1"] .excerpt')?.textContent).toBe('You waive a jury trial.');
    expect(firstRender()).toBe(1);
    expect(host.querySelector('footer')?.textContent).toBe('Knowledge base loading…');

    await act(async () => kb.resolve({ state: 'ready', version: '2026.11.30', counts: { platforms: 9588, documents: 19000, clauses: 41000 } } as KbStatus));
    expect(host.querySelector('footer')?.textContent).toMatch(/^Knowledge base 2026\.11\.30.*9,588/);
    expect(firstRender()).toBe(1);
  });

  it('says what went wrong when the tab’s state cannot be read, and marks that render', async () => {
    const page = deferred<Awaited<FirstLoad['page']>>();
    act(() => render(<App first={{ page: page.promise, kb: new Promise(() => undefined) }} />, host));
    await act(async () => page.reject(new Error('tab/state: the record of this page is damaged')));
    expect(host.querySelector('.error')?.textContent).toContain('the record of this page is damaged');
    expect(firstRender()).toBe(1);
  });
});
