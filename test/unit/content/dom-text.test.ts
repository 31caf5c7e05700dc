// @vitest-environment happy-dom
// Reading a page's text: what is skipped (code, form fields, navigation, the page footer, text
// mark.js never counts), where block boundaries fall, and truncation of very long pages.
import { describe, expect, it } from 'vitest';
import { readPageText, textLength } from '../../../src/content/dom-text';
import { FIXTURE_PAGES, readFixture } from '../../fixtures/pages';

function page(build: (body: HTMLElement) => void): HTMLElement {
  const body = document.createElement('body');
  build(body);
  document.body.replaceWith(body);
  return body;
}

const el = (tag: string, ...children: (string | Node)[]) => {
  const e = document.createElement(tag);
  e.append(...children);
  return e;
};

describe('readPageText', () => {
  it('reads the policy and skips navigation, code, form fields, the page footer and a stray <title>', () => {
    const root = page((b) => {
      const nav = el('nav', el('a', 'Home'));
      const menu = el('div', el('span', 'Menu entry'));
      menu.setAttribute('role', 'navigation');
      b.append(nav, menu, el('title', 'Tab title'), el('h1', 'Terms'), el('p', 'We may ', el('strong', 'change'), ' these terms.'), el('script', 'var x = 1;'), el('button', 'Accept'), el('footer', 'Site footer'));
    });
    const r = readPageText(root);
    expect(r.text).toBe('TermsWe may change these terms.');
    // A break between the heading and the paragraph, none inside the paragraph's inline <strong>.
    expect(r.hardBreaks).toEqual([5]);
    expect(r.nodeCount).toBe(4);
    expect(r.truncated).toBe(false);
  });

  it('takes a <br> for a break and stops before the text node that would pass maxChars', () => {
    const root = page((b) => b.append(el('p', 'First line', el('br'), 'second line'), el('p', 'x'.repeat(50))));
    const all = readPageText(root);
    expect(all.hardBreaks).toEqual([10, 21]);
    const cut = readPageText(root, 30);
    expect(cut).toMatchObject({ text: 'First linesecond line', truncated: true, nodeCount: 2 });
  });

  it('measures the body’s textContent length without building it, scripts and comments as textContent has them', () => {
    const root = page((b) => {
      b.append(el('h1', 'Terms'), el('script', 'var data = "' + 'x'.repeat(5000) + '";'), document.createComment('not text'), el('p', 'We may ', el('strong', 'change'), ' these terms.'), el('nav', el('a', 'Home')));
    });
    expect(textLength(root)).toBe(root.textContent?.length);
    expect(textLength(root)).toBeGreaterThan(5000);
  });

  it('counts the body’s textContent length in the same walk: what it reads plus what it leaves out', () => {
    const root = page((b) => {
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.append(document.createElementNS('http://www.w3.org/2000/svg', 'text'));
      (svg.firstChild as Element).textContent = 'Chart label';
      const menu = el('div', el('span', 'Menu entry'), el('ul', el('li', 'Nested entry')));
      menu.setAttribute('role', 'navigation');
      const edit = el('div', 'Editable ', el('b', 'text'));
      edit.setAttribute('contenteditable', 'true');
      b.append(el('nav', el('a', 'Home'), el('span', 'About')), menu, el('title', 'Tab title'), el('h1', 'Terms'), svg, el('p', 'We may ', el('strong', 'change'), ' these.'), el('script', 'var x = "' + 'y'.repeat(3000) + '";'), el('style', 'p { color: red }'), el('button', 'Accept ', el('span', 'all')), edit, el('textarea', 'Draft'), el('footer', 'Site ', el('a', 'footer')));
    });
    const r = readPageText(root);
    expect(r.rootLength).toBe(root.textContent?.length);
    expect(r.rootLength).toBeGreaterThan(r.text.length + 3000);
    // Cut short: the rest is counted too.
    expect(readPageText(root, 10).rootLength).toBe(root.textContent?.length);
  });

  it('counts it on real pages as textContent has it', () => {
    for (const f of FIXTURE_PAGES) {
      const parsed = new DOMParser().parseFromString(readFixture(f), 'text/html');
      // Nothing is fetched in the test: inline scripts stay (their text counts), files go.
      for (const e of parsed.querySelectorAll('link, script[src], img, iframe')) e.remove();
      document.body.replaceWith(document.importNode(parsed.body, true));
      expect(readPageText(document.body).rootLength, f.id).toBe(document.body.textContent?.length);
    }
  });
});
