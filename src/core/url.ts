// Recognise a known policy page from its URL. Pure: no URL-bar or browser APIs beyond the
// standard URL parser, so the build, the CLI and the content script share it.
//
// The same document is published under many spellings (scheme, www/m./locale hosts, locale
// path segments, trailing slashes, tracking queries, printable views), so both the declared URLs
// and the visited URL are reduced to one canonical {host, path} before comparing.

import type { UrlPattern } from '../kb/schema';

/** ISO 639-1 codes: a path segment made of one of these (optionally with a region) is a locale. */
const LANGS = () => (langs ??= new Set(
  ('aa ab af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu')
    .split(' '),
));
/** (Built on first use: the sentinel on every page rarely needs it.) */
let langs: Set<string> | undefined;

/** Host labels that only select a device or language variant of the same site. */
const VARIANT_LABELS = new Set(['www', 'www2', 'www3', 'm', 'mobile', 'mbasic', 'touch', 'web']);

/** Trailing path segments that are another rendering of the same page. */
const VIEW_SEGMENTS = new Set(['printable', 'print', 'index.html', 'index.htm', 'index.php', 'index']);

function isLocale(segment: string): boolean {
  const m = /^([a-z]{2})(?:[-_]([a-z]{2}|[a-z]{4}|\d{3}|latn|hans|hant))?$/.exec(segment);
  return m !== null && LANGS().has(m[1] as string);
}

/** Host without variant labels (www., m., fr-fr.), lower-case, no port, no trailing dot. */
export function normalizeHost(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  // Keep at least two labels so "m.co" or "en.gb" never collapse to a bare suffix.
  while (labels.length > 2) {
    const first = labels[0] as string;
    if (VARIANT_LABELS.has(first) || (first.includes('-') && isLocale(first))) labels.shift();
    else break;
  }
  return labels.join('.');
}

function normalizePath(pathname: string): string {
  // Kept percent-encoded (as the URL parser gives it) so a pattern re-parses to itself.
  const segments = pathname
    .toLowerCase()
    .split('/')
    .filter((s) => s !== '' && !isLocale(s) && s !== 'intl');
  while (segments.length > 0 && VIEW_SEGMENTS.has(segments[segments.length - 1] as string)) segments.pop();
  return segments.length === 0 ? '' : `/${segments.join('/')}`;
}

/** Canonical {host, path} of an http(s) URL, or null when it is not a web page URL. */
export function normalizeUrl(url: string): UrlPattern | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname) return null;
  return { host: normalizeHost(parsed.hostname), path: normalizePath(parsed.pathname) };
}

export interface IndexedPattern {
  documentId: string;
  path: string;
  /** Higher wins among equal matches: e.g. the platform owns the host. */
  priority: number;
}

/** Host → patterns on that host, longest path first. */
export type UrlIndex = ReadonlyMap<string, readonly IndexedPattern[]>;

export interface IndexableDocument {
  id: string;
  patterns: readonly UrlPattern[];
  /** Optional tie-breaker (see IndexedPattern.priority). */
  priority?: number;
}

export function buildUrlIndex(documents: Iterable<IndexableDocument>): UrlIndex {
  const index = new Map<string, IndexedPattern[]>();
  for (const doc of documents) {
    for (const p of doc.patterns) {
      let list = index.get(p.host);
      if (!list) index.set(p.host, (list = []));
      if (!list.some((e) => e.documentId === doc.id && e.path === p.path)) {
        list.push({ documentId: doc.id, path: p.path, priority: doc.priority ?? 0 });
      }
    }
  }
  for (const list of index.values()) {
    list.sort((a, b) => b.path.length - a.path.length || b.priority - a.priority || cmp(a.documentId, b.documentId));
  }
  return index;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface DocumentMatch {
  documentId: string;
  pattern: UrlPattern;
  /** `exact`: same normalised path; `prefix`: the visited page is below the pattern's path. */
  kind: 'exact' | 'prefix';
}

const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'ne', 'or', 'go', 'gob', 'nic']);

/** Parent hosts from most to least specific, never down to a bare public suffix like "co.uk". */
export function hostChain(host: string): string[] {
  const labels = host.split('.');
  const chain: string[] = [];
  for (let i = 0; labels.length - i >= 2; i++) {
    const rest = labels.length - i;
    if (rest === 2 && SECOND_LEVEL.has(labels[i] as string) && (labels[i + 1] as string).length === 2) break;
    chain.push(labels.slice(i).join('.'));
  }
  return chain;
}

/**
 * The known document a URL shows, or null. Exact path beats a longer host match beats prefix;
 * among prefixes the longest pattern wins. A pattern with the root path "" only matches the root
 * itself, so a site's home page is never mistaken for its privacy policy and vice versa.
 */
export function matchDocument(url: string, index: UrlIndex): DocumentMatch | null {
  const target = normalizeUrl(url);
  if (!target) return null;
  let best: DocumentMatch | null = null;
  let bestScore = -1;
  for (const [depth, host] of hostChain(target.host).entries()) {
    const list = index.get(host);
    if (!list) continue;
    for (const p of list) {
      let kind: DocumentMatch['kind'] | null = null;
      if (p.path === target.path) kind = 'exact';
      else if (p.path !== '' && target.path.startsWith(`${p.path}/`)) kind = 'prefix';
      if (!kind) continue;
      // Exactness first, then the most specific host, then the longest path, then priority.
      const score = (kind === 'exact' ? 1e9 : 0) + (100 - depth) * 1e6 + p.path.length * 100 + Math.min(p.priority, 99);
      if (score > bestScore) {
        bestScore = score;
        best = { documentId: p.documentId, pattern: { host, path: p.path }, kind };
      }
    }
  }
  return best;
}
