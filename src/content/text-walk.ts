// The one walk over a page's text nodes, shared by reading (dom-text.ts) and highlighting
// (highlight.ts): detection gives offsets into the text read, and mark.js places highlights by
// offsets into the text nodes it visits, so both must visit the same nodes in the same order.
// mark.js tests only a text node's parent against its exclusions (hence the descendant forms),
// and always adds its own five; the walk below skips exactly that union.

/** Never read or annotate these (our own UI has no light-DOM text: it is all in closed shadow
 * roots): code, editable areas and form fields, and the site's navigation and page footer (menus
 * and link lists: a section title there is not a clause, and a reviewed quote that is also a menu
 * entry belongs in the text). Passed to mark.js as its `exclude` option. */
export const EXCLUDE: readonly string[] = [
  'script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'button', 'input',
  'svg', 'svg *', 'canvas', 'iframe', 'object',
  '[contenteditable]', '[contenteditable] *',
  'nav', 'nav *', '[role="navigation"]', '[role="navigation"] *',
  'body > footer', 'body > footer *', '[role="contentinfo"]', '[role="contentinfo"] *',
];

/** What mark.js always excludes on top of its `exclude` option (DOMIterator.matchesExclude in
 * mark.js 8.11). A <title> can sit inside the body: the HTML parser keeps it where it was written. */
export const MARKJS_ALWAYS_EXCLUDED: readonly string[] = ['script', 'style', 'title', 'head', 'html'];

const SKIP_SELECTOR = [...EXCLUDE, ...MARKJS_ALWAYS_EXCLUDED].join(',');

/** Whether a text node is part of the page's text (read, and highlighted by mark.js): the
 * definition. The walk below gives the same answer without testing a selector list on every text
 * node (test/unit/content/text-walk.test.ts compares the two on generated pages). */
export function isPageText(node: Node): boolean {
  const parent = node.parentElement;
  return !!parent && !parent.matches(SKIP_SELECTOR);
}

/** The exclusions that hold for a whole subtree (the element and, by their `x *` form, everything
 * in it): a walk skips these elements' subtrees at once. */
const SUBTREE_SELECTOR = 'svg,nav,[contenteditable],[role="navigation"],body > footer,[role="contentinfo"]';
/** The exclusions that hold for an element's own text only (`button` excludes the button's text,
 * not the text of a <span> inside it: mark.js tests a text node's parent alone). */
const PARENT_ONLY = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'button', 'input', 'canvas', 'iframe', 'object', ...MARKJS_ALWAYS_EXCLUDED]);

function excludesSubtree(el: Element): boolean {
  const name = el.localName;
  if (name === 'svg' || name === 'nav') return true;
  if (el.hasAttribute('contenteditable')) return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'contentinfo') return true;
  return name === 'footer' && el.parentElement?.localName === 'body';
}

/** node.textContent.length without building that string (on pages with large inline scripts,
 * megabytes): the lengths of every text node under it, which is what textContent joins. */
export function textLength(root: Node): number {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) n += (t as Text).length;
  return n;
}

/** The walk's one operation, as TreeWalker has it. */
export interface TextWalk {
  nextNode(): Node | null;
}

/** A walk over the page's text nodes under root, in document order: those isPageText accepts.
 * `left`, if given, counts the characters of the text nodes under root it leaves out (so that, once
 * walked to the end, the text walked plus `left.chars` is root's textContent length).
 * The browser's own text-node walker, without a filter (a filter is a call from the browser into
 * our script for every node); each text node's parent is checked here, with the excluded subtree
 * above it (if any) found once per element and skipped whole. */
export function pageTextWalker(root: Element, left?: { chars: number }): TextWalk {
  // Inside an excluded subtree (or one itself), nothing under root is page text.
  if (root.closest(SUBTREE_SELECTOR)) {
    if (left) left.chars += textLength(root);
    return { nextNode: () => null };
  }
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  /** The outermost excluded element at or above an element (below root), or null. */
  const excluded = new Map<Element, Element | null>();
  const excludedAt = (el: Element): Element | null => {
    const chain: Element[] = [];
    let found: Element | null = null;
    for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
      const hit = excluded.get(at);
      if (hit !== undefined) {
        found = hit;
        break;
      }
      chain.push(at);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const e = chain[i] as Element;
      if (!found && excludesSubtree(e)) found = e;
      excluded.set(e, found);
    }
    return found;
  };
  return {
    nextNode() {
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent) continue;
        const skip = parent === root ? null : excludedAt(parent);
        if (skip) {
          if (left) left.chars += textLength(skip);
          // Past the excluded subtree: its last node, whose next is the first after it.
          let last: Node = skip;
          while (last.lastChild) last = last.lastChild;
          walker.currentNode = last;
          continue;
        }
        if (!PARENT_ONLY.has(parent.localName)) return n;
        if (left) left.chars += (n as Text).length;
      }
      return null;
    },
  };
}
