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

/** Whether a text node is part of the page's text (read, and highlighted by mark.js). */
export function isPageText(node: Node): boolean {
  const parent = node.parentElement;
  return !!parent && !parent.matches(SKIP_SELECTOR);
}

/** A walker over the page's text nodes under root, in document order. */
export function pageTextWalker(root: Element): TreeWalker {
  return root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (isPageText(node) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
}
