// Other platforms' clauses for the clause panel (core/compare-examples.ts), on the real shipped
// knowledge base: which examples, in which order, and their quotes as display text.
import { describe, expect, it } from 'vitest';
import { cleanQuote, excerpt, orderEntries, othersFor, pickExamples, prominence } from '../../../src/core/compare-examples';
import { SEVERITY_RANK, type Severity } from '../../../src/core/types';
import { severityDistribution } from '../../../src/core/compare-rarity';
import { clauseCounts, kb, statOf } from '../../fixtures/kb';

const ota = new Set(kb.platforms.filter((p) => p.otaServices.length > 0).map((p) => p.id));
const rank = (id: string) => prominence(clauseCounts.get(id) ?? 0, ota.has(id));
const stat = statOf;

describe('othersFor', () => {
  it('lists other platforms, good practice first, then most severe', () => {
    const rows = othersFor('arbitration', 'facebook', kb);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((r) => r.platformId === 'facebook')).toBe(false);
    const order = rows.map((r) => (r.severity === 'good' ? -1 : SEVERITY_RANK[r.severity]));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(rows[0]!.severity).toBe('good');
    expect(rows[0]!.platformName).not.toBe(rows[0]!.platformId === '' ? '' : undefined);
    expect(rows.every((r) => typeof r.quote === 'string' && r.quote.length > 0)).toBe(true);
  });

  it('honours the limit and unknown categories', () => {
    expect(othersFor('class-action-waiver', null, kb, 3)).toHaveLength(3);
    expect(othersFor('no-such-category', null, kb)).toEqual([]);
  });
});

describe('examples for the clause panel', () => {
  it('shows best practice first, then the most severe, each from the best-known platforms', () => {
    const s = stat('data-collection');
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
