// One platform per real-world service, merged from ToS;DR reviews, ToS;DR declarations and the
// OTA collections. Merging uses the service name and the domains a service owns (ToS;DR's domain
// list, or a declared URL's domain whose name equals the service name); a policy hosted on
// someone else's domain (Llama API's privacy policy on facebook.com) never merges two services.
import type { Platform } from '../../src/kb/schema';
import { hostOf, nameKey, nameKeyWithoutTld, registrableDomain, slugify } from './domains';
import type { DeclaredUrl, OtaText, TosdrService } from './sources';

/** A service as named by one source. */
export interface SourceService {
  /** "tosdr-api", "tosdr" or an OTA collection folder. */
  source: string;
  name: string;
  tosdr?: TosdrService;
  ownedDomains: string[];
  urlDomains: string[];
}

const SOURCE_RANK: Record<string, number> = { 'tosdr-api': 0, 'ota-pga': 1, 'ota-genai-eu': 2, 'ota-vlopses-us': 3, 'ota-contrib': 4, tosdr: 5, 'ota-france': 6, 'ota-dating': 7 };
const rank = (s: SourceService) => SOURCE_RANK[s.source] ?? 9;

export interface PlatformSet {
  platforms: Platform[];
  /** `${source}\u0000${serviceName}` → platform id. */
  bySourceService: Map<string, string>;
  byTosdrSlug: Map<string, string>;
}

export const serviceKey = (source: string, name: string) => `${source}\u0000${name}`;

export function collectSourceServices(tosdr: TosdrService[], declared: DeclaredUrl[], texts: OtaText[]): SourceService[] {
  const map = new Map<string, SourceService>();
  const get = (source: string, name: string) => {
    const key = serviceKey(source, name);
    let s = map.get(key);
    if (!s) map.set(key, (s = { source, name, ownedDomains: [], urlDomains: [] }));
    return s;
  };
  for (const t of tosdr) {
    const s = get('tosdr-api', t.slug);
    s.name = t.name;
    s.tosdr = t;
    // Raw domains only: drive.google.com must not claim google.com.
    s.ownedDomains.push(...t.domains);
  }
  for (const d of declared) {
    const host = hostOf(d.url);
    if (!host) continue;
    const s = get(d.collection, d.service);
    const domain = registrableDomain(host);
    s.urlDomains.push(domain);
    const label = domain.split('.')[0] ?? '';
    const keys = [nameKey(d.service), nameKeyWithoutTld(d.service)];
    if (label.length >= 3 && keys.includes(nameKey(label))) s.ownedDomains.push(domain);
  }
  for (const t of texts) get(t.collection, t.service);
  for (const s of map.values()) {
    s.ownedDomains = [...new Set(s.ownedDomains)].sort();
    s.urlDomains = [...new Set(s.urlDomains)].sort();
  }
  // tosdr-api entries are keyed by slug; keep the sort stable on (rank, name).
  return [...map.values()].sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function mergePlatforms(services: SourceService[]): PlatformSet {
  const parent = services.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const rootSlug = new Map<number, string>();
  services.forEach((s, i) => s.tosdr && rootSlug.set(i, s.tosdr.slug));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const sa = rootSlug.get(ra);
    const sb = rootSlug.get(rb);
    // Two different ToS;DR reviews stay two platforms even when a name or domain collides.
    if (sa && sb && sa !== sb) return;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    const slug = sa ?? sb;
    if (slug) rootSlug.set(keep, slug);
  };
  const firstByKey = new Map<string, number>();
  const link = (key: string, i: number) => {
    const j = firstByKey.get(key);
    if (j === undefined) firstByKey.set(key, i);
    else union(j, i);
  };
  services.forEach((s, i) => {
    const keys = new Set([nameKey(s.name), nameKeyWithoutTld(s.name) ?? '', s.tosdr ? nameKey(s.tosdr.slug) : '']);
    for (const k of keys) if (k.length >= 2) link(`n:${k}`, i);
    for (const d of s.ownedDomains) link(`d:${d}`, i);
  });

  const groups = new Map<number, SourceService[]>();
  services.forEach((s, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(s);
    else groups.set(r, [s]);
  });

  const owned = new Set<string>();
  for (const s of services) for (const d of s.ownedDomains) owned.add(d);

  const used = new Set<string>();
  const platforms: Platform[] = [];
  const bySourceService = new Map<string, string>();
  const byTosdrSlug = new Map<string, string>();
  const ordered = [...groups.values()].map((g) => g.sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : 1)));
  ordered.sort((a, b) => (platformName(a) < platformName(b) ? -1 : platformName(a) > platformName(b) ? 1 : 0));
  for (const group of ordered) {
    const tosdr = group.find((s) => s.tosdr)?.tosdr;
    const name = platformName(group);
    let id = tosdr ? slugify(tosdr.slug) : slugify(name);
    for (let n = 2; used.has(id); n++) id = `${tosdr ? slugify(tosdr.slug) : slugify(name)}-${n}`;
    used.add(id);
    const ownedHere = [...new Set(group.flatMap((s) => s.ownedDomains))];
    const domains = ownedHere.length > 0 ? ownedHere : [...new Set(group.flatMap((s) => s.urlDomains))].filter((d) => !owned.has(d));
    const otaServices = [
      ...new Set(group.filter((s) => s.source.startsWith('ota-')).map((s) => `${s.source.slice(4)}:${s.name}`)),
    ].sort();
    const p: Platform = { id, name, domains: [...new Set(domains)].sort(), otaServices };
    if (tosdr) {
      p.tosdrSlug = tosdr.slug;
      if (tosdr.grade) p.tosdrGrade = tosdr.grade;
      byTosdrSlug.set(tosdr.slug, id);
    }
    platforms.push(p);
    for (const s of group) bySourceService.set(serviceKey(s.source === 'tosdr-api' ? 'tosdr-api' : s.source, s.source === 'tosdr-api' ? s.tosdr?.slug ?? s.name : s.name), id);
  }
  platforms.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { platforms, bySourceService, byTosdrSlug };
}

function platformName(group: SourceService[]): string {
  return (group[0] as SourceService).name;
}
