// Message handlers of the background, with their sender rules. Each handler gets a validated
// payload (validate.ts) and a checked sender; dependencies come in so tests can use fakes.
import type { MessageName, Req, Res, TabState, Visit } from '../messages';
import { SEVERITIES, type Severity } from '../core/types';
import type { Db } from '../storage/db';
import { getVisit, recordVisit } from '../storage/visits';
import type { KbService } from './kb-service';
import type { KbUpdater } from './kb-update';
import { CompareService } from './compare-service';
import { routeHistory, type HistoryDeps } from './history-routes';
import { isHistoryMessage } from './validate-history';
import { validatePageReport } from './validate';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface HandlerDeps extends HistoryDeps {
  extensionId: string;
  extensionOrigin: string;
  db: () => Promise<Db>;
  kb: KbService;
  /** The update feed (absent in tests that do not need it). */
  updates?: KbUpdater;
  /** The update feed address the user set (browser.storage.local), or null. */
  feedUrl?(): Promise<string | null>;
  tabVisits: {
    get(tabId: number): Promise<number | undefined>;
    set(tabId: number, visitId: number, frameId?: number): Promise<void>;
    /** The frame whose visit the tab shows (0 = top frame). */
    frame?(tabId: number): Promise<number | undefined>;
    clear?(tabId: number): Promise<void>;
  };
  revealInTab(tabId: number, clauseId: string): Promise<boolean>;
  analyseTab?(tabId: number): Promise<boolean>;
  setBadge?(tabId: number, counts: Record<Severity, number>): Promise<void>;
}

export class SenderRejected extends Error {}

/** Comparisons share the handlers' database and knowledge base; one service per deps object. */
const compareServices = new WeakMap<HandlerDeps, CompareService>();
function compareOf(deps: HandlerDeps): CompareService {
  let svc = compareServices.get(deps);
  if (!svc) compareServices.set(deps, (svc = new CompareService({ db: deps.db, ensure: () => deps.kb.ensure() })));
  return svc;
}

type Who = 'content' | 'extension-page';

/** Who may send each message. Content scripts run in web pages; extension pages are ours. */
export const ALLOWED: Record<MessageName, readonly Who[]> = {
  'page/lookup': ['content'],
  'kb/clauses': ['content', 'extension-page'],
  'kb/compare': ['content', 'extension-page'],
  'kb/status': ['content', 'extension-page'],
  'kb/update-check': ['extension-page'],
  'kb/update-status': ['extension-page'],
  'page/report': ['content'],
  'page/left': ['content'],
  'tab/analyse': ['extension-page'],
  'content/analyse': [],
  'tab/state': ['extension-page'],
  'tab/reveal': ['extension-page'],
  'compare/stats': ['extension-page'],
  'compare/platforms': ['extension-page'],
  'platform/search': ['extension-page'],
  'platform/summary': ['extension-page'],
  'compare/pair': ['extension-page'],
  'content/reveal': [],
  'content/explain': [],
  'version/check': ['content'],
  'version/store': ['content'],
  'history/open': ['content'],
  'history/view': ['extension-page'],
  'history/pin': ['extension-page'],
  'history/list': ['extension-page'],
  'history/export': ['extension-page'],
  'history/import': ['extension-page'],
  'history/delete': ['extension-page'],
  'history/settings': ['extension-page'],
};

export function classifySender(sender: Sender, deps: Pick<HandlerDeps, 'extensionId' | 'extensionOrigin'>): Who | null {
  if (sender.id !== deps.extensionId) return null;
  if (sender.url?.startsWith(deps.extensionOrigin)) return 'extension-page';
  if (sender.tab?.id !== undefined && sender.url && /^https?:/.test(sender.url)) return 'content';
  return null;
}

export function checkSender(name: MessageName, sender: Sender, deps: HandlerDeps): Who {
  const who = classifySender(sender, deps);
  if (!who || !ALLOWED[name].includes(who)) throw new SenderRejected(`${name} is not accepted from this sender`);
  return who;
}

export function countBySeverity(items: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const c of items) counts[c.severity]++;
  return counts;
}

export async function handle<N extends MessageName>(name: N, payload: Req<N>, sender: Sender, deps: HandlerDeps): Promise<Res<N>> {
  checkSender(name, sender, deps);
  const r = await route(name, payload as never, sender, deps);
  return r as Res<N>;
}

