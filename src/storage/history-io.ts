// Export and import of the user's version history as one JSON file. Texts travel as base64 of
// their gzip bytes (exactly what is stored), so a round trip loses nothing; an import is checked
// in full (shape, hashes of every text) before one transaction writes it, so a bad file changes
// nothing and says why. The visits (pages read) travel with the history: an export holds
// everything Clausemark keeps about what the user read.
import type { Db } from './db';
import type { StoredVersion, TrackedDocument } from './history-types';
import type { Visit } from './records';
import { gunzip, HistoryStorageFull, isQuotaError } from './versions';
import { checkVisit } from './visits';
import { rekeyShared } from './history-rekey';
import { checkClauseList } from '../core/page-clause';
import { InvalidInput, date, docKey, int, list, obj, optDate, optSha, optStr, sha, str } from '../core/checks';

export const EXPORT_FORMAT = 'clausemark-history';
/** 2: versions per document and origin, visits included. 1 (before): read and re-keyed. */
export const EXPORT_VERSION = 2;

export interface ExportedVersion extends StoredVersion {
  /** base64 of the gzip of the stored text. */
  gzBase64: string;
}

export interface HistoryExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  documents: TrackedDocument[];
  versions: ExportedVersion[];
  visits: Visit[];
}

export class InvalidHistoryFile extends Error {}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string, what: string): Uint8Array {
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new InvalidHistoryFile(`${what} is not valid base64`);
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function exportHistory(db: Db, now = new Date().toISOString()): Promise<HistoryExport> {
  const [documents, versions, visits] = await Promise.all([db.getAll('tracked'), db.getAll('versions'), db.getAll('visits')]);
  const out: ExportedVersion[] = [];
  for (const v of versions) {
    const row = await db.get('versionTexts', v.sha256);
    if (row) out.push({ ...v, gzBase64: toBase64(row.gz) });
  }
  // Row ids are internal (they name tabs' current pages): the file holds the visits themselves.
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, documents, versions: out, visits: visits.map(({ id: _id, ...v }) => v) };
}

function trackedDoc(x: unknown, i: number): TrackedDocument {
  const d = obj(x, `documents[${i}]`);
  const t: TrackedDocument = {
    docKey: docKey(d.docKey, `documents[${i}].docKey`),
    url: str(d.url, `documents[${i}].url`),
    title: str(d.title, `documents[${i}].title`, 1024),
    firstSeen: date(d.firstSeen, `documents[${i}].firstSeen`),
    lastSeen: date(d.lastSeen, `documents[${i}].lastSeen`),
    currentSha: sha(d.currentSha, `documents[${i}].currentSha`),
  };
  const opt = {
    documentId: optStr(d.documentId, `documents[${i}].documentId`),
    platformId: optStr(d.platformId, `documents[${i}].platformId`),
    previousSha: optSha(d.previousSha, `documents[${i}].previousSha`),
    changedAt: optDate(d.changedAt, `documents[${i}].changedAt`),
    pinnedSha: optSha(d.pinnedSha, `documents[${i}].pinnedSha`),
    pinnedAt: optDate(d.pinnedAt, `documents[${i}].pinnedAt`),
    noticeShownFor: optSha(d.noticeShownFor, `documents[${i}].noticeShownFor`),
  };
  for (const [k, v] of Object.entries(opt)) if (v !== undefined) (t as unknown as Record<string, unknown>)[k] = v;
  return t;
}

function exportedVersion(x: unknown, i: number): { version: StoredVersion; gz: Uint8Array } {
  const v = obj(x, `versions[${i}]`);
  const clauses = checkClauseList(v.clauses, `versions[${i}].clauses`);
  const gz = fromBase64(str(v.gzBase64, `versions[${i}].gzBase64`, 64 * 1024 * 1024), `versions[${i}].gzBase64`);
  const version: StoredVersion = {
    sha256: sha(v.sha256, `versions[${i}].sha256`),
    docKey: docKey(v.docKey, `versions[${i}].docKey`),
    url: str(v.url, `versions[${i}].url`),
    title: str(v.title, `versions[${i}].title`, 1024),
    firstSeen: date(v.firstSeen, `versions[${i}].firstSeen`),
    lastSeen: date(v.lastSeen, `versions[${i}].lastSeen`),
    sigSha256: sha(v.sigSha256, `versions[${i}].sigSha256`),
    textSha256: sha(v.textSha256, `versions[${i}].textSha256`),
    words: int(v.words, `versions[${i}].words`),
    rawBytes: int(v.rawBytes, `versions[${i}].rawBytes`),
    gzBytes: gz.byteLength,
    clauses,
  };
  const documentId = optStr(v.documentId, `versions[${i}].documentId`);
  const platformId = optStr(v.platformId, `versions[${i}].platformId`);
  if (documentId !== undefined) version.documentId = documentId;
  if (platformId !== undefined) version.platformId = platformId;
  return { version, gz };
}

export interface ParsedImport {
  documents: TrackedDocument[];
  versions: { version: StoredVersion; gz: Uint8Array }[];
  visits: Visit[];
}

