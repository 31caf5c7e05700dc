// Routes of citations and of the panel's way into the popup. A content script learns only about
// its own page's document (named by the browser's sender record, as page/report names it) and can
// open only its own tab's Compare view, and only once Clausemark has analysed that tab's page.
import type { BackgroundMessage } from '../../messages';
import { MAX_CLAUSES } from '../../core/page-clause';
import { MAX_TEXT, category, list, optInt, str } from '../../core/checks';
import { docKeyOf } from '../../core/history-text';
import { getVisit } from '../../storage/visits';
import { clauseSeen } from '../record-seen';
import { senderPage, type Context, type Routes } from './types';

export type ReportMessage = Extract<BackgroundMessage, `record/${string}` | `panel/${string}`>;

/** The history document a request is about: the sender's page for a content script, the page a
 * tab shows for an extension page (null when that tab shows none). */
async function docKeyFor(tabId: number | undefined, ctx: Context): Promise<string | null> {
  const { deps } = ctx;
  if (ctx.who === 'content') {
    const page = senderPage(ctx);
    const match = await deps.kb.lookup(page.url);
    return docKeyOf({ documentId: match?.document.id, url: page.url });
  }
  if (tabId === undefined) throw new Error('tabId is required from an extension page');
  const visitId = await deps.tabVisits.get(tabId);
  const visit = visitId === undefined ? undefined : await getVisit(await deps.db(), visitId);
  return visit?.docKey ?? null;
}

export const reportRoutes: Routes<ReportMessage> = {
  'record/seen': {
    from: ['content', 'extension-page'],
    validate: (p) => ({
      tabId: optInt(p.tabId, 'tabId'),
      texts: list(p.texts, 'texts', MAX_CLAUSES).map((t, i) => str(t, `texts[${i}]`, MAX_TEXT)),
    }),
    async handle({ tabId, texts }, ctx) {
      const key = await docKeyFor(ctx.who === 'content' ? undefined : tabId, ctx);
      if (key === null) return { seen: texts.map(() => null) };
      return { seen: await clauseSeen(await ctx.deps.db(), key, texts) };
    },
  },
  'panel/open-compare': {
    from: ['content'],
    validate: (p) => ({ category: category(p.category, 'category') }),
    async handle({ category: c }, ctx) {
      const page = senderPage(ctx);
      // Only a tab whose page Clausemark analysed has a panel to ask from.
      if ((await ctx.deps.tabVisits.get(page.tabId)) === undefined) throw new Error('this page has not been analysed');
      return { ok: (await ctx.deps.openView?.(page.tabId, 'compare', { category: c })) ?? false };
    },
  },
};
