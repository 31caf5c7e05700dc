// The user's version history in IndexedDB: one version row per document (per origin) and text,
// with its clauses; one `tracked` row per document says which version the user read last, the one
// before the last real change, and the pinned one. See docs/history.md. The compressed texts are
// stored once per hash (`versionTexts`), an internal saving only: every answer about a document
// is computed from that document's own rows, never from another document's.
import type { Db } from './db';
import { DEFAULT_HISTORY_SETTINGS, MAX_HISTORY_BYTES, MIN_HISTORY_BYTES, type HistorySettings, type StoredVersion, type TrackedDocument } from './history-types';

export async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function gunzip(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

export class HistoryStorageFull extends Error {}

export function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || (name === 'AbortError' && /quota/i.test(String((err as { message?: unknown }).message)));
}

export async function hasVersion(db: Db, docKey: string, sha256: string): Promise<boolean> {
  return (await db.getKey('versions', [docKey, sha256])) !== undefined;
}

export async function getVersion(db: Db, docKey: string, sha256: string): Promise<StoredVersion | undefined> {
  return db.get('versions', [docKey, sha256]);
}

export async function getVersionText(db: Db, sha256: string): Promise<string | undefined> {
  const row = await db.get('versionTexts', sha256);
  return row ? gunzip(row.gz) : undefined;
}

/** Versions of a document, oldest first. */
export async function versionsOf(db: Db, docKey: string): Promise<StoredVersion[]> {
  const rows = await db.getAllFromIndex('versions', 'byDocKey', docKey);
  return rows.sort((a, b) => (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : 0));
}

export async function getTracked(db: Db, docKey: string): Promise<TrackedDocument | undefined> {
  return db.get('tracked', docKey);
}

export async function listTracked(db: Db): Promise<TrackedDocument[]> {
  const rows = await db.getAll('tracked');
  return rows.sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : -1));
}

/** Stores a new version (text compressed) in one transaction: on a quota error nothing is
 * written and nothing already stored is touched; the caller gets HistoryStorageFull. */
export async function putVersion(db: Db, meta: Omit<StoredVersion, 'gzBytes'>, gz: Uint8Array): Promise<StoredVersion> {
  const version: StoredVersion = { ...meta, gzBytes: gz.byteLength };
  try {
    const tx = db.transaction(['versions', 'versionTexts'], 'readwrite');
    // The same bytes under the same hash: rewriting a text another document shares is harmless.
    await Promise.all([tx.objectStore('versions').put(version), tx.objectStore('versionTexts').put({ sha256: version.sha256, gz }), tx.done]);
  } catch (err) {
    if (isQuotaError(err)) {
      throw new HistoryStorageFull('The browser’s storage for Clausemark is full: this version was not saved. Your existing history is unchanged; lower the history size cap or delete documents in Options.');
    }
    throw err;
  }
  return version;
}

export async function touchVersion(db: Db, docKey: string, sha256: string, seenAt: string): Promise<void> {
  const v = await db.get('versions', [docKey, sha256]);
  if (v && v.lastSeen < seenAt) await db.put('versions', { ...v, lastSeen: seenAt });
}

export interface Observation {
  tracked: TrackedDocument;
  /** Set when this visit brings a real change against the user's baseline. */
  change: { fromSha: string; toSha: string; fromSeen: string; pinned: boolean; noticeDue: boolean } | null;
  /** The text differs from the last read version only cosmetically. */
  cosmetic: boolean;
}

/** Records that the user read version `v` of its document and says whether that is a real change
 * against their baseline (the pinned version, else the version they read last). */
export async function observeVersion(db: Db, v: StoredVersion, seenAt: string): Promise<Observation> {
  const tx = db.transaction(['tracked', 'versions'], 'readwrite');
  const trackedStore = tx.objectStore('tracked');
  const prev = await trackedStore.get(v.docKey);
  let tracked: TrackedDocument;
  let change: Observation['change'] = null;
  let cosmetic = false;
  if (!prev) {
    tracked = { docKey: v.docKey, documentId: v.documentId, platformId: v.platformId, url: v.url, title: v.title, firstSeen: seenAt, lastSeen: seenAt, currentSha: v.sha256 };
  } else {
    tracked = { ...prev, url: v.url, title: v.title || prev.title, lastSeen: seenAt > prev.lastSeen ? seenAt : prev.lastSeen };
    if (prev.currentSha !== v.sha256) {
      const baseSha = prev.pinnedSha ?? prev.currentSha;
      const base = baseSha === v.sha256 ? v : await tx.objectStore('versions').get([v.docKey, baseSha]);
      const current = await tx.objectStore('versions').get([v.docKey, prev.currentSha]);
      const realAgainstBase = !base || base.sigSha256 !== v.sigSha256;
      const realAgainstLast = !current || current.sigSha256 !== v.sigSha256;
      if (realAgainstLast) {
        tracked.previousSha = prev.currentSha;
        tracked.changedAt = seenAt;
      } else cosmetic = true;
      tracked.currentSha = v.sha256;
      if (realAgainstBase && realAgainstLast) {
        const noticeDue = prev.noticeShownFor !== v.sha256;
        if (noticeDue) tracked.noticeShownFor = v.sha256;
        change = { fromSha: baseSha, toSha: v.sha256, fromSeen: base?.firstSeen ?? prev.firstSeen, pinned: !!prev.pinnedSha, noticeDue };
      }
    }
  }
  await trackedStore.put(tracked);
  await tx.done;
  return { tracked, change, cosmetic };
}

