// Clause changes between two versions (core/history-clauses.ts): paired by hand, and on a real
// recorded change run through the detector.
import { describe, expect, it } from 'vitest';
import { detectSentences } from '../../../src/core/detect';
import { segment } from '../../../src/core/text';
import { clauseChanges } from '../../../src/core/history-clauses';
import { bareRepo, storedVersion } from '../../fixtures/ota-versions';

const repo = bareRepo();
const stored = (commit: string, path: string) => storedVersion(repo, commit, path);

describe('clause changes', () => {
  const c = (id: string, category: string, excerpt: string, severity = 'medium') => ({ id, category, severity, source: 'detector', excerpt });
  it('pairs reworded clauses, keeps unchanged ones out, lists added and removed', () => {
    const before = [c('a', 'data-sharing', 'We share your data with our affiliates to provide our Services.'), c('b', 'retention', 'We keep logs for 30 days.'), c('x', 'arbitration', 'Disputes go to arbitration.')];
    const after = [c('a2', 'data-sharing', 'We share your personal data with our affiliates to provide and develop our Services.'), c('x', 'arbitration', 'Disputes go to arbitration.', 'high'), c('n', 'tracking', 'We use pixels.')];
    const r = clauseChanges(before, after);
    expect(r.changed.map((p) => [p.before.id, p.after.id])).toEqual([['a', 'a2'], ['x', 'x']]);
    expect(r.removed.map((x) => x.id)).toEqual(['b']);
    expect(r.added.map((x) => x.id)).toEqual(['n']);
  });

  it('on a real change (LinkedIn Privacy Policy, 18 September 2025) the detector’s clauses in the edited passages are reported', () => {
    const detect = (s: string) => {
      const breaks = [...s.matchAll(/\n/g)].map((m) => (m.index as number) + 1);
      const m = segment(s, breaks);
      return detectSentences(s, m.sentences).map((d) => ({ ...d, excerpt: s.slice(d.start, d.end) }));
    };
    const a = stored('bef338a603bdb51ac537933e63b594d0a1abd621', 'LinkedIn/Privacy Policy.md');
    const b = stored('326007fda0669f95586b5744c512704e3547c970', 'LinkedIn/Privacy Policy.md');
    const r = clauseChanges(detect(a), detect(b));
    // The change announced LinkedIn's use of members' data to train generative AI (with an opt-out).
    expect(r.added.map((x) => x.category)).toContain('ai-training');
    expect(r.added.length + r.removed.length).toBeGreaterThan(0);
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    for (const t of r.added) expect(flat(a)).not.toContain(flat(t.excerpt));
    for (const t of r.removed) expect(flat(b)).not.toContain(flat(t.excerpt));
  });
});
