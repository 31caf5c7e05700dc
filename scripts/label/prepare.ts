// Draws the labelled privacy set (docs/labelling.md) from the Open Terms Archive texts in
// ../shared/data and writes, per document, the numbered sentences a labeller reads. The set's
// manifest (which documents, the SHA-256 of each text, the held-out split) is committed; the
// texts themselves are not: they are re-derived from ../shared/data by the same segmenter.
//   npx tsx scripts/label/prepare.ts [workdir] [n more training documents]   (env SENTENCES=min-max)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { markdownToText, segment } from '../../src/core/text';
import { candidates, DATA, READER_HELD_OUT } from './candidates';

export const LABELS = path.resolve(import.meta.dirname, '../../data/privacy-labels');

// Duplicates of another collection's document or not a privacy policy.
const SKIP = /^(ProtonMail|App Store|Twitter|Shein)$/;

const hash = (s: string): string => createHash('sha256').update(s).digest('hex');

export interface LabelDoc { id: string; service: string; file: string; sha256: string; sentences: number; split: 'train' | 'test'; double: boolean }

export function selectDocs(n = 66, test = 14, double = 10): LabelDoc[] {
  const pool = candidates().filter((c) => c.sentences >= 50 && c.sentences <= 260 && !READER_HELD_OUT.test(c.service) && !SKIP.test(c.service));
  // A fixed pseudo-random order (hash of the name), so the draw is reproducible and not chosen by hand.
  pool.sort((a, b) => hash(`${a.service}/${a.type}`).localeCompare(hash(`${b.service}/${b.type}`)));
  const picked = pool.slice(0, n);
  const services = [...new Set(picked.map((c) => c.service))];
  const testServices = new Set(services.slice(0, test));
  return picked.map((c, i) => {
    const text = markdownToText(readFileSync(path.join(DATA, c.file), 'utf8'), { br: 'drop' }).text;
    return {
      id: `${c.service}--${c.type}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
      service: c.service, file: c.file, sha256: hash(text), sentences: c.sentences,
      split: testServices.has(c.service) ? 'test' : 'train',
      double: i >= test && i < test + double, // the agreement subset is drawn from training documents
    };
  });
}

/** The services of the reader checks (data/reader-checks): never labelled, so the check stays independent. */
const READER_CHECK = /^(Infolinks|Qobuz|Toyota Connected Services|WordPress\.org|Financial Times|DuckDuckGo|AdSense|Instacart|Mix|Epassi|ACDelco|Yahoo)$/;

/** The sentences of a document as the labellers read them (lower case, spaces collapsed). */
export function sentenceSet(file: string): Set<string> {
  const { text, hardBreaks } = markdownToText(readFileSync(path.join(DATA, file), 'utf8'), { br: 'drop' });
  return new Set(segment(text, hardBreaks).sentences.map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' ').trim().toLowerCase()));
}

/** Above this share of the smaller document's sentences, two documents are one text (one company's
 * policy under several service names: Google's products, Match Group's Tinder and Match). */
export const SAME_TEXT = 0.3;

/** Whether two sentence sets are one text (more than SAME_TEXT of the smaller one shared). */
export function sameText(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both > SAME_TEXT * Math.min(a.size, b.size);
}

/** The documents of the services an independent reader judges (READER_HELD_OUT), privacy and
 * terms: a drawn document that is largely one of their texts under another service's name
 * (Blogger's policy is Google's, which Gemini's notice shares) is their text, and stays out. */
export function readerHeldOutTexts(): Set<string>[] {
  return [...candidates('privacy'), ...candidates('terms')].filter((c) => READER_HELD_OUT.test(c.service)).map((c) => sentenceSet(c.file));
}

/** `n` more training documents, drawn in a second fixed order from the services not yet in the set,
 * leaving out a document that is largely the text of one already in it (either split) or drawn
 * before it: in another fold, or held out, it would be measured on what it was trained on. */
export function extendDocs(have: readonly LabelDoc[], n: number, sentences: readonly [number, number] = [50, 260]): LabelDoc[] {
  const known = have.map((d) => d.service.toLowerCase());
  const pool = candidates().filter((c) => c.sentences >= sentences[0] && c.sentences <= sentences[1] && !READER_HELD_OUT.test(c.service) && !SKIP.test(c.service)
    && !READER_CHECK.test(c.service) && !known.some((k) => c.service.toLowerCase().includes(k) || k.includes(c.service.toLowerCase())));
  pool.sort((a, b) => hash(`extend:${a.service}/${a.type}`).localeCompare(hash(`extend:${b.service}/${b.type}`)));
  const seen = new Set<string>();
  const out: LabelDoc[] = [];
  const texts = [...have.map((d) => sentenceSet(d.file)), ...readerHeldOutTexts()];
  for (const c of pool) {
    if (out.length >= n || seen.has(c.service)) continue;
    seen.add(c.service);
    const mine = sentenceSet(c.file);
    if (texts.some((other) => sameText(mine, other))) continue;
    texts.push(mine);
    const text = markdownToText(readFileSync(path.join(DATA, c.file), 'utf8'), { br: 'drop' }).text;
    out.push({ id: `${c.service}--${c.type}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''), service: c.service, file: c.file, sha256: hash(text), sentences: c.sentences, split: 'train', double: false });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const work = process.argv[2] ?? '/tmp/label-work';
  const extend = Number(process.argv[3] ?? 0);
  mkdirSync(work, { recursive: true });
  mkdirSync(LABELS, { recursive: true });
  const manifestPath = path.join(LABELS, 'manifest.json');
  const docs: LabelDoc[] = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')).docs : selectDocs();
  // SENTENCES=min-max draws the extension from documents of that length (default 50–260).
  const range = (process.env.SENTENCES ?? '50-260').split('-').map(Number) as [number, number];
  if (extend > 0) docs.push(...extendDocs(docs, extend, range));
  if (!existsSync(manifestPath) || extend > 0) writeFileSync(manifestPath, JSON.stringify({ source: 'Open Terms Archive (ODC-BY 1.0), latest versions in ../shared/data', docs }, null, 1) + '\n');
  for (const d of docs) {
    const { text, hardBreaks } = markdownToText(readFileSync(path.join(DATA, d.file), 'utf8'), { br: 'drop' });
    const m = segment(text, hardBreaks);
    let lastBlock = -1;
    const lines = m.sentences.map((s, i) => {
      const para = s.block !== lastBlock ? '¶ ' : '  ';
      lastBlock = s.block;
      return `${i}\t${para}${text.slice(s.start, s.end).replace(/\s+/g, ' ')}`;
    });
    writeFileSync(path.join(work, `${d.id}.txt`), `# ${d.service} — ${d.file}\n# ${m.sentences.length} sentences; ¶ marks the first sentence of a paragraph/block\n${lines.join('\n')}\n`);
  }
  const total = docs.reduce((s, d) => s + d.sentences, 0);
  console.log(`${docs.length} documents, ${new Set(docs.map((d) => d.service)).size} services, ${total} sentences; test ${docs.filter((d) => d.split === 'test').length}, double ${docs.filter((d) => d.double).length}`);
}
