// Step two of annotating a page (annotator.ts): the found clauses on the page — highlights,
// badges, the panel on click, and "reveal" (from the popup, and from the panel's other risks) —
// shown as they arrive (the sections on screen first, then the rest, then the reviewed quotes) and
// kept in step with the latest set: a highlight that stays is left alone, one that goes is
// unwrapped, a new one is added. One teardown removes all of it when the signal aborts, whether
// mid-render or later (navigation, a fresh analysis).
import { onRuntimeMessage } from '../lib/ext';
import { isEnvelope, type Reply } from '../messages';
import { send } from '../lib/rpc';
import type { Highlight } from '../core/resolve';
import type { PageClause } from '../core/page-clause';
import type { KnownClause } from '../kb/schema';
import { highlightRangesSliced, isOurMark, markable, removeHighlights, unwrapMarks, walkFor } from './highlight';
import type { Walk } from './read-walk';
import { Slicer, yieldToPage } from './yield';
import { badgeButton, createBadge, focusBadge } from './badges';
import type { PageInfo, PanelClause, PanelExtras, PanelHost } from './panel';
import { otherRisks } from './other-risks';
import { loadUi } from './load-ui';

/** What a placed highlight shows: the same clause with the same text stays where it is, even when
 * the page changed elsewhere and its offsets moved (a fresh reading after late content). */
const what = (c: PageClause) => `${c.severity}:${c.category}:${c.excerpt}`;

export class ClauseRenderer {
  /** What is on the page, by clause id. */
  readonly items = new Map<string, PanelClause>();
  private readonly marks = new Map<string, HTMLElement[]>();
  private readonly badges = new Map<string, HTMLElement>();
  private readonly placed = new Map<string, string>();
  private panel: PanelHost | null = null;
  private readonly slicer = new Slicer();
  /** Clauses in one rendering of the page: PER_FRAME, fewer where renderings take long here. */
  private readonly groups = new GroupSizer();
  private readonly stopListening: () => void;

