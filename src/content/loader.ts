// Runs on every http(s) page (and frame), so it stays tiny: URL and title first, a lookup of the
// URL in the knowledge base (in the background, never over the network), and only then loads the
// annotator. Single-page apps: a change of address re-runs the check, after cleaning up.
import { quickSignal } from '../core/page';
import { send } from '../lib/rpc';

const GUARD = '__clausemarkLoaded';
const isTop = window === window.top;

function pageKey(): string {
  return location.href.split('#')[0] as string;
}

async function check(signal: AbortSignal): Promise<void> {
  const quick = quickSignal(location.href, document.title);
  // Frames (ads, widgets) are only looked at when they look like a policy themselves.
  if (!isTop && !quick.candidate) return;
  let match = null;
  try {
    match = (await send('page/lookup', { url: location.href })).match;
  } catch (err) {
    console.warn('Clausemark: knowledge base lookup failed', err);
  }
  if (signal.aborted || (!match && !quick.candidate)) return;
  const { startSession } = await import('./annotator');
  if (signal.aborted) return;
  await startSession({ match, reason: match ? `known: ${match.platform.name} ${match.document.termsType}` : quick.reason, signal });
}

function main(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (g[GUARD]) return; // injected twice (e.g. programmatic injection after the manifest one)
  g[GUARD] = true;

  let controller: AbortController | null = null;
  let key = '';
  const run = () => {
    if (pageKey() === key) return; // same document (or only the #fragment changed)
    key = pageKey();
    controller?.abort();
    const c = (controller = new AbortController());
    check(c.signal).catch((err: unknown) => console.warn('Clausemark:', err));
  };
  run();
  // History API navigations are invisible to content scripts' isolated world: listen where we
  // can and fall back to a cheap once-a-second comparison of the address.
  addEventListener('popstate', run);
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', run);
  setInterval(run, 1000);
}

main();
