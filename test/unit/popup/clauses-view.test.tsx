// @vitest-environment happy-dom
// The popup's Clauses view rendered with Preact: the page's clauses most severe first, the counts
// as a filter, and a click asking the background to reveal that clause in the tab.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { PageClause, TabState } from '../../../src/messages';

// The extension API the view reaches through lib/rpc (runtime messaging) and lib/i18n.
const sendMessage = vi.hoisted(() => {
  const fn = vi.fn(async (_message: unknown) => ({ ok: true, value: { ok: true } }));
  (globalThis as { chrome?: unknown }).chrome = { runtime: { sendMessage: fn } };
  return fn;
});
vi.mock('webextension-polyfill', () => ({ default: {} }));

const { ClausesView } = await import('../../../src/popup/clauses-view');

const clause = (id: string, severity: PageClause['severity'], start: number, category = 'arbitration'): PageClause => ({
  id,
  start,
  end: start + 10,
  category,
  severity,
  confidence: 0.9,
  source: 'detector',
  excerpt: `Excerpt of ${id}`,
});

const clauses = [clause('low-1', 'low', 5, 'tracking'), clause('high-2', 'high', 50), clause('high-1', 'high', 20), clause('good-1', 'good', 0, 'data-deletion')];
const state: TabState = {
  tabId: 7,
  visit: {
    title: 'Example Terms',
    sha256: 'a'.repeat(64),
    readAt: '2026-11-30T10:00:00.000Z',
    textLength: 1000,
    detection: { kind: 'heuristic', reason: 'legal phrases' },
    clauses,
    url: 'https://example.com/terms',
    origin: 'https://example.com',
    docKey: 'url:https://example.com/terms',
  },
  counts: { high: 2, medium: 0, low: 1, good: 1 },
};

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('main');
  document.body.append(host);
  sendMessage.mockClear();
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const shownIds = () => [...host.querySelectorAll<HTMLElement>('button.clause')].map((b) => b.dataset.clause);

describe('ClausesView', () => {
  it('lists the clauses most severe first, then in page order, under the page’s title', () => {
    act(() => render(<ClausesView tabId={7} state={state} notify={() => undefined} />, host));
    expect(host.querySelector('h2')?.textContent).toBe('Example Terms');
    expect(shownIds()).toEqual(['high-1', 'high-2', 'low-1', 'good-1']);
    expect(host.querySelector('[data-clause="high-1"] .excerpt')?.textContent).toBe('Excerpt of high-1');
  });

  it('filters by a severity count, and back to all on a second click', () => {
    act(() => render(<ClausesView tabId={7} state={state} notify={() => undefined} />, host));
    const high = host.querySelector<HTMLButtonElement>('.counts button.high')!;
    act(() => high.click());
    expect(shownIds()).toEqual(['high-1', 'high-2']);
    expect(high.getAttribute('aria-pressed')).toBe('true');
    act(() => host.querySelector<HTMLButtonElement>('.counts button.high')!.click());
    expect(shownIds()).toHaveLength(4);
  });

  it('asks the background to reveal a clicked clause in its tab', async () => {
    const notify = vi.fn();
    act(() => render(<ClausesView tabId={7} state={state} notify={notify} />, host));
    await act(async () => host.querySelector<HTMLButtonElement>('[data-clause="low-1"]')!.click());
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage.mock.calls[0]?.[0]).toMatchObject({ name: 'tab/reveal', payload: { tabId: 7, clauseId: 'low-1' } });
    expect(notify).toHaveBeenCalledWith('');
  });

  it('renders nothing without a page state', () => {
    act(() => render(<ClausesView tabId={null} state={null} notify={() => undefined} />, host));
    expect(host.childElementCount).toBe(0);
  });
});
