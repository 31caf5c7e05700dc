// The background's comparison messages (compare-service.ts through the route table) against
// fake-indexeddb with the real shipped knowledge base installed.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { severityDistribution } from '../../../src/core/compare-rarity';
import { orderEntries, prominence } from '../../../src/core/compare-examples';
import { SEVERITY_RANK, type Severity } from '../../../src/core/types';
import { getKbStatus, openClausemarkDb, setKbStatus } from '../../../src/storage/db';
import { KbService } from '../../../src/background/kb-service';
import { handle, InvalidMessage, SenderRejected, validateRequest, type HandlerDeps, type Sender } from '../../../src/background/routes';
import { clauseCounts, clausesOf, kb, statOf } from '../../fixtures/kb';

const counts = clauseCounts;
const stat = statOf;
const ota = new Set(kb.platforms.filter((p) => p.otaServices.length > 0).map((p) => p.id));
const rank = (id: string) => prominence(clauseCounts.get(id) ?? 0, ota.has(id));

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
