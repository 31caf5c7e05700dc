// Every flag the shipped detector makes on the labelled privacy set, with the labels of the
// sentences it covers — to see what a change of a reading moves (diff two runs). A development view:
// the shipped model was trained on the training services and, at a lower weight, on the fourth
// wave (`wave4`, data/privacy-labels/wave4), so only `test` is unseen.
//   SHOW=1 npx tsx scripts/label/flags-vs-labels.ts [test|train|wave4|all] [regex on the flagged text]
import { detectClauses } from '../../src/core/detect';
import { shippedModel } from '../../src/core/detect-model';
import { loadPrivacySet, shown, WAVE4_DIR } from '../train/privacy';
import { normalizeForMatch } from '../../src/core/text-chars';
const split = process.argv[2] ?? 'test';
const docs = loadPrivacySet(shippedModel().file.context ?? {}, split === 'wave4' ? WAVE4_DIR : undefined);
const re = new RegExp(process.argv[3] ?? '.');
let n = 0; const tally = new Map<string, number>();
for (const d of docs) {
  if (split !== 'all' && d.split !== split) continue;
  const cl = detectClauses(d.model);
  for (const c of cl) {
    const sents = d.model.sentences.map((s, i) => [s, i] as const).filter(([s]) => s.start < c.end && c.start < s.end);
    const labs = sents.map(([, i]) => d.labels[i]?.get(c.category as never)).filter(shown);
    const norm = normalizeForMatch(d.model.text.slice(c.start, c.end));
    if (!re.test(norm)) continue;
    const key = `${c.category} ${c.severity} labels=${labs.join('') || '-'}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
    if (process.env.SHOW) console.log(`${key}\t${norm.slice(0, 220)}`);
    n++;
  }
}
console.log(n);
for (const [k, v] of [...tally].sort()) console.log(v, k);