/** Parses and fully checks an export; throws InvalidHistoryFile with the reason. */
export async function parseHistoryExport(json: string, sha256Hex: (s: string) => Promise<string>): Promise<ParsedImport> {
  try {
    return await parseChecked(json, sha256Hex);
  } catch (err) {
    if (err instanceof InvalidInput) throw new InvalidHistoryFile(err.message, { cause: err });
    throw err;
  }
}

async function parseChecked(json: string, sha256Hex: (s: string) => Promise<string>): Promise<ParsedImport> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new InvalidHistoryFile(`not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const root = obj(data, 'the file');
  if (root.format !== EXPORT_FORMAT) throw new InvalidHistoryFile('not a Clausemark history export (format field)');
  if (root.version !== EXPORT_VERSION && root.version !== 1) throw new InvalidHistoryFile(`export version ${String(root.version)} is not supported (expected ${EXPORT_VERSION})`);
  if (!Array.isArray(root.documents) || !Array.isArray(root.versions)) throw new InvalidHistoryFile('documents and versions must be lists');
  let documents = root.documents.map(trackedDoc);
  let versions = root.versions.map(exportedVersion);
  const visits = root.version === 1 ? [] : list(root.visits, 'visits', 100_000).map((v, i) => {
    try {
      const { id: _id, ...rest } = checkVisit(v);
      return rest;
    } catch (err) {
      throw new InvalidHistoryFile(`visits[${i}]: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  });
  if (root.version === 1) {
    const gzOf = new Map(versions.map((v) => [v.version.sha256, v.gz]));
    const r = rekeyShared(versions.map((v) => v.version), documents);
    documents = r.documents;
    versions = r.versions.map((version) => ({ version, gz: gzOf.get(version.sha256) as Uint8Array }));
  }
  const byRow = new Map(versions.map((v) => [`${v.version.docKey}\n${v.version.sha256}`, v.version]));
  for (const [i, { version, gz }] of versions.entries()) {
    let text: string;
    try {
      text = await gunzip(gz);
    } catch {
      throw new InvalidHistoryFile(`versions[${i}]: the text is not valid gzip`);
    }
    if ((await sha256Hex(text)) !== version.textSha256) throw new InvalidHistoryFile(`versions[${i}]: the text does not match its SHA-256 (damaged file)`);
  }
  for (const [i, d] of documents.entries()) {
    for (const key of ['currentSha', 'previousSha', 'pinnedSha'] as const) {
      const s = d[key];
      if (s && !byRow.has(`${d.docKey}\n${s}`)) throw new InvalidHistoryFile(`documents[${i}].${key} names a version that is not in the file`);
    }
  }
  return { documents, versions, visits };
}

/** Writes a checked import in one transaction (all or nothing). Versions already stored are kept
 * as they are; a document already tracked keeps its newer record, and gains a pin it lacked. */
export async function importHistory(db: Db, parsed: ParsedImport): Promise<{ documents: number; versions: number }> {
  let addedVersions = 0;
  let addedDocs = 0;
  try {
    const tx = db.transaction(['tracked', 'versions', 'versionTexts', 'visits'], 'readwrite');
    for (const { version, gz } of parsed.versions) {
      if ((await tx.objectStore('versions').getKey([version.docKey, version.sha256])) !== undefined) continue;
      await tx.objectStore('versions').put(version);
      await tx.objectStore('versionTexts').put({ sha256: version.sha256, gz });
      addedVersions++;
    }
    for (const d of parsed.documents) {
      const have = await tx.objectStore('tracked').get(d.docKey);
      if (!have) {
        await tx.objectStore('tracked').put(d);
        addedDocs++;
      } else {
        const newer = d.lastSeen > have.lastSeen ? d : have;
        const merged: TrackedDocument = { ...newer };
        if (!merged.pinnedSha && (have.pinnedSha || d.pinnedSha)) {
          merged.pinnedSha = have.pinnedSha ?? d.pinnedSha;
          merged.pinnedAt = have.pinnedSha ? have.pinnedAt : d.pinnedAt;
        }
        if (merged.firstSeen > have.firstSeen) merged.firstSeen = have.firstSeen;
        if (merged.firstSeen > d.firstSeen) merged.firstSeen = d.firstSeen;
        await tx.objectStore('tracked').put(merged);
      }
    }
    // A visit already kept (same document, text and time) is not added twice.
    const have = new Set((await tx.objectStore('visits').getAll()).map((v) => `${v.docKey}\n${v.sha256}\n${v.readAt}`));
    for (const v of parsed.visits) if (!have.has(`${v.docKey}\n${v.sha256}\n${v.readAt}`)) await tx.objectStore('visits').add(v);
    await tx.done;
  } catch (err) {
    if (isQuotaError(err)) throw new HistoryStorageFull('The browser’s storage is full: nothing was imported and your history is unchanged.');
    throw err;
  }
  return { documents: addedDocs, versions: addedVersions };
}
