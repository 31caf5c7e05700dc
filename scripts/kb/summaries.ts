// Placeholder until bundle-based summaries are wired: no summaries.
import type { KnownClause } from '../../src/kb/schema';
import type { DocumentSet } from './documents';
import type { SummaryFn } from './history';

export function makeSummariser(_clauses: KnownClause[], _docs: DocumentSet): { summarise?: SummaryFn; close(): void } {
  return { close() {} };
}
