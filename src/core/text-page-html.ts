// A fetched page's text as the content script would read it from the live page (content/dom-text.ts
// over content/text-walk.ts), from the HTML alone: the service worker has no DOM. Used for followed
// documents (docs/history.md, "Followed documents"), so a version fetched in the background has the
// same SHA-256 as the same page read in a tab, and lands in the same history.
//
// What the content script reads: the text nodes under <body>, in document order, verbatim (no
// whitespace collapsed; the fingerprint does that), except
// - text whose parent element is one of PARENT_SKIP (mark.js tests only a text node's parent), and
// - text anywhere inside SUBTREE_SKIP elements: svg, [contenteditable], nav, [role=navigation],
//   body > footer, [role=contentinfo] (text-walk.ts lists them as "x" and "x *").
// A hard break is placed where two consecutive text nodes sit in different block elements, or
// where a text node follows a <br>. This file mimics the HTML parser only as far as that needs:
// raw-text elements, implied <body>, and the end tags browsers imply for p, li, dt/dd, option and
// table parts. Tested against the DOM reading of real archived pages
// (test/unit/core/text-page-html.test.ts).

import { decodeEntities as decodeCommon } from './text-entities';

/** Named references the shared table (text-entities.ts, which the knowledge-base build also uses
 * and so is kept as it is) lacks: the rest of Latin-1 and Latin Extended letters. The page in a
 * tab has every reference decoded by the browser. */
const MORE_NAMED: Record<string, string> = {
  oelig: '\u0153', OElig: '\u0152', scaron: '\u0161', Scaron: '\u0160', yuml: '\u00ff', Yuml: '\u0178', fnof: '\u0192',
  circ: '\u02c6', tilde: '\u02dc', Aacute: '\u00c1', Acirc: '\u00c2', Atilde: '\u00c3', Aring: '\u00c5', AElig: '\u00c6',
  Egrave: '\u00c8', Ecirc: '\u00ca', Euml: '\u00cb', Igrave: '\u00cc', Iacute: '\u00cd', Icirc: '\u00ce', Iuml: '\u00cf',
  ETH: '\u00d0', Ntilde: '\u00d1', Ograve: '\u00d2', Oacute: '\u00d3', Ocirc: '\u00d4', Otilde: '\u00d5', Oslash: '\u00d8',
  Ugrave: '\u00d9', Uacute: '\u00da', Ucirc: '\u00db', Yacute: '\u00dd', THORN: '\u00de', atilde: '\u00e3', aelig: '\u00e6',
  igrave: '\u00ec', eth: '\u00f0', ograve: '\u00f2', otilde: '\u00f5', yacute: '\u00fd', thorn: '\u00fe', ordf: '\u00aa',
  ordm: '\u00ba', macr: '\u00af', acute: '\u00b4', micro: '\u00b5', cedil: '\u00b8', sup1: '\u00b9', sup2: '\u00b2',
  sup3: '\u00b3', frac14: '\u00bc', frac12: '\u00bd', frac34: '\u00be', curren: '\u00a4', brvbar: '\u00a6', uml: '\u00a8',
  not: '\u00ac', plusmn: '\u00b1', lsaquo: '\u2039', rsaquo: '\u203a', permil: '\u2030', prime: '\u2032', Prime: '\u2033',
  frasl: '\u2044', hyphen: '\u2010', dash: '\u2010', ast: '*', num: '#', dollar: '$', percnt: '%', lpar: '(', rpar: ')',
  comma: ',', period: '.', colon: ':', semi: ';', quest: '?', excl: '!', sol: '/', lowbar: '_', equals: '=', plus: '+',
};
const MORE = /&([A-Za-z][A-Za-z0-9]{1,31});/g;

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return decodeCommon(s.replace(MORE, (whole, name: string) => MORE_NAMED[name] ?? whole));
}

/** Elements whose direct text is not read (text-walk.ts EXCLUDE and mark.js's own list). */
const PARENT_SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'button', 'input', 'canvas', 'iframe', 'object', 'title', 'head', 'html']);

