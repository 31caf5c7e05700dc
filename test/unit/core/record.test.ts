// The citation's record: its id depends only on the document and the clause text (so the panel,
// the report, another visit and another machine agree), and first seen / last verified are the
// earliest and latest of the user's readings that showed the clause.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RECORD_ID, recordDocument, recordId, seenRanges, withReading } from '../../../src/core/record';

const GOOGLE = { documentId: 'google-privacy-policy', url: 'https://policies.google.com/privacy?hl=en#infocollect' };
const TEXT = 'We may share non-personally identifiable information publicly and with our partners.';

describe('recordId', () => {
  it('is cm- and the first 16 hex digits of the SHA-256 of scheme, document and text (checked against node:crypto)', async () => {
    const want = createHash('sha256').update(`clausemark-record/1\ndoc:google-privacy-policy\n${TEXT}`, 'utf8').digest('hex').slice(0, 16);
    const id = await recordId(GOOGLE, TEXT);
    expect(id).toBe(`cm-${want}`);
    expect(id).toMatch(RECORD_ID);
  });

  it('is the same for the same document and clause text, whatever the address spelling or whitespace', async () => {
    const a = await recordId(GOOGLE, TEXT);
    expect(await recordId({ documentId: 'google-privacy-policy', url: 'https://www.google.com/intl/de/policies/privacy/' }, `  ${TEXT.replace(/ /g, '\n ')} `)).toBe(a);
    const page = { url: 'https://example.org/en/privacy?utm=x#top' };
    expect(await recordId(page, TEXT)).toBe(await recordId({ url: 'https://www.example.org/privacy/' }, TEXT));
  });

  it('differs for another document or another clause text', async () => {
    const a = await recordId(GOOGLE, TEXT);
    expect(await recordId({ ...GOOGLE, documentId: 'google-terms' }, TEXT)).not.toBe(a);
    expect(await recordId(GOOGLE, TEXT.replace('publicly', 'privately'))).not.toBe(a);
    expect(await recordId({ url: 'https://example.org/privacy' }, TEXT)).not.toBe(await recordId({ url: 'https://example.org/terms' }, TEXT));
  });

  it('names a known document by its id, an unknown one by host and path', () => {
    expect(recordDocument(GOOGLE)).toBe('doc:google-privacy-policy');
    expect(recordDocument({ url: 'https://m.example.org/fr/legal/privacy/index.html?x=1' })).toBe('url:example.org/legal/privacy');
  });
});

describe('seenRanges', () => {
  const readings = [
    { from: '2026-03-01T10:00:00.000Z', to: '2026-05-01T10:00:00.000Z', texts: ['A clause.', 'Gone later.'] },
    { from: '2026-06-01T09:00:00.000Z', to: '2026-06-01T09:00:00.000Z', texts: ['A  clause.', 'New one.'] },
    { from: '2026-01-15T08:00:00.000Z', to: '2026-02-01T08:00:00.000Z', texts: ['Other.'] },
    { from: 'not a date', to: '2020-01-01T00:00:00.000Z', texts: ['A clause.'] },
  ];

  it('gives the earliest and the latest reading that showed each text, null for a text never seen', () => {
    expect(seenRanges(readings, ['A clause.', 'Gone later.', 'New one.', 'Never.'])).toEqual([
      { firstSeen: '2026-03-01T10:00:00.000Z', lastVerified: '2026-06-01T09:00:00.000Z' },
      { firstSeen: '2026-03-01T10:00:00.000Z', lastVerified: '2026-05-01T10:00:00.000Z' },
      { firstSeen: '2026-06-01T09:00:00.000Z', lastVerified: '2026-06-01T09:00:00.000Z' },
      null,
    ]);
  });

  it('adds the reading on screen when the store does not have it yet', () => {
    expect(withReading(null, '2026-07-01T00:00:00.000Z')).toEqual({ firstSeen: '2026-07-01T00:00:00.000Z', lastVerified: '2026-07-01T00:00:00.000Z' });
    const s = { firstSeen: '2026-03-01T10:00:00.000Z', lastVerified: '2026-06-01T09:00:00.000Z' };
    expect(withReading(s, '2026-07-01T00:00:00.000Z')).toEqual({ firstSeen: s.firstSeen, lastVerified: '2026-07-01T00:00:00.000Z' });
    expect(withReading(s, '2026-04-01T00:00:00.000Z')).toEqual(s);
  });
});
