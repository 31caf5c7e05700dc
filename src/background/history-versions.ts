// The background's side of version history: records each version of a policy the user reads
// (text gzip-compressed), decides whether it is a real change against the user's baseline, and
// builds the History view. Pure rules and diff are in src/core/history.ts. Everything is per
// document and origin (the visit's docKey, derived by the background from the sender): whether a
// text is "known", dates, pins, counts and diffs never come from another document's rows.
import type { Visit } from '../storage/records';
import type { HistoryGlance, HistoryListing, HistoryVersionInfo, HistoryViewData, ReviewedNotFound, VersionAck, VersionChange, VersionStoreReq } from '../history-messages';
import { clauseChanges } from '../core/history-clauses';
import { summariseChanges, textSays } from '../core/history-summary';
import { diffVersions, foldDiff } from '../core/history-diff';
import { significantText, storedWords, versionText } from '../core/history-text';
import { fingerprint, sha256Hex } from '../core/fingerprint';
import type { Db } from '../storage/db';
import type { KbService } from './kb-service';
import type { StoredVersion } from '../storage/history-types';
import { getHistorySettings, getTracked, getVersion, getVersionText, gzip, hasVersion, HistoryStorageFull, listTracked, observeVersion, pruneHistory, putVersion, touchVersion, versionsOf, type Observation } from '../storage/versions';

const LAST_ERROR = 'historyLastError';

async function summarise(db: Db, docKey: string, obs: Observation): Promise<VersionChange | null> {
  const c = obs.change;
  if (!c) return null;
  const [fromV, toV, fromText, toText] = await Promise.all([getVersion(db, docKey, c.fromSha), getVersion(db, docKey, c.toSha), getVersionText(db, c.fromSha), getVersionText(db, c.toSha)]);
  const diff = fromText !== undefined && toText !== undefined ? diffVersions(fromText, toText) : null;
  const before = fromV?.clauses ?? [];
  const after = toV?.clauses ?? [];
  const cc = clauseChanges(before, after);
  return {
    docKey,
    ...c,
    wordsAdded: diff?.wordsAdded ?? 0,
    wordsRemoved: diff?.wordsRemoved ?? 0,
    clauses: { added: cc.added.length, removed: cc.removed.length, changed: cc.changed.length },
    lines: summary(cc, before, after, fromText, toText),
  };
}

/** The change's lines; with both texts, "now" and "no longer" are checked against them. */
function summary(cc: ReturnType<typeof clauseChanges>, before: StoredVersion['clauses'], after: StoredVersion['clauses'], fromText?: string, toText?: string) {
  const says = fromText !== undefined && toText !== undefined ? { before: textSays(fromText), after: textSays(toText) } : undefined;
  return summariseChanges(cc, before, after, says);
}

/** On version/check: does this document already have this text? If so, record the reading now.
 * A text kept for another document (or site) is asked for again: "known" is per document. */
export async function reportVersion(db: Db, report: Visit): Promise<VersionAck> {
  const { docKey } = report;
  const v = await getVersion(db, docKey, report.sha256);
  if (!v) return { docKey, needText: true, change: null };
  await touchVersion(db, docKey, report.sha256, report.readAt);
  const obs = await observeVersion(db, { ...v, url: report.url }, report.readAt);
  return { docKey, needText: false, change: await summarise(db, docKey, obs) };
}

/** On version/store: checks the text against its hash, stores it compressed, prunes to the cap,
 * and records the reading. A full disk keeps the existing history and says so. */
export async function storeVersion(db: Db, req: VersionStoreReq, report: Visit): Promise<VersionAck> {
  const { docKey } = report;
  if (req.sha256 !== report.sha256) throw new Error('version/store: the hash is not the reported page’s');
  if ((await fingerprint(req.text)) !== req.sha256) throw new Error('version/store: the text does not match its SHA-256');
  if (!(await hasVersion(db, docKey, req.sha256))) {
    const stored = versionText(req.text, req.hardBreaks);
    const [sigSha256, textSha256, gz] = await Promise.all([sha256Hex(significantText(stored)), sha256Hex(stored), gzip(stored)]);
    try {
      await putVersion(
        db,
        {
          sha256: req.sha256,
          docKey,
          documentId: report.documentId,
          platformId: report.platformId,
          url: report.url,
          title: report.title,
          firstSeen: report.readAt,
          lastSeen: report.readAt,
          sigSha256,
          textSha256,
          words: storedWords(stored),
          rawBytes: new TextEncoder().encode(stored).byteLength,
          clauses: report.clauses,
        },
        gz,
      );
    } catch (err) {
      if (err instanceof HistoryStorageFull) {
        await db.put('meta', { at: new Date().toISOString(), message: err.message }, LAST_ERROR).catch(() => undefined);
        return { docKey, needText: false, change: null, error: err.message };
      }
      throw err;
    }
  }
  const v = await getVersion(db, docKey, req.sha256);
  if (!v) throw new Error('version/store: the version was not kept');
  const obs = await observeVersion(db, v, report.readAt);
  const settings = await getHistorySettings(db);
  await pruneHistory(db, settings.maxBytes);
  return { docKey, needText: false, change: await summarise(db, docKey, obs) };
}

