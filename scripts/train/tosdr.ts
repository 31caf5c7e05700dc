// ToS;DR point quotes (../shared/data/tosdr/derived/points-2021-01-09.csv) as extra, lower-weighted
// positive sentences for the CLAUDETTE categories. A quote is text a volunteer highlighted for a
// case; `mapCase` (src/core/case-map.ts) gives its category. Quotes have no page around them, so
// their sentences carry no heading features. Services that are also CLAUDETTE companies are left
// out entirely, so the cross-validation never sees a held-out company's wording through ToS;DR.

import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { mapCase } from '../../src/core/case-map';
import { analyse, type FeatureConfig } from '../../src/core/detect-analysis';
import { CLAUDETTE_CATEGORIES } from '../../src/core/taxonomy';
import { DATA } from './claudette';
import { parseCsv } from '../kb/csv';
import { segmentDoc, type Example } from './examples';

/**
 * ToS;DR cases whose quotes say what CLAUDETTE tags for the category (its annotation guidelines:
 * e.g. a liability exclusion, not an "as is" warranty disclaimer; removal of content, not copyright
 * notice procedures). `mapCase` is broader (severability and waiver clauses → contract-by-using).
 */
const CLAUDETTE_CASES: Record<string, string> = {
  'this service forces users into binding arbitration in the case of disputes': 'arbitration',
  'terms may be changed any time at their discretion, without notice to the user': 'unilateral-change',
  'the service may change its terms at any time, but the user will receive notification of the changes.': 'unilateral-change',
  'users should revisit the terms periodically, although in case of material changes, the service will notify': 'unilateral-change',
  'when the service wants to make a material change to its terms, users are notified at least 30 days in advance': 'unilateral-change',
  'when the service wants to change its terms, users are notified a week or more in advance.': 'unilateral-change',
  'the service makes critical changes to its terms without user involvement': 'unilateral-change',
  'the service can delete your account without prior notice and without a reason': 'unilateral-termination',
  'they may stop providing the service at any time': 'unilateral-termination',
  'the service can suspend your account for several reasons': 'unilateral-termination',
  'user accounts can be terminated after having been in breach of the terms of service repeatedly': 'unilateral-termination',
  'the service gives 30 days of notice before closing your account': 'unilateral-termination',
  'the service can delete specific content without reason and may do it without prior notice': 'content-removal',
  'this service can delete your content if you violate the terms': 'content-removal',
  'if you are the target of a copyright claim, your content may be removed': 'content-removal',
  'service can block or censor user communications': 'content-removal',
  'this service assumes no liability for any losses or damages resulting from any matter relating to the service': 'limitation-of-liability',
  'any liability on behalf of the service is only limited to the fees you paid as a user': 'limitation-of-liability',
  'this service cannot be held responsible for disputes that you may have with other users': 'limitation-of-liability',
  'the service is not responsible for linked or (clearly) quoted content from third-party content providers': 'limitation-of-liability',
  'this service assumes no responsibility and liability for the contents of links to other websites': 'limitation-of-liability',
  'users are responsible for any risks, damages, or losses they may incur by downloading materials': 'limitation-of-liability',
};
/** "The court of law governing the terms is in location X" covers both forum and law clauses. */
const COURT_CASE = /^the court of law governing the terms/;

export interface TosdrOptions {
  /** Loss weight of a quote sentence relative to a CLAUDETTE sentence. */
  weight: number;
  /** 'claudette': the cases above; 'map': every case mapCase puts in a CLAUDETTE category. */
  cases?: 'claudette' | 'map';
  /** Quote sentences also count as negatives of the other CLAUDETTE categories. */
  negatives?: boolean;
  /** Only quotes of at most this many sentences (long quotes hold unrelated sentences). */
  maxSentences?: number;
}

const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function isClaudetteCompany(slug: string, name: string, companies: ReadonlySet<string>): boolean {
  for (const k of [key(slug), key(name)]) {
    if (!k) continue;
    for (const c of companies) if (k === c || (c.length >= 4 && (k.startsWith(c) || c.startsWith(k) && k.length >= 4))) return true;
  }
  return false;
}

function categoryOf(caseTitle: string, quote: string, mode: 'claudette' | 'map'): string | null {
  const t = caseTitle.trim().toLowerCase().replace(/\s+/g, ' ');
  if (COURT_CASE.test(t)) {
    // Split by what the quote says: courts → jurisdiction, governing law → choice-of-law.
    if (/\bcourts?\b|\bvenue\b|\bjurisdiction\b/i.test(quote)) return 'jurisdiction';
    if (/\bgoverned by\b|\blaws? of\b/i.test(quote)) return 'choice-of-law';
    return null;
  }
  if (mode === 'claudette') return CLAUDETTE_CASES[t] ?? null;
  const c = mapCase(caseTitle);
  return c && (CLAUDETTE_CATEGORIES as readonly string[]).includes(c) ? c : null;
}

const cache = new Map<string, Example[]>();

/** Example sentences from ToS;DR quotes, labelled with their case's category. */
export function tosdrExamples(cfg: FeatureConfig, opts: TosdrOptions, claudetteCompanies: ReadonlySet<string>): Example[] {
  const ck = JSON.stringify([cfg, opts.cases, opts.negatives, opts.maxSentences, [...claudetteCompanies].sort()]);
  const hit = cache.get(ck);
  if (hit) return hit.map((e) => ({ ...e, weight: opts.weight }));
  const csvPath = path.join(DATA, 'tosdr', 'derived', 'points-2021-01-09.csv');
  if (!existsSync(csvPath)) return [];
  const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8'));
  const col = (name: string): number => (header ?? []).indexOf(name);
  const [iSlug, iName, iCase, iQuote] = [col('service_slug'), col('service_name'), col('case'), col('quote_text')];
  const cats = CLAUDETTE_CATEGORIES as readonly string[];
  const seen = new Set<string>();
  const out: Example[] = [];
  for (const r of rows) {
    const slug = r[iSlug] ?? '';
    if (isClaudetteCompany(slug, r[iName] ?? '', claudetteCompanies)) continue;
    const quote = (r[iQuote] ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();
    if (quote.length < 30) continue;
    const category = categoryOf(r[iCase] ?? '', quote, opts.cases ?? 'claudette');
    if (!category) continue;
    const tm = segmentDoc(quote);
    const a = analyse(quote, tm.sentences, cfg);
    const idx = tm.sentences.map((_, i) => i).filter((i) => !a.skip[i]);
    if (idx.length === 0 || idx.length > (opts.maxSentences ?? 3)) continue;
    for (const i of idx) {
      const norm = `${category}\u0000${a.norms[i] as string}`;
      if (seen.has(norm)) continue;
      seen.add(norm);
      const ignore = opts.negatives ? undefined : cats.map((_, c) => c).filter((c) => cats[c] !== category);
      out.push({ feats: a.feats[i] as number[], labels: new Set([category]), company: `tosdr:${key(slug)}`, docId: `tosdr:${key(slug)}`, ignore, weight: opts.weight });
    }
  }
  cache.set(ck, out);
  return out;
}
