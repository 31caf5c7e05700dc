// @vitest-environment happy-dom
// The popup's Clauses view rendered with Preact: the page's clauses most severe first, the counts
// as a filter, a click asking the background to reveal that clause in the tab, each clause's
// rarity across platforms, and the banner of a document that changed since the user read it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { PageClause } from '../../../src/messages';
import { analysedTab } from '../../fixtures/tab-state';

// The extension API the view reaches through lib/rpc (runtime messaging) and lib/i18n.
const answers = vi.hoisted(() => ({ glance: { change: null } as unknown, stats: [] as unknown[] }));
const sendMessage = vi.hoisted(() => {
  const fn = vi.fn(async (message: unknown) => {
    const name = (message as { name: string }).name;
    if (name === 'history/glance') return { ok: true, value: answers.glance };
    if (name === 'compare/stats') return { ok: true, value: { stats: answers.stats } };
    return { ok: true, value: { ok: true } };
  });
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
const state = analysedTab(clauses);

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('main');
  document.body.append(host);
  sendMessage.mockClear();
  answers.glance = { change: null };
  answers.stats = [];
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const rarityText = () => [...host.querySelectorAll('.clause .rarity')].map((e) => e.textContent);
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
    sendMessage.mockClear();
    await act(async () => host.querySelector<HTMLButtonElement>('[data-clause="low-1"]')!.click());
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage.mock.calls[0]?.[0]).toMatchObject({ name: 'tab/reveal', payload: { tabId: 7, clauseId: 'low-1' } });
    expect(notify).toHaveBeenCalledWith('');
  });

  it('shows each clause’s rarity beside its severity, the clause panel’s figures, and says where there are none', async () => {
    answers.stats = [
      { category: 'arbitration', platformsWith: 3, platformsReviewed: 142, distribution: { high: 3, medium: 0, low: 0, good: 139 } },
      { category: 'tracking', platformsWith: 72, platformsReviewed: 142, distribution: { high: 0, medium: 72, low: 0, good: 70 } },
    ];
    await act(async () => render(<ClausesView tabId={7} state={state} notify={() => undefined} />, host));
    await act(async () => undefined);
    expect(sendMessage.mock.calls.map((c) => c[0])).toContainEqual(expect.objectContaining({ name: 'compare/stats', payload: { categories: ['arbitration', 'data-deletion', 'tracking'] } }));
    const rarityOf = (id: string) => host.querySelector(`[data-clause="${id}"] .rarity`)?.textContent;
    expect(rarityOf('high-1')).toBe('Rare · 3 of 142 platforms');
    expect(rarityOf('low-1')).toBe('Common · 72 of 142 platforms');
    expect(rarityOf('good-1')).toBe('no cross-platform data yet');
    expect(host.querySelector('.rarity-note')).toBeNull();
  });

  it('a document with no comparison data says so', async () => {
    await act(async () => render(<ClausesView tabId={7} state={state} notify={() => undefined} />, host));
    await act(async () => undefined);
    expect(host.querySelector('.rarity-note')?.textContent).toContain('No comparison data');
    expect(rarityText()).toEqual(['no cross-platform data yet', 'no cross-platform data yet', 'no cross-platform data yet', 'no cross-platform data yet']);
  });

  it('a changed document: the banner with the first changes and a link to History', async () => {
    const line = (kind: string, category: string, severity: string, phrase: string) => ({ kind, category, stance: severity === 'good' ? 'protective' : 'concern', severity, phrase, count: 1, clauseId: `${category}-x` });
    answers.glance = {
      change: {
        fromSha: 'b'.repeat(64),
        toSha: 'a'.repeat(64),
        fromSeen: '2025-06-18T10:00:00.000Z',
        pinned: false,
        wordsAdded: 120,
        wordsRemoved: 4,
        lines: [
          line('added', 'ai-training', 'high', 'We may train our models on your posts.'),
          line('removed', 'retention', 'low', 'Deleted messages are kept for 30 days.'),
          line('reworded', 'data-sharing', 'low', 'ID verification providers,'),
          line('added', 'data-sale', 'good', 'We will never sell your Content.'),
        ],
      },
    };
    const openView = vi.fn();
    await act(async () => render(<ClausesView tabId={7} state={state} notify={() => undefined} openView={openView} />, host));
    await act(async () => undefined);
    expect(sendMessage.mock.calls.map((c) => c[0])).toContainEqual(expect.objectContaining({ name: 'history/glance', payload: { docKey: 'url:https://example.com/terms' } }));
    const banner = host.querySelector('.glance-change')!;
    expect(banner.querySelector('strong')?.textContent).toMatch(/^Changed since you read it on .*2025/);
    expect([...banner.querySelectorAll('.chg')].map((li) => [li.getAttribute('data-severity'), li.querySelector('.chg-text')?.textContent, li.querySelector('.chg-quote')?.textContent])).toEqual([
      ['high', 'Now says it may train AI models on your content', 'We may train our models on your posts.'],
      ['low', 'No longer says how long your data is kept', 'Deleted messages are kept for 30 days.'],
      ['low', 'Rewords where it says it shares your data with third parties', 'ID verification providers,'],
    ]);
    expect(banner.textContent).toContain('and 1 more change');
    await act(async () => banner.querySelector<HTMLAnchorElement>('a.see-history')!.click());
    expect(openView).toHaveBeenCalledWith('history');
  });

  it('no banner when the document did not change for the user', async () => {
    await act(async () => render(<ClausesView tabId={7} state={state} notify={() => undefined} />, host));
    await act(async () => undefined);
    expect(host.querySelector('.glance-change')).toBeNull();
  });

  it('renders nothing without a page state', () => {
    act(() => render(<ClausesView tabId={null} state={null} notify={() => undefined} />, host));
    expect(host.childElementCount).toBe(0);
  });
});