function info(versions: StoredVersion[]): HistoryVersionInfo[] {
  return versions.map((v, i) => ({
    sha256: v.sha256,
    firstSeen: v.firstSeen,
    lastSeen: v.lastSeen,
    url: v.url,
    words: v.words,
    rawBytes: v.rawBytes,
    gzBytes: v.gzBytes,
    clauses: v.clauses.length,
    cosmetic: i > 0 && versions[i - 1]?.sigSha256 === v.sigSha256,
  }));
}

/** The default pair: the change the user last saw (previous → current), against the pin if any. */
function defaultPair(versions: StoredVersion[], current?: string, previous?: string, pinned?: string): { from?: string; to?: string } {
  const to = current ?? versions[versions.length - 1]?.sha256;
  if (!to) return {};
  if (pinned && pinned !== to) return { from: pinned, to };
  if (previous && previous !== to) return { from: previous, to };
  const at = versions.findIndex((v) => v.sha256 === to);
  const sig = versions[at]?.sigSha256;
  for (let i = at - 1; i >= 0; i--) if (versions[i]?.sigSha256 !== sig) return { from: versions[i]?.sha256, to };
  return { to };
}

export async function historyView(db: Db, kb: KbService, req: { docKey: string; from?: string; to?: string }): Promise<HistoryViewData> {
  const [tracked, versions] = await Promise.all([getTracked(db, req.docKey), versionsOf(db, req.docKey)]);
  const known = new Set(versions.map((v) => v.sha256));
  for (const s of [req.from, req.to]) if (s && !known.has(s)) throw new Error('That version is not in this document’s history (it may have been pruned or deleted).');
  const pair = req.to || req.from ? { from: req.from, to: req.to ?? tracked?.currentSha } : defaultPair(versions, tracked?.currentSha, tracked?.previousSha, tracked?.pinnedSha);
  const out: HistoryViewData = { docKey: req.docKey, tracked: tracked ?? null, versions: info(versions), ...pair, reviewedNotFound: [], reviewedChecked: 0 };
  const toV = versions.find((v) => v.sha256 === pair.to);
  const fromV = versions.find((v) => v.sha256 === pair.from);
  if (toV && fromV && toV !== fromV) {
    const [a, b] = await Promise.all([getVersionText(db, fromV.sha256), getVersionText(db, toV.sha256)]);
    if (a !== undefined && b !== undefined) {
      const t0 = performance.now();
      const d = diffVersions(a, b);
      const ms = performance.now() - t0;
      out.diff = { ops: foldDiff(d.ops), wordsAdded: d.wordsAdded, wordsRemoved: d.wordsRemoved, cosmeticBlocks: d.cosmeticBlocks, significant: d.significant, coarse: d.coarse, ms };
    }
    out.clauseChanges = clauseChanges(fromV.clauses, toV.clauses);
    out.summary = summary(out.clauseChanges, fromV.clauses, toV.clauses, a, b);
  }
  const documentId = tracked?.documentId ?? toV?.documentId;
  if (documentId) {
    const [doc, hist] = await Promise.all([kb.document(documentId), db.get('history', documentId)]);
    if (doc?.latest || hist) {
      out.archive = { collection: doc?.latest?.collection ?? hist?.collection ?? '', latestDate: doc?.latest?.date, latestSha: doc?.latest?.sha256, changes: hist?.changes ?? [] };
    }
    if (toV && tracked?.platformId) {
      // Reviewed quotes the build found in the archived text, checked against this version.
      const clauses = (await kb.clausesFor(tracked.platformId)).filter((c) => c.documentId === documentId && c.anchor.status === 'found');
      const here = new Set(toV.clauses.map((c) => c.kbClauseId).filter(Boolean));
      out.reviewedChecked = clauses.length;
      out.reviewedNotFound = clauses
        .filter((c) => !here.has(c.id))
        .map((c): ReviewedNotFound => ({ id: c.id, caseTitle: c.caseTitle, category: c.category, severity: c.severity, quote: c.quote, pointUrl: c.pointUrl }));
    }
  }
  return out;
}

/** The popup's first view: the change History opens on (pinned or previous version → current),
 * when it is a real one, with its lines. Nothing when the document never changed for the user. */
