// @vitest-environment happy-dom
// A followed document's clauses are found from its fetched HTML by the same steps the content
// script runs on the page (content/find-clauses.ts): on real archived policies, the clauses
// analyseText finds in pageTextFromHtml's text are exactly those findClauses finds in the DOM.
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyseText, excerpt } from '../../../src/core/page-analysis';
import { pageTextFromHtml } from '../../../src/core/text-page-html';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { FIXTURE_PAGES } from '../../fixtures/pages';

vi.mock('webextension-polyfill', () => ({ default: {} }));
vi.mock('../../../src/lib/rpc', () => ({ send: async () => ({ clauses: [] }) }));

describe('analyseText', () => {
  it('finds the clauses the content script finds on the same page', async () => {
    const { findClauses } = await import('../../../src/content/find-clauses');
    for (const id of ['deepseek-privacy', 'claude-terms']) {
      const page = FIXTURE_PAGES.find((p) => p.id === id)!;
      const html = readFileSync(page.file, 'utf8');
      const doc = new DOMParser().parseFromString(html.replace(/<noscript[\s>][\s\S]*?<\/noscript\s*>/gi, '').replace(/<link\b[^>]*>/gi, ''), 'text/html');
      const found = await findClauses(doc.body, { match: null, signal: new AbortController().signal, settings: DEFAULT_SETTINGS, force: true });
      expect(found.kind, id).toBe('found');
      if (found.kind !== 'found') continue;
      const inTab = found.highlights.map((h) => h.primary).sort((a, b) => a.start - b.start);
      const fetched = pageTextFromHtml(html);
      const got = analyseText(fetched.text, fetched.hardBreaks, { known: [], settings: DEFAULT_SETTINGS });
      expect(got.length, id).toBeGreaterThan(5);
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
