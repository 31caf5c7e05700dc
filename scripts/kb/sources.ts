// Readers for the raw inputs under ../shared/data. Every listing is sorted so that the build
// never depends on directory order.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readCsv } from './csv';
import { dataPath, DECLARATION_COLLECTIONS, TEXT_COLLECTIONS } from './paths';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface TosdrService {
  slug: string;
  name: string;
  grade?: string;
  domains: string[];
  /** Document name → URL, as listed by the 2021 API (old URLs; still recognise pages). */
  links: { name: string; url: string }[];
}

export function readTosdrServices(): TosdrService[] {
  const dir = dataPath('tosdr', 'api-2021-01-09', '1', 'service');
  const all = JSON.parse(readFileSync(dataPath('tosdr', 'api-2021-01-09', '1', 'all.json'), 'utf8')) as Record<string, unknown>;
  const names = new Map<string, string>();
  for (const v of Object.values(all)) {
    if (v && typeof v === 'object' && 'slug' in v && 'name' in v) {
      const r = v as { slug: string; name: string };
      if (!names.has(r.slug)) names.set(r.slug, r.name);
    }
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort(byString)
    .map((f) => {
      const slug = f.slice(0, -5);
      const d = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as {
        class?: string | false;
        urls?: string[];
        links?: Record<string, { name?: string; url?: string }>;
      };
      const links = Object.values(d.links ?? {})
        .filter((l): l is { name: string; url: string } => typeof l.url === 'string' && typeof l.name === 'string')
        .map((l) => ({ name: l.name, url: l.url }));
      return {
        slug,
        name: names.get(slug) ?? slug,
        grade: typeof d.class === 'string' && /^[A-E]$/.test(d.class) ? d.class : undefined,
        domains: [...new Set((d.urls ?? []).map((u) => u.toLowerCase().replace(/^www\./, '')))].sort(byString),
        links,
      };
    });
}

export interface TosdrPoint {
  pointId: string;
  slug: string;
  caseTitle: string;
  classification: string;
  score?: number;
  quoteDoc: string;
  quoteHtml: string;
  needsModeration: boolean;
}

export function readTosdrPoints(): TosdrPoint[] {
  return readCsv(dataPath('tosdr', 'derived', 'points-2021-01-09.csv')).map((r) => ({
    pointId: r.point_id ?? '',
    slug: r.service_slug ?? '',
    caseTitle: (r.case ?? '').trim(),
    classification: r.classification ?? '',
    score: r.score && /^-?\d+$/.test(r.score) ? Number(r.score) : undefined,
    quoteDoc: r.quote_doc ?? '',
    quoteHtml: r.quote_text ?? '',
    needsModeration: r.needs_moderation === 'True',
  }));
}

/** Case titles of the 2019 export (free-form; many never got 2021 points). */
export function readTosdr2019Cases(): string[] {
  const dir = dataPath('tosdr', 'export-2019-05-11', 'cases');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort(byString)
    .map((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { name?: string }).name ?? '')
    .filter((n) => n.trim() !== '');
}

export interface DeclaredUrl {
  /** "tosdr" or an OTA collection folder. */
  collection: string;
  service: string;
  termsType: string;
  url: string;
}

export function readDeclaredUrls(): DeclaredUrl[] {
  const out: DeclaredUrl[] = [];
  for (const collection of ['tosdr', ...DECLARATION_COLLECTIONS]) {
    const file = dataPath(collection, 'declarations-urls.csv');
    if (!existsSync(file)) continue;
    for (const r of readCsv(file)) {
      const url = (r.url ?? '').trim();
      if (!/^https?:\/\//i.test(url)) continue;
      out.push({ collection, service: (r.service_name || r.service_id || '').trim(), termsType: (r.terms_type ?? '').trim(), url });
    }
  }
  return out;
}

export interface OtaText {
  collection: string;
  service: string;
  termsType: string;
  /** Relative to the data root. */
  file: string;
}

export function listOtaTexts(): OtaText[] {
  const out: OtaText[] = [];
  for (const collection of TEXT_COLLECTIONS) {
    const root = dataPath(collection, 'versions-HEAD');
    for (const service of readdirSync(root).sort(byString)) {
      const dir = path.join(root, service);
      if (!statSync(dir).isDirectory()) continue;
      for (const f of readdirSync(dir).sort(byString)) {
        if (!f.endsWith('.md')) continue;
        out.push({ collection, service, termsType: f.slice(0, -3), file: path.posix.join(collection, 'versions-HEAD', service, f) });
      }
    }
  }
  return out;
}

export interface IndexRow {
  commit: string;
  date: string;
  status: string;
  service: string;
  termsType: string;
  blob: string;
  title: string;
}

export function readVersionsIndex(collection: string): IndexRow[] {
  return readCsv(dataPath(collection, 'versions-index.csv')).map((r) => ({
    commit: r.commit ?? '',
    date: r.commit_date || r.author_date || '',
    status: r.status ?? '',
    service: r.service ?? '',
    termsType: r.terms_type ?? '',
    blob: r.blob ?? '',
    title: r.commit_title ?? '',
  }));
}

/** Commits pinned in a PROVENANCE.md ("commit <40 hex>"), in order of appearance. */
export function readProvenanceCommits(folder: string): string[] {
  const file = dataPath(folder, 'PROVENANCE.md');
  if (!existsSync(file)) return [];
  return [...readFileSync(file, 'utf8').matchAll(/\b([0-9a-f]{40})\b/g)].map((m) => m[1] as string);
}
