// A clause as found on a live page (the found clause plus its excerpt), and its check: the
// content script reports these, the history stores them, an import brings them back.
import type { FoundClause } from './types';
import { InvalidInput, MAX_TEXT, category, int, list, num, obj, optStr, severity, str } from './checks';

export interface PageClause extends FoundClause {
  excerpt: string;
  /** For `kb` clauses: whether the reviewed quote was located in the live page. */
  anchored?: boolean;
}

export const MAX_CLAUSES = 5000;

export function checkClause(x: unknown, i: number): PageClause {
  const c = obj(x, `clauses[${i}]`);
  const source = c.source;
  if (source !== 'kb' && source !== 'detector' && source !== 'rule') throw new InvalidInput(`clauses[${i}].source is invalid`);
  const start = int(c.start, `clauses[${i}].start`);
  const end = int(c.end, `clauses[${i}].end`);
  if (end < start) throw new InvalidInput(`clauses[${i}] ends before it starts`);
  return {
    id: str(c.id, `clauses[${i}].id`, 128),
    start,
    end,
    category: category(c.category, `clauses[${i}].category`),
    severity: severity(c.severity, `clauses[${i}].severity`),
    confidence: num(c.confidence, `clauses[${i}].confidence`, 0, 1),
    source,
    kbClauseId: optStr(c.kbClauseId, `clauses[${i}].kbClauseId`, 128),
    label: optStr(c.label, `clauses[${i}].label`, 512),
    excerpt: str(c.excerpt, `clauses[${i}].excerpt`, MAX_TEXT),
    anchored: c.anchored === undefined ? undefined : Boolean(c.anchored),
  };
}

export function checkClauseList(x: unknown, what = 'clauses'): PageClause[] {
  return list(x, what, MAX_CLAUSES).map(checkClause);
}
