// Message handlers of the background, with their sender rules. Each handler gets a validated
// payload (validate.ts) and a checked sender; dependencies come in so tests can use fakes.
import type { MessageName, Req, Res, TabState } from '../messages';
import { SEVERITIES, type Severity } from '../core/types';
import type { Db } from '../storage/db';
import { getVisit, recordVisit } from '../storage/visits';
import type { KbService } from './kb-service';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface HandlerDeps {
  extensionId: string;
  extensionOrigin: string;
  db: () => Promise<Db>;
  kb: KbService;
  tabVisits: { get(tabId: number): Promise<number | undefined>; set(tabId: number, visitId: number): Promise<void> };
  revealInTab(tabId: number, clauseId: string): Promise<boolean>;
  setBadge?(tabId: number, counts: Record<Severity, number>): Promise<void>;
}

export class SenderRejected extends Error {}

type Who = 'content' | 'extension-page';

/** Who may send each message. Content scripts run in web pages; extension pages are ours. */
export const ALLOWED: Record<MessageName, readonly Who[]> = {
  'page/lookup': ['content'],
  'kb/clauses': ['content', 'extension-page'],
  'kb/compare': ['content', 'extension-page'],
  'kb/status': ['content', 'extension-page'],
  'page/report': ['content'],
  'tab/state': ['extension-page'],
  'tab/reveal': ['extension-page'],
  'content/reveal': [],
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
      return deps.kb.compare(category, platformId, limit);
    }
    case 'kb/status':
      return deps.kb.status();
    case 'page/report': {
      const report = p as Req<'page/report'>;
      const tabId = sender.tab?.id as number;
      const db = await deps.db();
      const visitId = await recordVisit(db, report);
      await deps.tabVisits.set(tabId, visitId);
      await deps.setBadge?.(tabId, countBySeverity(report.clauses));
      return { visitId } satisfies Res<'page/report'>;
    }
    case 'tab/state': {
      const { tabId } = p as Req<'tab/state'>;
      const visitId = await deps.tabVisits.get(tabId);
      if (visitId === undefined) return { state: null };
      const db = await deps.db();
      const visit = await getVisit(db, visitId);
      if (!visit) return { state: null };
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