  constructor(
    private readonly root: HTMLElement,
    private readonly info: () => PageInfo,
    private readonly kbById: ReadonlyMap<string, KnownClause>,
    private readonly signal: AbortSignal,
  ) {
    // The one teardown: runs at the abort itself, so a fresh analysis starts on a clean page.
    signal.addEventListener(
      'abort',
      () => {
        this.stopListening();
        for (const b of this.badges.values()) b.remove();
        removeHighlights(root);
        this.items.clear();
      },
      { once: true },
    );
    // Clicking the highlighted text opens its panel too.
    document.addEventListener(
      'click',
      (e) => {
        // Only the user's own click opens a panel: the page cannot script one open.
        if (!e.isTrusted) return;
        const mark = (e.target as Element | null)?.closest?.('mark[data-clausemark-clause]') as HTMLElement | null;
        if (!mark || !isOurMark(mark)) return;
        const id = mark.dataset.clausemarkClause;
        if (id && this.items.has(id)) void this.open(id, badgeButton(this.badges.get(id)));
      },
      { signal },
    );
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.panel?.openClauseId) this.panel.hide();
      },
      { signal },
    );
    this.stopListening = onRuntimeMessage(this.onMessage);
  }

  private readonly onMessage = (message: unknown): Promise<Reply<'content/reveal'>> | undefined => {
    if (!isEnvelope(message) || message.name !== 'content/reveal') return undefined;
    const { clauseId: id } = message.payload as { clauseId: string };
    return Promise.resolve({ ok: true, value: { ok: this.reveal(id) } });
  };

  /** Scrolls to a clause, opens its panel and focuses its badge; false when it is not on the page. */
  reveal(id: string): boolean {
    const first = this.marks.get(id)?.[0];
    if (!first || !this.items.has(id)) return false;
    first.scrollIntoView({ block: 'center', behavior: 'instant' });
    void this.open(id, badgeButton(this.badges.get(id)));
    focusBadge(this.badges.get(id));
    return true;
  };

  /** Opens a clause's panel (the panel's module is loaded on the first one). */
  private open(id: string, trigger: HTMLElement | null): Promise<void> {
    if (!this.items.has(id)) return Promise.resolve();
    return loadUi().then(
      (ui) => {
        const item = this.items.get(id);
        if (!item || this.signal.aborted) return;
        this.panel ??= new ui.PanelHost(this.signal);
        this.panel.show(item, this.info(), (category, platformId) => send('kb/compare', { category, platformId, limit: 6 }), trigger, this.extras(id));
      },
      (err: unknown) => console.warn('Clausemark: panel', err),
    );
  }

  /** The panel's "Other risks in this policy" (the clauses on the page now, each revealed on a
   * click), "See all platforms", and where the user saw a clause's text before. */
  private extras(id: string): PanelExtras {
    return {
      otherRisks: otherRisks([...this.items.values()].map((i) => i.clause), id),
      reveal: (other) => void this.reveal(other),
      openCompare: (category) => send('panel/open-compare', { category }).then((r) => r.ok),
      seen: (text) => send('record/seen', { texts: [text] }).then((r) => r.seen[0] ?? null),
    };
  }

  private remove(id: string): void {
    unwrapMarks(this.marks.get(id) ?? []);
    this.badges.get(id)?.remove();
    this.marks.delete(id);
    this.badges.delete(id);
    this.placed.delete(id);
    this.items.delete(id);
  }

  /**
   * Makes the page show exactly these highlights: keeps those already placed, unwraps those no
   * longer wanted, adds the new ones (in slices, the page gets its turns). False when aborted.
   * `together`: the badges of a first batch are made in the same task as its marks. `read`: the
   * walk of the page as read, if nothing changed it since (asked for when the marks are placed).
   */
  async show(highlights: readonly Highlight<PageClause>[], stop?: AbortSignal, together = false, read?: () => Walk | null): Promise<boolean> {
    const stopped = () => this.signal.aborted || !!stop?.aborted;
    if (stopped()) return false;
    const wanted = new Map(highlights.map((h) => [h.primary.id, h]));
    for (const [id, shown] of this.placed) {
      const h = wanted.get(id);
      // Kept only if still wanted, showing the same, and still in the page (it may have replaced that part).
      if (!h || what(h.primary) !== shown || !this.marks.get(id)?.every((m) => m.isConnected)) this.remove(id);
    }
    const fresh = highlights.filter((h) => !this.placed.has(h.primary.id));
    // The page's first highlights paint before their badges are made (the first screen sooner);
    // later ones come with their badges, in one rendering of the page instead of two. `together`:
    // the first ones too (a whole result at once, where one rendering matters more).
    const first = this.placed.size === 0 && !together;
    // At most PER_FRAME clauses in one rendering, from the top of the batch down (the first batch
    // begins where the page is read from: the sections on screen): the page lays out again every
    // paragraph that got a highlight, and on a long page one relayout of sixty or more of them was
    // a 45-65 ms frame (Roblox's terms; 16 at a time cost a third of that each).
    // (Those mark.js would leave out, overlapping another, are chosen over the whole batch.)
    const specs = markable(fresh.map(({ primary }) => ({ start: primary.start, end: primary.end, clauseId: primary.id, category: primary.category, severity: primary.severity })));
    const sorted = specs.sort((a, b) => a.start - b.start);
    await this.slicer.maybe();
    if (stopped()) return false;
    const signal = stop ? AbortSignal.any([this.signal, stop]) : this.signal;
    // One walk for the batch: the reading's if nothing changed the page since, kept true to the
    // page as the marks split its text (highlight.ts).
    const walk = sorted.length ? walkFor(this.root, read?.()) : null;
    for (let at = 0, g = 0; at < sorted.length; g++) {
      if (g > 0) {
        // The next group's size from how long the rendering of this one took (a slow machine, or
        // a page whose paragraphs cost much to lay out again, gets smaller groups).
        this.groups.next(await afterFrame());
        if (stopped()) return false;
      }
      const group = sorted.slice(at, at + this.groups.size);
      at += group.length;
      const marks = await highlightRangesSliced(this.root, group, this.slicer, signal, walk);
      for (const h of fresh) {
        const id = h.primary.id;
        const els = marks.get(id);
        if (els?.length) {
          this.marks.set(id, els);
          this.placed.set(id, what(h.primary));
          this.items.set(id, { clause: h.primary, related: h.related, kb: this.kbById.get(id) });
        }
      }
      if (first && g === 0 && group.length) await this.slicer.next();
      if (stopped()) return false;
      if (!(await this.badgesFor(group.map((spec) => spec.clauseId)))) return false;
    }
    for (const h of highlights) {
      const id = h.primary.id;
      // mark.js could not place it (e.g. whitespace only): not shown, not listed.
      if (this.placed.has(id)) this.items.set(id, { clause: h.primary, related: h.related, kb: this.kbById.get(id) });
    }
    if (stopped()) return false;
    // Badges of those kept from before that have none yet.
    if (!(await this.badgesFor(highlights.map((h) => h.primary.id)))) return false;
    return !stopped();
  }

  /** A badge after the last mark of each of these clauses that is placed and has none yet. False when aborted. */
  private async badgesFor(ids: readonly string[]): Promise<boolean> {
    for (const id of ids) {
      const item = this.items.get(id);
      const last = this.marks.get(id)?.at(-1);
      if (!item || !last || this.badges.has(id)) continue;
      const badge = createBadge(
        { clauseId: id, category: item.clause.category, severity: item.clause.severity, detected: item.clause.source !== 'kb', confidence: item.clause.confidence },
        (cid, trigger) => void this.open(cid, trigger),
        this.signal,
      );
      last.after(badge);
      this.badges.set(id, badge);
      await this.slicer.maybe();
      // Aborted while the page had its turn: the teardown has run, so add nothing more.
      if (this.signal.aborted) return false;
    }
    return true;
  }
}

