// @vitest-environment happy-dom
// Highlights are made by mark.js (the project's highlighter, DESIGN.md): highlight.ts hands it each
// text node's part to mark, and the <mark> it makes is the one we tag.
import { describe, expect, it, vi } from 'vitest';

const calls: unknown[] = [];
vi.mock('mark.js', async () => {
  const real = (await vi.importActual<{ default: new (ctx: unknown) => { markRanges: (r: unknown, o: unknown) => void } }>('mark.js')).default;
  return {
    default: class {
      private inner: { markRanges: (r: unknown, o: unknown) => void };
      constructor(ctx: unknown) { this.inner = new real(ctx); }
      markRanges(ranges: unknown, opts: unknown): void { calls.push(ranges); this.inner.markRanges(ranges, opts); }
    },
  };
});

const { highlightRanges } = await import('../../../src/content/highlight');

describe('highlighting goes through mark.js', () => {
  it('every mark of a clause is one mark.js made and we tagged', () => {
    document.body.innerHTML = '<main><p>We may share <b>your data</b> with partners.</p><p>We keep it for a year.</p></main>';
    const text = document.body.textContent ?? '';
    const start = text.indexOf('We may share');
    const end = text.indexOf('partners.') + 'partners.'.length;
    const byClause = highlightRanges(document.body, [{ start, end, clauseId: 'c1', category: 'data-sharing', severity: 'medium' }]);
    const marks = [...document.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent).join('')).toBe('We may share your data with partners.');
    expect(calls.length).toBe(marks.length);
    for (const m of marks) {
      expect(m.getAttribute('data-markjs')).toBe('true');
      expect(m.getAttribute('data-clausemark-clause')).toBe('c1');
    }
    expect(byClause.get('c1')).toEqual(marks);
  });
});
