// Message handlers of the version history (called from handlers.ts's route switch). Sender rules
// are in handlers.ts's ALLOWED map; payloads were checked by validate-history.ts.
import type { PageReport, Req, Res } from '../messages';
import type { VersionAck, VersionChange } from '../history-messages';
import type { HandlerDeps, Sender } from './handlers';
import type { HistoryMessage } from './validate-history';
import { getVisit } from '../storage/visits';
import { deleteHistory, getHistorySettings, pruneHistory, setHistorySettings, setPin } from '../storage/versions';
import { exportHistory, importHistory, InvalidHistoryFile, parseHistoryExport } from '../storage/history-io';
import { sha256Hex } from '../core/fingerprint';
import { clearLastError, historyListing, historyView, reportVersion, storeVersion } from './history-service';

export interface HistoryDeps {
  /** Marks the toolbar icon of a tab: "changed since you last read it". */
  markChanged?(tabId: number, change: VersionChange): Promise<void>;
  /** Opens the popup's History view for a tab in a new tab. */
  openHistory?(tabId: number): Promise<boolean>;
}

async function afterAck(ack: VersionAck, tabId: number, deps: HandlerDeps & HistoryDeps): Promise<VersionAck> {
  if (ack.change) await deps.markChanged?.(tabId, ack.change);
  return ack;
}

/** The visit a content script refers to must be its own: same site, same text hash. */
async function ownVisit(db: Awaited<ReturnType<HandlerDeps['db']>>, visitId: number, sha256: string, sender: Sender): Promise<PageReport> {
  const visit = await getVisit(db, visitId);
  let sameSite: boolean;
  try {
    sameSite = !!visit && !!sender.url && new URL(visit.url).origin === new URL(sender.url).origin;
  } catch {
    sameSite = false;
  }
  if (!visit || !sameSite || visit.sha256 !== sha256) throw new Error('no matching visit from this page');
  return visit;
}

export async function routeHistory(name: HistoryMessage, p: never, sender: Sender, deps: HandlerDeps & HistoryDeps): Promise<unknown> {
  const db = await deps.db();
  switch (name) {
    case 'version/check': {
      const { visitId, sha256 } = p as Req<'version/check'>;
      const visit = await ownVisit(db, visitId, sha256, sender);
      return afterAck(await reportVersion(db, visit), sender.tab?.id as number, deps) satisfies Promise<Res<'version/check'>>;
    }
    case 'version/store': {
      const req = p as Req<'version/store'>;
      const visit = await ownVisit(db, req.visitId, req.sha256, sender);
      return afterAck(await storeVersion(db, req, visit), sender.tab?.id as number, deps) satisfies Promise<Res<'version/store'>>;
    }
    case 'history/open': {
      const tabId = sender.tab?.id as number;
      return { ok: (await deps.openHistory?.(tabId)) ?? false } satisfies Res<'history/open'>;
    }
    case 'history/view':
      return historyView(db, deps.kb, p as Req<'history/view'>) satisfies Promise<Res<'history/view'>>;
    case 'history/pin': {
      const { docKey, sha256 } = p as Req<'history/pin'>;
      return { tracked: await setPin(db, docKey, sha256, new Date().toISOString()) } satisfies Res<'history/pin'>;
    }
    case 'history/list':
      return historyListing(db) satisfies Promise<Res<'history/list'>>;
    case 'history/export':
      return { json: JSON.stringify(await exportHistory(db)) } satisfies Res<'history/export'>;
    case 'history/import': {
      const { json } = p as Req<'history/import'>;
      let parsed;
      try {
        parsed = await parseHistoryExport(json, sha256Hex);
      } catch (err) {
        if (err instanceof InvalidHistoryFile) throw new Error(`This file was not imported: ${err.message}. Nothing was changed.`, { cause: err });
        throw err;
      }
      const r = await importHistory(db, parsed);
      await pruneHistory(db, (await getHistorySettings(db)).maxBytes);
      return r satisfies Res<'history/import'>;
    }
    case 'history/delete': {
      const { docKey } = p as Req<'history/delete'>;
      const deleted = await deleteHistory(db, docKey);
      if (docKey === undefined) await clearLastError(db);
      return { deleted } satisfies Res<'history/delete'>;
    }
    case 'history/settings': {
      const { maxBytes } = p as Req<'history/settings'>;
      const settings = maxBytes === undefined ? await getHistorySettings(db) : await setHistorySettings(db, { ...(await getHistorySettings(db)), maxBytes });
      const { removed, totalBytes } = await pruneHistory(db, settings.maxBytes);
      return { settings, totalBytes, removed } satisfies Res<'history/settings'>;
    }
    default:
      throw new Error(`no handler for ${String(name)}`);
  }
}
