// The import graph of src/ read from the source text (relative imports, type-only ones included,
// and dynamic import()): used by the import-graph test (no circles) and by
// `npm run graph`, which prints the folder-level picture in docs/architecture.md.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

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

/** Each source file under root with the files it imports (absolute paths). With `values`, only
 * the imports that bring code along (no `import type`, no `import()` as a type): what a bundle holds. */
export function importGraph(root: string, opts: { values?: boolean } = {}): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files(root)) {
    const text = readFileSync(f, 'utf8');
    const statics = [...text.matchAll(/(?:^|\n)\s*(import|export)\s([^;]*?)from\s+'([^']+)'/g)].filter((m) => !opts.values || !/^type\s/.test(m[2] as string)).map((m) => m[3] as string);
    // import('…') in a type's place (after `typeof`, a `:` annotation or a `<`) is a type.
    const dynamics = [...text.matchAll(/(typeof\s+|:\s*|<\s*)?import\('([^']+)'\)/g)].filter((m) => !opts.values || !m[1]).map((m) => m[2] as string);
    const specs = [...statics, ...dynamics];
    graph.set(f, specs.map((s) => resolve(f, s)).filter((x): x is string => x !== null));
  }
  return graph;
}

/** Every import circle found by a depth-first walk (each as its path, first node repeated last). */
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

/** The part of src a file belongs to: its first folder, or the file itself for top-level files
 * (messages.ts, history-messages.ts: the message protocol). */
export function partOf(root: string, file: string): string {
  const rel = path.relative(root, file).split(path.sep);
  return rel.length > 1 ? (rel[0] as string) : (rel[0] as string).replace(/\.tsx?$/, '');
}

/** Folder-level edges: from part → the parts it imports, with how many file imports each. */
export function partEdges(root: string, graph = importGraph(root)): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [from, tos] of graph) {
    const a = partOf(root, from);
    const row = out.get(a) ?? new Map<string, number>();
    out.set(a, row);
    for (const to of tos) {
      const b = partOf(root, to);
      if (b !== a) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  return out;
}
