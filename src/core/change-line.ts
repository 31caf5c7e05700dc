// The shape of one change-summary line (history-summary.ts makes them; the knowledge base ships
// them for archived changes, kb/schema.ts): types only, so the schema can name it without
// importing the summariser.
import type { Severity } from './types';

/** added / removed: the document now says (no longer says) anything of this category and stance;
 * more / less: a clause of it came (went) while others of it stay; reworded, stronger, milder: the
 * same clause in new words, rated as before, more or less severe. */
export type ChangeKind = 'added' | 'removed' | 'more' | 'less' | 'reworded' | 'stronger' | 'milder';
export type Stance = 'concern' | 'protective';

export interface ChangeLine {
  kind: ChangeKind;
  category: string;
  /** The clause's stance: after the change (added, reworded, re-rated) or before it (removed). */
  stance: Stance;
  /** What the change means for the user: `good` when it is in their favour. */
  severity: Severity;
  /** Words quoted from the clause: the new (or, failing that, dropped) words of a rewording; the
   * start of the clause otherwise. */
  phrase: string;
  /** Clauses this line stands for (the same kind, category and stance are said once). */
  count: number;
  /** The clause (after the change; before it for a removal) of the first of them. */
  clauseId: string;
}

