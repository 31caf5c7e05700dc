// Silver check for the categories CLAUDETTE does not label: ToS;DR point quotes (reviewed by
// volunteers, mapped to our taxonomy) located in the current Open Terms Archive texts of the same
// service. A quote that still appears verbatim (modulo whitespace/case/quotes) gives a span whose
// category we know; recall = share of such spans a detected clause of that category overlaps.

import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DATA } from './claudette';
import { parseCsv } from '../kb/csv';

export interface SilverDoc { service: string; file: string; text: string; spans: { category: string; start: number; end: number }[] }


const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Normalised text (lower case, single spaces, folded quotes) with a map back to raw offsets. */
function normWithMap(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  let space = true;
  for (let i = 0; i < text.length; i++) {
    let c = text[i] as string;
    if (/[\s\u00a0\u00ad\u200b-\u200d\ufeff*_#>|]/.test(c)) { if (!space) { norm += ' '; map.push(i); space = true; } continue; }
    if (/[\u2018\u2019]/.test(c)) c = "'";
    if (/[\u201c\u201d]/.test(c)) c = '"';
    norm += c.toLowerCase();
    map.push(i);
    space = false;
  }
  return { norm, map };
}

function normQuote(q: string): string {
  return normWithMap(q.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"')).norm.trim();
}

export function loadSilver(mapCase: (title: string) => string | null, textOf: (file: string) => string): SilverDoc[] {
  const csvPath = path.join(DATA, 'tosdr', 'derived', 'points-2021-01-09.csv');
  if (!existsSync(csvPath)) return [];
  const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8'));
  const col = (name: string): number => (header ?? []).indexOf(name);
  const [iSlug, iName, iCase, iQuote] = [col('service_slug'), col('service_name'), col('case'), col('quote_text')];
  const quotesBy = new Map<string, { category: string; quote: string }[]>();
  for (const r of rows) {
    const category = mapCase(r[iCase] ?? '');
    const quote = normQuote(r[iQuote] ?? '');
    if (!category || quote.length < 40) continue;
    for (const k of new Set([key(r[iSlug] ?? ''), key(r[iName] ?? '')])) {
      if (!k) continue;
      const list = quotesBy.get(k) ?? [];
      list.push({ category, quote });
      quotesBy.set(k, list);
    }
  }
  const docs: SilverDoc[] = [];
  for (const set of readdirSync(DATA).filter((d) => d.startsWith('ota-'))) {
    const base = path.join(DATA, set, 'versions-HEAD');
    if (!existsSync(base)) continue;
    for (const service of readdirSync(base)) {
      const quotes = quotesBy.get(key(service));
      const dir = path.join(base, service);
      if (!quotes || !statSync(dir).isDirectory()) continue;
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) {
        const file = path.join(dir, f);
        const text = textOf(file);
        const { norm, map } = normWithMap(text);
        const spans: SilverDoc['spans'] = [];
        for (const q of quotes) {
          const at = norm.indexOf(q.quote);
          if (at < 0) continue;
          spans.push({ category: q.category, start: map[at] as number, end: (map[at + q.quote.length - 1] as number) + 1 });
        }
        if (spans.length) docs.push({ service, file: `${set}/${service}/${f}`, text, spans });
      }
    }
  }
  return docs;
}
