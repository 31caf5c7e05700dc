// @vitest-environment happy-dom
// Reading a page's text: what is skipped (code, form fields, navigation, the page footer, text
// mark.js never counts), where block boundaries fall, and truncation of very long pages.
import { describe, expect, it } from 'vitest';
import { readPageText, textLength } from '../../../src/content/dom-text';

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
});
