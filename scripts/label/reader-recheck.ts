// Which judged flags of a reader check (data/reader-checks/*.tsv with a `flagged` column) the
// current detector still makes, and the precision of those it keeps — a development measure: the
// judged flags are the ones the detector made then; new flags it makes now are not judged.
//   npx tsx scripts/label/reader-recheck.ts data/reader-checks/2026-11-30-4.tsv privacy|terms
//   (SHOW_KEPT=1 also lists the wrong flags it still makes, with the reader's reason and note;
//   PRIVACY_MODEL=file.json detects with another privacy model file, e.g. an earlier commit's)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { markdownToText, segment } from '../../src/core/text';
import { detectClauses } from '../../src/core/detect';
import { loadPrivacyModel } from '../../src/core/detect-privacy';
import { candidates, DATA } from './candidates';

const [file, kind = 'privacy'] = process.argv.slice(2);
if (!file || (kind !== 'privacy' && kind !== 'terms')) {
  console.error('usage: reader-recheck.ts <verdicts.tsv> [privacy|terms]');
  process.exit(2);
}
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
const head = (lines.shift() ?? '').split('\t');
const col = (name: string): number => {
  const i = head.indexOf(name);
  if (i < 0) { console.error(`${file}: no "${name}" column`); process.exit(2); }
  return i;
};
const [cService, cCat, cSev, cVerdict, cFlagged] = ['service', 'category', 'severity', 'verdict', 'flagged'].map(col) as [number, number, number, number, number];
const rows = lines.map((l) => l.split('\t'));
const privacyModel = process.env.PRIVACY_MODEL ? loadPrivacyModel(JSON.parse(readFileSync(process.env.PRIVACY_MODEL, 'utf8'))) : undefined;
const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();
const byService = new Map<string, string[][]>();
for (const r of rows) byService.set(r[cService] as string, [...(byService.get(r[cService] as string) ?? []), r]);
const pool = candidates(kind);
let keptY = 0, keptN = 0, goneY = 0, goneN = 0;
for (const [service, rs] of byService) {
  const docs = pool.filter((c) => c.service === service).map((c) => markdownToText(readFileSync(path.join(DATA, c.file), 'utf8'), { br: 'drop' }));
  const doc = docs.find((d) => rs.every((r) => clean(d.text).includes((r[cFlagged] as string).slice(0, 40)))) ?? docs[0];
  if (!doc) { console.error(`${service}: no ${kind} document found`); continue; }
  const flags = detectClauses(segment(doc.text, doc.hardBreaks), privacyModel ? { privacy: privacyModel } : undefined).filter((f) => f.severity !== 'low').map((f) => ({ f, t: clean(doc.text.slice(f.start, f.end)) }));
  for (const r of rs) {
    const flagged = r[cFlagged] as string;
    const still = flags.some(({ f, t }) => f.category === r[cCat] && f.severity === r[cSev] && (t.includes(flagged.slice(0, 60)) || flagged.includes(t.slice(0, 60))));
    const y = r[cVerdict] === 'Y';
    if (still) { if (y) keptY++; else { keptN++; if (process.env.SHOW_KEPT) console.log(`kept ${r[0]} N ${r[cCat]}/${r[cSev]} [${r[head.indexOf('reason')] ?? ''}] ${r[head.indexOf('note')] ?? ''}: ${flagged.slice(0, 300)}`); } } else { if (y) goneY++; else goneN++; console.log(`gone ${r[0]} ${y ? 'Y' : 'N'} ${r[cCat]}/${r[cSev]}: ${flagged.slice(0, 110)}`); }
  }
}
const judged = keptY + keptN + goneY + goneN;
console.log(`${judged} judged flags: then ${((keptY + goneY) / judged).toFixed(3)} fully right; now kept ${keptY + keptN} (${keptY} right, ${keptN} wrong: ${(keptY / Math.max(1, keptY + keptN)).toFixed(3)}), gone ${goneY} right and ${goneN} wrong`);
