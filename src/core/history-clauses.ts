// The clauses added, removed or changed from one version of a policy to the next (the history
// view's clause list and the change notice). Pure. Documented in docs/history.md.

// ---- Clauses between two versions --------------------------------------------------------------

export interface ClauseLike {
  id: string;
  category: string;
  severity: string;
  source: string;
  excerpt: string;
  kbClauseId?: string;
}

export interface ClauseChanges<C extends ClauseLike = ClauseLike> {
  added: C[];
  removed: C[];
  /** Same clause (same reviewed point, or same category with mostly the same words), new wording or severity. */
  changed: { before: C; after: C }[];
}

function wordSet(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));
}

function similarity(a: string, b: string): number {
  const A = wordSet(a);
  const B = wordSet(b);
  if (A.size === 0 || B.size === 0) return 0;
  let both = 0;
  for (const w of A) if (B.has(w)) both++;
  return both / (A.size + B.size - both);
}

const SAME_CLAUSE = 0.5;

/** Clauses added, removed or changed from one version's clause list to the next. Ids are stable
 * (category + text), so an unchanged clause keeps its id; the rest are paired by reviewed point
 * or by category and word overlap. */
export function clauseChanges<C extends ClauseLike>(before: readonly C[], after: readonly C[]): ClauseChanges<C> {
  const afterIds = new Set(after.map((c) => c.id));
  const beforeIds = new Set(before.map((c) => c.id));
  const gone = before.filter((c) => !afterIds.has(c.id));
  const fresh = after.filter((c) => !beforeIds.has(c.id));
  const changed: { before: C; after: C }[] = [];
  const used = new Set<C>();
  const removed: C[] = [];
  for (const b of gone) {
    let best: C | null = null;
    let bestScore = 0;
    for (const a of fresh) {
      if (used.has(a) || a.category !== b.category) continue;
      const score = b.kbClauseId && a.kbClauseId === b.kbClauseId ? 1 : similarity(a.excerpt, b.excerpt);
      if (score > bestScore) {
        best = a;
        bestScore = score;
      }
    }
    if (best && bestScore >= SAME_CLAUSE) {
      used.add(best);
      changed.push({ before: b, after: best });
    } else removed.push(b);
  }
  // Same id, new severity (e.g. a rule now classes it differently) is a change as well.
  const beforeById = new Map(before.map((c) => [c.id, c]));
  for (const a of after) {
    const b = beforeById.get(a.id);
    if (b && b.severity !== a.severity) changed.push({ before: b, after: a });
  }
  return { added: fresh.filter((a) => !used.has(a)), removed, changed };
}

export function isEmptyChange(c: ClauseChanges): boolean {
  return c.added.length === 0 && c.removed.length === 0 && c.changed.length === 0;
}
