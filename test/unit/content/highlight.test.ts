// @vitest-environment happy-dom
// Highlighting agrees with reading to the character: on a real policy page (Claude's terms, an
// Open Terms Archive snapshot) the marks placed for offsets into readPageText's text hold exactly
// that text, also when the body holds text mark.js skips (a <title> the parser left in the body);
// a clause over several paragraphs is marked paragraph by paragraph, trimmed at each part's ends.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readPageText } from '../../../src/content/dom-text';
import { highlightRanges, highlightRangesSliced, isOurMark, markable, removeHighlights, SEVERITY_STYLE, walkFor, type RangeSpec } from '../../../src/content/highlight';
import { pageTextWalker } from '../../../src/content/text-walk';
import { fixture, readFixture } from '../../fixtures/pages';

// mark.js as shipped, with its markRanges calls counted: every mark must be one mark.js made.
const markCalls: unknown[] = [];
vi.mock('mark.js', async () => {
  const real = (await vi.importActual<{ default: new (ctx: unknown) => { markRanges: (r: unknown, o: unknown) => void } }>('mark.js')).default;
  return {
    default: class {
      private inner: { markRanges: (r: unknown, o: unknown) => void };
      constructor(ctx: unknown) { this.inner = new real(ctx); }
      markRanges(ranges: unknown, opts: unknown): void { markCalls.push(ranges); this.inner.markRanges(ranges, opts); }
    },
  };
});

const noSlicing = { maybe: async () => undefined };
const html = readFixture(fixture('claude-terms'));

/** The page's body from the snapshot, with a <title> inside it before the terms (as written pages
 * sometimes have it: mark.js never counts its text, so reading must not either). */
function loadPage(): HTMLElement {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  // Nothing is fetched in the test: inline scripts stay (their text is never read), files go.
  for (const el of parsed.querySelectorAll('link, script[src], img, iframe')) el.remove();
  document.body.replaceWith(document.importNode(parsed.body, true));
  const stray = document.createElement('title');
  stray.textContent = 'A title inside the body';
  document.body.prepend(stray);
  return document.body;
}

/** Page-text offsets of every text node inside our marks, per clause id. */
function markedOffsets(root: HTMLElement): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  const walker = pageTextWalker(root);
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = (n as Text).data.length;
    const mark = n.parentElement;
    if (mark && isOurMark(mark)) {
      const id = mark.dataset.clausemarkClause as string;
      const list = out.get(id) ?? [];
      const prev = list[list.length - 1];
      // mark.js marks each text node apart: touching pieces are one stretch of the page text.
      if (prev && prev[1] === at) prev[1] = at + len;
      else list.push([at, at + len]);
      out.set(id, list);
    }
    at += len;
  }
  return out;
}

const spec = (id: string, start: number, end: number): RangeSpec => ({ start, end, clauseId: id, category: 'arbitration', severity: 'high' });

let root: HTMLElement;
beforeEach(() => {
  root = loadPage();
});

