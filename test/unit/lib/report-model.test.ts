// The report's content assembled from what the popup gathers: clauses most severe first, each
// with its own record id, rarity, source and first/last seen (kept with the right clause through
// the sorting), the regulations the taxonomy maps the categories to, the recorded changes (and
// the change summaries when they are passed in), and the credits.
import { describe, expect, it, vi } from 'vitest';
import type { CategoryDistribution, PageClause, TabState } from '../../../src/messages';
import type { KnownClause } from '../../../src/kb/schema';
import type { HistoryViewData } from '../../../src/history-messages';
import { getCategory } from '../../../src/core/taxonomy';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { buildReportModel, reportRegulations } = await import('../../../src/lib/report-model');
const { formatDateTime } = await import('../../../src/lib/i18n');

const clause = (id: string, over: Partial<PageClause>): PageClause => ({ id, start: 0, end: 10, category: 'retention', severity: 'low', confidence: 0.7, source: 'detector', excerpt: `Text of ${id}.`, ...over });

const clauses: PageClause[] = [
  clause('low-a', { start: 5, category: 'tracking', severity: 'low', confidence: 0.66, source: 'rule' }),
  clause('kb-tosdr-1', { start: 50, category: 'ai-training', severity: 'high', confidence: 1, source: 'kb', kbClauseId: 'tosdr-1', label: 'Trains AI on your content' }),
  clause('med-a', { start: 20, category: 'data-sharing', severity: 'medium', confidence: 0.91 }),
  clause('good-a', { start: 0, category: 'data-deletion', severity: 'good', confidence: 0.8 }),
];

const state: TabState = {
  tabId: 3,
  visit: { url: 'https://example.org/privacy', origin: 'https://example.org', docKey: 'doc:ex@https://example.org', documentId: 'ex', platformId: 'example', title: 'Example Privacy', sha256: 'a'.repeat(64), readAt: '2026-11-30T10:00:00.000Z', textLength: 1000, detection: { kind: 'known', reason: 'kb' }, clauses },
  platform: { id: 'example', name: 'Example' } as TabState['platform'],
  document: { id: 'ex', termsType: 'Privacy Policy' } as TabState['document'],
  counts: { high: 1, medium: 1, low: 1, good: 1 },
};

const stats: CategoryDistribution[] = [
  { category: 'ai-training', platformsWith: 3, platformsReviewed: 142, distribution: { high: 3, medium: 0, low: 0, good: 139 } },
  { category: 'data-sharing', platformsWith: 72, platformsReviewed: 100, distribution: { high: 40, medium: 32, low: 0, good: 28 } },
];
const reviewed = new Map<string, KnownClause>([['tosdr-1', { id: 'tosdr-1', platformId: 'example', category: 'ai-training', severity: 'high', caseTitle: 'Trains AI on your content', classification: 'bad', quote: 'q', anchor: { status: 'found' }, source: 'tosdr', pointUrl: 'https://tosdr.org/en/point/1' }]]);
const recordIds = ['cm-000000000000000a', 'cm-000000000000000b', 'cm-000000000000000c', 'cm-000000000000000d'];
const seen = [null, { firstSeen: '2026-01-01T00:00:00.000Z', lastVerified: '2026-11-30T10:00:00.000Z' }, null, null];

const base = { state, stats, reviewed, recordIds, seen, generatedAt: '2026-11-30T10:05:00.000Z', extensionVersion: '0.1.0', kbVersion: '2026.08.22' };

