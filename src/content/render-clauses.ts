// Step two of annotating a page (annotator.ts): the found clauses on the page — highlights,
// badges, the panel on click, and "reveal" (from the popup, and from the panel's other risks) —
// with one teardown that removes all of it when the signal aborts, whether mid-render or later
// (navigation, a fresh analysis).
import browser from 'webextension-polyfill';
import { isEnvelope, type Reply } from '../messages';
import { send } from '../lib/rpc';
import { highlightRangesSliced, isOurMark, removeHighlights } from './highlight';
import { Slicer } from './yield';
import { badgeButton, createBadge, focusBadge } from './badges';
import { otherRisks, PanelHost, type PageInfo, type PanelClause, type PanelExtras } from './panel';
import type { FoundClauses } from './find-clauses';

/**
 * Renders the clauses; returns those placed on the page (by id), or null when the signal aborted
 * first, in which case nothing of ours is left on the page.
 */
export async function renderClauses(root: HTMLElement, found: FoundClauses, info: PageInfo, signal: AbortSignal): Promise<Map<string, PanelClause> | null> {
  if (signal.aborted) return null;
  const badges = new Map<string, HTMLElement>();
  const onMessage = (message: unknown): Promise<Reply<'content/reveal'>> | undefined => {
    if (!isEnvelope(message) || message.name !== 'content/reveal') return undefined;
    const { clauseId: id } = message.payload as { clauseId: string };
    return Promise.resolve({ ok: true, value: { ok: reveal(id) } });
  };
  /** Scrolls to a clause, opens its panel and focuses its badge; false when it is not on the page. */
  const reveal = (id: string): boolean => {
    const first = marks.get(id)?.[0];
    if (!first || !items.has(id)) return false;
    first.scrollIntoView({ block: 'center', behavior: 'instant' });
    open(id, badgeButton(badges.get(id)));
    focusBadge(badges.get(id));
    return true;
  };
  // The one teardown: runs at the abort itself, so a fresh analysis starts on a clean page.
  signal.addEventListener(
    'abort',
    () => {
      browser.runtime.onMessage.removeListener(onMessage);
      for (const b of badges.values()) b.remove();
      removeHighlights(root);
    },
    { once: true },
  );

  const slicer = new Slicer();
  await slicer.maybe();
  const marks = await highlightRangesSliced(
    root,
    found.highlights.map(({ primary }) => ({ start: primary.start, end: primary.end, clauseId: primary.id, category: primary.category, severity: primary.severity })),
    slicer,
    signal,
  );
  if (signal.aborted) return null;

  const items = new Map<string, PanelClause>();
  for (const h of found.highlights) {
    if (!marks.has(h.primary.id)) continue; // mark.js could not place it (e.g. whitespace only)
    items.set(h.primary.id, { clause: h.primary, related: h.related, kb: found.kbById.get(h.primary.id) });
  }

  const panel = new PanelHost(signal);
  const compare = (category: string, platformId?: string) => send('kb/compare', { category, platformId, limit: 6 });
  const placed = [...items.values()].map((i) => i.clause);
  const extras = (id: string): PanelExtras => ({
    otherRisks: otherRisks(placed, id),
    reveal: (other) => void reveal(other),
    openCompare: (category) => send('panel/open-compare', { category }).then((r) => r.ok),
    seen: (text) => send('record/seen', { texts: [text] }).then((r) => r.seen[0] ?? null),
  });
  const open = (id: string, trigger: HTMLElement | null) => {
    const item = items.get(id);
    if (item) panel.show(item, info, compare, trigger, extras(id));
  };

  for (const [id, item] of items) {
    const els = marks.get(id);
    const last = els?.[els.length - 1];
    if (!last) continue;
    const badge = createBadge(
      { clauseId: id, category: item.clause.category, severity: item.clause.severity, detected: item.clause.source !== 'kb', confidence: item.clause.confidence },
      (cid, trigger) => open(cid, trigger),
      signal,
    );
    last.after(badge);
    badges.set(id, badge);
    await slicer.maybe();
    // Aborted while the page had its turn: the teardown has run, so add nothing more.
    if (signal.aborted) return null;
  }

  // Clicking the highlighted text opens its panel too.
  document.addEventListener(
    'click',
    (e) => {
      // Only the user's own click opens a panel: the page cannot script one open.
      if (!e.isTrusted) return;
      const mark = (e.target as Element | null)?.closest?.('mark[data-clausemark-clause]') as HTMLElement | null;
      if (!mark || !isOurMark(mark)) return;
      const id = mark.dataset.clausemarkClause;
      if (id && items.has(id)) open(id, badgeButton(badges.get(id)));
    },
    { signal },
  );
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && panel.openClauseId) panel.hide();
    },
    { signal },
  );
  browser.runtime.onMessage.addListener(onMessage);
  return items;
}
