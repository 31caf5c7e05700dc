import { describe, expect, it } from 'vitest';
import { CATEGORY_BY_ID } from '../../../../src/core/taxonomy';
import { SEVERITIES } from '../../../../src/core/types';
import { normalizeUrl } from '../../../../src/core/url';
import { KB_SCHEMA_VERSION } from '../../../../src/kb/schema';
import { kbContentHash } from '../../../../scripts/kb/canonical';
import { kb } from '../../../fixtures/kb';

const unique = (xs: string[]) => new Set(xs).size === xs.length;

describe('knowledge base integrity', () => {
  it('has the current schema and a content hash that matches its content', () => {
    expect(kb.schemaVersion).toBe(KB_SCHEMA_VERSION);
    expect(kb.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(kbContentHash(kb as unknown as Record<string, unknown>)).toBe(kb.contentHash);
  });

  it('detects a tampered record through the hash', () => {
    const copy = structuredClone(kb);
    (copy.clauses[0] as { severity: string }).severity = copy.clauses[0]!.severity === 'high' ? 'low' : 'high';
    expect(kbContentHash(copy as unknown as Record<string, unknown>)).not.toBe(kb.contentHash);
  });

  it('has unique ids', () => {
    expect(unique(kb.platforms.map((p) => p.id))).toBe(true);
    expect(unique(kb.documents.map((d) => d.id))).toBe(true);
    expect(unique(kb.clauses.map((c) => c.id))).toBe(true);
    expect(unique(kb.categoryStats.map((s) => s.category))).toBe(true);
  });

  it('references only existing platforms, documents and clauses', () => {
    const platforms = new Set(kb.platforms.map((p) => p.id));
    const documents = new Set(kb.documents.map((d) => d.id));
    const clauses = new Map(kb.clauses.map((c) => [c.id, c]));
    for (const d of kb.documents) expect(platforms.has(d.platformId), d.id).toBe(true);
    for (const c of kb.clauses) {
      expect(platforms.has(c.platformId), c.id).toBe(true);
      if (c.documentId) expect(documents.has(c.documentId), c.id).toBe(true);
    }
    for (const h of kb.history) expect(documents.has(h.documentId), h.documentId).toBe(true);
    for (const s of kb.categoryStats)
      for (const e of s.entries) {
        const c = clauses.get(e.clauseId);
        expect(c?.platformId, e.clauseId).toBe(e.platformId);
        expect(c?.category).toBe(s.category);
      }
  });

  it('uses valid enums: categories from the taxonomy, known severities and statuses', () => {
    for (const c of kb.clauses) {
      expect(CATEGORY_BY_ID.has(c.category), c.category).toBe(true);
      expect(SEVERITIES).toContain(c.severity);
      expect(['found', 'stale', 'unchecked']).toContain(c.anchor.status);
      expect(['blocker', 'bad', 'neutral', 'good']).toContain(c.classification);
      expect(c.quote).not.toMatch(/<\/?[a-z]+[^>]*>|&[a-z]+;/i);
    }
    for (const s of kb.categoryStats) {
      expect(CATEGORY_BY_ID.has(s.category)).toBe(true);
      expect(s.platformsWith).toBeLessThanOrEqual(s.platformsReviewed);
      expect(s.platformsReviewed).toBeLessThanOrEqual(s.platformsTotal);
      expect(s.entries.length).toBe(s.platformsReviewed);
      for (const e of s.entries) expect(SEVERITIES).toContain(e.severity);
    }
  });

  it('has URL patterns that are their own normal form', () => {
    for (const d of kb.documents) {
      for (const p of d.patterns) {
        const again = normalizeUrl(`https://${p.host}${p.path}`);
        expect(again, `${d.id} ${p.host}${p.path}`).toEqual(p);
      }
      for (const u of d.urls) expect(normalizeUrl(u), u).not.toBeNull();
    }
  });

  it('keeps history dated and in order, without engine artefacts', () => {
    for (const h of kb.history) {
      const dates = h.changes.map((c) => c.date);
      expect(dates.every((d) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(d))).toBe(true);
      expect([...dates].sort()).toEqual(dates);
    }
  });

  it('credits its sources with licences and pinned commits', () => {
    const ids = kb.sources.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['tosdr', 'ota', 'claudette']));
    expect(kb.sources.find((s) => s.id === 'tosdr')?.licence).toBe('CC BY-SA 3.0');
    expect(kb.sources.find((s) => s.id === 'ota')?.detail).toMatch(/pga: 577430aa7c115d45fd805c9c06f9fc67c1fda441/);
  });

  it('stays within the size budget', () => {
    expect(JSON.stringify(kb).length).toBeLessThan(12 * 1024 * 1024);
  });
});
