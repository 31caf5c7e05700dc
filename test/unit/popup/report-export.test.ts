// The report's change summaries (popup/report-export.tsx): the user's own change first, dated by
// the version it reached and labelled with the version it is measured against, then the archive's
// newest recorded changes that have lines (at most five), each line as History words it.
import { describe, expect, it, vi } from 'vitest';
import type { HistoryViewData } from '../../../src/history-messages';
import type { ChangeLine } from '../../../src/core/change-line';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { getManifest: () => ({ version: '0' }) } } }));
const { changeSummaries } = await import('../../../src/popup/report-export');
const { changeText } = await import('../../../src/lib/change-text');
const { formatDay } = await import('../../../src/lib/i18n');

const line = (over: Partial<ChangeLine>): ChangeLine => ({ kind: 'added', category: 'ai-training', stance: 'concern', severity: 'high', phrase: 'train our models on your content', count: 1, clauseId: 'c1', ...over });
const version = (sha256: string, firstSeen: string) => ({ sha256, firstSeen, lastSeen: firstSeen, url: 'https://x.example/terms', words: 100, rawBytes: 1, gzBytes: 1, clauses: 3, cosmetic: false });

const base: HistoryViewData = {
  docKey: 'doc:x',
  tracked: null,
  versions: [version('a', '2025-06-01T10:00:00.000Z'), version('b', '2025-08-20T10:00:00.000Z')],
  from: 'a',
  to: 'b',
  reviewedNotFound: [],
  reviewedChecked: 0,
};

describe('report change summaries', () => {
  it('the user\u2019s own change: dated by the new version, measured against the one read before', () => {
    const got = changeSummaries({ ...base, summary: [line({}), line({ kind: 'removed', category: 'retention', stance: 'protective', severity: 'medium', phrase: '' })] });
    expect(got).toHaveLength(1);
    expect(got[0]?.date).toBe('2025-08-20T10:00:00.000Z');
    expect(got[0]?.label).toContain(formatDay('2025-06-01T10:00:00.000Z'));
    expect(got[0]?.sentences).toEqual([
      { text: `${changeText(line({}))}: \u201ctrain our models on your content\u201d`, severity: 'high' },
      { text: changeText(line({ kind: 'removed', category: 'retention', stance: 'protective' })), severity: 'medium' },
    ]);
  });

  it('archived changes with lines follow, newest first, at most five; none without lines', () => {
    const changes = Array.from({ length: 8 }, (_, i) => ({ date: `2024-0${i + 1}-01T00:00:00.000Z`, summary: { sentencesAdded: 1, sentencesRemoved: 0, categories: [], lines: i === 7 ? [] : [line({ category: 'tracking' })] } }));
    const got = changeSummaries({ ...base, archive: { collection: 'c', changes } });
    expect(got.map((s) => s.date)).toEqual(['2024-07-01T00:00:00.000Z', '2024-06-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z']);
    expect(got.every((s) => s.sentences.length === 1)).toBe(true);
    expect(changeSummaries(null)).toEqual([]);
    expect(changeSummaries(base)).toEqual([]);
  });
});
