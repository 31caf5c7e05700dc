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

const accept = (node: Node): number => {
  if (node.nodeType === 1) return excludesSubtree(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
  const parent = node.parentElement;
  return parent && !PARENT_ONLY.has(parent.localName) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
};
const none: NodeFilter = () => NodeFilter.FILTER_REJECT;

/** A walker over the page's text nodes under root, in document order: those isPageText accepts.
 * Excluded subtrees are skipped whole (one check per element, not a selector list per text node). */
export function pageTextWalker(root: Element): TreeWalker {
  // Inside an excluded subtree (or one itself), nothing under root is page text.
  const inside = !!root.closest(SUBTREE_SELECTOR);
  return root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, inside ? none : accept);
}
