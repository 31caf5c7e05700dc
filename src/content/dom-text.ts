// Reads the page's text exactly as mark.js will see it: the concatenation of the text nodes it
// visits, in document order, through the walk highlighting uses too (text-walk.ts). Offsets into
// this string are what highlight.ts places, so detection and highlighting agree to the character.

import { pageTextWalker, textLength as nodeTextLength } from './text-walk';

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

export interface PageText {
  text: string;
  /** Offsets where a block boundary (or <br>) separates two text nodes. */
  hardBreaks: number[];
  nodeCount: number;
  /** True when the page had more text than maxChars and only the beginning was read. */
  truncated: boolean;
  /** The text nodes read, in order, and where each starts in `text`. */
  nodes: Text[];
  starts: number[];
  /** root.textContent's length when read (what is read plus what the walk left out: scripts,
   * menus…), counted in the same walk. */
  rootLength: number;
}

function blockOf(node: Node, cache: Map<Node, Element | null>): Element | null {
  let el = node.parentElement;
  const seen: Element[] = [];
  while (el && !BLOCK_TAGS.has(el.tagName)) {
    const hit = cache.get(el);
    if (hit !== undefined) {
      for (const s of seen) cache.set(s, hit);
      return hit;
    }
    seen.push(el);
    el = el.parentElement;
  }
  for (const s of seen) cache.set(s, el);
  return el;
}

function brBefore(node: Node): boolean {
  let prev = node.previousSibling;
  while (prev && prev.nodeType === Node.COMMENT_NODE) prev = prev.previousSibling;
  return !!prev && prev.nodeType === Node.ELEMENT_NODE && (prev as Element).tagName === 'BR';
}

export function readPageText(root: Element, maxChars = Number.POSITIVE_INFINITY): PageText {
  const left = { chars: 0 };
  const walker = pageTextWalker(root, left);
  const parts: string[] = [];
  const hardBreaks: number[] = [];
  const cache = new Map<Node, Element | null>();
  let length = 0;
  let prevBlock: Element | null | undefined;
  let nodeCount = 0;
  let truncated = false;
  const nodes: Text[] = [];
  const starts: number[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const value = n.nodeValue ?? '';
    if (length + value.length > maxChars) {
      truncated = true;
      break;
    }
    const block = blockOf(n, cache);
    if (prevBlock !== undefined && (block !== prevBlock || brBefore(n))) hardBreaks.push(length);
    prevBlock = block;
    nodes.push(n as Text);
    starts.push(length);
    parts.push(value);
    length += value.length;
    nodeCount++;
  }
  // Cut short, the rest was not walked: count it all.
  const rootLength = truncated ? textLength(root) : length + left.chars;
  return { text: parts.join(''), hardBreaks, nodeCount, truncated, nodes, starts, rootLength };
}

/** root.textContent.length without building that string (on pages with large inline scripts,
 * megabytes): the lengths of every text node under root, which is what textContent joins. */
export function textLength(root: Node): number {
  return nodeTextLength(root);
}
