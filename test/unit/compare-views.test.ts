// Cross-platform comparison computations (src/core/compare.ts, src/core/platform-search.ts) on
// the real shipped knowledge base, and the background's comparison messages against
// fake-indexeddb with that knowledge base installed.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignPair } from '../../src/core/compare-pair';
import { categoryRow, pageCategories, sortRows } from '../../src/core/compare-rows';
import { cleanQuote, excerpt, orderEntries, pickExamples, prominence } from '../../src/core/compare-examples';
import { gradeFor, MIN_CLAUSES_FOR_GRADE } from '../../src/core/compare-grade';
import { rarity, severityDistribution, worstSeverity } from '../../src/core/compare-rarity';
import { buildPlatformSearchIndex, isHostname, searchPlatforms } from '../../src/core/platform-search';
import { SEVERITY_RANK, type Severity } from '../../src/core/types';
import type { KnownClause } from '../../src/kb/schema';
import { getKbStatus, openClausemarkDb, setKbStatus } from '../../src/storage/db';
import { KbService } from '../../src/background/kb-service';
import { handle, SenderRejected, type HandlerDeps, type Sender } from '../../src/background/routes';
import { InvalidMessage, validateRequest } from '../../src/background/routes';
import { kb } from './kb-helpers';

const clausesOf = new Map<string, KnownClause[]>();
for (const c of kb.clauses) {
  const list = clausesOf.get(c.platformId) ?? [];
  list.push(c);
  clausesOf.set(c.platformId, list);
}
const counts = new Map([...clausesOf].map(([id, l]) => [id, l.length]));
const ota = new Set(kb.platforms.filter((p) => p.otaServices.length > 0).map((p) => p.id));
const rank = (id: string) => prominence(counts.get(id) ?? 0, ota.has(id));
const stat = (category: string) => kb.categoryStats.find((s) => s.category === category)!;

describe('severity distribution and rarity', () => {
  it('counts one entry per reviewed platform, consistent with rarity()', () => {
    for (const s of kb.categoryStats) {
      const d = severityDistribution(s);
      const r = rarity(s);
      expect(d.high + d.medium + d.low + d.good, s.category).toBe(r.n);
      expect(d.high + d.medium + d.low, s.category).toBe(r.k);
    }
    // Tracking is reviewed for many platforms and mostly not good practice.
    const t = severityDistribution(stat('tracking'));
    expect(t.high + t.medium + t.low).toBeGreaterThan(t.good);
  });

  it('worstSeverity picks the most severe, good only alone', () => {
    expect(worstSeverity(['good', 'low', 'medium'])).toBe('medium');
    expect(worstSeverity(['good'])).toBe('good');
    expect(worstSeverity([])).toBeUndefined();
  });
});

describe('examples for the clause panel', () => {
  it('shows best practice first, then the most severe, each from the best-known platforms', () => {
    const s = stat('data-sharing');
    const picked = pickExamples(s.entries, 'google', rank, 6);
    expect(picked).toHaveLength(6);
    expect(picked.some((e) => e.platformId === 'google')).toBe(false);
    const goods = picked.filter((e) => e.severity === 'good');
    const rest = picked.filter((e) => e.severity !== 'good');
    expect(goods.length).toBe(3);
    expect(picked.slice(0, goods.length).every((e) => e.severity === 'good')).toBe(true);
    // The good examples are the three most prominent good ones.
    const allGood = s.entries.filter((e) => e.severity === 'good' && e.platformId !== 'google').map((e) => rank(e.platformId)).sort((a, b) => b - a);
    expect(goods.map((e) => rank(e.platformId))).toEqual(allGood.slice(0, 3));
    // The rest: most severe available first.
    expect(rest[0]!.severity).toBe('high');
    expect(rest.map((e) => SEVERITY_RANK[e.severity])).toEqual([...rest.map((e) => SEVERITY_RANK[e.severity])].sort((a, b) => a - b));
    // Among the high ones shown, none is less prominent than a high one left out.
    const shownHigh = rest.filter((e) => e.severity === 'high').map((e) => rank(e.platformId));
    const leftHigh = s.entries.filter((e) => e.severity === 'high' && e.platformId !== 'google' && !picked.includes(e)).map((e) => rank(e.platformId));
    expect(Math.min(...shownHigh)).toBeGreaterThanOrEqual(Math.max(...leftHigh));
  });

  it('fills from the other side when one side is short', () => {
    // indemnification: no platform has a good clause of it.
    const s = stat('indemnification');
    expect(s.entries.some((e) => e.severity === 'good')).toBe(false);
    const picked = pickExamples(s.entries, null, rank, 5);
    expect(picked).toHaveLength(5);
    expect(picked[0]!.severity).toBe('high');
    // user-rights: nearly all good.
    const u = pickExamples(stat('user-rights').entries, null, rank, 6);
    expect(u).toHaveLength(6);
    expect(u.filter((e) => e.severity !== 'good').length).toBe(2);
  });

  it('orders the full list by severity then prominence, and filters by severity', () => {
    const all = orderEntries(stat('tracking').entries, 'facebook', rank);
    expect(all.length).toBe(stat('tracking').entries.length - 1);
    const key = (e: { severity: Severity; platformId: string }) => [e.severity === 'good' ? -1 : SEVERITY_RANK[e.severity], -rank(e.platformId)];
    for (let i = 1; i < all.length; i++) {
      const [s0, r0] = key(all[i - 1]!);
      const [s1, r1] = key(all[i]!);
      expect(s0! < s1! || (s0 === s1 && r0! <= r1!)).toBe(true);
    }
    const high = orderEntries(stat('tracking').entries, null, rank, 'high');
    expect(high.length).toBe(severityDistribution(stat('tracking')).high);
  });
});

