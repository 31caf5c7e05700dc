// A reader's check of the shipped detector, the shape of the independent one (issue 13): a fixed
// random sample of the flags (high, medium, good) the detector makes on real privacy policies it
// was never trained or tuned on (Open Terms Archive texts outside the labelled set and outside
// the services the independent reader uses), written with their context for a reader to judge
// (right topic, right stance, sensible severity).
//   npx tsx scripts/label/reader-sample.ts <out.tsv> [documents] [flags per document] [privacy|terms] [salt]
// A new salt draws other documents; `fresh` also leaves out every service an earlier check in
// data/reader-checks/ judged (a sample nothing was tuned on).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { markdownToText, segment } from '../../src/core/text';
import { detectClauses } from '../../src/core/detect';
import { sectionContext } from '../../src/core/detect-context';
import { candidates, DATA, READER_HELD_OUT } from './candidates';
import { manifest } from '../train/privacy';

const hash = (s: string): string => createHash('sha256').update(s).digest('hex');

const [out = '/tmp/reader-sample.tsv', nDocs = '12', perDoc = '14', kind = 'privacy', salt = 'reader', fresh = ''] = process.argv.slice(2);
if (kind !== 'privacy' && kind !== 'terms') throw new Error(`kind must be privacy or terms, not ${kind}`);
const labelled = manifest().map((d) => d.service.toLowerCase());
// Also other names of a labelled service ("Blizzard Entertainment" for "Blizzard").
const isLabelled = (service: string): boolean => labelled.some((l) => service.toLowerCase().includes(l));
const CHECKS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'data', 'reader-checks');
const judged = new Set(fresh === 'fresh' ? readdirSync(CHECKS).filter((f) => f.endsWith('.tsv')).flatMap((f) => {
  const lines = readFileSync(path.join(CHECKS, f), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const at = (lines[0] ?? '').split('\t').indexOf('service');
  return at < 0 ? [] : lines.slice(1).map((l) => (l.split('\t')[at] ?? '').toLowerCase());
}) : []);
// Documents of 60–600 sentences by default; SENTENCES=30-1500 widens the pool once the usual one is
// used up (every fresh check takes its services out of it).
const [MIN_SENTENCES, MAX_SENTENCES] = (process.env.SENTENCES ?? '60-600').split('-').map(Number) as [number, number];
const pool = candidates(kind)
  .filter((c) => !judged.has(c.service.toLowerCase()))
  .filter((c) => c.sentences >= MIN_SENTENCES && c.sentences <= MAX_SENTENCES && !isLabelled(c.service) && !READER_HELD_OUT.test(c.service))
  .sort((a, b) => hash(`${salt}:${a.service}/${a.type}`).localeCompare(hash(`${salt}:${b.service}/${b.type}`)));
const seen = new Set<string>();
const texts = new Set<string>();
const rows: string[] = ['id\tservice\tcategory\tseverity\tsection\tflagged\tparagraph'];
let n = 0;
for (const c of pool) {
  if (seen.size >= Number(nDocs)) break;
  if (seen.has(c.service)) continue;
  const { text, hardBreaks } = markdownToText(readFileSync(path.join(DATA, c.file), 'utf8'), { br: 'drop' });
  // One copy of a text several services share (Google's terms under Stadia, Google Play, …).
  const textKey = hash(text.replace(/\s+/g, ' ').slice(0, 4000));
  if (texts.has(textKey)) continue;
  texts.add(textKey);
  seen.add(c.service);
  const m = segment(text, hardBreaks);
  const ctx = sectionContext(text, m.sentences);
  const flags = detectClauses(m).filter((f) => f.severity !== 'low');
  // A fixed pseudo-random choice of this document's flags.
  const pick = flags.map((f) => ({ f, k: hash(`${c.service}:${f.id}`) })).sort((a, b) => a.k.localeCompare(b.k)).slice(0, Number(perDoc)).map((x) => x.f);
  for (const f of pick) {
    const si = m.sentences.findIndex((s) => s.end > f.start);
    const h = ctx.heading[si] ?? -1;
    const heading = h >= 0 ? text.slice(m.sentences[h]!.start, m.sentences[h]!.end) : '';
    const block = m.blocks[m.sentences[si]!.block]!;
    const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();
    rows.push([`r${++n}`, c.service, f.category, f.severity, clean(heading), clean(text.slice(f.start, f.end)), clean(text.slice(block.start, block.end)).slice(0, 1500)].join('\t'));
  }
}
writeFileSync(out, rows.join('\n') + '\n');
console.log(`${n} flags from ${seen.size} documents written to ${out}: ${[...seen].join(', ')}`);
