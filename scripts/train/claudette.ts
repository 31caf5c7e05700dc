// Loads the CLAUDETTE corpora (../shared/data/claudette-dev) as documents: the original text with
// inline tags removed, plus the gold tagged spans as offsets into that text. Both corpora are read
// from their tagged originals (not the tokenised sentence files) so training sees text exactly as
// the detector will at run time.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA = path.resolve(ROOT, '..', 'shared', 'data');

/** CLAUDETTE tag → taxonomy id. */
export const TAG_TO_CATEGORY: Record<string, string> = {
  a: 'arbitration', ch: 'unilateral-change', cr: 'content-removal', j: 'jurisdiction',
  law: 'choice-of-law', ltd: 'limitation-of-liability', ter: 'unilateral-termination', use: 'contract-by-using',
};

export interface GoldSpan { category: string; start: number; end: number; level: number }
export interface ClaudetteDoc {
  /** e.g. "tos-2019/Booking" */
  id: string;
  /** Group key: the same company in both corpora shares it, so CV never splits a company. */
  company: string;
  text: string;
  gold: GoldSpan[];
}

/** Same company under different file names in the two corpora. */
const ALIASES: Record<string, string> = { googlepayments: 'google', musically: 'tiktok', electronicarts: 'ea' };

export function companyKey(file: string): string {
  const k = file.replace(/\.[a-z]+$/i, '').toLowerCase().replace(/[^a-z0-9]/g, '');
  return ALIASES[k] ?? k;
}

/** Strip <tagN>…</tagN> markup (tags may interleave, e.g. <a><b></a></b>) into text + spans. */
export function parseTagged(xml: string): { text: string; gold: GoldSpan[] } {
  const gold: GoldSpan[] = [];
  const open = new Map<string, { start: number; level: number }[]>();
  let text = '';
  let last = 0;
  const re = /<(\/?)([a-zA-Z]+)(\d?)>/g;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    text += xml.slice(last, m.index);
    last = re.lastIndex;
    const tag = (m[2] as string).toLowerCase();
    const category = TAG_TO_CATEGORY[tag];
    if (!category) continue;
    const stack = open.get(tag) ?? [];
    if (m[1] !== '/') {
      stack.push({ start: text.length, level: Number(m[3] || 2) });
      open.set(tag, stack);
    } else {
      const o = stack.pop();
      if (o && text.length > o.start) gold.push({ category, start: o.start, end: text.length, level: o.level });
    }
  }
  text += xml.slice(last);
  return { text, gold };
}

export function loadClaudette(dataDir = DATA): ClaudetteDoc[] {
  const docs: ClaudetteDoc[] = [];
  const sources: [string, string][] = [
    ['tos-2019', path.join(dataDir, 'claudette-dev', 'tos-2019', 'OriginalTaggedDocuments')],
    ['tos-2021', path.join(dataDir, 'claudette-dev', 'tos-2021-en', 'original_xml')],
  ];
  for (const [corpus, dir] of sources) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.xml')) continue;
      let xml = readFileSync(path.join(dir, file), 'utf8');
      // tos-2021 files open with the source URL and a crawl date: not policy text.
      if (corpus === 'tos-2021') xml = xml.replace(/^https?:\/\/\S*\s*\n(\s*\d{4}-\d\d-\d\d[^\n]*\n)?/, '');
      const { text, gold } = parseTagged(xml);
      docs.push({ id: `${corpus}/${file.replace(/\.xml$/, '')}`, company: companyKey(file), text, gold });
    }
  }
  return docs;
}
