// `npm run graph`: the folder-level import graph of src/ as a Mermaid flowchart (the picture in
// docs/architecture.md), each arrow labelled with how many file imports it stands for. Paste
// the output over the diagram there when the structure changes.
import path from 'node:path';
import { partEdges } from './lib/import-graph';

const root = path.resolve(import.meta.dirname, '..', 'src');
const edges = partEdges(root);
const id = (part: string) => part.replace(/[^a-z]/g, '_');
const lines = ['flowchart TD', ...[...edges.keys()].sort().map((p) => `  ${id(p)}[${p}]`)];
for (const [from, row] of [...edges].sort(([a], [b]) => a.localeCompare(b))) {
  for (const [to, n] of [...row].sort(([a], [b]) => a.localeCompare(b))) {
    if (to === '..') continue; // lib's bundled English messages (public/_locales): not source code
    lines.push(`  ${id(from)} -->|${n}| ${id(to)}`);
  }
}
console.log(lines.join('\n'));
