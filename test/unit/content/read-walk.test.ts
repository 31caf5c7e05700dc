// @vitest-environment happy-dom
// The walk of a reading is offered to highlighting only while nothing under the root changed
// since: marks placed with it are the marks a fresh walk places; after any change (text, nodes,
// an attribute that excludes a subtree, our own marks) it is not offered and a fresh walk is used.
import { describe, expect, it } from 'vitest';
import { readPageText } from '../../../src/content/dom-text';
import { highlightRangesSliced, type RangeSpec } from '../../../src/content/highlight';
import { watchUnchanged } from '../../../src/content/read-walk';

const noSlicing = { maybe: async () => undefined };
const HTML = '<main><h2>Sharing</h2><p>We may share <b>your data</b> with partners.</p><nav>Menu entry</nav><p id="keep">We keep it for <i>one</i> year.</p></main>';

function load(): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<body>${HTML}</body>`, 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
  return document.body;
}

const spec = (text: string, phrase: string, id: string): RangeSpec => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  return { start, end: start + phrase.length, clauseId: id, category: 'retention', severity: 'low' };
};

describe('the walk of a reading', () => {
  it('is offered while nothing changed, and places the marks a fresh walk places', async () => {
    const root = load();
    const page = readPageText(root);
    const read = watchUnchanged(root, page);
    const walk = read.walk();
    expect(walk?.nodes).toEqual(page.nodes);
    const specs = [spec(page.text, 'We may share your data with partners.', 'a'), spec(page.text, 'one year', 'b')];
    await highlightRangesSliced(root, specs, noSlicing, undefined, walk);
    const withRead = new XMLSerializer().serializeToString(root);
    // Our own marks are a change too: the walk is no longer offered.
    await Promise.resolve();
    expect(read.walk()).toBeNull();
    const again = load();
    await highlightRangesSliced(again, specs, noSlicing);
    expect(withRead).toBe(new XMLSerializer().serializeToString(again));
    read.release();
  });

  for (const [what, change] of [
    ['text inserted before', (root: HTMLElement) => root.querySelector('main')?.prepend('Inserted. ')],
    ['a text node edited', (root: HTMLElement) => ((root.querySelector('b')?.firstChild as Text).data = 'all data')],
    ['a subtree excluded', (root: HTMLElement) => root.querySelector('h2')?.setAttribute('role', 'navigation')],
  ] as const) {
    it(`is not offered after ${what}, and highlighting walks afresh`, async () => {
      const root = load();
      const page = readPageText(root);
      const read = watchUnchanged(root, page);
      change(root);
      expect(read.walk()).toBeNull();
      // Offsets into the new reading land on the right words when the walk is not offered.
      const now = readPageText(root);
      const s = spec(now.text, 'one year', 'b');
      const marks = (await highlightRangesSliced(root, [s], noSlicing, undefined, read.walk())).get('b') ?? [];
      expect(marks.map((m) => m.textContent).join('')).toBe('one year');
      read.release();
    });
  }

  it('is not offered once released, nor for a reading cut short', () => {
    const root = load();
    const read = watchUnchanged(root, readPageText(root));
    read.release();
    expect(read.walk()).toBeNull();
    expect(watchUnchanged(root, readPageText(root, 20)).walk()).toBeNull();
  });
});
