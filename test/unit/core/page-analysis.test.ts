// @vitest-environment happy-dom
// A followed document's clauses are found from its fetched HTML by the same steps the content
// script runs on the page: on real archived policies, the clauses analyseText finds in
// pageTextFromHtml's text are exactly those the content script shows — the page read as
// annotator.ts reads it, analysed by the engine as the analysis host runs it (its port protocol,
// content/engine.ts), its answers turned into highlights by content/find-clauses.ts — reviewed
// quotes included.
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyseText, excerpt } from '../../../src/core/page-analysis';
import { pageTextFromHtml } from '../../../src/core/text-page-html';
import { DEFAULT_SETTINGS, SENSITIVITY_THRESHOLD } from '../../../src/core/settings';
import type { KnownClause } from '../../../src/kb/schema';
import { FIXTURE_PAGES } from '../../fixtures/pages';

vi.mock('webextension-polyfill', () => ({ default: {} }));
vi.mock('../../../src/lib/rpc', () => ({ send: async () => ({ clauses: [] }) }));

/** Two reviewed quotes taken from the text (one of this document, one of another document that
 * was not found there, which the content script keeps too), and one of another document, left out. */
function quotesOf(text: string, documentId: string): KnownClause[] {
  const at = (i: number) => text.slice(Math.floor(text.length * i), Math.floor(text.length * i) + 400).replace(/^\S*\s/, '').replace(/\s\S*$/, '');
  const k = (id: string, quote: string, doc: string, status: 'found' | 'not-found'): KnownClause =>
    ({ id, platformId: 'p', documentId: doc, category: 'arbitration', severity: 'high', caseTitle: id, classification: 'bad', quote, anchor: { status }, source: 'tosdr', pointUrl: '' }) as KnownClause;
  return [k('mine', at(0.3), documentId, 'found'), k('elsewhere', at(0.6), 'other-doc', 'not-found'), k('left-out', at(0.8), 'other-doc', 'found')];
}

describe('analyseText', () => {
  it('finds the clauses the content script finds on the same page', async () => {
    const { readPageText } = await import('../../../src/content/dom-text');
    const { handle } = await import('../../../src/content/engine');
    const { detectedClauses, highlightsOf, knownClauses, MAX_TEXT_CHARS, relevantQuotes } = await import('../../../src/content/find-clauses');
    type FromHost = import('../../../src/content/engine').FromHost;
    for (const id of ['deepseek-privacy', 'claude-terms']) {
      const page = FIXTURE_PAGES.find((p) => p.id === id)!;
      const html = readFileSync(page.file, 'utf8');
      const doc = new DOMParser().parseFromString(html.replace(/<noscript[\s>][\s\S]*?<\/noscript\s*>/gi, '').replace(/<link\b[^>]*>/gi, ''), 'text/html');
      // In the tab: read, then the analysis host's answers (annotator.ts).
      const read = readPageText(doc.body, MAX_TEXT_CHARS);
      const known = quotesOf(read.text, id);
      const out: FromHost[] = [];
      const port = { name: 'clausemark-analysis', sender: { url: `https://example.com/${id}`, id: 'x' }, postMessage: (m: FromHost) => out.push(m), onMessage: { addListener() {} }, disconnect() {} };
      const state = { parts: [] as string[], size: 0, analysis: null, focused: false };
      await handle(port, state, { t: 'text', part: read.text });
      await handle(port, state, { t: 'analyse', hardBreaks: read.hardBreaks, threshold: SENSITIVITY_THRESHOLD[DEFAULT_SETTINGS.sensitivity], focus: null, known: true });
      const relevant = relevantQuotes(known, id);
      await handle(port, state, { t: 'anchor', quotes: relevant.map((k) => k.quote) });
      const final = out.find((m) => m.t === 'final');
      const anchored = out.find((m) => m.t === 'anchored');
      if (final?.t !== 'final' || anchored?.t !== 'anchored') throw new Error(`${id}: no answer`);
      expect(final.screening.policy, id).toBe(true);
      const kb = knownClauses(read.text, relevant, anchored.spans ?? []);
      expect(kb.clauses.map((c) => c.id), id).toEqual(['kb-mine', 'kb-elsewhere']);
      const inTab = highlightsOf(detectedClauses(read.text, final.clauses), DEFAULT_SETTINGS, kb.clauses)
        .highlights.map((h) => h.primary)
        .sort((a, b) => a.start - b.start);
      // In the background: the fetched HTML.
      const fetched = pageTextFromHtml(html);
      const got = analyseText(fetched.text, fetched.hardBreaks, { known, documentId: id, settings: DEFAULT_SETTINGS });
      expect(got.length, id).toBeGreaterThan(5);
      expect(got.filter((c) => c.source === 'kb').map((c) => c.id), id).toEqual(['kb-mine', 'kb-elsewhere']);
      expect(got, id).toEqual(inTab);
    }
  }, 60_000);

  it('follows the user’s filters and keeps excerpts short', () => {
    const text = 'We may use your content to train our artificial intelligence models. '.repeat(3) + 'You agree to binding arbitration and waive any class action.';
    const all = analyseText(text, [], { known: [], settings: DEFAULT_SETTINGS });
    expect(all.length).toBeGreaterThan(0);
    const none = analyseText(text, [], { known: [], settings: { ...DEFAULT_SETTINGS, disabledCategories: [...new Set(all.map((c) => c.category))] } });
    expect(none).toEqual([]);
    expect(excerpt('a '.repeat(700), 0, 1400).length).toBe(600);
  });
});
