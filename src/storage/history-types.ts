// Records of the user's own policy history (IndexedDB v2): versions of each document they read,
// their compressed texts, and one row per tracked document. See docs/history.md.
import type { PageClause } from '../core/page-clause';

/** One version of a document: metadata and its clauses (the text is in `versionTexts`). */
export interface StoredVersion {
  /** SHA-256 of the normalised page text (the visit's and the panel's hash). */
  sha256: string;
  /** `doc:<KB document id>` or `url:<normalised host+path>`. */
  docKey: string;
  documentId?: string;
  platformId?: string;
  url: string;
  title: string;
  firstSeen: string;
  lastSeen: string;
  /** SHA-256 of the significant text (cosmetic blocks dropped): equal means "no real change". */
  sigSha256: string;
  /** SHA-256 of the stored text itself (checked on import). */
  textSha256: string;
  words: number;
  rawBytes: number;
  gzBytes: number;
  clauses: PageClause[];
}

export interface VersionTextRow {
  sha256: string;
  /** gzip of the stored text (UTF-8). */
  gz: Uint8Array;
}

export interface TrackedDocument {
  docKey: string;
  documentId?: string;
  platformId?: string;
  url: string;
  title: string;
  firstSeen: string;
  lastSeen: string;
  /** The version the user read last. */
  currentSha: string;
  /** The version before the last real change (what the change is measured against). */
  previousSha?: string;
  changedAt?: string;
  /** "The version I agreed to": later changes are shown against it. */
  pinnedSha?: string;
  pinnedAt?: string;
  /** The version whose change notice was shown (at most once per version). */
  noticeShownFor?: string;
}

export interface HistorySettings {
  /** Cap on the compressed size of all stored texts; the oldest versions go first. */
  maxBytes: number;
}

export const DEFAULT_HISTORY_SETTINGS: HistorySettings = { maxBytes: 20 * 1024 * 1024 };
export const MIN_HISTORY_BYTES = 1024 * 1024;
export const MAX_HISTORY_BYTES = 40 * 1024 * 1024;
