// Change summaries of the knowledge base's history: the sentence diff itself, the paragraph cache
// (must give exactly what whole-text segmentation gives), the bundle reader, the fallback without
// a bundle, and the shipped summaries checked against a recomputation from the OTA bundle.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATEGORY_BY_ID } from '../../../../src/core/taxonomy';
import { isoUtc, otaKey } from '../../../../scripts/kb/documents';
import { BlobReader, ensureBareClone } from '../../../../scripts/kb/git-blobs';
import { isRealChange, rowsByDocument } from '../../../../scripts/kb/history';
import { dataPath, DATA_ROOT, REPO_ROOT } from '../../../../scripts/kb/paths';
import { readVersionsIndex } from '../../../../scripts/kb/sources';
import { prepareSummaries, summariseChange, versionSentences } from '../../../../scripts/kb/summaries';
import { kb } from '../../../fixtures/kb';
import { ARCHIVE_LINES } from '../../../../src/kb/schema';

const V1 = `# Terms

## Disputes

Any dispute arising out of these terms will be resolved exclusively by final and binding individual arbitration.

We may change these terms at any time.

You can contact us by email.`;

const V2 = `# Terms

## Disputes

We may change these terms at any time.

You can contact us by email or by post.
These terms are governed by the laws of the State of California.`;

describe('change summaries: sentence diff', () => {
  it('counts distinct sentences added and removed and names the categories they touch', () => {
    const s = summariseChange(versionSentences(V1), versionSentences(V2));
    // Removed: the arbitration clause and "You can contact us by email."; added: the new contact
    // sentence and the choice-of-law sentence. Headings and the unchanged sentence do not count.
    expect(s.sentencesRemoved).toBe(2);
    expect(s.sentencesAdded).toBe(2);
    expect(s.categories).toContain('arbitration');
    expect(s.categories).toContain('choice-of-law');
    expect([...s.categories].sort()).toEqual(s.categories);
    // What changed for the user: arbitration is gone (nothing else in V2 says it), a governing law is new.
    expect(s.lines?.map((l) => [l.kind, l.category, l.severity])).toEqual([
      ['added', 'choice-of-law', 'low'],
      ['removed', 'arbitration', 'good'],
    ]);
    expect(s.lines?.[1]?.phrase).toBe('Any dispute arising out of these terms will be resolved exclusively by final and…');
  });

  it('says "less" rather than "no longer" when the new version still says it elsewhere', () => {
    const v3 = `${V1}\n\nAll claims shall be settled by binding arbitration in Delaware.`;
    const v4 = V1.replace('Any dispute arising out of these terms will be resolved exclusively by final and binding individual arbitration.', '') + '\n\nAll claims shall be settled by binding arbitration in Delaware.';
    const s = summariseChange(versionSentences(v3), versionSentences(v4));
    expect(s.lines?.map((l) => [l.kind, l.category])).toEqual([['less', 'arbitration']]);
  });

  it('reports no change for whitespace, wrapping and typographic quotes only', () => {
    const a = versionSentences('We don\u2019t sell your data.\n\nWe keep it   for 30 days.');
    const b = versionSentences("We don't sell your data.\n\n\nWe keep it\nfor 30 days.");
    expect(summariseChange(a, b)).toEqual({ sentencesAdded: 0, sentencesRemoved: 0, categories: [] });
  });

  it('ignores table rules and bullets without words', () => {
    expect([...versionSentences('| a | b |\n|---|---|\n| - | 1 |').byKey.keys()]).toEqual(['a', 'b', '1']);
  });

  it('gives exactly the whole-text sentences when paragraphs are cached (real OTA texts)', () => {
    const files = ['ota-pga/versions-HEAD/Facebook/Privacy Policy.md', 'ota-genai-eu/versions-HEAD/ChatGPT/Terms of Service.md'];
    const cache = new Map();
    for (const f of files) {
      const md = readFileSync(path.join(DATA_ROOT, f), 'utf8');
      const whole = versionSentences(md);
      expect(whole.byKey.size).toBeGreaterThan(50);
      expect([...versionSentences(md, cache).byKey.keys()].sort()).toEqual([...whole.byKey.keys()].sort());
    }
  });
});

describe('change summaries: bundles', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'clausemark-summaries-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reports why when the bundle cannot be cloned, and the build goes on without summaries', async () => {
    expect(ensureBareClone(path.join(tmp, 'nope.bundle'), path.join(tmp, 'nope.git'))).toMatchObject({ ok: false, reason: expect.stringContaining('not found') });
    const indexes = new Map([['ota-genai-eu', readVersionsIndex('ota-genai-eu')]]);
    const docs = { byOtaText: new Map([[otaKey('ota-genai-eu', 'ChatGPT', 'Terms of Service'), 'chatgpt/terms-of-service']]) };
    // A cache path under a regular file cannot be created.
    const { summarise, figures } = await prepareSummaries(indexes, docs as never, { cacheDir: path.join(REPO_ROOT, 'package.json', 'x'), collections: ['ota-genai-eu'] });
    expect(summarise).toBeUndefined();
    expect(figures.notes.join('\n')).toMatch(/no change summaries for ota-genai-eu: cannot create the bundle cache/);
  });

  it('reads blobs by id through one git process, null for unknown ids', async () => {
    const dir = path.join(REPO_ROOT, '.cache', 'ota-bundles', 'ota-genai-eu.git');
    expect(ensureBareClone(dataPath('ota-genai-eu', 'genai-eu-versions.main.bundle'), dir)).toEqual({ ok: true });
    const rows = readVersionsIndex('ota-genai-eu').filter((r) => r.service === 'ChatGPT' && r.termsType === 'Terms of Service' && r.status !== 'D');
    const reader = new BlobReader(dir);
    try {
      const [missing, ...texts] = await Promise.all([reader.read('0123456789012345678901234567890123456789'), ...rows.map((r) => reader.read(r.blob))]);
      expect(missing).toBeNull();
      texts.forEach((t, i) => expect(Buffer.byteLength(t ?? ''), rows[i]!.blob).toBe(Number(readFileSyncSize(rows[i]!.blob))));
      // The newest version is the archived latest text.
      const newest = [...rows].sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1)!;
      expect(await reader.read(newest.blob)).toBe(readFileSync(dataPath('ota-genai-eu', 'versions-HEAD', 'ChatGPT', 'Terms of Service.md'), 'utf8'));
    } finally {
      await reader.close();
    }
  });
});

