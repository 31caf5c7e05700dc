// @vitest-environment happy-dom
// Rendering found clauses (content/render-clauses.ts): highlights and one badge per placed clause,
// the popup's "reveal" answered, updates in place (a highlight that stays is the same element; one
// that goes is unwrapped; a new one is added), and one teardown that leaves nothing of ours on the
// page when the analysis is aborted — after rendering, or before the first highlight was placed;
// the panel's "Other risks in this policy" lists the clauses shown now and reveals them.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageClause } from '../../../src/messages';

const listeners = vi.hoisted(() => new Set<(m: unknown) => unknown>());
vi.mock('../../../src/lib/ext', () => ({
  ext: {},
  onRuntimeMessage: (l: (m: unknown) => unknown) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
}));
vi.mock('webextension-polyfill', () => ({ default: {} }));
// The panel's module, loaded on the first click (in the extension, through its own address).
vi.mock('../../../src/content/load-ui', () => ({ loadUi: () => import('../../../src/content/ui') }));

const { ClauseRenderer } = await import('../../../src/content/render-clauses');
const { readPageText } = await import('../../../src/content/dom-text');
const { envelope } = await import('../../../src/messages');
const { PanelHost } = await import('../../../src/content/panel');

const SENTENCES = ['We may change these terms at any time without notice.', 'Disputes are settled by binding arbitration.', 'You can delete your account whenever you like.'];

/** A page of one paragraph per sentence, each sentence a high arbitration clause. */
function setUp(sentences: readonly string[] = SENTENCES): { root: HTMLElement; highlights: { primary: PageClause; related: PageClause[] }[] } {
  const body = document.createElement('body');
  for (const s of sentences) {
    const p = document.createElement('p');
    p.textContent = s;
    body.append(p);
  }
  document.body.replaceWith(body);
  const page = readPageText(body);
  const clauses: PageClause[] = sentences.map((s, i) => {
    const start = page.text.indexOf(s);
    return { id: `c${i}`, start, end: start + s.length, category: 'arbitration', severity: 'high', confidence: 0.9, source: 'detector', excerpt: s };
  });
  return { root: body, highlights: clauses.map((primary) => ({ primary, related: [] })) };
}

const info = () => ({ url: 'https://example.com/terms', title: 'Terms', sha256: 'a'.repeat(64), readAt: '2026-11-30T10:00:00.000Z', modelVersion: 'test' });
const marksOf = (root: HTMLElement) => root.querySelectorAll('mark[data-clausemark-clause]');
const badgesOf = (root: HTMLElement) => [...root.querySelectorAll('p > *')].filter((el) => el.tagName !== 'MARK');

beforeEach(() => listeners.clear());

