// Records the background keeps in IndexedDB that are not history versions: the visits (which tab
// shows which analysed page) and the knowledge base's install status. Defined here, below the
// message protocol, which re-exports what it sends.
import type { PageClause } from '../core/page-clause';

/** What a content script says about its own page (the `page/report` request). Everything that
 * names the page — address, origin, knowledge-base document — is derived by the background from
 * the sender and its own lookup, never taken from here. */
export interface PageReading {
  title: string;
  /** SHA-256 (hex) of the normalised page text. */
  sha256: string;
  /** ISO time the text was read. */
  readAt: string;
  textLength: number;
  /** Why the page was taken for a policy (the background's lookup decides `known`). */
  detection: { kind: 'known' | 'heuristic'; reason: string };
  clauses: PageClause[];
}

/** One analysed page as stored: the reading plus what the background derived. */
export interface Visit extends PageReading {
  id?: number;
  /** The sender's address without query string or fragment (they can carry personal tokens). */
  url: string;
  origin: string;
  /** History key (core/history-text.ts docKeyOf), per document and origin. */
  docKey: string;
  documentId?: string;
  platformId?: string;
}

/** At most this many visits are kept; the oldest go first (README, "What is kept"). */
export const MAX_VISITS = 200;

export interface KbStatus {
  state: 'empty' | 'loading' | 'ready' | 'error';
  version?: string;
  contentHash?: string;
  loadedAt?: string;
  /** Records per store as installed; checked on start (a mismatch means a broken load: reinstall). */
  counts?: { platforms: number; documents: number; clauses: number; categoryStats?: number; history?: number };
  error?: string;
  /** KB schema of the installed data (absent: installed before this was recorded, schema 1). */
  schemaVersion?: number;
  /** Where the installed data came from: shipped with the extension, or the update feed. */
  source?: 'bundled' | 'update';
  /** How long writing it into IndexedDB took (ms), for the benchmark (docs/performance.md). */
  installMs?: number;
}