/** Clauses highlighted (with their badges) in one rendering of the page at most. */
export const PER_FRAME = 16;
/** The time a rendering after a group may take (its style, layout and paint; a task of ours and
 * the page's work around it must stay under 50 ms). */
const FRAME_BUDGET_MS = 30;
const MIN_PER_FRAME = 2;

/** The size of each group of clauses shown in one rendering, from how long the renderings took
 * (the task after the frame, from its start): smaller in proportion after one over the budget,
 * larger again (up to PER_FRAME) after one well under it. Where a rendering of fewer clauses took
 * about as long (a huge page whose every layout costs the same), or the fewest went over the
 * budget twice running, the time is the page's, not the clauses': fewer would only mean more
 * renderings, so back to PER_FRAME for good. */
export class GroupSizer {
  size = PER_FRAME;
  private last: { size: number; ms: number } | null = null;
  private fixed = false;

  /** The next group's size after a rendering of a group of `size` that took `frameMs` (null: not measured). */
  next(frameMs: number | null): number {
    if (frameMs === null || this.fixed) return this.size;
    const last = this.last;
    this.last = { size: this.size, ms: frameMs };
    if (frameMs > FRAME_BUDGET_MS) {
      // Fewer clauses took about as long, or the fewest went over twice running: the page's cost.
      const pagesOwn = last && ((last.size > this.size && frameMs > last.ms * 0.75) || (this.size === MIN_PER_FRAME && last.size === MIN_PER_FRAME && last.ms > FRAME_BUDGET_MS));
      if (pagesOwn) {
        this.fixed = true;
        this.size = PER_FRAME;
      } else {
        this.size = Math.max(MIN_PER_FRAME, Math.min(this.size - 1, Math.floor((this.size * FRAME_BUDGET_MS) / frameMs)));
      }
    } else if (frameMs < FRAME_BUDGET_MS / 3) {
      this.size = Math.min(PER_FRAME, this.size * 2);
    }
    return this.size;
  }
}

/** Resolves in a task after the page's next rendering, with how long that rendering took (from
 * the frame's start to the task after it); null in a hidden page, which renders nothing (at
 * once), and where frames do not come (after 100 ms at most). */
function afterFrame(): Promise<number | null> {
  if (document.visibilityState === 'hidden') return yieldToPage().then(() => null);
  return new Promise((resolve) => {
    let done = false;
    const go = (framed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const start = performance.now();
      void yieldToPage().then(() => resolve(framed ? performance.now() - start : null));
    };
    const timer = setTimeout(() => go(false), 100);
    requestAnimationFrame(() => go(true));
  });
}