describe('highlight and dom-text agree', () => {
  it('marks hold exactly the characters read at the clause offsets, on a real page', async () => {
    const { text } = readPageText(root);
    expect(text).not.toContain('A title inside the body');
    // Whole sentences spread over the page, as the detector would give them.
    const specs: RangeSpec[] = [];
    for (const at of [0.2, 0.4, 0.6, 0.8]) {
      const start = text.indexOf('. ', Math.floor(text.length * at)) + 2;
      const end = text.indexOf('.', start + 40) + 1;
      expect(end, `sentence at ${at}`).toBeGreaterThan(start + 40);
      specs.push(spec(`c-${at}`, start, end));
    }
    const marks = await highlightRangesSliced(root, specs, noSlicing);
    const offsets = markedOffsets(root);
    for (const s of specs) {
      expect(marks.get(s.clauseId)?.map((m) => m.textContent).join(''), s.clauseId).toBe(text.slice(s.start, s.end));
      expect(offsets.get(s.clauseId), s.clauseId).toEqual([[s.start, s.end]]);
    }
    // Marks split text nodes but never change the text read.
    expect(readPageText(root).text).toBe(text);
  });

  it('marks a batch from the top down, a few at a time, with one walk: the same marks as all at once', async () => {
    const { text } = readPageText(root);
    // Sentences spread over the page, and pairs in one text node (the first of each pair splits
    // the node the second is in), overlapping ones too.
    const specs: RangeSpec[] = [];
    for (const at of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const start = text.indexOf('. ', Math.floor(text.length * at)) + 2;
      const end = text.indexOf('.', start + 40) + 1;
      specs.push(spec(`a-${at}`, start, start + 12), spec(`b-${at}`, start + 20, end), spec(`c-${at}`, start + 25, start + 30));
    }
    const all = highlightRanges(root, specs);
    const expected = markedOffsets(root);
    root = loadPage();
    const walk = walkFor(root, null);
    const marked = markable(specs).sort((a, b) => a.start - b.start);
    expect(marked.length).toBe(10); // the overlapping c-* are left out, as mark.js would
    const got = new Map<string, HTMLElement[]>();
    for (let i = 0; i < marked.length; i += 3) {
      for (const [id, els] of await highlightRangesSliced(root, marked.slice(i, i + 3), noSlicing, undefined, walk)) got.set(id, els);
    }
    expect(markedOffsets(root)).toEqual(expected);
    expect([...got.keys()].sort()).toEqual([...all.keys()].sort());
    for (const [id, els] of got) expect(els.map((m) => m.textContent).join(''), id).toBe(all.get(id)?.map((m) => m.textContent).join(''));
    expect(readPageText(root).text).toBe(text);
  });

  it('marks a clause over several paragraphs paragraph by paragraph, whitespace trimmed at each end', async () => {
    const paragraphs = [...root.querySelectorAll('p')].filter((p) => (p.textContent ?? '').trim().length > 80);
    const first = paragraphs[10] as HTMLElement;
    const third = paragraphs[12] as HTMLElement;
    const { text } = readPageText(root);
    // From the middle of the first paragraph to the middle of the third, through the whitespace between.
    const startText = (first.textContent ?? '').trim().slice(20, 40).trim();
    const endText = (third.textContent ?? '').trim().slice(0, 30).trim();
    const start = text.indexOf(startText);
    const end = text.indexOf(endText, start) + endText.length;
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const marks = (await highlightRangesSliced(root, [spec('multi', start, end)], noSlicing)).get('multi') ?? [];
    const byParagraph = new Map<Element | null, HTMLElement[]>();
    for (const m of marks) byParagraph.set(m.closest('p'), [...(byParagraph.get(m.closest('p')) ?? []), m]);
    expect([...byParagraph.keys()]).toEqual([first, paragraphs[11], third]);
    // Each paragraph's part starts and ends on a visible character (no invisible, empty marks).
    const parts = [...byParagraph.values()].map((part) => part.map((m) => m.textContent ?? '').join(''));
    for (const part of parts) expect(part).toBe(part.trim());
    expect(parts[0]?.startsWith(startText)).toBe(true);
    expect(parts[2]).toBe(endText);
    // Nothing but whitespace is left out: the marks hold every other character of the range.
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(marks.map((m) => squeeze(m.textContent ?? '')).join('')).toBe(squeeze(text.slice(start, end)));
  });

  it('trims whitespace at both ends of every paragraph’s part (pretty-printed markup)', async () => {
    const section = document.createElement('section');
    for (const words of ['We may change these terms.', 'You agree to arbitration.', 'Disputes go to court.']) {
      const p = document.createElement('p');
      p.append('\n      ', words, '\n    ');
      section.append('\n    ', p);
    }
    root.replaceChildren(section);
    const { text } = readPageText(root);
    // The whole section, from its first whitespace to its last.
    const marks = (await highlightRangesSliced(root, [spec('all', 0, text.length)], noSlicing)).get('all') ?? [];
    expect(marks.map((m) => m.textContent)).toEqual(['We may change these terms.', 'You agree to arbitration.', 'Disputes go to court.']);
  });

  it('removes only its own marks and restores the text nodes', async () => {
    const siteMark = document.createElement('mark');
    siteMark.textContent = 'the site’s own';
    root.append(siteMark);
    const before = readPageText(root);
    const i = before.text.indexOf('Anthropic');
    await highlightRangesSliced(root, [spec('one', i, i + 9)], noSlicing);
    expect(root.querySelectorAll('mark').length).toBe(2);
    removeHighlights(root);
    expect([...root.querySelectorAll('mark')]).toEqual([siteMark]);
    expect(readPageText(root)).toEqual(before);
  });
});

