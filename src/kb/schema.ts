// The knowledge base as shipped (src/kb/generated/kb.json, built by scripts/build-kb.ts) and as
// stored in IndexedDB. Plain data only: the same shape is read by the background, the CLI and tests.

import type { ChangeLine } from '../core/change-line';
import type { Severity } from '../core/types';

export const KB_SCHEMA_VERSION = 1;

export interface SourceCredit {
  id: 'tosdr' | 'ota' | 'claudette' | string;
  name: string;
  url: string;
  licence: string;
  attribution: string;
  /** Commits / export dates the build read. */
  detail: string;
}

export interface Platform {
  /** Stable slug, e.g. "facebook". */
  id: string;
  name: string;
  /** Registrable domains, lower-case, no www (e.g. "facebook.com"). */
  domains: string[];
  /** ToS;DR service id/slug when reviewed there. */
  tosdrSlug?: string;
  /** ToS;DR class/grade (A–E) when known. */
  tosdrGrade?: string;
  /** Open Terms Archive service names (per collection), e.g. ["pga:Facebook"]. */
  otaServices: string[];
}

/** A URL pattern: a normalised host (no www) plus path prefix, matched by src/core/page.ts. */
export interface UrlPattern {
  host: string;
  /** Normalised path: lower-case, no trailing slash, locale segments removed; "" for root. */
  path: string;
}

export interface KbDocument {
  /** Stable id: `${platformId}/${termsTypeSlug}` plus a suffix when a platform has several. */
  id: string;
  platformId: string;
  /** OTA terms type, e.g. "Privacy Policy", "Terms of Service". */
  termsType: string;
  /** The URLs the document is published at (as declared by OTA / ToS;DR). */
  urls: string[];
  patterns: UrlPattern[];
  /** Latest archived text, when an OTA collection tracks this document. */
  latest?: {
    collection: string;
    sha256: string;
    /** ISO date of the latest recorded version. */
    date: string;
    words: number;
    /** The archived text, relative to the shared data root (build and tests re-read it). */
    path?: string;
  };
  /** Tie-breaker when several documents share a URL pattern (higher wins); see core/url.ts. */
  priority?: number;
}

export type AnchorStatus = 'found' | 'stale' | 'unchecked';

/** A reviewed clause: a ToS;DR point with its quote. */
export interface KnownClause {
  /** `tosdr-${pointId}`. */
  id: string;
  platformId: string;
  /** Document it quotes, when the quote's document could be matched. */
  documentId?: string;
  category: string;
  severity: Severity;
  /** ToS;DR case title, e.g. "You waive your right to a class action." */
  caseTitle: string;
  /** ToS;DR classification as published (blocker | bad | neutral | good). */
  classification: string;
  caseScore?: number;
  /** Plain-text quote (HTML tags removed). */
  quote: string;
  /** Checked against the latest OTA text of the same document at build time. */
  anchor: { status: AnchorStatus; start?: number; end?: number };
  source: 'tosdr';
  pointUrl: string;
}

export interface CategoryPlatformEntry {
  platformId: string;
  severity: Severity;
  clauseId: string;
}

export interface CategoryStat {
  category: string;
  /** Platforms having at least one clause of this category (any severity except `good`). */
  platformsWith: number;
  /** Platforms reviewed for this category: having any clause of it, good or bad. */
  platformsReviewed: number;
  /** Platforms with at least one reviewed clause at all (the N of "k of N"). */
  platformsTotal: number;
  entries: CategoryPlatformEntry[];
}

/** A change line as the knowledge base ships it (no clause id: the archive's clauses have none). */
export type ArchivedChangeLine = Omit<ChangeLine, 'clauseId'>;

/** Lines kept per archived change. */
export const ARCHIVE_LINES = 4;

export interface HistoryChange {
  /** ISO date-time of the recorded change. */
  date: string;
  /** Computed where the versions are available (bundle); absent otherwise. `lines`: what changed
   * for the user (core/history-summary.ts), the most severe first, at most ARCHIVE_LINES, absent
   * when no clause the detector finds changed; `moreLines` counts those left out. */
  summary?: { sentencesAdded: number; sentencesRemoved: number; categories: string[]; lines?: ArchivedChangeLine[]; moreLines?: number };
}

export interface DocumentHistory {
  documentId: string;
  collection: string;
  changes: HistoryChange[];
}

export interface KnowledgeBase {
  schemaVersion: number;
  /** Build version: date of the newest input record, e.g. "2026.08.22". */
  version: string;
  /** SHA-256 (hex) of the canonical JSON of everything below. */
  contentHash: string;
  sources: SourceCredit[];
  platforms: Platform[];
  documents: KbDocument[];
  clauses: KnownClause[];
  categoryStats: CategoryStat[];
  history: DocumentHistory[];
  /** ToS;DR case titles the build could not map to a category. */
  unmappedCases: string[];
}
