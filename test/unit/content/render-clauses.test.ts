// @vitest-environment happy-dom
// Rendering found clauses (content/render-clauses.ts): highlights and one badge per placed clause,
// the popup's "reveal" answered, and one teardown that leaves nothing of ours on the page when
// the analysis is aborted — after rendering, or before the first highlight was placed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageClause } from '../../../src/messages';

const listeners = vi.hoisted(() => new Set<(m: unknown) => unknown>());
vi.mock('webextension-polyfill', () => ({
  default: { runtime: { onMessage: { addListener: (l: (m: unknown) => unknown) => listeners.add(l), removeListener: (l: (m: unknown) => unknown) => listeners.delete(l) } } },
}));

const { renderClauses } = await import('../../../src/content/render-clauses');
const { readPageText } = await import('../../../src/content/dom-text');
const { envelope } = await import('../../../src/messages');
type FoundClauses = import('../../../src/content/find-clauses').FoundClauses;

const SENTENCES = ['We may change these terms at any time without notice.', 'Disputes are settled by binding arbitration.', 'You can delete your account whenever you like.'];

function setUp(): { root: HTMLElement; found: FoundClauses } {
  const body = document.createElement('body');
  for (const s of SENTENCES) {
    const p = document.createElement('p');
    p.textContent = s;
    body.append(p);
  }
  document.body.replaceWith(body);
  const page = readPageText(body);
  const clauses: PageClause[] = SENTENCES.map((s, i) => {
    const start = page.text.indexOf(s);
    return { id: `c${i}`, start, end: start + s.length, category: 'arbitration', severity: 'high', confidence: 0.9, source: 'detector', excerpt: s };
  });
  const found: FoundClauses = {
    kind: 'found',
    page,
    textLength: page.text.length,
    reason: 'test',
    readAt: '2026-11-30T10:00:00.000Z',
    sha256: 'a'.repeat(64),
    highlights: clauses.map((primary) => ({ primary, related: [] })),
    kbById: new Map(),
  };
  return { root: body, found };
}

const info = { url: 'https://example.com/terms', title: 'Terms', sha256: 'a'.repeat(64), readAt: '2026-11-30T10:00:00.000Z', modelVersion: 'test' };
const marksOf = (root: HTMLElement) => root.querySelectorAll('mark[data-clausemark-clause]');
const badgesOf = (root: HTMLElement) => [...root.querySelectorAll('p > *')].filter((el) => el.tagName !== 'MARK');

beforeEach(() => listeners.clear());

describe('renderClauses', () => {
  it('highlights every clause, puts one badge after each, and answers "reveal"', async () => {
    const { root, found } = setUp();
    const controller = new AbortController();
    const items = await renderClauses(root, found, info, controller.signal);
    expect([...(items?.keys() ?? [])]).toEqual(['c0', 'c1', 'c2']);
    expect([...marksOf(root)].map((m) => m.textContent)).toEqual(SENTENCES);
    expect(badgesOf(root)).toHaveLength(3);
    expect(listeners.size).toBe(1);
    const [listener] = listeners;
    await expect(listener?.(envelope('content/reveal', { clauseId: 'c1' }))).resolves.toEqual({ ok: true, value: { ok: true } });
    await expect(listener?.(envelope('content/reveal', { clauseId: 'gone' }))).resolves.toEqual({ ok: true, value: { ok: false } });
  });

  it('takes everything away when the analysis is aborted later (navigation, a fresh analysis)', async () => {
    const { root, found } = setUp();
    const before = root.textContent;
    const controller = new AbortController();
    await renderClauses(root, found, info, controller.signal);
    controller.abort();
    expect(marksOf(root)).toHaveLength(0);
    expect(badgesOf(root)).toHaveLength(0);
    expect(listeners.size).toBe(0);
    expect(root.textContent).toBe(before);
  });

  it('returns null and leaves nothing when aborted while rendering', async () => {
    const { root, found } = setUp();
    const controller = new AbortController();
    const rendering = renderClauses(root, found, info, controller.signal);
    controller.abort();
    expect(await rendering).toBeNull();
    expect(marksOf(root)).toHaveLength(0);
    expect(badgesOf(root)).toHaveLength(0);
    expect(listeners.size).toBe(0);
  });
});
