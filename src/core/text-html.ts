// A small tolerant HTML-to-text converter for the CLI and tests (the extension reads the live
// DOM instead). It renders roughly what a reader sees: hidden containers are skipped, entities
// decoded, whitespace collapsed as CSS would, and each block boundary becomes a newline plus a
// hard break so sentences never run across paragraphs, list items or table cells.

import { TextBuilder } from './text-builder';
import { decodeEntities } from './text-entities';

/** Elements whose content is never shown as text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas', 'math', 'select', 'textarea', 'button']);

/** Elements that start/end a block (a hard break on both sides). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'option',
]);

/** Void elements never have content or a closing tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;

export function htmlToText(html: string): { text: string; hardBreaks: number[]; title?: string } {
  const out = new TextBuilder();
  const put = (s: string): void => out.put(s);
  let title: string | undefined;
  let pre = 0; // depth of <pre>: whitespace kept as is
  let pendingSpace = false;

  const blockBreak = (): void => {
    pendingSpace = false;
    out.blockBreak();
  };
  const appendText = (raw: string): void => {
    const s = decodeEntities(raw);
    if (pre > 0) { put(s); pendingSpace = false; return; }
    // Collapse ASCII whitespace like CSS `white-space: normal`; nbsp is kept (it is content).
    for (const part of s.split(/([ \t\n\r\f]+)/)) {
      if (part === '') continue;
      if (/^[ \t\n\r\f]+$/.test(part)) { pendingSpace = true; continue; }
      if (pendingSpace && out.length > 0 && out.last !== '\n' && out.last !== ' ') put(' ');
      pendingSpace = false;
      put(part);
    }
  };

  // <title> usually sits in <head>, which is skipped as a whole, so read it up front.
  const tm = /<title(?:\s[^>]*)?>([\s\S]*?)<\/title\s*>/i.exec(html);
  if (tm) {
    const t = decodeEntities(tm[1] ?? '').replace(/\s+/g, ' ').trim();
    if (t) title = t;
  }

  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) { appendText(html.slice(i)); break; }
    if (lt > i) appendText(html.slice(i, lt));
    i = lt;
    if (html.startsWith('<!--', i)) {
      const e = html.indexOf('-->', i + 4);
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (html.startsWith('<!', i) || html.startsWith('<?', i)) {
      const e = html.indexOf('>', i);
      i = e < 0 ? n : e + 1;
      continue;
    }
    TAG.lastIndex = i;
    const m = TAG.exec(html);
    if (m === null) { appendText('<'); i++; continue; } // a stray "<" is text
    i = TAG.lastIndex;
    const closing = m[1] === '/';
    const name = (m[2] as string).toLowerCase();
    const selfClosing = (m[3] ?? '').trimEnd().endsWith('/');
    if (!closing && (SKIP.has(name) || name === 'title')) {
      if (selfClosing) continue;
      // Raw-text skip: jump to the matching close tag (nesting of the same name counted for svg).
      i = findClose(html, i, name);
      continue;
    }
    if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
    if (BLOCK.has(name)) blockBreak();
    else if (name === 'img' || name === 'wbr' || VOID.has(name)) continue;
  }
  // The last block ends with text, not a newline.
  const done = out.finish();
  return title === undefined ? done : { ...done, title };
}

const closeRes = new Map<string, RegExp>();

/** Offset just after the close tag matching an open `name` element whose content starts at `from`. */
function findClose(html: string, from: number, name: string): number {
  let re = closeRes.get(name);
  if (re === undefined) {
    // Case-insensitive regex on the original string (toLowerCase could change its length).
    re = new RegExp(`<(/?)${name}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi');
    closeRes.set(name, re);
  }
  // Only svg/math-like containers nest; script/style contents are raw text.
  const nests = name === 'svg' || name === 'math' || name === 'template' || name === 'object';
  let depth = 1;
  re.lastIndex = from;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    if (m[1] === '/') depth--;
    else if (nests && !m[0].endsWith('/>')) depth++;
    if (depth === 0) return re.lastIndex;
  }
  return html.length;
}
