// Our UI lives in closed shadow roots: page CSS cannot reach in, ours cannot leak out, and the
// page's scripts can neither read a panel or notice (which can show what the user read) nor click
// its buttons. The hosts carry no attribute of ours: which elements are ours is known here only.
// Constructable stylesheets first (not subject to the page's style-src CSP); a <style> element
// as the fallback where adoptedStyleSheets is unavailable to content scripts.

const roots = new WeakMap<Element, ShadowRoot>();

/** On our own extension pages (onboarding's live example) no foreign script runs: open there. */
const ownPage = /^(chrome|moz)-extension:$/.test(location.protocol);

/** One constructed sheet per style text, adopted by every root that uses it: a page with 80 badges
 * parses the badge CSS once, and the browser shares the sheet's rules between the roots. */
const sheets = new Map<string, CSSStyleSheet>();
function sheetFor(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

export function attachStyledShadow(host: HTMLElement, css: string): ShadowRoot {
  const shadow = host.attachShadow({ mode: ownPage ? 'open' : 'closed' });
  roots.set(host, shadow);
  try {
    shadow.adoptedStyleSheets = [sheetFor(css)];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
  return shadow;
}

/** The shadow root of one of our hosts (closed: `host.shadowRoot` is null, for us too). */
export function shadowOf(host: Element | null | undefined): ShadowRoot | undefined {
  return host ? roots.get(host) : undefined;
}

/** Shields an inline host element from page rules that target every span or element. */
export function resetHostStyle(host: HTMLElement, display: string): void {
  const st = host.style;
  st.setProperty('all', 'initial', 'important');
  st.setProperty('display', display, 'important');
}