async function route(name: MessageName, p: never, sender: Sender, deps: HandlerDeps): Promise<unknown> {
  if (isHistoryMessage(name)) return routeHistory(name, p, sender, deps);
  switch (name) {
    case 'page/lookup': {
      const { url } = p as Req<'page/lookup'>;
      return { match: await deps.kb.lookup(url) } satisfies Res<'page/lookup'>;
    }
    case 'kb/clauses': {
      const { platformId, documentId } = p as Req<'kb/clauses'>;
      const all = await deps.kb.clausesFor(platformId);
      // The document's own clauses first: they are the ones most likely to be on this page.
      const clauses = documentId ? [...all.filter((c) => c.documentId === documentId), ...all.filter((c) => c.documentId !== documentId)] : all;
      return { clauses } satisfies Res<'kb/clauses'>;
    }
    case 'kb/compare': {
      const { category, platformId, limit } = p as Req<'kb/compare'>;
      return compareOf(deps).examples(category, platformId, limit);
    }
    case 'compare/stats':
      return { stats: await compareOf(deps).stats((p as Req<'compare/stats'>).categories) } satisfies Res<'compare/stats'>;
    case 'compare/platforms': {
      const { category, platformId, severity, offset, limit } = p as Req<'compare/platforms'>;
      return compareOf(deps).platforms(category, platformId, severity, offset, limit);
    }
    case 'platform/search': {
      const { query, limit } = p as Req<'platform/search'>;
      return { hits: await compareOf(deps).search(query, limit) } satisfies Res<'platform/search'>;
    }
    case 'platform/summary':
      return { summary: await compareOf(deps).summary((p as Req<'platform/summary'>).platformId) } satisfies Res<'platform/summary'>;
    case 'compare/pair': {
      const { a, b } = p as Req<'compare/pair'>;
      return compareOf(deps).pair(a, b);
    }
    case 'kb/status':
      return deps.kb.status();
    case 'kb/update-check':
      if (!deps.updates) throw new Error('updates are not available');
      return deps.updates.check() satisfies Promise<Res<'kb/update-check'>>;
    case 'kb/update-status':
      return {
        feedUrl: (await deps.feedUrl?.()) ?? null,
        last: (await deps.updates?.last()) ?? null,
        status: await deps.kb.status(),
      } satisfies Res<'kb/update-status'>;
    case 'page/report': {
      const report = p as Req<'page/report'>;
      const tabId = sender.tab?.id as number;
      const db = await deps.db();
      const visitId = await recordVisit(db, report);
      // The top frame's policy wins; a policy in a frame shows only when the top page has none.
      const frameId = sender.frameId ?? 0;
      const shown = await deps.tabVisits.frame?.(tabId);
      if (frameId === 0 || shown === undefined || shown !== 0) {
        await deps.tabVisits.set(tabId, visitId, frameId);
        await deps.setBadge?.(tabId, countBySeverity(report.clauses));
      }
      return { visitId } satisfies Res<'page/report'>;
    }
    case 'tab/analyse': {
      const { tabId } = p as Req<'tab/analyse'>;
      if (!deps.analyseTab) throw new Error('analysing on request is not available');
      return { started: await deps.analyseTab(tabId) } satisfies Res<'tab/analyse'>;
    }
    case 'page/left': {
      const tabId = sender.tab?.id as number;
      if ((await deps.tabVisits.frame?.(tabId)) === (sender.frameId ?? 0)) {
        await deps.tabVisits.clear?.(tabId);
        await deps.setBadge?.(tabId, countBySeverity([]));
      }
      return { ok: true } satisfies Res<'page/left'>;
    }
    case 'tab/state': {
      const { tabId } = p as Req<'tab/state'>;
      const visitId = await deps.tabVisits.get(tabId);
      if (visitId === undefined) return { state: null };
      const db = await deps.db();
      const stored = await getVisit(db, visitId);
      if (!stored) return { state: null };
      // A damaged record (disk error, an old or hand-edited database) must not break the popup:
      // it is checked like a fresh report, and one that fails is reported as unreadable.
      let visit: Visit;
      try {
        visit = { ...validatePageReport(stored), id: stored.id };
      } catch (err) {
        throw new Error(`the record of this page is damaged (${err instanceof Error ? err.message : String(err)}); reload the page to analyse it again`, { cause: err });
      }
      const state: TabState = {
        tabId,
        visit,
        platform: visit.platformId ? await deps.kb.platform(visit.platformId) : undefined,
        document: visit.documentId ? await deps.kb.document(visit.documentId) : undefined,
        counts: countBySeverity(visit.clauses),
      };
      return { state } satisfies Res<'tab/state'>;
    }
    case 'tab/reveal': {
      const { tabId, clauseId } = p as Req<'tab/reveal'>;
      return { ok: await deps.revealInTab(tabId, clauseId) };
    }
    default:
      throw new Error(`no handler for ${name}`);
  }
}
