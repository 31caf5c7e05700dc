// Shared value types of the pure core. Nothing here touches the browser.

export type Severity = 'high' | 'medium' | 'low' | 'good';

export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'good'];

/** Rank used for sorting: most severe first. `good` sorts last. */
export const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, good: 3 };

/** Where a clause on a page came from. `kb` = reviewed (ToS;DR quote anchored in the page). */
export type ClauseSource = 'kb' | 'detector' | 'rule';

/** A half-open span [start, end) of UTF-16 offsets into some text. */
export interface Span {
  start: number;
  end: number;
}

/** One clause found in a text: the contract of `clausemark scan --json` and of the content script. */
export interface FoundClause extends Span {
  /** Stable id: same text + category gives the same id across runs. */
  id: string;
  category: string;
  severity: Severity;
  /** 0..1; 1 for reviewed knowledge-base clauses. */
  confidence: number;
  source: ClauseSource;
  /** Knowledge-base clause id when source is `kb`. */
  kbClauseId?: string;
  /** Short label, e.g. the ToS;DR case title or the rule name. */
  label?: string;
}
