import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorQuote, anchorQuotes, passageSimilarity, skeleton } from '../../../src/core/anchor';
import { DATA_ROOT } from '../../../scripts/kb/paths';
import { kb } from '../../fixtures/kb';

const read = (rel: string) => readFileSync(path.join(DATA_ROOT, rel), 'utf8');

describe('anchorQuote', () => {
  it('finds a quote across markdown emphasis, links, curly quotes, dashes, case and whitespace', () => {
    const text = 'Intro.\n\nWe **may** share your\n  data with [partners](https://x.example/p "t") — “for ads”.\nEnd.';
    const quote = 'we may share your data with partners - "FOR ADS".';
    const span = anchorQuote(text, quote)!;
    expect(span).not.toBeNull();
    expect(text.slice(span.start, span.end)).toBe('We **may** share your\n  data with [partners](https://x.example/p "t") — “for ads');
  });

  it('returns null for an absent quote and for an empty one', () => {
    expect(anchorQuote('Some terms here.', 'completely different words')).toBeNull();
    expect(anchorQuote('Some terms here.', '  ...  ')).toBeNull();
  });

  it('gives UTF-16 offsets into the original text (astral characters before the quote)', () => {
    const text = '😀😀 Les données sont conservées 3 ans.';
    const span = anchorQuote(text, 'les donnees sont conservees 3 ans')!;
    expect(text.slice(span.start, span.end)).toBe('Les données sont conservées 3 ans');
  });

  it('tolerates small edits in long quotes but not in short ones', () => {
    // A quote that is in the text verbatim (modulo normalisation), so the edits below are the only ones.
    const textOf = (id?: string) => read(kb.documents.find((d) => d.id === id)!.latest!.path!);
    const clause = kb.clauses.find(
      (c) => c.anchor.status === 'found' && c.quote.length > 150 && skeleton(textOf(c.documentId)).chars.includes(skeleton(c.quote).chars),
    )!;
    expect(clause).toBeDefined();
    const text = textOf(clause.documentId);
    const edited = clause.quote.replace(/\b(the|and|of|your)\b/, 'a').replace(/.$/, '') + ' plus';
    const span = anchorQuote(text, edited)!;
    expect(span).not.toBeNull();
    expect(Math.abs(span.start - clause.anchor.start!)).toBeLessThan(20);
    expect(passageSimilarity(text.slice(span.start, span.end), edited)).toBeGreaterThan(0.85);
    expect(anchorQuote(text, 'Meta collects your thoughts and dreams')).toBeNull();
  });

  it('anchors real ToS;DR quotes in the archived OTA texts (same results batch and single)', () => {
    const doc = kb.documents.find((d) => d.id === 'facebook/terms-of-service')!;
    const text = read(doc.latest!.path!);
    const clauses = kb.clauses.filter((c) => c.documentId === doc.id);
    const quotes = clauses.map((c) => c.quote);
    const batch = anchorQuotes(text, quotes);
    // Every quote the knowledge-base build located in this text is located here too (one found
    // quote out of many would not do).
    const foundAtBuild = clauses.flatMap((c, i) => (c.anchor.status === 'found' ? [i] : []));
    expect(foundAtBuild.length).toBeGreaterThanOrEqual(3);
    for (const i of foundAtBuild) expect(batch[i], quotes[i]).not.toBeNull();
    quotes.forEach((q, i) => expect(anchorQuote(text, q)).toEqual(batch[i]));
  });

  it('anchors ~100 quotes into a 500 KB text (its speed is a benchmark figure, not a test)', () => {
    // Different real texts (no repetition, which would flatter or punish the n-gram index).
    let text = '';
    for (const d of kb.documents.filter((x) => x.latest?.path?.startsWith('ota-pga/'))) {
      if (text.length >= 500_000) break;
      text += `${read(d.latest!.path!)}\n\n`;
    }
    expect(text.length).toBeGreaterThanOrEqual(500_000);
    const found = kb.clauses.filter((c) => c.anchor.status === 'found').map((c) => c.quote);
    // Half from the platforms in the text (exact or fuzzy hits), half absent: both paths cost.
    const quotes = [...kb.clauses.filter((c) => c.platformId === 'facebook').map((c) => c.quote).slice(0, 50), ...found].slice(0, 100);
    const spans = anchorQuotes(text, quotes);
    expect(spans).toHaveLength(quotes.length);
    // The batch answers exactly what one quote at a time answers.
    quotes.slice(0, 20).forEach((q, i) => expect(spans[i]).toEqual(anchorQuote(text, q)));
  });
});