/** Elements whose content the parser keeps as raw text (never markup). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'noscript', 'iframe', 'xmp', 'noembed', 'noframes']);

/** Elements whose whole content never reaches the page's text: template content is not in the
 * document tree, and a select holds only options. */
const SKIP_CONTENT = new Set(['template', 'select']);

/** content/dom-text.ts BLOCK_TAGS, lower case: a text node's block is its nearest such ancestor. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen']);

/** Start tags that close an open <p> (the HTML parser's "close a p element"). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption',
  'figure', 'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section', 'summary', 'ul',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'listing', 'form', 'li', 'dd', 'dt', 'plaintext', 'table', 'hr', 'xmp',
]);

/** Elements that may appear in <head> before the body starts. */
const HEAD_ELEMENTS = new Set(['html', 'head', 'meta', 'link', 'title', 'style', 'script', 'noscript', 'base', 'template']);

interface Open {
  name: string;
  id: number;
  /** This element and everything in it is skipped. */
  skipAll: boolean;
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributes(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(raw); m !== null; m = ATTR.exec(raw)) {
    const name = (m[1] as string).toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

export interface FetchedPageText {
  /** The text exactly as the content script would hash it (before normalisation). */
  text: string;
  hardBreaks: number[];
  title: string;
}

export function pageTextFromHtml(html: string): FetchedPageText {
  const parts: string[] = [];
  const hardBreaks: number[] = [];
  let length = 0;
  let title = '';
  const stack: Open[] = [];
  let nextId = 1;
  let inBody = false;
  let prevBlock: number | undefined;
  let afterBr = false;
  let dropLeadingNewline = false;

  const top = (): Open | undefined => stack[stack.length - 1];
  const skipped = (): boolean => stack.some((e) => e.skipAll);
  const blockId = (): number => {
    for (let i = stack.length - 1; i >= 0; i--) if (BLOCK.has((stack[i] as Open).name)) return (stack[i] as Open).id;
    return 0; // <body> implied without a tag
  };
  const startBody = (): void => {
    if (inBody) return;
    inBody = true;
    // Whatever the head left open (an unclosed <noscript> in a broken page) is gone.
    stack.length = 0;
    stack.push({ name: 'body', id: nextId++, skipAll: false });
  };
  const popTo = (name: string, stopAt: ReadonlySet<string> = new Set()): void => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const n = (stack[i] as Open).name;
      if (n === name) {
        stack.length = i;
        return;
      }
      if (stopAt.has(n) || n === 'body') return;
    }
  };

  const text = (raw: string): void => {
    if (raw === '') return;
    let s = decodeEntities(raw.replace(/\r\n?/g, '\n'));
    if (dropLeadingNewline) {
      if (s.startsWith('\n')) s = s.slice(1);
      dropLeadingNewline = false;
      if (s === '') return;
    }
    if (!inBody) {
      if (/^[ \t\n\f\r]*$/.test(s)) return; // whitespace before the body belongs to <html> or <head>
      startBody();
      s = s.replace(/^[ \t\n\f\r]+/, '');
    }
    const parent = top();
    if (skipped() || (parent && PARENT_SKIP.has(parent.name))) {
      afterBr = false;
      return;
    }
    const block = blockId();
    if (prevBlock !== undefined && (block !== prevBlock || afterBr)) hardBreaks.push(length);
    prevBlock = block;
    afterBr = false;
    parts.push(s);
    length += s.length;
  };

