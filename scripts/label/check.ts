// Checks a label file against its document: `npx tsx scripts/label/check.ts <id> <file>`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseLabels, PRIVACY_CATEGORIES } from './format';
import { LABELS } from './prepare';

const [id, file] = process.argv.slice(2);
const docs = JSON.parse(readFileSync(path.join(LABELS, 'manifest.json'), 'utf8')).docs as { id: string; sentences: number }[];
const doc = docs.find((d) => d.id === id);
if (!doc || !file) { console.error('usage: check.ts <doc id> <label file>'); process.exit(2); }
try {
  const labels = parseLabels(readFileSync(file, 'utf8'), doc.sentences);
  const counts = new Map<string, number>();
  for (const l of labels) for (const [c, s] of l) counts.set(`${c}:${s}`, (counts.get(`${c}:${s}`) ?? 0) + 1);
  console.log(`OK ${id}: ${labels.length} sentences, ${labels.filter((l) => l.size).length} labelled`);
  for (const c of PRIVACY_CATEGORIES) {
    const row = ['c', 'p', 'n'].map((s) => counts.get(`${c}:${s}`) ?? 0);
    if (row.some(Boolean)) console.log(`  ${c}: c ${row[0]} p ${row[1]} n ${row[2]}`);
  }
} catch (e) {
  console.error(`ERRORS in ${file}:\n${(e as Error).message}`);
  process.exit(1);
}