export async function setPin(db: Db, docKey: string, sha256: string | null, at: string): Promise<TrackedDocument> {
  const tx = db.transaction(['tracked', 'versions'], 'readwrite');
  const t = await tx.objectStore('tracked').get(docKey);
  if (!t) throw new Error('This document is not in your history.');
  if (sha256 !== null) {
    const v = await tx.objectStore('versions').get([docKey, sha256]);
    if (!v) throw new Error('That version is not in this document’s history.');
  }
  const next: TrackedDocument = { ...t };
  if (sha256 === null) {
    delete next.pinnedSha;
    delete next.pinnedAt;
  } else {
    next.pinnedSha = sha256;
    next.pinnedAt = at;
  }
  await tx.objectStore('tracked').put(next);
  await tx.done;
  return next;
}

/** Deletes one document's history, or everything when docKey is undefined (visits included: they
 * name the pages read). Returns documents deleted. */
export async function deleteHistory(db: Db, docKey?: string): Promise<number> {
  const tx = db.transaction(['tracked', 'versions', 'versionTexts', 'visits'], 'readwrite');
  let n = 0;
  if (docKey === undefined) {
    n = await tx.objectStore('tracked').count();
    await Promise.all(['tracked', 'versions', 'versionTexts', 'visits'].map((s) => tx.objectStore(s as 'tracked').clear()));
  } else {
    const versions = tx.objectStore('versions');
    const keys = await versions.index('byDocKey').getAllKeys(docKey);
    for (const k of keys) {
      await versions.delete(k);
      // The text goes with its last version (another document may share the same hash).
      if ((await versions.index('bySha').count(k[1])) === 0) await tx.objectStore('versionTexts').delete(k[1]);
    }
    for (const id of await tx.objectStore('visits').index('byDocKey').getAllKeys(docKey)) await tx.objectStore('visits').delete(id);
    if (await tx.objectStore('tracked').getKey(docKey)) {
      await tx.objectStore('tracked').delete(docKey);
      n = 1;
    }
  }
  await tx.done;
  return n;
}

export async function getHistorySettings(db: Db): Promise<HistorySettings> {
  const s = (await db.get('meta', 'historySettings')) as Partial<HistorySettings> | undefined;
  return { ...DEFAULT_HISTORY_SETTINGS, ...(s ?? {}) };
}

export async function setHistorySettings(db: Db, s: HistorySettings): Promise<HistorySettings> {
  if (!Number.isInteger(s.maxBytes) || s.maxBytes < MIN_HISTORY_BYTES || s.maxBytes > MAX_HISTORY_BYTES) {
    throw new Error(`The size cap must be between ${MIN_HISTORY_BYTES / 1048576} and ${MAX_HISTORY_BYTES / 1048576} MB.`);
  }
  await db.put('meta', s, 'historySettings');
  return s;
}

/** Drops the oldest versions (by first seen) until the compressed total of the stored texts fits
 * the cap. The version each document is at, the one its last change is measured against, and
 * pinned ones are kept. A text shared by several documents counts once and goes with its last row. */
export async function pruneHistory(db: Db, maxBytes: number): Promise<{ removed: number; totalBytes: number }> {
  const [versions, tracked] = await Promise.all([db.getAllFromIndex('versions', 'byFirstSeen'), db.getAll('tracked')]);
  const rowKey = (docKey: string, sha: string) => `${docKey}\n${sha}`;
  const keep = new Set<string>();
  for (const t of tracked) for (const s of [t.currentSha, t.previousSha, t.pinnedSha]) if (s) keep.add(rowKey(t.docKey, s));
  const rowsOf = new Map<string, number>();
  const bytesOf = new Map<string, number>();
  for (const v of versions) {
    rowsOf.set(v.sha256, (rowsOf.get(v.sha256) ?? 0) + 1);
    bytesOf.set(v.sha256, v.gzBytes);
  }
  let total = [...bytesOf.values()].reduce((n, b) => n + b, 0);
  const drop: StoredVersion[] = [];
  const dropTexts: string[] = [];
  for (const v of versions) {
    if (total <= maxBytes) break;
    if (keep.has(rowKey(v.docKey, v.sha256))) continue;
    drop.push(v);
    const left = (rowsOf.get(v.sha256) ?? 1) - 1;
    rowsOf.set(v.sha256, left);
    if (left === 0) {
      dropTexts.push(v.sha256);
      total -= v.gzBytes;
    }
  }
  if (drop.length) {
    const tx = db.transaction(['versions', 'versionTexts'], 'readwrite');
    for (const v of drop) void tx.objectStore('versions').delete([v.docKey, v.sha256]);
    for (const s of dropTexts) void tx.objectStore('versionTexts').delete(s);
    await tx.done;
  }
  return { removed: drop.length, totalBytes: total };
}