  const tm = /<title(?:\s[^>]*)?>([\s\S]*?)<\/title\s*>/i.exec(html);
  if (tm) title = decodeEntities(tm[1] ?? '').replace(/\s+/g, ' ').trim();

  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(html.slice(i));
      break;
    }
    if (lt > i) text(html.slice(i, lt));
    i = lt;
    if (html.startsWith('<!--', i)) {
      const e = html.indexOf('-->', i + 4);
      i = e < 0 ? n : e + 3;
      continue; // a comment is a node, but the walk skips it and so does brBefore
    }
    if (html.startsWith('<!', i) || html.startsWith('<?', i)) {
      const e = html.indexOf('>', i);
      i = e < 0 ? n : e + 1;
      continue;
    }
    TAG.lastIndex = i;
    const m = TAG.exec(html);
    if (m === null) {
      text('<');
      i++;
      continue;
    }
    i = TAG.lastIndex;
    const closing = m[1] === '/';
    const name = (m[2] as string).toLowerCase();
    const rawAttrs = m[3] ?? '';
    dropLeadingNewline = false;

    if (closing) {
      if (name === 'br') {
        // </br> is parsed as <br>.
        if (inBody) afterBr = true;
        continue;
      }
      afterBr = false;
      if (name === 'head' || name === 'html' || name === 'body') continue;
      if (!inBody) continue;
      if (name === 'p' && !stack.some((e) => e.name === 'p')) continue;
      popTo(name);
      continue;
    }

    if (!inBody) {
      if (name === 'body' || !HEAD_ELEMENTS.has(name)) startBody();
      else {
        if (RAW_TEXT.has(name) || name === 'template') i = skipRaw(html, i, name);
        continue;
      }
      if (name === 'body') continue;
    } else if (name === 'body' || name === 'html' || name === 'head') {
      continue; // a second <body> adds attributes only
    }

    afterBr = false;
    if (name === 'br') {
      afterBr = true;
      continue;
    }
    // End tags the parser implies before this start tag.
    if (CLOSES_P.has(name)) popTo('p', new Set(['button', 'table', 'td', 'th']));
    if (name === 'li') popTo('li', new Set(['ul', 'ol', 'menu']));
    if (name === 'dt' || name === 'dd') {
      popTo('dt', new Set(['dl']));
      popTo('dd', new Set(['dl']));
    }
    if (name === 'option' || name === 'optgroup') popTo('option', new Set(['select', 'datalist']));
    if (name === 'tr') popTo('tr', new Set(['table', 'thead', 'tbody', 'tfoot']));
    if (name === 'td' || name === 'th') {
      popTo('td', new Set(['tr', 'table']));
      popTo('th', new Set(['tr', 'table']));
    }
    if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
      for (const s of ['tr', 'thead', 'tbody', 'tfoot']) popTo(s, new Set(['table']));
    }
    if (VOID.has(name)) continue;
    if (RAW_TEXT.has(name) || SKIP_CONTENT.has(name)) {
      // Their text is never read (PARENT_SKIP or a skipped subtree): jump past the end tag.
      i = skipRaw(html, i, name);
      continue;
    }
    if (rawAttrs.trimEnd().endsWith('/') && (name === 'svg' || name === 'math' || name.includes(':'))) continue; // self-closing foreign element
    const attrs = attributes(rawAttrs);
    const role = (attrs.get('role') ?? '').trim().toLowerCase();
    const parent = top();
    const skipAll =
      name === 'svg' ||
      name === 'nav' ||
      attrs.has('contenteditable') ||
      role === 'navigation' ||
      role === 'contentinfo' ||
      (name === 'footer' && parent?.name === 'body');
    stack.push({ name, id: nextId++, skipAll });
    if (name === 'pre' || name === 'listing') dropLeadingNewline = true;
  }
  return { text: parts.join(''), hardBreaks, title };
}

/** Offset just after the end tag that closes a raw-text (or skipped) element opened before `from`. */
function skipRaw(html: string, from: number, name: string): number {
  const re = new RegExp(`</${name}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi');
  re.lastIndex = from;
  if (name === 'template' || name === 'select') {
    // These hold markup: count nesting of the same name.
    const open = new RegExp(`<(/?)${name}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi');
    open.lastIndex = from;
    let depth = 1;
    for (let m = open.exec(html); m !== null; m = open.exec(html)) {
      depth += m[1] === '/' ? -1 : 1;
      if (depth === 0) return open.lastIndex;
    }
    return html.length;
  }
  const m = re.exec(html);
  return m ? re.lastIndex : html.length;
}
