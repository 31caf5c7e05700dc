import { describe, expect, it } from 'vitest';
import { anchorQuote, passageSimilarity, MIN_SIMILARITY } from '../../../../src/core/anchor';
import { kb, otaText } from '../../../fixtures/kb';

const docs = new Map(kb.documents.map((d) => [d.id, d]));

describe('known clauses anchored in archived OTA texts', () => {
  const found = kb.clauses.filter((c) => c.anchor.status === 'found');

  it('found a meaningful share of the checkable quotes', () => {
    expect(found.length).toBeGreaterThan(300);
  });

  it('every found quote is at its offsets in the latest text of its document', () => {
    for (const c of found) {
      const doc = docs.get(c.documentId ?? '');
      expect(doc?.latest?.path, c.id).toBeTruthy();
      const text = otaText(doc!.latest!.path!);
      const { start, end } = c.anchor as { start: number; end: number };
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(text.length);
      expect(passageSimilarity(text.slice(start, end), c.quote), c.id).toBeGreaterThanOrEqual(MIN_SIMILARITY - 0.05);
      expect(anchorQuote(text, c.quote), c.id).toEqual({ start, end });
    }
  });

  it('records the hash of the text it anchored into', async () => {
    const { createHash } = await import('node:crypto');
    const withText = kb.documents.filter((d) => d.latest?.path).slice(0, 50);
    for (const d of withText) {
      expect(createHash('sha256').update(otaText(d.latest!.path!)).digest('hex'), d.id).toBe(d.latest!.sha256);
    }
  });

  it('never marks a quote stale without an archived text to check it against', () => {
    for (const c of kb.clauses.filter((x) => x.anchor.status === 'stale')) {
      const platformHasText = kb.documents.some((d) => d.platformId === c.platformId && d.latest);
      expect(platformHasText, c.id).toBe(true);
    }
  });
});
