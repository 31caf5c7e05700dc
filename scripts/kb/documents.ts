// Documents: one per (platform, terms type), with every URL it is published at and the URL
// patterns that recognise it; plus the latest archived OTA text when a collection tracks it.
import { readFileSync } from 'node:fs';
import type { KbDocument, Platform, UrlPattern } from '../../src/kb/schema';
import { normalizeUrl } from '../../src/core/url';
import { sha256 } from './canonical';
import { hostOf, registrableDomain, slugify } from './domains';
import { dataPath, TEXT_COLLECTIONS } from './paths';
import { serviceKey, type PlatformSet } from './platforms';
import type { DeclaredUrl, IndexRow, OtaText, TosdrService } from './sources';
import { termsTypeForDocName } from './terms-types';

export interface DocumentSet {
  documents: KbDocument[];
  byId: Map<string, KbDocument>;
  /** `${collection}\u0000${service}\u0000${termsType}` → document id (OTA texts). */
  byOtaText: Map<string, string>;
  /** platform id → its documents. */
  byPlatform: Map<string, KbDocument[]>;
}

export const otaKey = (collection: string, service: string, termsType: string) => `${collection}\u0000${service}\u0000${termsType}`;

/** Upper bound on URLs kept per document: a few services list dozens of regional copies. */
const MAX_URLS = 12;

export function buildDocuments(
  ps: PlatformSet,
  declared: DeclaredUrl[],
  texts: OtaText[],
  tosdr: TosdrService[],
  latestDates: Map<string, string>,
): DocumentSet {
  const drafts = new Map<string, { platformId: string; termsType: string; urls: Set<string>; texts: OtaText[] }>();
  const draft = (platformId: string, termsType: string) => {
    const key = `${platformId}\u0000${termsType}`;
    let d = drafts.get(key);
    if (!d) drafts.set(key, (d = { platformId, termsType, urls: new Set(), texts: [] }));
    return d;
  };
  for (const u of declared) {
    const pid = ps.bySourceService.get(serviceKey(u.collection, u.service));
    if (pid && u.termsType) draft(pid, u.termsType).urls.add(u.url);
  }
  for (const t of tosdr) {
    const pid = ps.byTosdrSlug.get(t.slug);
    if (!pid) continue;
    for (const l of t.links) {
      const type = termsTypeForDocName(l.name);
      if (type && /^https?:\/\//i.test(l.url)) draft(pid, type).urls.add(l.url);
    }
  }
  for (const t of texts) {
    const pid = ps.bySourceService.get(serviceKey(t.collection, t.service));
    if (pid) draft(pid, t.termsType).texts.push(t);
  }

  const platformById = new Map(ps.platforms.map((p) => [p.id, p]));
  const documents: KbDocument[] = [];
  const byOtaText = new Map<string, string>();
  for (const d of [...drafts.values()].sort((a, b) => cmp(a.platformId, b.platformId) || cmp(a.termsType, b.termsType))) {
    const id = `${d.platformId}/${slugify(d.termsType)}`;
    const urls = [...d.urls].sort(cmp).slice(0, MAX_URLS);
    const patterns = dedupePatterns(urls.map(patternFor).filter((p) => p !== null));
    const doc: KbDocument = { id, platformId: d.platformId, termsType: d.termsType, urls, patterns };
    const text = [...d.texts].sort((a, b) => TEXT_COLLECTIONS.indexOf(a.collection as never) - TEXT_COLLECTIONS.indexOf(b.collection as never))[0];
    if (text) {
      const body = readFileSync(dataPath(text.file), 'utf8');
      doc.latest = {
        collection: text.collection,
        sha256: sha256(body),
        date: latestDates.get(otaKey(text.collection, text.service, text.termsType)) ?? '',
        words: body.split(/\s+/).filter(Boolean).length,
        path: text.file,
      };
    }
    for (const t of d.texts) byOtaText.set(otaKey(t.collection, t.service, t.termsType), id);
    const platform = platformById.get(d.platformId);
    const priority = documentPriority(doc, platform);
    if (priority > 0) doc.priority = priority;
    documents.push(doc);
  }
  const byPlatform = new Map<string, KbDocument[]>();
  for (const doc of documents) {
    const list = byPlatform.get(doc.platformId);
    if (list) list.push(doc);
    else byPlatform.set(doc.platformId, [doc]);
  }
  return { documents, byId: new Map(documents.map((d) => [d.id, d])), byOtaText, byPlatform };
}

/** Hosts reserved for examples and tests (RFC 2606/6761): never a real policy. */
const RESERVED_HOST = /(^|\.)(example\.(com|net|org)|localhost|test|example|invalid|local)$/;

/**
 * The pattern of a declared URL. A URL whose document is selected by its query or fragment
 * (`/?area=privacy`, `/index.php?view=terms`, `/#faq`) reduces to the site root; such a pattern would
 * claim the home page, so it is dropped.
 */
function patternFor(url: string): UrlPattern | null {
  const p = normalizeUrl(url);
  if (!p || RESERVED_HOST.test(p.host)) return null;
  if (p.path === '' && /[?#]./.test(url.replace(/^[a-z]+:\/\/[^/?#]*/i, ''))) return null;
  return p;
}

/** Tie-breaker when two platforms declare the same URL: the owner of the host wins. */
function documentPriority(doc: KbDocument, platform: Platform | undefined): number {
  if (!platform) return 0;
  const owns = doc.urls.some((u) => {
    const h = hostOf(u);
    return h !== null && (platform.domains.includes(registrableDomain(h)) || platform.domains.includes(h.replace(/^www\./, '')));
  });
  return (owns ? 4 : 0) + (doc.latest ? 2 : 0) + (platform.tosdrSlug ? 1 : 0);
}

function dedupePatterns<T extends { host: string; path: string }>(patterns: T[]): T[] {
  const seen = new Set<string>();
  return patterns
    .filter((p) => {
      const k = `${p.host}${p.path}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => cmp(a.host, b.host) || cmp(a.path, b.path));
}

/** Date (ISO, UTC "Z") of the newest version of each OTA document. */
export function latestVersionDates(indexes: Map<string, IndexRow[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [collection, rows] of indexes) {
    for (const r of rows) {
      const key = otaKey(collection, r.service, r.termsType);
      const date = isoUtc(r.date);
      const prev = out.get(key);
      if (!prev || date > prev) out.set(key, date);
    }
  }
  return out;
}

export function isoUtc(date: string): string {
  const t = Date.parse(date);
  return Number.isNaN(t) ? date : new Date(t).toISOString().replace('.000Z', 'Z');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
