// Citation records and the panel's way into the popup, against fake-indexeddb: record/seen answers
// from the user's own visits and versions of the asking page's document only, and
// panel/open-compare opens the Compare view of the sender's own tab, for an analysed page only.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openClausemarkDb } from '../../../../src/storage/db';
import { handle, SenderRejected, InvalidMessage, validateRequest, type HandlerDeps, type Sender } from '../../../../src/background/routes';
import type { KbService } from '../../../../src/background/kb-service';
import type { BackgroundMessage, PageClause, PageReading, Req, Res } from '../../../../src/messages';
import { putVersion } from '../../../../src/storage/versions';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const URL_ = 'https://example.org/privacy';
const content: Sender = { id: EXT, url: `${URL_}?utm=1#s`, tab: { id: 3 }, frameId: 0 };
const stranger: Sender = { id: EXT, url: 'https://evil.example/privacy', tab: { id: 4 }, frameId: 0 };
const popup: Sender = { id: EXT, url: `${ORIGIN}src/popup/index.html` };

const clause = (excerpt: string, i: number): PageClause => ({ id: `retention-${i}`, start: i * 10, end: i * 10 + 5, category: 'retention', severity: 'medium', confidence: 0.8, source: 'detector', excerpt });

let n = 0;
function setup() {
  const db = openClausemarkDb(`report-${++n}`);
  const tabs = new Map<number, number>();
  const opened: { tabId: number; view: string; params: Record<string, string> }[] = [];
  const kb = { lookup: async () => null } as unknown as KbService;
  const deps: HandlerDeps = {
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    db: () => db,
    kb,
    tabVisits: { get: async (t) => tabs.get(t), set: async (t, v) => void tabs.set(t, v) },
    revealInTab: async () => true,
    openView: async (tabId, view, params) => {
      opened.push({ tabId, view, params });
      return true;
    },
  };
  const call = <N extends BackgroundMessage>(name: N, payload: Req<N>, sender: Sender) => handle(name, validateRequest(name, payload), sender, deps) as Promise<Res<N>>;
  const report = (sender: Sender, readAt: string, texts: string[]) => {
    const reading: PageReading = { title: 'Privacy', sha256: 'c'.repeat(64), readAt, textLength: 100, detection: { kind: 'heuristic', reason: 'test' }, clauses: texts.map(clause) };
    return call('page/report', reading, sender);
  };
  return { db, deps, opened, call, report };
}

describe('record/seen', () => {
  it('answers from the sender page’s own visits and versions: first seen and last verified per text', async () => {
    const { db, call, report } = setup();
    await report(content, '2026-05-01T10:00:00.000Z', ['Kept for 30 days.', 'Old wording.']);
    await report(content, '2026-11-30T10:00:00.000Z', ['Kept for 30 days.']);
    // Another site serving the same text is another document: never mixed in.
    await report(stranger, '2020-01-01T00:00:00.000Z', ['Kept for 30 days.']);
    // A stored version read long before the visits still kept (visits are capped, versions are not).
    await putVersion(
      await db,
      { sha256: 'd'.repeat(64), docKey: 'url:https://example.org/privacy', url: URL_, title: 'Privacy', firstSeen: '2025-01-01T00:00:00.000Z', lastSeen: '2025-02-01T00:00:00.000Z', sigSha256: 'e'.repeat(64), textSha256: 'f'.repeat(64), words: 10, rawBytes: 10, clauses: [clause('Kept  for 30 days.', 0)] },
      new Uint8Array([1]),
    );
    const { seen } = await call('record/seen', { texts: ['Kept for 30 days.', 'Old wording.', 'Never there.'] }, content);
    expect(seen).toEqual([
      { firstSeen: '2025-01-01T00:00:00.000Z', lastVerified: '2026-11-30T10:00:00.000Z' },
      { firstSeen: '2026-05-01T10:00:00.000Z', lastVerified: '2026-05-01T10:00:00.000Z' },
      null,
    ]);
    // The popup asks about the page a tab shows (the tab's last report).
    expect((await call('record/seen', { tabId: 3, texts: ['Old wording.'] }, popup)).seen).toEqual([{ firstSeen: '2026-05-01T10:00:00.000Z', lastVerified: '2026-05-01T10:00:00.000Z' }]);
    expect((await call('record/seen', { tabId: 99, texts: ['Old wording.'] }, popup)).seen).toEqual([null]);
    // The stranger's page learns only about its own document.
    expect((await call('record/seen', { texts: ['Old wording.', 'Kept for 30 days.'] }, stranger)).seen).toEqual([null, { firstSeen: '2020-01-01T00:00:00.000Z', lastVerified: '2020-01-01T00:00:00.000Z' }]);
  });

  it('checks its payload', async () => {
    const { deps } = setup();
    await expect(handle('record/seen', { texts: [5] }, content, deps)).rejects.toBeInstanceOf(InvalidMessage);
    await expect(handle('record/seen', { texts: ['x'.repeat(3000)] }, content, deps)).rejects.toThrow(/too long/);
    await expect(handle('record/seen', { texts: 'x' }, content, deps)).rejects.toThrow(/must be a list/);
    await expect(handle('record/seen', { texts: ['x'] }, popup, deps)).rejects.toThrow(/tabId is required/);
  });
});

describe('panel/open-compare', () => {
  it('opens the Compare view of the sender’s own tab, filtered to the category', async () => {
    const { call, report, opened } = setup();
    await report(content, '2026-11-30T10:00:00.000Z', ['Kept for 30 days.']);
    expect(await call('panel/open-compare', { category: 'retention' }, content)).toEqual({ ok: true });
    expect(opened).toEqual([{ tabId: 3, view: 'compare', params: { category: 'retention' } }]);
  });

  it('refuses extension pages, unknown categories, and tabs Clausemark has not analysed', async () => {
    const { call, deps, opened } = setup();
    await expect(handle('panel/open-compare', { category: 'retention' }, popup, deps)).rejects.toBeInstanceOf(SenderRejected);
    await expect(handle('panel/open-compare', { category: 'javascript:alert(1)' }, content, deps)).rejects.toThrow(/not a known category/);
    await expect(call('panel/open-compare', { category: 'retention' }, content)).rejects.toThrow(/not been analysed/);
    expect(opened).toEqual([]);
  });
});
