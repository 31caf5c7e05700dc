// Records of followed documents (types and limits only: the message protocol imports them).
// Kept by src/storage/follow.ts; docs/history.md, "Followed documents".

export const MAX_FOLLOWED = 25;
/** Check intervals the user can pick, in hours; daily by default. */
export const FOLLOW_INTERVALS = [6, 12, 24, 168] as const;
export type FollowInterval = (typeof FOLLOW_INTERVALS)[number];
export const DEFAULT_FOLLOW_INTERVAL: FollowInterval = 24;

export type CheckOutcome = 'first' | 'unchanged' | 'changed' | 'failed';

export interface FollowCheck {
  at: string;
  outcome: CheckOutcome;
  /** For `failed`: why, for a person. */
  message?: string;
}

export interface FollowedDocument {
  /** The one address fetched: http(s), no fragment, no user name or password. */
  url: string;
  origin: string;
  /** The history document its versions go to (core/history-text.ts docKeyOf). */
  docKey: string;
  documentId?: string;
  platformId?: string;
  title: string;
  addedAt: string;
  lastCheck?: FollowCheck;
  /** SHA-256 of the text fetched at the last successful check: a new version is stored only when
   * the server's text changes from one check to the next. */
  lastFetchedSha?: string;
  /** When a check last found a new version. */
  lastChangeAt?: string;
  /** A change found by a check that the user has not looked at yet (the toolbar mark shows). */
  unseen?: boolean;
}

export interface FollowSettings {
  intervalHours: FollowInterval;
}

