// Find a platform by name or domain as the user types: prefix match on the words of the name and
// on each domain (with and without its public suffix), ranked by how many reviewed clauses the
// platform has, so well-reviewed platforms come first. Built once in memory from the platforms.

export interface SearchablePlatform {
  id: string;
  name: string;
  domains: readonly string[];
}

export interface PlatformHit {
  id: string;
  name: string;
  /** The domain that matched, or the platform's first domain. */
  domain?: string;
  reviewedClauses: number;
}

interface Entry {
  id: string;
  name: string;
  domains: readonly string[];
  reviewedClauses: number;
}

export interface PlatformSearchIndex {
  /** Sorted (key, entry index) pairs: binary search finds every key with a given prefix. */
  keys: string[];
  refs: number[];
  entries: Entry[];
}

/** Lower-case, accents removed, only letters and digits (and dots for domains). */
export function foldKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();
}

function keysOf(p: SearchablePlatform): Set<string> {
  const keys = new Set<string>();
  const name = foldKey(p.name);
  if (name) keys.add(name.replace(/ /g, ''));
  for (const w of name.split(' ')) if (w) keys.add(w);
  for (const d of p.domains) {
    const dom = d.toLowerCase();
    if (!isHostname(dom)) continue;
    keys.add(dom);
    // "mail.google.com" is also found from "google": index each label-suffix of the host.
    const labels = dom.split('.');
    for (let i = 1; i < labels.length - 1; i++) keys.add(labels.slice(i).join('.'));
  }
  return keys;
}

export function buildPlatformSearchIndex(platforms: readonly SearchablePlatform[], reviewedClauses: ReadonlyMap<string, number>): PlatformSearchIndex {
  const entries: Entry[] = platforms.map((p) => ({ id: p.id, name: p.name, domains: p.domains, reviewedClauses: reviewedClauses.get(p.id) ?? 0 }));
  const pairs: [string, number][] = [];
  entries.forEach((e, i) => {
    for (const k of keysOf(e)) pairs.push([k, i]);
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return { keys: pairs.map((p) => p[0]), refs: pairs.map((p) => p[1]), entries };
}

function lowerBound(keys: readonly string[], q: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((keys[mid] as string) < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Platforms whose name (a word of it, or the whole name without spaces) or a domain starts with
 * the query. Ranking: exact name or domain first, then reviewed clauses (more first), then
 * shorter name, then id. An empty query gives the most reviewed platforms.
 */
export function searchPlatforms(index: PlatformSearchIndex, query: string, limit = 8): PlatformHit[] {
  const q = foldKey(query).replace(/ /g, '');
  const matched = new Set<number>();
  if (!q) {
    index.entries.forEach((_, i) => matched.add(i));
  } else {
    for (let i = lowerBound(index.keys, q); i < index.keys.length && (index.keys[i] as string).startsWith(q); i++) matched.add(index.refs[i] as number);
  }
  const exact = (e: Entry) => (q && (foldKey(e.name).replace(/ /g, '') === q || e.domains.some((d) => d === q || d.startsWith(`${q}.`))) ? 0 : 1);
  return [...matched]
    .map((i) => index.entries[i] as Entry)
    .sort((x, y) => exact(x) - exact(y) || y.reviewedClauses - x.reviewedClauses || x.name.length - y.name.length || (x.id < y.id ? -1 : 1))
    .slice(0, limit)
    .map((e) => {
      const hit: PlatformHit = { id: e.id, name: e.name, reviewedClauses: e.reviewedClauses };
      const domain = displayDomain(e.domains, q);
      if (domain) hit.domain = domain;
      return hit;
    });
}

/** The domain to show beside a hit: one the query matched when it did, a .com one if there is. */
export function displayDomain(domains: readonly string[], q: string): string | undefined {
  const hosts = domains.filter(isHostname);
  const matching = q ? hosts.filter((d) => d.startsWith(q) || d.includes(`.${q}`)) : [];
  const pool = matching.length > 0 ? matching : hosts;
  const com = (d: string) => (d.endsWith('.com') ? 0 : 1);
  return [...pool].sort((a, b) => com(a) - com(b) || a.length - b.length || (a < b ? -1 : 1))[0];
}

/** Some source records hold a URL or a path where a domain belongs: those are not indexed. */
export function isHostname(d: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/.test(d);
}