describe('highlighting goes through mark.js (the project\'s highlighter)', () => {
  it('every mark of a clause is one mark.js made and we tagged', () => {
    const doc = new DOMParser().parseFromString('<main><p>We may share <b>your data</b> with partners.</p><p>We keep it for a year.</p></main>', 'text/html');
    document.body.replaceWith(document.importNode(doc.body, true));
    const text = document.body.textContent ?? '';
    const start = text.indexOf('We may share');
    const end = text.indexOf('partners.') + 'partners.'.length;
    markCalls.length = 0;
    const byClause = highlightRanges(document.body, [{ start, end, clauseId: 'c1', category: 'data-sharing', severity: 'medium' }]);
    const marks = [...document.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent).join('')).toBe('We may share your data with partners.');
    expect(markCalls.length).toBe(marks.length);
    for (const m of marks) {
      expect(m.getAttribute('data-markjs')).toBe('true');
      expect(m.getAttribute('data-clausemark-clause')).toBe('c1');
    }
    expect(byClause.get('c1')).toEqual(marks);
  });
});

describe('a mark\'s own style', () => {
  it('is the severity style, every declaration !important but box-decoration-break', () => {
    const doc = new DOMParser().parseFromString('<main><p>We may share your data with partners.</p><p>We keep it.</p></main>', 'text/html');
    document.body.replaceWith(document.importNode(doc.body, true));
    const text = document.body.textContent ?? '';
    const specs: RangeSpec[] = [
      { start: 0, end: text.indexOf('.') + 1, clauseId: 'a', category: 'data-sharing', severity: 'medium' },
      { start: text.indexOf('We keep'), end: text.length, clauseId: 'b', category: 'retention', severity: 'good' },
    ];
    highlightRanges(document.body, specs);
    for (const s of specs) {
      const mark = document.querySelector(`mark[data-clausemark-clause="${s.clauseId}"]`) as HTMLElement;
      // What setting each declaration one by one gives.
      const expected = document.createElement('mark').style;
      const c = SEVERITY_STYLE[s.severity];
      expected.setProperty('background-color', c.bg, 'important');
      expected.setProperty('color', 'inherit', 'important');
      expected.setProperty('border-bottom', `2px solid ${c.line}`, 'important');
      expected.setProperty('padding', '0', 'important');
      expected.setProperty('margin', '0', 'important');
      expected.setProperty('border-radius', '2px', 'important');
      expected.setProperty('cursor', 'pointer', 'important');
      expected.setProperty('box-decoration-break', 'clone');
      // The same declarations (the order of serialising them is the DOM implementation's).
      const declarations = (st: CSSStyleDeclaration) =>
        Array.from({ length: st.length }, (_, i) => st.item(i))
          .map((p) => `${p}: ${st.getPropertyValue(p)} ${st.getPropertyPriority(p)}`)
          .sort();
      expect(declarations(mark.style)).toEqual(declarations(expected));
      expect(mark.style.length).toBeGreaterThanOrEqual(8);
      expect(mark.style.getPropertyPriority('background-color')).toBe('important');
      expect(mark.style.getPropertyValue('box-decoration-break')).toBe('clone');
    }
  });
});
