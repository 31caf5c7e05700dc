// Reading Clausemark's UI the way the page cannot: in the content script's isolated world, where
// chrome.dom.openOrClosedShadowRoot opens our closed shadow roots (scripts/lib/chromium.ts).
// The page's own view is checked separately (pageView): it must see no shadow root and no state.
import type { Page } from 'playwright-core';
import { inContentWorld, waitInContentWorld } from '../../scripts/lib/chromium';
import type { ExtensionSession } from '../../scripts/lib/chromium';
import type { Visit } from '../../src/messages';

type Probe = { sel: string; want: boolean };

/** Waits until our UI has (or no longer has) an element matching `sel`. */
export async function waitForUi(page: Page, sel: string, want = true, timeoutMs = 15_000): Promise<void> {
  await waitInContentWorld(
    page,
    ({ sel: s, want: w }: Probe) => {
      const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
      let found = false;
      for (const el of document.querySelectorAll('*')) {
        try {
          if (dom.openOrClosedShadowRoot(el)?.querySelector(s)) found = true;
        } catch {
          // elements that cannot host a shadow root
        }
      }
      return found === w;
    },
    { sel, want },
    { timeoutMs },
  );
}

/** Our shadow hosts in the page (badges, panel, notice, toast), with the clause a badge follows. */
export function ourHosts(page: Page): Promise<{ tag: string; open: boolean; after: string | null; text: string; label: string | null }[]> {
  return inContentWorld(page, () => {
    const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
    const out: { tag: string; open: boolean; after: string | null; text: string; label: string | null }[] = [];
    for (const el of document.querySelectorAll('*')) {
      let root: ShadowRoot | null;
      try {
        root = dom.openOrClosedShadowRoot(el);
      } catch {
        continue;
      }
      if (!root) continue;
      const prev = el.previousElementSibling as HTMLElement | null;
      out.push({ tag: el.tagName, open: el.shadowRoot !== null, after: prev?.dataset.clausemarkClause ?? null, text: root.textContent ?? '', label: root.querySelector('button')?.getAttribute('aria-label') ?? null });
    }
    return out;
  });
}

/** The clause of the badge that has keyboard focus, or null. */
export function focusedBadge(page: Page): Promise<string | null> {
  return inContentWorld(page, () => {
    const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
    const host = document.activeElement;
    if (!host || host === document.body) return null;
    let root: ShadowRoot | null;
    try {
      root = dom.openOrClosedShadowRoot(host);
    } catch {
      return null;
    }
    if (root?.activeElement?.tagName !== 'BUTTON') return null;
    return (host.previousElementSibling as HTMLElement | null)?.dataset.clausemarkClause ?? null;
  });
}

/** What the page's own scripts can see of us: open shadow roots, attributes other than the
 * highlight contract, and text of ours in the light DOM. */
export function pageView(page: Page): Promise<{ openShadowRoots: number; foreignAttributes: string[]; htmlAttributes: string[] }> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const contract = new Set(['data-clausemark-category', 'data-clausemark-severity', 'data-clausemark-clause']);
    const foreign = new Set<string>();
    for (const el of all) for (const a of el.getAttributeNames()) if (/clausemark/i.test(a) && !contract.has(a)) foreign.add(a);
    for (const el of all) for (const a of ['id', 'class']) if (/clausemark/i.test(el.getAttribute(a) ?? '')) foreign.add(`${a}=${el.getAttribute(a)}`);
    return { openShadowRoots: all.filter((e) => e.shadowRoot).length, foreignAttributes: [...foreign], htmlAttributes: document.documentElement.getAttributeNames() };
  });
}

/** The background's record of a tab's page (tab/state), asked from an extension page. */
export async function tabVisit(session: ExtensionSession, tabId: number): Promise<Visit> {
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    const r = await page.evaluate(async (id) => chrome.runtime.sendMessage({ clausemark: 1, name: 'tab/state', payload: { tabId: id } }), tabId);
    if (!r?.ok || !r.value.state) throw new Error(`no state for tab ${tabId}: ${r?.error ?? 'none'}`);
    return r.value.state.visit as Visit;
  } finally {
    await page.close();
  }
}

/** Clicks an element of our UI as a user would (a trusted click at its position on screen). */
export async function clickUi(page: Page, sel: string): Promise<void> {
  const box = await inContentWorld(
    page,
    (s: string) => {
      const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
      for (const el of document.querySelectorAll('*')) {
        let hit: Element | null | undefined;
        try {
          hit = dom.openOrClosedShadowRoot(el)?.querySelector(s);
        } catch {
          continue;
        }
        if (!hit) continue;
        hit.scrollIntoView({ block: 'center' });
        const r = hit.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    sel,
  );
  if (!box) throw new Error(`no ${sel} in Clausemark's UI`);
  await page.mouse.click(box.x, box.y);
}
