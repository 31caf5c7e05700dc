// Routes of the version history (docs/history.md). Content scripts may only speak about a visit
// of their own origin; what they learn back is computed from that document's own history.
import type { BackgroundMessage } from '../../messages';
import { MAX_VERSION_CHARS, type VersionAck } from '../../history-messages';
import type { Db } from '../../storage/db';
import type { Visit } from '../../storage/records';
import { InvalidInput, docKey, empty, int, list, optSha, sha, str } from '../../core/checks';
import { sha256Hex } from '../../core/fingerprint';
import { getVisit, trimVisits } from '../../storage/visits';
import { deleteHistory, getHistorySettings, pruneHistory, setHistorySettings, setPin } from '../../storage/versions';
import { exportHistory, importHistory, InvalidHistoryFile, parseHistoryExport } from '../../storage/history-io';
import { clearLastError, historyGlance, historyListing, historyView, reportVersion, storeVersion } from '../history-versions';
import { senderPage, type Context, type Routes } from './types';

export type HistoryMessage = Extract<BackgroundMessage, `version/${string}` | `history/${string}`>;

export const MAX_BREAKS = 1_000_000;
export const MAX_IMPORT_CHARS = 60_000_000;

/** The visit a content script refers to must be its own: same origin (as the browser reports the
 * sender), same text hash. */
async function ownVisit(db: Db, visitId: number, sha256: string, ctx: Context): Promise<Visit> {
  const visit = await getVisit(db, visitId);
  if (!visit || visit.origin !== senderPage(ctx).origin || visit.sha256 !== sha256) throw new Error('no matching visit from this page');
  return visit;
}

async function afterAck(ack: VersionAck, ctx: Context): Promise<VersionAck> {
  if (ack.change) await ctx.deps.markChanged?.(senderPage(ctx).tabId, ack.change);
  return ack;
}

export const historyRoutes: Routes<HistoryMessage> = {
  'version/check': {
    from: ['content'],
    validate: (p) => ({ visitId: int(p.visitId, 'visitId'), sha256: sha(p.sha256, 'sha256') }),
    async handle({ visitId, sha256 }, ctx) {
      const db = await ctx.deps.db();
      return afterAck(await reportVersion(db, await ownVisit(db, visitId, sha256, ctx)), ctx);
    },
  },
  'version/store': {
    from: ['content'],
    validate(p) {
      const text = str(p.text, 'text', Number.MAX_SAFE_INTEGER);
      if (text.length > MAX_VERSION_CHARS) throw new InvalidInput(`text is too long (over ${MAX_VERSION_CHARS} characters): this version is not kept`);
      const hardBreaks = list(p.hardBreaks, 'hardBreaks', MAX_BREAKS).map((b, i) => {
        if (typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > text.length) throw new InvalidInput(`hardBreaks[${i}] must be an offset into the text`);
        return b;
      });
      return { sha256: sha(p.sha256, 'sha256'), visitId: int(p.visitId, 'visitId'), text, hardBreaks };
    },
    async handle(req, ctx) {
      const db = await ctx.deps.db();
      return afterAck(await storeVersion(db, req, await ownVisit(db, req.visitId, req.sha256, ctx)), ctx);
    },
  },
  'history/open': {
    from: ['content'],
    validate: (p) => empty(p),
    handle: async (_req, ctx) => ({ ok: (await ctx.deps.openHistory?.(senderPage(ctx).tabId)) ?? false }),
  },
  'history/view': {
    from: ['extension-page'],
    validate: (p) => ({ docKey: docKey(p.docKey), from: optSha(p.from, 'from'), to: optSha(p.to, 'to') }),
    handle: async (req, { deps }) => historyView(await deps.db(), deps.kb, req),
  },
  'history/glance': {
    from: ['extension-page'],
    validate: (p) => ({ docKey: docKey(p.docKey) }),
    handle: async ({ docKey: key }, { deps }) => historyGlance(await deps.db(), key),
  },
  'history/pin': {
    from: ['extension-page'],
    validate: (p) => ({ docKey: docKey(p.docKey), sha256: p.sha256 === null ? null : sha(p.sha256, 'sha256') }),
    handle: async ({ docKey: key, sha256 }, { deps }) => ({ tracked: await setPin(await deps.db(), key, sha256, new Date().toISOString()) }),
  },
  'history/list': {
    from: ['extension-page'],
    validate: (p) => empty(p),
    handle: async (_req, { deps }) => historyListing(await deps.db()),
  },
  'history/export': {
    from: ['extension-page'],
    validate: (p) => empty(p),
    handle: async (_req, { deps }) => ({ json: JSON.stringify(await exportHistory(await deps.db())) }),
  },
  'history/import': {
    from: ['extension-page'],
    validate(p) {
      if (typeof p.json === 'string' && p.json.length > MAX_IMPORT_CHARS) throw new InvalidInput(`the file is too large (over ${MAX_IMPORT_CHARS / 1e6} M characters)`);
      return { json: str(p.json, 'json', MAX_IMPORT_CHARS) };
    },
    async handle({ json }, { deps }) {
      const db = await deps.db();
      let parsed;
      try {
        parsed = await parseHistoryExport(json, sha256Hex);
      } catch (err) {
        if (err instanceof InvalidHistoryFile) throw new Error(`This file was not imported: ${err.message}. Nothing was changed.`, { cause: err });
        throw err;
      }
      const r = await importHistory(db, parsed);
      await pruneHistory(db, (await getHistorySettings(db)).maxBytes);
      await trimVisits(db);
      return r;
    },
  },
  'history/delete': {
    from: ['extension-page'],
    validate: (p) => ({ docKey: p.docKey === undefined ? undefined : docKey(p.docKey) }),
    async handle({ docKey: key }, { deps }) {
      const db = await deps.db();
      const deleted = await deleteHistory(db, key);
      if (key === undefined) await clearLastError(db);
      return { deleted };
    },
  },
  'history/settings': {
    from: ['extension-page'],
    validate: (p) => ({ maxBytes: p.maxBytes === undefined ? undefined : int(p.maxBytes, 'maxBytes', 1) }),
    async handle({ maxBytes }, { deps }) {
      const db = await deps.db();
      const settings = maxBytes === undefined ? await getHistorySettings(db) : await setHistorySettings(db, { ...(await getHistorySettings(db)), maxBytes });
      const { removed, totalBytes } = await pruneHistory(db, settings.maxBytes);
      return { settings, totalBytes, removed };
    },
  },
};