export async function historyGlance(db: Db, docKey: string): Promise<HistoryGlance> {
  const [tracked, versions] = await Promise.all([getTracked(db, docKey), versionsOf(db, docKey)]);
  if (!tracked) return { change: null };
  const pair = defaultPair(versions, tracked.currentSha, tracked.previousSha, tracked.pinnedSha);
  const fromV = versions.find((v) => v.sha256 === pair.from);
  const toV = versions.find((v) => v.sha256 === pair.to);
  // Same significant text: a cosmetic change (date line, banner) is never announced.
  if (!fromV || !toV || fromV === toV || fromV.sigSha256 === toV.sigSha256) return { change: null };
  const [a, b] = await Promise.all([getVersionText(db, fromV.sha256), getVersionText(db, toV.sha256)]);
  const d = a !== undefined && b !== undefined ? diffVersions(a, b) : null;
  if (d && !d.significant) return { change: null };
  const cc = clauseChanges(fromV.clauses, toV.clauses);
  return {
    change: {
      fromSha: fromV.sha256,
      toSha: toV.sha256,
      fromSeen: fromV.firstSeen,
      pinned: fromV.sha256 === tracked.pinnedSha,
      wordsAdded: d?.wordsAdded ?? 0,
      wordsRemoved: d?.wordsRemoved ?? 0,
      lines: summary(cc, fromV.clauses, toV.clauses, a, b),
    },
  };
}

export async function historyListing(db: Db): Promise<HistoryListing> {
  const [tracked, versions, settings, lastError] = await Promise.all([listTracked(db), db.getAll('versions'), getHistorySettings(db), db.get('meta', LAST_ERROR)]);
  const byDoc = new Map<string, { n: number; gz: number; raw: number }>();
  let totalBytes = 0;
  let rawBytes = 0;
  const counted = new Set<string>();
  for (const v of versions) {
    const s = byDoc.get(v.docKey) ?? { n: 0, gz: 0, raw: 0 };
    s.n++;
    s.gz += v.gzBytes;
    s.raw += v.rawBytes;
    byDoc.set(v.docKey, s);
    // A text shared by two documents is stored once: the totals count it once.
    if (counted.has(v.sha256)) continue;
    counted.add(v.sha256);
    totalBytes += v.gzBytes;
    rawBytes += v.rawBytes;
  }
  return {
    documents: tracked.map((t) => ({ ...t, versions: byDoc.get(t.docKey)?.n ?? 0, gzBytes: byDoc.get(t.docKey)?.gz ?? 0, rawBytes: byDoc.get(t.docKey)?.raw ?? 0 })),
    totalBytes,
    rawBytes,
    settings,
    lastError: (lastError as { message?: string } | undefined)?.message,
  };
}

export async function clearLastError(db: Db): Promise<void> {
  await db.delete('meta', LAST_ERROR);
}

/** A version read without a page (a followed document fetched by the background,
 * follow-service.ts): stored like a reading in a tab, into the same document's history, and
 * observed against the user's baseline. */
export interface FetchedReading {
  docKey: string;
  url: string;
  title: string;
  documentId?: string;
  platformId?: string;
  readAt: string;
  sha256: string;
  text: string;
  hardBreaks: number[];
  clauses: Visit['clauses'];
}

export async function storeFetchedVersion(db: Db, r: FetchedReading): Promise<{ change: VersionChange | null; stored: boolean; error?: string }> {
  let stored = false;
  if (!(await hasVersion(db, r.docKey, r.sha256))) {
    const text = versionText(r.text, r.hardBreaks);
    const [sigSha256, textSha256, gz] = await Promise.all([sha256Hex(significantText(text)), sha256Hex(text), gzip(text)]);
    try {
      await putVersion(
        db,
        { sha256: r.sha256, docKey: r.docKey, documentId: r.documentId, platformId: r.platformId, url: r.url, title: r.title, firstSeen: r.readAt, lastSeen: r.readAt, sigSha256, textSha256, words: storedWords(text), rawBytes: new TextEncoder().encode(text).byteLength, clauses: r.clauses },
        gz,
      );
      stored = true;
    } catch (err) {
      if (err instanceof HistoryStorageFull) {
        await db.put('meta', { at: new Date().toISOString(), message: err.message }, LAST_ERROR).catch(() => undefined);
        return { change: null, stored: false, error: err.message };
      }
      throw err;
    }
  } else {
    await touchVersion(db, r.docKey, r.sha256, r.readAt);
  }
  const v = await getVersion(db, r.docKey, r.sha256);
  if (!v) throw new Error('the fetched version was not kept');
  const obs = await observeVersion(db, v, r.readAt);
  if (stored) await pruneHistory(db, (await getHistorySettings(db)).maxBytes);
  return { change: await summarise(db, r.docKey, obs), stored };
}
