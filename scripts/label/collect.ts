// Copies finished label files from a labelling work folder into data/privacy-labels, after
// checking each against its document (every sentence once, valid categories and stances).
//   npx tsx scripts/label/collect.ts /work/label-work/out
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseLabels } from './format';
import { LABELS } from './prepare';

const from = process.argv[2];
if (!from) { console.error('usage: collect.ts <folder with <id>.a.tsv / <id>.b.tsv>'); process.exit(2); }
const docs = JSON.parse(readFileSync(path.join(LABELS, 'manifest.json'), 'utf8')).docs as { id: string; sentences: number }[];
let ok = 0;
const pending: string[] = [];
for (const d of docs) {
  for (const [suffix, dir] of [['a', 'labels'], ['b', 'labels-second']] as const) {
    const f = path.join(from, `${d.id}.${suffix}.tsv`);
    if (!existsSync(f)) continue;
    const src = readFileSync(f, 'utf8');
    try { parseLabels(src, d.sentences); } catch (e) { pending.push(`${d.id}.${suffix}: ${(e as Error).message.split('\n')[0]}`); continue; }
    mkdirSync(path.join(LABELS, dir), { recursive: true });
    // Normalised: one line per sentence, no comments.
    const lines = src.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => l.replace(/\s+/, '\t'));
    writeFileSync(path.join(LABELS, dir, `${d.id}.tsv`), lines.join('\n') + '\n');
    ok++;
  }
}
console.log(`${ok} label files collected`);
for (const p of pending) console.log(`not yet: ${p}`);
