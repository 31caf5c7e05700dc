// The source tree has no import circles, type-only imports included (issue 16): each module can be
// understood, and tested, from the ones below it.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../fixtures/pages';

const SRC = path.join(PROJECT_ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files(root)) {
    const text = readFileSync(f, 'utf8');
    const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g), ...text.matchAll(/import\('([^']+)'\)/g)].map((m) => m[1] as string);
    graph.set(f, specs.map((s) => resolve(f, s)).filter((x): x is string => x !== null));
  }
  return graph;
}

export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') found.push(stack.slice(stack.indexOf(m)).concat(m));
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
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
});