/** size_bytes of versions-index.csv for a blob. */
function readFileSyncSize(blob: string): string {
  const line = readFileSync(dataPath('ota-genai-eu', 'versions-index.csv'), 'utf8').split('\n').find((l) => l.includes(blob));
  return line?.split(',')[8] ?? '';
}

describe('change summaries in the shipped knowledge base', () => {
  const changes = kb.history.flatMap((h) => h.changes.map((c) => ({ h, c })));

  it('summarises the real changes of every collection that has a bundle, and only those', () => {
    const by = (col: string) => changes.filter(({ h, c }) => h.collection === col && c.summary).length;
    for (const col of ['ota-pga', 'ota-genai-eu', 'ota-vlopses-us']) expect(by(col), col).toBeGreaterThan(500);
    expect(by('ota-contrib')).toBe(0);
  });

  it('has one history per document (the IndexedDB store is keyed by document id)', () => {
    const ids = kb.history.map((h) => h.documentId);
    expect(new Set(ids).size).toBe(ids.length);
    // A document tracked by two collections keeps the one its latest text comes from, unless that
    // one recorded no real change (then another collection's history is all there is).
    const byId = new Map(kb.documents.map((d) => [d.id, d]));
    for (const h of kb.history) {
      const latest = byId.get(h.documentId)?.latest;
      if (!latest || latest.collection === h.collection) continue;
      const [, , service, file] = latest.path!.split('/');
      const rows = readVersionsIndex(latest.collection).filter((r) => r.service === service && `${r.termsType}.md` === file);
      expect(rows.length, h.documentId).toBeGreaterThan(0);
      expect(rows.filter((r) => isRealChange(r.title)), h.documentId).toEqual([]);
    }
  });

  it('has well-formed summaries: counts, known and sorted categories', () => {
    for (const { h, c } of changes) {
      if (!c.summary) continue;
      const { sentencesAdded, sentencesRemoved, categories } = c.summary;
      expect(Number.isInteger(sentencesAdded) && sentencesAdded >= 0, h.documentId).toBe(true);
      expect(Number.isInteger(sentencesRemoved) && sentencesRemoved >= 0, h.documentId).toBe(true);
      for (const cat of categories) expect(CATEGORY_BY_ID.has(cat), cat).toBe(true);
      expect([...categories].sort()).toEqual(categories);
      expect(new Set(categories).size).toBe(categories.length);
      for (const l of c.summary.lines ?? []) {
        expect(categories, h.documentId).toContain(l.category);
        expect(['high', 'medium', 'low', 'good']).toContain(l.severity);
        expect(l.phrase.split(' ').length).toBeLessThanOrEqual(14);
      }
      expect((c.summary.lines ?? []).length).toBeLessThanOrEqual(ARCHIVE_LINES);
    }
    // Lines exist wherever the detector found clauses in the changed sentences.
    const withLines = changes.filter(({ c }) => c.summary?.lines?.length).length;
    expect(withLines).toBeGreaterThan(500);
    expect(withLines).toBe(changes.filter(({ c }) => c.summary?.categories.length).length);
  });

  it('matches a recomputation from the bundle for the newest change of a document', async () => {
    const col = 'ota-genai-eu';
    const rows = readVersionsIndex(col);
    const docs = { byOtaText: new Map([[otaKey(col, 'Claude.ai', 'Privacy Policy'), 'x']]) };
    const [doc] = rowsByDocument(new Map([[col, rows]]), docs as never);
    const list = doc!.rows;
    const i = list.findLastIndex((r) => isRealChange(r.title));
    const reader = new BlobReader(path.join(REPO_ROOT, '.cache', 'ota-bundles', `${col}.git`));
    try {
      const [before, after] = await Promise.all([reader.read(list[i - 1]!.blob), reader.read(list[i]!.blob)]);
      const expected = summariseChange(versionSentences(before!), versionSentences(after!));
      const doc = kb.documents.find((d) => d.latest?.path === 'ota-genai-eu/versions-HEAD/Claude.ai/Privacy Policy.md');
      const shipped = kb.history.find((h) => h.collection === col && h.documentId === doc?.id)?.changes.find((c) => c.date === isoUtc(list[i]!.date))?.summary;
      // Counts only: the categories come from the detector, which may have moved since kb.json was built.
      expect(shipped && { added: shipped.sentencesAdded, removed: shipped.sentencesRemoved }).toEqual({ added: expected.sentencesAdded, removed: expected.sentencesRemoved });
      expect(expected.sentencesAdded + expected.sentencesRemoved).toBeGreaterThan(0);
    } finally {
      await reader.close();
    }
  });
});
