// Our UI lives in shadow roots: page CSS cannot reach in, ours cannot leak out.
// Constructable stylesheets first (not subject to the page's style-src CSP); a <style> element
// as the fallback where adoptedStyleSheets is unavailable to content scripts.

export function attachStyledShadow(host: HTMLElement, css: string): ShadowRoot {
  host.setAttribute('data-clausemark-ui', '');
  const shadow = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
  return shadow;
}

/** Shields an inline host element from page rules that target every span or element. */
export function resetHostStyle(host: HTMLElement, display: string): void {
  const st = host.style;
  st.setProperty('all', 'initial', 'important');
  st.setProperty('display', display, 'important');
}
