// Payload types of the version-history messages (their entries are in src/messages.ts).
import type { ClauseChanges } from './core/history-clauses';
import type { ShownOp } from './core/history-diff';
import type { ChangeLine } from './core/history-summary';
import type { HistoryChange } from './kb/schema';
import type { PageClause } from './core/page-clause';
import type { HistorySettings, TrackedDocument } from './storage/history-types';

export type { HistorySettings, TrackedDocument };

/** The longest page text kept as a version (characters); longer pages are analysed, not kept. */
export const MAX_VERSION_CHARS = 6_000_000;

/** A real change found on this visit, against the pinned version or the one read last. */
export interface VersionChange {
  docKey: string;
  fromSha: string;
  toSha: string;
  /** When the user first read the version the change is measured against. */
  fromSeen: string;
  pinned: boolean;
  /** Show the in-page notice (at most once per version). */
  noticeDue: boolean;
  wordsAdded: number;
  wordsRemoved: number;
  clauses: { added: number; removed: number; changed: number };
  /** What changed for the user, one line per changed clause, most severe first. */
  lines: ChangeLine[];
}

/** The popup's first view: the document's last real change against the user's baseline (the
 * pinned version, else the one read before the change), if any. */
export interface HistoryGlance {
  change: {
    fromSha: string;
    toSha: string;
    /** When the user first read the version the change is measured against. */
    fromSeen: string;
    pinned: boolean;
    wordsAdded: number;
    wordsRemoved: number;
    lines: ChangeLine[];
  } | null;
}

/** The background's answer about this page's version. */
export interface VersionAck {
  docKey: string;
  /** The background has no text for this hash yet: send it with `version/store`. */
  needText: boolean;
  change: VersionChange | null;
  /** Set when the version could not be kept (e.g. storage full); the history is unchanged. */
  error?: string;
}

export interface VersionStoreReq {
  sha256: string;
  visitId: number;
  /** The page text exactly as hashed (≤ 6 M characters) and its block boundaries. */
  text: string;
  hardBreaks: number[];
}

export interface HistoryVersionInfo {
  sha256: string;
  firstSeen: string;
  lastSeen: string;
  url: string;
  words: number;
  rawBytes: number;
  gzBytes: number;
  clauses: number;
  /** Same significant text as the version before it (only cosmetic differences). */
  cosmetic: boolean;
}

export interface ReviewedNotFound {
  id: string;
  caseTitle: string;
  category: string;
  severity: string;
  quote: string;
  pointUrl: string;
}

export interface HistoryViewData {
  docKey: string;
  tracked: TrackedDocument | null;
  /** Oldest first. */
  versions: HistoryVersionInfo[];
  from?: string;
  to?: string;
  diff?: { ops: ShownOp[]; wordsAdded: number; wordsRemoved: number; cosmeticBlocks: number; significant: boolean; coarse: boolean; ms: number };
  clauseChanges?: ClauseChanges<PageClause>;
  /** The clause changes as lines saying what changed for the user (core/history-summary.ts). */
  summary?: ChangeLine[];
  /** The Open Terms Archive record of this document, from the knowledge base. */
  archive?: { collection: string; latestDate?: string; latestSha?: string; changes: HistoryChange[] };
  /** Reviewed (ToS;DR) clauses found in the archived text but not in the `to` version. */
  reviewedNotFound: ReviewedNotFound[];
  reviewedChecked: number;
}

export interface TrackedSummary extends TrackedDocument {
  versions: number;
  gzBytes: number;
  rawBytes: number;
}

export interface HistoryListing {
  documents: TrackedSummary[];
  totalBytes: number;
  rawBytes: number;
  settings: HistorySettings;
  lastError?: string;
}
