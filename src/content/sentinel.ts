// The one Clausemark script on every page and frame in automatic mode, so it stays tiny: it looks
// at the address, the host (a filter of the hosts whose known documents it cannot tell by their
// address) and, once the document is parsed, the title,
// and on an ordinary page does nothing else — no extension API, no storage, no message, no timer
// where the browser has the Navigation API. The loader with the annotator (loader.ts) comes by its
// own registration on addresses that look like a policy (background/content-registration.ts), at
// the start of the document like this one. Where only the title or the unmarked hosts' filter calls
// the page a candidate (or the address did not match that registration, or a single-page
// navigation led to one), this asks the background to put the loader in (page/inject).
import { mayBePolicyPage } from '../core/page';
import { mayBeKnownDocument } from './known-document';
import { LOADER_FLAG } from '../lib/content-files';

const g = globalThis as unknown as Record<string, unknown>;
const SENTINEL = '__clausemarkSentinel';

function main(): void {
  if (g[SENTINEL] || g[LOADER_FLAG]) return; // injected twice, or the loader is here already
  g[SENTINEL] = true;
  let asked = false;
  /** Asks the background for the loader in this frame (it guards against running twice). */
  const inject = () => {
    if (asked || g[LOADER_FLAG]) return;
    asked = true;
    const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    void api.runtime.sendMessage({ clausemark: 1, name: 'page/inject', payload: {} }).catch(() => (asked = false));
  };
  const isTop = window === window.top;
  // (The rules themselves only where one simple test finds a policy word.)
  const candidate = (title: string) => mayBePolicyPage(location.href, title);
  // A page on a host where the knowledge base knows a document whose address does not read like a
  // policy (no false negatives; about 1 % false positives) and whose own address has no policy
  // words: the loader asks the knowledge base at once. (A known document whose address reads like
  // a policy is found by its address, in whatever spelling leads to it.)
  if (isTop && !candidate('') && mayBeKnownDocument(location.href, location.hostname)) inject();
  // Once parsed: the address (if the loader's registration missed it) and the title.
  const parsed = () => {
    if (!g[LOADER_FLAG] && candidate(document.title)) inject();
  };
  // (Registered at document_start, so the document is still loading; the event reaches the
  // window, and the document's own wrapper is not made in this world before it is needed.)
  addEventListener('DOMContentLoaded', parsed, { once: true });
  // Single-page navigations to a policy: the Navigation API's event where the browser has it,
  // else a once-a-second comparison of the address. (Once the loader is here, it follows them.)
  let href = location.href;
  const moved = () => {
    if (location.href === href) return;
    href = location.href;
    parsed();
  };
  addEventListener('popstate', moved);
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav) nav.addEventListener('navigatesuccess', moved);
  else setInterval(moved, 1000);
}

main();