describe('quotes at display', () => {
  it('strips the HTML remnants real ToS;DR quotes carry', () => {
    const dirty = kb.clauses.filter((c) => /[<>]|&[a-z#][a-z0-9]*[;.]/i.test(c.quote));
    expect(dirty.length).toBeGreaterThanOrEqual(5);
    for (const c of dirty) {
      const clean = cleanQuote(c.quote);
      expect(clean, c.id).not.toMatch(/[<>]|&(?:gt|lt|amp|nbsp)[;.]/i);
      expect(clean.length, c.id).toBeGreaterThan(c.quote.length * 0.5);
    }
    expect(cleanQuote('Change of Control</strong&gt. – We may also share')).toBe('Change of Control – We may also share');
    expect(cleanQuote('only session cookies are used.</')).toBe('only session cookies are used.');
    expect(cleanQuote('a <b>bold</b>&nbsp;claim')).toBe('a bold claim');
    expect(cleanQuote('Signal Terms &amp. Privacy Policy')).toBe('Signal Terms & Privacy Policy');
    expect(cleanQuote('Public Disclosure &nbsp. As a rule')).toBe('Public Disclosure As a rule');
    expect(cleanQuote('revised Privacy Policy.</p')).toBe('revised Privacy Policy.');
    expect(cleanQuote('p>You are solely responsible')).toBe('You are solely responsible');
  });

  it('shortens at a word boundary', () => {
    const q = 'We may share your information with our partners and affiliates for advertising purposes';
    const e = excerpt(q, 40);
    expect(e.length).toBeLessThanOrEqual(40);
    expect(e.endsWith('…')).toBe(true);
    expect(q.startsWith(e.slice(0, -1))).toBe(true);
    expect(excerpt('short', 40)).toBe('short');
  });
});

describe('Compare view rows for a page', () => {
  const page = clausesOf.get('google')!.map((c) => ({ category: c.category, severity: c.severity }));

  it('one row per category with its most severe clause and the distribution across platforms', () => {
    const inputs = pageCategories(page);
    expect(inputs.length).toBe(new Set(page.map((c) => c.category)).size);
    for (const i of inputs) {
      const mine = page.filter((c) => c.category === i.category);
      expect(i.count).toBe(mine.length);
      expect(i.severity).toBe(worstSeverity(mine.map((c) => c.severity)));
      const row = categoryRow(i, stat(i.category));
      const total = row.distribution.high + row.distribution.medium + row.distribution.low + row.distribution.good;
      expect(total).toBe(row.rarity.n);
      expect(row.worseThan + row.betterThan + row.distribution[row.severity]).toBe(total);
      // The popup passes the distribution the background counted: same row.
      const s = stat(i.category);
      expect(categoryRow(i, { platformsWith: s.platformsWith, platformsReviewed: s.platformsReviewed, distribution: severityDistribution(s) })).toEqual(row);
    }
  });

  it('sorts by this page’s severity or by rarity', () => {
    const rows = pageCategories(page).map((i) => categoryRow(i, stat(i.category)));
    const bySev = sortRows(rows, 'severity');
    expect(bySev.map((r) => SEVERITY_RANK[r.severity])).toEqual([...rows.map((r) => SEVERITY_RANK[r.severity])].sort((a, b) => a - b));
    const byRar = sortRows(rows, 'rarity');
    const shares = byRar.map((r) => r.rarity.share);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(byRar[0]!.rarity.label).not.toBe('widespread');
    // A category nobody reviewed has no distribution and sorts last by rarity.
    const odd = categoryRow({ category: 'ai-training', severity: 'high', count: 1 }, stat('ai-training'));
    expect(odd.rarity.n).toBe(0);
    expect(sortRows([odd, ...rows], 'rarity').at(-1)).toBe(odd);
  });
});

describe('side by side', () => {
  it('aligns two real platforms by category and marks the differences', () => {
    const a = clausesOf.get('google')!;
    const b = clausesOf.get('facebook')!;
    const rows = alignPair(a, b, kb.categoryStats.map((s) => s.category));
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set([...a, ...b].map((c) => c.category)));
    for (const r of rows) {
      const sa = worstSeverity(a.filter((c) => c.category === r.category).map((c) => c.severity));
      const sb = worstSeverity(b.filter((c) => c.category === r.category).map((c) => c.severity));
      expect(r.a?.severity).toBe(sa);
      expect(r.b?.severity).toBe(sb);
      const expected = !sa ? 'only-b' : !sb ? 'only-a' : sa === sb ? 'same' : SEVERITY_RANK[sa] < SEVERITY_RANK[sb] ? 'a-worse' : 'b-worse';
      expect(r.difference, r.category).toBe(expected);
    }
    expect(rows.some((r) => r.difference !== 'same')).toBe(true);
    expect(alignPair(a, a).every((r) => r.difference === 'same')).toBe(true);
  });
});

describe('grade-like summary', () => {
  it('gives no grade without enough reviewed clauses', () => {
    expect(gradeFor([]).grade).toBeNull();
    expect(gradeFor(Array.from({ length: MIN_CLAUSES_FOR_GRADE - 1 }, () => ({ severity: 'good' as const }))).grade).toBeNull();
    const noClauses = kb.platforms.find((p) => !clausesOf.has(p.id))!;
    expect(gradeFor(clausesOf.get(noClauses.id) ?? []).grade).toBeNull();
  });

  it('follows the published rule and mostly agrees with ToS;DR’s own grades', () => {
    expect(gradeFor([{ severity: 'good' }, { severity: 'good' }, { severity: 'low' }]).grade).toBe('A');
    expect(gradeFor([{ severity: 'high' }, { severity: 'good' }, { severity: 'good' }, { severity: 'good' }]).grade).toBe('B'); // 0
    expect(gradeFor([{ severity: 'high' }, { severity: 'low' }, { severity: 'low' }]).grade).toBe('E'); // -1
    let graded = 0;
    let withinOne = 0;
    for (const p of kb.platforms) {
      const g = gradeFor(clausesOf.get(p.id) ?? []);
      if (!p.tosdrGrade || !g.grade) continue;
      graded++;
      if (Math.abs(g.grade.charCodeAt(0) - p.tosdrGrade.charCodeAt(0)) <= 1) withinOne++;
    }
    expect(graded).toBeGreaterThan(40);
    expect(withinOne / graded).toBeGreaterThan(0.8);
    expect(gradeFor(clausesOf.get('mewe')!).grade).toBe('B'); // ToS;DR: B
    expect(['D', 'E']).toContain(gradeFor(clausesOf.get('facebook')!).grade);
  });
});

describe('platform search', () => {
  const index = buildPlatformSearchIndex(kb.platforms, counts);

  it('finds platforms by name or domain prefix, best reviewed first', () => {
    expect(searchPlatforms(index, 'goo')[0]).toMatchObject({ id: 'google', domain: 'google.com' });
    expect(searchPlatforms(index, 'FACEBOOK.COM')[0]?.id).toBe('facebook');
    expect(searchPlatforms(index, 'instag')[0]?.id).toBe('instagram');
    const amazon = searchPlatforms(index, 'amazon', 5);
    expect(amazon.map((h) => h.id)).toContain('amazonprimevideo');
    const face = searchPlatforms(index, 'face', 8).filter((h) => h.id !== 'facebook');
    expect(face.map((h) => h.reviewedClauses)).toEqual([...face.map((h) => h.reviewedClauses)].sort((a, b) => b - a));
    const top = searchPlatforms(index, '', 3);
    expect(top[0]!.reviewedClauses).toBe(Math.max(...counts.values()));
    expect(searchPlatforms(index, 'zzzzqqq')).toEqual([]);
  });

  it('skips malformed domains in the source data', () => {
    expect(isHostname('google.com')).toBe(true);
    expect(isHostname('https://play.google.com/store')).toBe(false);
    expect(isHostname('youtubekids.com/\\7')).toBe(false);
    for (const h of searchPlatforms(index, 'you', 20)) if (h.domain) expect(isHostname(h.domain)).toBe(true);
  });
});

describe('background comparison messages (fake-indexeddb, real knowledge base)', () => {
  const EXT = 'abcdefghijklmnopabcdefghijklmnop';
  const ORIGIN = `chrome-extension://${EXT}/`;
  const popup: Sender = { id: EXT, url: `${ORIGIN}src/popup/index.html` };
  const content: Sender = { id: EXT, url: 'https://policies.google.com/privacy', tab: { id: 3 }, frameId: 0 };
  let deps: HandlerDeps;

  beforeAll(async () => {
    const db = openClausemarkDb('compare-views');
    const service = new KbService({ db: () => db, loadBundled: async () => kb });
    deps = {
      extensionId: EXT,
      extensionOrigin: ORIGIN,
      db: () => db,
      kb: service,
      tabVisits: { get: async () => undefined, set: async () => undefined },
      revealInTab: async () => true,
    };
    await service.ensure();
  });

  it('compare/stats gives each category’s distribution', async () => {
    const { stats } = await handle('compare/stats', { categories: ['tracking', 'arbitration'] }, popup, deps);
    expect(stats.map((s) => s.category)).toEqual(['tracking', 'arbitration']);
    expect(stats[0]!.distribution).toEqual(severityDistribution(stat('tracking')));
    expect(stats[1]!.platformsWith).toBe(stat('arbitration').platformsWith);
  });

  it('compare/platforms pages through every other reviewed platform, with links to documents', async () => {
    const seen = new Set<string>();
    const totals = new Set<number>();
    for (let offset = 0; ; offset += 25) {
      const r = await handle('compare/platforms', { category: 'arbitration', platformId: 'google', offset, limit: 25 }, popup, deps);
      totals.add(r.total);
      for (const row of r.rows) {
        expect(seen.has(row.platform.id)).toBe(false);
        seen.add(row.platform.id);
        expect(row.clause.quote).not.toMatch(/<\/?[a-z]/i);
        expect(row.clause.quote.length).toBeLessThanOrEqual(220);
      }
      if (r.rows.length < 25) break;
    }
    const total = stat('arbitration').entries.filter((e) => e.platformId !== 'google').length;
    expect([...totals]).toEqual([total]);
    expect(seen.size).toBe(total);
    const first = await handle('compare/platforms', { category: 'arbitration', offset: 0, limit: 10 }, popup, deps);
    expect(first.rows.filter((r) => r.url).length).toBeGreaterThan(5);
    for (const r of first.rows) if (r.url) expect(r.url).toMatch(/^https?:\/\//);
    const high = await handle('compare/platforms', { category: 'arbitration', severity: 'high', offset: 0, limit: 50 }, popup, deps);
    expect(high.rows.every((r) => r.severity === 'high')).toBe(true);
    expect(high.total).toBe(severityDistribution(stat('arbitration')).high);
  });

  it('kb/compare (clause panel) favours well-known platforms and links their documents', async () => {
    const cmp = await handle('kb/compare', { category: 'data-sharing', platformId: 'google', limit: 6 }, content, deps);
    expect(cmp.others).toHaveLength(6);
    // Checked against the raw knowledge base, not against the code that picks them: six distinct
    // other platforms, each with a reviewed data-sharing clause, good practice first when any
    // platform has one, and better known than the typical platform reviewed for the topic.
    const ids = cmp.others.map((o) => o.platform.id);
    expect(new Set(ids).size).toBe(6);
    expect(ids).not.toContain('google');
    for (const o of cmp.others) expect(clausesOf.get(o.platform.id)?.some((c) => c.id === o.clause.id && c.category === 'data-sharing'), o.platform.id).toBe(true);
    const reviewedFor = [...clausesOf].filter(([id, l]) => id !== 'google' && l.some((c) => c.category === 'data-sharing')).map(([id]) => counts.get(id) ?? 0).sort((a, b) => a - b);
    const median = reviewedFor[Math.floor(reviewedFor.length / 2)] ?? 0;
    expect(cmp.others.every((o) => (counts.get(o.platform.id) ?? 0) >= median)).toBe(true);
    if ([...clausesOf.values()].some((l) => l.some((c) => c.category === 'data-sharing' && c.severity === 'good'))) expect(cmp.others[0]!.clause.severity).toBe('good');
    expect(cmp.others.filter((o) => o.url).length).toBeGreaterThanOrEqual(4);
  });

  it('platform/search finds by name and domain', async () => {
    const { hits } = await handle('platform/search', { query: 'faceb', limit: 5 }, popup, deps);
    expect(hits[0]).toMatchObject({ id: 'facebook', name: 'Facebook' });
    expect(hits[0]!.reviewedClauses).toBe(counts.get('facebook'));
  });

  it('platform/summary: grade from clauses, documents with their last change dates', async () => {
    const { summary } = await handle('platform/summary', { platformId: 'google' }, popup, deps);
    expect(summary?.platform.name).toBe('Google');
    // The published rule (GRADE_RULE), applied here by hand to Google's reviewed clauses.
    const points: Record<string, number> = { good: 1, low: 0, medium: -1, high: -3 };
    const mine = clausesOf.get('google')!;
    const score = mine.reduce((n, c) => n + (points[c.severity] ?? NaN), 0) / mine.length;
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(summary?.grade.score).toBeCloseTo(score, 10);
    expect(summary?.grade.grade).toBe(score >= 0.5 ? 'A' : score >= 0 ? 'B' : score >= -0.5 ? 'C' : score >= -0.85 ? 'D' : 'E');
    expect(summary?.grade.reviewed).toBe(mine.length);
    expect(summary?.clauses).toHaveLength(clausesOf.get('google')!.length);
    expect(summary?.clauses.map((c) => SEVERITY_RANK[c.severity])).toEqual([...summary!.clauses.map((c) => SEVERITY_RANK[c.severity])].sort((a, b) => a - b));
    const privacy = summary?.documents.find((d) => d.id === 'google/privacy-policy');
    expect(privacy?.latestDate).toBe(kb.documents.find((d) => d.id === 'google/privacy-policy')?.latest?.date);
    expect(summary?.documents.length).toBe(kb.documents.filter((d) => d.platformId === 'google').length);
    // Google's documents have a recorded change history in the knowledge base: it must show.
    const hist = kb.history.find((h) => summary?.documents.some((d) => d.id === h.documentId) && h.changes.length > 0);
    expect(hist).toBeDefined();
    const doc = summary!.documents.find((d) => d.id === hist!.documentId)!;
    expect(doc.lastChange).toBe(hist!.changes.map((c) => c.date).sort().at(-1));
    expect(doc.changes).toBe(hist!.changes.length);
    const unreviewed = kb.platforms.find((p) => !clausesOf.has(p.id))!;
    const s2 = (await handle('platform/summary', { platformId: unreviewed.id }, popup, deps)).summary;
    expect(s2?.grade.grade).toBeNull();
    expect(s2?.clauses).toEqual([]);
    expect((await handle('platform/summary', { platformId: 'no-such-platform' }, popup, deps)).summary).toBeNull();
  });

  it('compare/pair aligns two platforms and names a missing one', async () => {
    const pair = await handle('compare/pair', { a: 'google', b: 'facebook' }, popup, deps);
    expect(pair.a.name).toBe('Google');
    expect(pair.b.name).toBe('Facebook');
    // Each side's most severe clause per category, computed here from the raw clauses.
    const worst = (id: string) => {
      const m = new Map<string, Severity>();
      for (const c of clausesOf.get(id)!) if (!m.has(c.category) || SEVERITY_RANK[c.severity] < SEVERITY_RANK[m.get(c.category)!]) m.set(c.category, c.severity);
      return m;
    };
    const [ga, fb] = [worst('google'), worst('facebook')];
    expect(new Set(pair.rows.map((r) => r.category))).toEqual(new Set([...ga.keys(), ...fb.keys()]));
    expect(pair.rows.length).toBeGreaterThan(5);
    for (const r of pair.rows) {
      const a = ga.get(r.category);
      const b = fb.get(r.category);
      expect(r.a?.severity, r.category).toBe(a);
      expect(r.b?.severity, r.category).toBe(b);
      const want = !a ? 'only-b' : !b ? 'only-a' : a === b ? 'same' : SEVERITY_RANK[a] < SEVERITY_RANK[b] ? 'a-worse' : 'b-worse';
      expect(r.difference, r.category).toBe(want);
    }
    expect(pair.rows.some((r) => r.difference !== 'same')).toBe(true);
    await expect(handle('compare/pair', { a: 'google', b: 'nope' }, popup, deps)).rejects.toThrow(/no platform "nope"/);
  });

  it('keeps platform ranks per knowledge-base build in the meta store, for a woken worker', async () => {
    await handle('kb/compare', { category: 'tracking', limit: 3 }, content, deps);
    const db = await deps.db();
    const stored = (await db.get('meta', 'compare:ranks')) as { contentHash: string; clauseCounts: [string, number][]; otaTracked: string[] };
    expect(stored.contentHash).toBe(kb.contentHash);
    expect(new Map(stored.clauseCounts).get('google')).toBe(clausesOf.get('google')!.length);
    expect(stored.clauseCounts.reduce((n, [, c]) => n + c, 0)).toBe(kb.clauses.length);
    expect(new Set(stored.otaTracked)).toEqual(ota);
    // A fresh service (a worker woken from sleep) reads the stored ranks: a planted count shows.
    const goods = orderEntries(stat('data-sharing').entries, null, rank, 'good');
    const obscure = goods.at(-1)!.platformId;
    expect(goods[0]!.platformId).not.toBe(obscure);
    await db.put('meta', { ...stored, clauseCounts: [...stored.clauseCounts.filter(([id]) => id !== obscure), [obscure, 10_000]] }, 'compare:ranks');
    const woken: HandlerDeps = { ...deps };
    const first = await handle('compare/platforms', { category: 'data-sharing', offset: 0, limit: 1 }, popup, woken);
    expect(first.rows[0]?.platform.id).toBe(obscure);
    // Another build (content hash) makes them stale: recounted from the clauses.
    const status = await getKbStatus(db);
    await setKbStatus(db, { ...status, contentHash: 'f'.repeat(64) });
    const again = await handle('compare/platforms', { category: 'data-sharing', offset: 0, limit: 1 }, popup, { ...deps });
    expect(again.rows[0]?.platform.reviewedClauses).toBe(clausesOf.get(again.rows[0]!.platform.id)?.length);
    expect(((await db.get('meta', 'compare:ranks')) as { contentHash: string }).contentHash).toBe('f'.repeat(64));
    await setKbStatus(db, status);
  });

  it('accepts these messages only from extension pages, with checked payloads', async () => {
    await expect(handle('compare/pair', { a: 'google', b: 'facebook' }, content, deps)).rejects.toBeInstanceOf(SenderRejected);
    await expect(handle('platform/search', { query: 'g' }, content, deps)).rejects.toBeInstanceOf(SenderRejected);
    expect(() => validateRequest('compare/stats', { categories: ['made-up'] })).toThrow(InvalidMessage);
    expect(() => validateRequest('compare/platforms', { category: 'tracking', offset: 0, limit: 500 })).toThrow(/between 1 and 50/);
    expect(() => validateRequest('compare/platforms', { category: 'tracking', offset: -1, limit: 5 })).toThrow(InvalidMessage);
    expect(() => validateRequest('compare/platforms', { category: 'tracking', offset: 0, limit: 5, severity: 'awful' })).toThrow(InvalidMessage);
    expect(() => validateRequest('platform/search', { query: 'x'.repeat(500) })).toThrow(/too long/);
    expect(validateRequest('compare/platforms', { category: 'tracking', offset: 0, limit: 5, extra: 1 })).not.toHaveProperty('extra');
  });
});