describe('buildReportModel', () => {
  it('lists every clause most severe first, each with its own record id, rarity, source, confidence and first/last seen', () => {
    const m = buildReportModel(base);
    expect(m.clauses.map((c) => c.recordId)).toEqual(['cm-000000000000000b', 'cm-000000000000000c', 'cm-000000000000000a', 'cm-000000000000000d']);
    const [ai, sharing, tracking] = m.clauses;
    expect(ai).toMatchObject({ category: 'ai-training', categoryTitle: getCategory('ai-training')?.title, severity: 'high', severityLabel: 'High', rarity: '3 of 142 reviewed platforms (rare)', sourceUrl: 'https://tosdr.org/en/point/1', confidence: '100%', excerpt: 'Text of kb-tosdr-1.' });
    expect(ai?.source).toContain('Trains AI on your content');
    expect(ai?.source).toContain('CC BY-SA 3.0');
    expect(ai?.firstSeen).toBe(formatDateTime('2026-01-01T00:00:00.000Z'));
    expect(ai?.lastVerified).toBe(formatDateTime('2026-11-30T10:00:00.000Z'));
    expect(sharing).toMatchObject({ rarity: '72 of 100 reviewed platforms (widespread)', source: "Detected by Clausemark's model", confidence: '91%' });
    expect(sharing?.firstSeen).toBeUndefined();
    expect(tracking).toMatchObject({ rarity: expect.stringMatching(/^no comparison data/), source: "Detected by Clausemark's rules", confidence: '66%' });
  });

  it('names the document, its address, time, SHA-256 and how it was recognised; counts; credits', () => {
    const m = buildReportModel(base);
    expect(m.title).toBe('Clausemark report: Example — Privacy Policy');
    expect(m.document).toEqual({ title: 'Example Privacy', platform: 'Example', type: 'Privacy Policy', url: 'https://example.org/privacy', readAt: formatDateTime('2026-11-30T10:00:00.000Z'), readAtIso: '2026-11-30T10:00:00.000Z', sha256: 'a'.repeat(64), detection: 'Known document' });
    expect(m.generated).toContain('0.1.0');
    expect(m.generated).toContain('2026.08.22');
    expect(m.counts.map((c) => c.count)).toEqual([1, 1, 1, 1]);
    expect(m.credits.map((c) => c.name)).toEqual(['ToS;DR (Terms of Service; Didn’t Read)', 'Open Terms Archive', 'CLAUDETTE']);
    expect(m.credits.map((c) => c.text).join(' ')).toMatch(/CC BY-SA 3\.0.*ODC-BY 1\.0.*CC BY 4\.0/);
    expect(m.changes).toBeNull();
  });

  it('shows the recorded versions and the last change, and the change summaries when given', () => {
    const history: HistoryViewData = {
      docKey: state.visit.docKey,
      tracked: { docKey: state.visit.docKey, url: state.visit.url, title: 't', firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-11-30T10:00:00.000Z', currentSha: 'a'.repeat(64), previousSha: 'b'.repeat(64) },
      versions: [
        { sha256: 'b'.repeat(64), firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-02-01T00:00:00.000Z', url: state.visit.url, words: 900, rawBytes: 1, gzBytes: 1, clauses: 3, cosmetic: false },
        { sha256: 'a'.repeat(64), firstSeen: '2026-11-30T10:00:00.000Z', lastSeen: '2026-11-30T10:00:00.000Z', url: state.visit.url, words: 950, rawBytes: 1, gzBytes: 1, clauses: 4, cosmetic: false },
      ],
      from: 'b'.repeat(64),
      to: 'a'.repeat(64),
      diff: { ops: [], wordsAdded: 60, wordsRemoved: 10, cosmeticBlocks: 0, significant: true, coarse: false, ms: 1 },
      clauseChanges: { added: [clauses[1] as PageClause], removed: [], changed: [] },
      archive: { collection: 'pga', changes: [{ date: '2026-08-22T00:00:00.000Z', summary: { sentencesAdded: 4, sentencesRemoved: 1, categories: ['retention'] } }] },
      reviewedNotFound: [],
      reviewedChecked: 0,
    };
    const m = buildReportModel({ ...base, history, changeSummaries: [{ date: '2026-11-30T10:00:00.000Z', sentences: [{ text: 'now allows training AI models on your content', severity: 'high' }] }] });
    const ch = m.changes;
    expect(ch?.versions).toHaveLength(2);
    expect(ch?.versions[1]).toContain('(current)');
    expect(ch?.versions[1]).toContain('a'.repeat(64));
    expect(ch?.lastChange?.lines.join(' ')).toMatch(/\+60 words.*−10 words/);
    expect(ch?.lastChange?.clauses).toEqual([{ kind: 'Added', severity: 'high', severityLabel: 'High', categoryTitle: getCategory('ai-training')?.title, excerpt: 'Text of kb-tosdr-1.' }]);
    expect(ch?.archive[0]).toMatch(/\+4 \/ −1 sentences · .+/);
    expect(ch?.summaries).toEqual([{ heading: expect.any(String), sentences: [{ text: 'now allows training AI models on your content', severity: 'high', severityLabel: 'High' }] }]);
  });
});

describe('reportRegulations', () => {
  it('gathers each regulation once, with the provisions and the categories that bring it in, from the taxonomy', () => {
    const regs = reportRegulations(['retention', 'data-sharing', 'retention', 'no-such-category']);
    const want = new Set([...(getCategory('retention')?.regulations ?? []), ...(getCategory('data-sharing')?.regulations ?? [])].map((r) => r.regulation));
    expect(regs.map((r) => r.short).length).toBe(want.size);
    const provisions = regs.flatMap((r) => r.provisions);
    const n = (getCategory('retention')?.regulations.length ?? 0) + (getCategory('data-sharing')?.regulations.length ?? 0);
    expect(provisions.reduce((k, p) => k + p.categories.length, 0)).toBe(n);
    for (const r of regs) expect(r.url).toMatch(/^https:\/\//);
    expect(reportRegulations([])).toEqual([]);
  });
});