describe('ClauseRenderer', () => {
  it('puts at most 16 clauses, with their badges, in one rendering of the page, from the top down', async () => {
    const { root: body, highlights } = setUp(Array.from({ length: 40 }, (_, i) => `Clause number ${i} lets us change these terms at any time.`));
    // What each rendering of the page would show: the marks and badges in place when a frame is asked for.
    const frames: { marks: number; badges: number; last: string | null }[] = [];
    const raf = vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation((cb: FrameRequestCallback) => {
      const marks = [...marksOf(body)];
      frames.push({ marks: marks.length, badges: badgesOf(body).length, last: marks.at(-1)?.getAttribute('data-clausemark-clause') ?? null });
      return setTimeout(() => cb(performance.now()), 0) as unknown as number;
    });
    const r = new ClauseRenderer(body, info, new Map(), new AbortController().signal);
    expect(await r.show([...highlights].reverse(), undefined, true)).toBe(true);
    raf.mockRestore();
    expect(frames).toEqual([
      { marks: 16, badges: 16, last: 'c15' },
      { marks: 32, badges: 32, last: 'c31' },
    ]);
    expect(marksOf(body)).toHaveLength(40);
    expect(badgesOf(body)).toHaveLength(40);
    expect([...r.items.keys()].sort()).toEqual(highlights.map((h) => h.primary.id).sort());
  });

  /** Shows 40 clauses with the page's renderings faked: each frame costs `cost(shownBefore,
   * shownNow)` ms on the clock (the clock moves on while the frame is drawn). Returns how many marks
   * the page had at each frame. */
  async function renderWithFrames(cost: (before: number, shown: number) => number): Promise<{ frames: number[]; body: HTMLElement }> {
    const { root: body, highlights } = setUp(Array.from({ length: 40 }, (_, i) => `Clause number ${i} lets us change these terms at any time.`));
    let clock = 1000;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const frames: number[] = [];
    const raf = vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation((cb: FrameRequestCallback) => {
      const shown = marksOf(body).length;
      const ms = cost(frames.at(-1) ?? 0, shown);
      frames.push(shown);
      return setTimeout(() => {
        cb(clock);
        clock += ms;
      }, 0) as unknown as number;
    });
    try {
      const r = new ClauseRenderer(body, info, new Map(), new AbortController().signal);
      expect(await r.show(highlights, undefined, true)).toBe(true);
    } finally {
      raf.mockRestore();
      now.mockRestore();
    }
    return { frames, body };
  }

  it('puts fewer clauses in a rendering after one that took long, and more again after quick ones', async () => {
    // A rendering costs in proportion to the clauses it shows: 5.6 ms each for the first 26 (a
    // slow page), 0.1 ms each after.
    const { frames, body } = await renderWithFrames((before, shown) => {
      let cost = 0;
      for (let i = before + 1; i <= shown; i++) cost += i <= 26 ? 90 / 16 : 0.1;
      return cost;
    });
    // 16 first (90 ms); then 16 × 30 / 90 = 5 per rendering (28 ms each) while they are slow, then
    // twice as many after a quick one: the last 9 in one.
    expect(frames).toEqual([16, 21, 26, 31]);
    expect(marksOf(body)).toHaveLength(40);
    expect(badgesOf(body)).toHaveLength(40);
  });

  it('keeps 16 clauses in a rendering where fewer take as long (the page\'s own layout)', async () => {
    const { frames, body } = await renderWithFrames(() => 90);
    expect(frames).toEqual([16, 21, 37]);
    expect(marksOf(body)).toHaveLength(40);
  });

  it('sizes groups from the renderings: in proportion over the budget, double well under it, 2 to 16, and 16 for good where fewer cost as much', async () => {
    const { GroupSizer, PER_FRAME } = await import('../../../src/content/render-clauses');
    expect(PER_FRAME).toBe(16);
    const sizes = (frames: (number | null)[]) => {
      const g = new GroupSizer();
      return frames.map((ms) => g.next(ms));
    };
    expect(sizes([null, 20, 15])).toEqual([16, 16, 16]);
    // Proportional: 16 in 60 ms, then 8 in 30 ms; quick ones double it again.
    expect(sizes([60, 30, 5, 31])).toEqual([8, 8, 16, 15]);
    expect(sizes([500, 20])).toEqual([2, 2]);
    expect(sizes([40, 300])).toEqual([12, 16]);
    // The page's own cost: 8 clauses took as long as 16 did.
    expect(sizes([60, 58, 60, 90])).toEqual([8, 16, 16, 16]);
    // The fewest went over twice running (a shrink that noise hid from the check above).
    expect(sizes([500, 45, 50, 20])).toEqual([2, 2, 16, 16]);
  });

  it('highlights every clause, puts one badge after each, and answers "reveal"', async () => {
    const { root, highlights } = setUp();
    const r = new ClauseRenderer(root, info, new Map(), new AbortController().signal);
    expect(await r.show(highlights)).toBe(true);
    expect([...r.items.keys()]).toEqual(['c0', 'c1', 'c2']);
    expect([...marksOf(root)].map((m) => m.textContent)).toEqual(SENTENCES);
    expect(badgesOf(root)).toHaveLength(3);
    expect(listeners.size).toBe(1);
    const [listener] = listeners;
    await expect(listener?.(envelope('content/reveal', { clauseId: 'c1' }))).resolves.toEqual({ ok: true, value: { ok: true } });
    await expect(listener?.(envelope('content/reveal', { clauseId: 'gone' }))).resolves.toEqual({ ok: true, value: { ok: false } });
  });

  it('updates in place: the first screen early, then the rest; a clause no longer found goes', async () => {
    const { root, highlights } = setUp();
    const r = new ClauseRenderer(root, info, new Map(), new AbortController().signal);
    await r.show(highlights.slice(0, 1));
    const early = marksOf(root)[0];
    expect(marksOf(root)).toHaveLength(1);
    await r.show(highlights);
    expect(marksOf(root)).toHaveLength(3);
    // The early highlight was kept, not taken down and put back.
    expect(marksOf(root)[0]).toBe(early);
    expect(badgesOf(root)).toHaveLength(3);
    await r.show(highlights.slice(1));
    expect([...marksOf(root)].map((m) => m.textContent)).toEqual(SENTENCES.slice(1));
    expect(badgesOf(root)).toHaveLength(2);
    expect([...r.items.keys()]).toEqual(['c1', 'c2']);
    expect(root.textContent).toBe(SENTENCES.join(''));
  });

  it('takes everything away when the analysis is aborted later (navigation, a fresh analysis)', async () => {
    const { root, highlights } = setUp();
    const before = root.textContent;
    const controller = new AbortController();
    await new ClauseRenderer(root, info, new Map(), controller.signal).show(highlights);
    controller.abort();
    expect(marksOf(root)).toHaveLength(0);
    expect(badgesOf(root)).toHaveLength(0);
    expect(listeners.size).toBe(0);
    expect(root.textContent).toBe(before);
  });

  it('returns false and leaves nothing when aborted while rendering', async () => {
    const { root, highlights } = setUp();
    const controller = new AbortController();
    const rendering = new ClauseRenderer(root, info, new Map(), controller.signal).show(highlights);
    controller.abort();
    expect(await rendering).toBe(false);
    expect(marksOf(root)).toHaveLength(0);
    expect(badgesOf(root)).toHaveLength(0);
    expect(listeners.size).toBe(0);
  });

  it('paints the first highlights before their badges; later highlights come with their badges, in one rendering', async () => {
    const { root, highlights } = setUp();
    // Each turn the renderer gives the page: what the page would render then.
    const turns: { marks: number; badges: number }[] = [];
    const g = globalThis as { scheduler?: unknown };
    const before = g.scheduler;
    g.scheduler = { yield: async () => void turns.push({ marks: marksOf(root).length, badges: badgesOf(root).length }) };
    try {
      const r = new ClauseRenderer(root, info, new Map(), new AbortController().signal);
      await r.show(highlights.slice(0, 1));
      expect(turns).toContainEqual({ marks: 1, badges: 0 });
      turns.length = 0;
      await r.show(highlights);
      expect(marksOf(root)).toHaveLength(3);
      expect(badgesOf(root)).toHaveLength(3);
      // No turn in which the new highlights are on the page without their badges.
      expect(turns.filter((t) => t.marks > t.badges)).toEqual([]);
    } finally {
      g.scheduler = before;
    }
  });

  it('the panel lists the other risks shown now, and revealing one from it opens that clause', async () => {
    const opened: { id: string; others: string[]; reveal?: (id: string) => void }[] = [];
    const spy = vi.spyOn(PanelHost.prototype, 'show').mockImplementation((item, _page, _compare, _trigger, extras = {}) => {
      opened.push({ id: item.clause.id, others: (extras.otherRisks ?? []).map((c) => c.id), reveal: extras.reveal });
    });
    try {
      const { root, highlights } = setUp();
      highlights[2]!.primary.severity = 'low'; // not a risk worth listing
      const r = new ClauseRenderer(root, info, new Map(), new AbortController().signal);
      await r.show(highlights);
      expect(r.reveal('c0')).toBe(true);
      await vi.waitFor(() => expect(opened.at(-1)).toMatchObject({ id: 'c0', others: ['c1'] }));
      // From the panel: the other clause opens in its turn.
      opened.at(-1)?.reveal?.('c1');
      await vi.waitFor(() => expect(opened.at(-1)).toMatchObject({ id: 'c1', others: ['c0'] }));
      // A fresh reading took c0 away: it is no longer listed, nor revealed.
      await r.show(highlights.slice(1));
      const before = opened.length;
      expect(r.reveal('c1')).toBe(true);
      await vi.waitFor(() => expect(opened).toHaveLength(before + 1));
      expect(opened.at(-1)).toMatchObject({ id: 'c1', others: [] });
      const count = opened.length;
      expect(r.reveal('c0')).toBe(false);
      await import('../../../src/content/ui');
      expect(opened).toHaveLength(count);
    } finally {
      spy.mockRestore();
    }
  });
});
