// Routes of the page a content script runs in, and of the tabs the popup asks about. The page's
// address, origin and knowledge-base document come from the browser's sender record and the
// background's own lookup, never from the payload: a script on one site cannot name another.
import type { BackgroundMessage, TabState } from '../../messages';
import type { Visit } from '../../storage/records';
import { SEVERITIES, type Severity } from '../../core/types';
import { docKeyOf } from '../../core/history-text';
import { empty, int, obj, str } from '../../core/checks';
import { checkPageReading, checkVisit, getVisit, recordVisit } from '../../storage/visits';
import { senderPage, type Context, type Routes, type SenderPage } from './types';

export type PageMessage = Extract<BackgroundMessage, `page/${string}` | `tab/${string}`>;

export function countBySeverity(items: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts = { high: 0, medium: 0, low: 0, good: 0 } satisfies Record<Severity, number>;
  for (const c of items) if (SEVERITIES.includes(c.severity)) counts[c.severity]++;
  return counts;
}

/** The address kept for a visit: no query string or fragment (they can carry personal tokens). */
export function keptAddress(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** Puts the annotator into the sender's frame; false where it cannot (the frame went away). */
async function injectAnnotator(ctx: Context, page: SenderPage): Promise<boolean> {
  if (!ctx.deps.injectAnnotator) return false;
  try {
    await ctx.deps.injectAnnotator(page.tabId, page.frameId);
    return true;
  } catch (err) {
    console.warn('Clausemark: cannot put the annotator in this frame', err);
    return false;
  }
}

export const pageRoutes: Routes<PageMessage> = {
  'page/lookup': {
    from: ['content'],
    validate: (p) => empty(p),
    async handle(_req, ctx) {
      // The page asks before it analyses: the analysis host opens meanwhile if it was closed.
      const host = ctx.deps.ensureAnalysisHost?.().catch((err: unknown) => console.warn('Clausemark: analysis host', err));
      const match = await ctx.deps.kb.lookup(senderPage(ctx).url);
      await host;
      // The badge texts come with the answer: the page then never loads the messages itself.
      return { match, texts: ctx.deps.badgeTexts?.() };
    },
  },
  'page/annotator': {
    from: ['content'],
    validate: (p) => empty(p),
    async handle(_req, ctx) {
      // Into the sending frame only (the browser names it); answered once the script has run there.
      return { ok: await injectAnnotator(ctx, senderPage(ctx)) };
    },
  },
  'page/inject': {
    from: ['content'],
    validate: (p) => empty(p),
    async handle(_req, ctx) {
      // Into the sending frame only (the browser names it, not the payload).
      const page = senderPage(ctx);
      if (!ctx.deps.injectLoader) return { ok: false };
      await ctx.deps.injectLoader(page.tabId, page.frameId);
      return { ok: true };
    },
  },
  'page/report': {
    from: ['content'],
    validate: (p) => checkPageReading(p),
    async handle(reading, ctx) {
      const { deps } = ctx;
      const page = senderPage(ctx);
      const match = await deps.kb.lookup(page.url);
      const visit: Visit = {
        ...reading,
        detection: { kind: match ? 'known' : 'heuristic', reason: reading.detection.reason },
        url: keptAddress(page.url),
        origin: page.origin,
        docKey: docKeyOf({ documentId: match?.document.id, url: page.url }),
        documentId: match?.document.id,
        platformId: match?.platform.id,
      };
      const visitId = await recordVisit(await deps.db(), visit);
      // The top frame's policy wins; a policy in a frame shows only when the top page has none.
      const shown = await deps.tabVisits.frame?.(page.tabId);
      if (page.frameId === 0 || shown === undefined || shown !== 0) {
        await deps.tabVisits.set(page.tabId, visitId, page.frameId);
        await deps.setBadge?.(page.tabId, countBySeverity(visit.clauses));
      }
      return { visitId };
    },
  },
  'page/left': {
    from: ['content'],
    validate: (p) => empty(p),
    async handle(_req, ctx) {
      const { deps } = ctx;
      const page = senderPage(ctx);
      if ((await deps.tabVisits.frame?.(page.tabId)) === page.frameId) {
        await deps.tabVisits.clear?.(page.tabId);
        await deps.setBadge?.(page.tabId, countBySeverity([]));
      }
      return { ok: true };
    },
  },
  'tab/state': {
    from: ['extension-page'],
    validate: (p) => ({ tabId: int(p.tabId, 'tabId') }),
    async handle({ tabId }, { deps }) {
      const visitId = await deps.tabVisits.get(tabId);
      if (visitId === undefined) return { state: null };
      const stored = await getVisit(await deps.db(), visitId);
      if (!stored) return { state: null };
      // A damaged record (disk error, an old or hand-edited database) must not break the popup:
      // it is checked like a fresh report, and one that fails is reported as unreadable.
      let visit: Visit;
      try {
        visit = checkVisit(obj(stored, 'visit'));
      } catch (err) {
        throw new Error(`the record of this page is damaged (${err instanceof Error ? err.message : String(err)}); reload the page to analyse it again`, { cause: err });
      }
      // The platform and the document are read together (two lookups, one wait).
      const [platform, doc] = await Promise.all([
        visit.platformId ? deps.kb.platform(visit.platformId) : undefined,
        visit.documentId ? deps.kb.document(visit.documentId) : undefined,
      ]);
      const state: TabState = { tabId, visit, platform, document: doc, counts: countBySeverity(visit.clauses) };
      return { state };
    },
  },
  'tab/reveal': {
    from: ['extension-page'],
    validate: (p) => ({ tabId: int(p.tabId, 'tabId'), clauseId: str(p.clauseId, 'clauseId', 128) }),
    handle: async ({ tabId, clauseId }, { deps }) => ({ ok: await deps.revealInTab(tabId, clauseId) }),
  },
  'tab/analyse': {
    from: ['extension-page'],
    validate: (p) => ({ tabId: int(p.tabId, 'tabId') }),
    async handle({ tabId }, { deps }) {
      if (!deps.analyseTab) throw new Error('analysing on request is not available');
      return { started: await deps.analyseTab(tabId) };
    },
  },
};
