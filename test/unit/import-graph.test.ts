// The source tree has no import circles, type-only imports included (issue 16): each module can be
// understood, and tested, from the ones below it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from '../../scripts/lib/import-graph';
import { PROJECT_ROOT } from '../fixtures/pages';

const SRC = path.join(PROJECT_ROOT, 'src');

/** The modules an entry's script carries: the files its value imports reach (type imports left out). */
function valueClosure(): (entry: string) => string[] {
  const graph = importGraph(SRC, { values: true });
  return (entry) => {
    const seen = new Set<string>();
    const walk = (f: string) => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const d of graph.get(f) ?? []) walk(d);
    };
    walk(path.join(SRC, entry));
    return [...seen].map((f) => path.relative(SRC, f));
  };
}

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

  it('the detector and its models stay out of the annotator: only the analysis (content/engine.ts) holds them', () => {
    const closure = valueClosure();
    const detector = path.join('core', 'detect.ts');
    expect(closure(path.join('content', 'engine.ts'))).toContain(detector); // (the check itself can fail)
    expect(closure(path.join('content', 'annotator.ts'))).toContain(path.join('core', 'clause-steps.ts'));
    expect(closure(path.join('content', 'annotator.ts'))).not.toContain(detector);
    expect(closure(path.join('content', 'loader.ts'))).not.toContain(detector);
  });

  it('the annotator’s script carries no copy of the reading and the analysis client: it reads again through the loader’s begin()', () => {
    const closure = valueClosure();
    const reading = [path.join('content', 'begin.ts'), path.join('content', 'engine-client.ts')];
    const loader = closure(path.join('content', 'loader.ts'));
    for (const f of reading) expect(loader).toContain(f); // (the check itself can fail)
    const annotator = closure(path.join('content', 'annotator-entry.ts'));
    expect(annotator).toContain(path.join('content', 'render-clauses.ts'));
    expect(annotator.filter((f) => reading.includes(f))).toEqual([]);
  });
});
