// The source tree has no import circles, type-only imports included (issue 16): each module can be
// understood, and tested, from the ones below it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from '../../scripts/lib/import-graph';
import { PROJECT_ROOT } from '../fixtures/pages';

const SRC = path.join(PROJECT_ROOT, 'src');

describe('import graph', () => {
  it('finds a circle when there is one (the check itself can fail)', () => {
    const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(cycles(g)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('src has no import circles, types included', () => {
    const graph = importGraph(SRC);
    expect(graph.size).toBeGreaterThan(80);
    const rel = cycles(graph).map((c) => c.map((f) => path.relative(SRC, f)).join(' → '));
    expect(rel).toEqual([]);
  });

  it('stored records are defined below the protocol: storage imports no message file', () => {
    const graph = importGraph(SRC);
    const offenders = [...graph].filter(([f, deps]) => f.includes(`${path.sep}storage${path.sep}`) && deps.some((d) => /(^|\/)(history-)?messages\.ts$/.test(d) || d.includes(`${path.sep}background${path.sep}`)));
    expect(offenders.map(([f]) => path.relative(SRC, f))).toEqual([]);
  });
});
