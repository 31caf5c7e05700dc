// Runs on every http(s) page (and frame), so it stays tiny: settings, URL and title first, a
// lookup of the URL in the knowledge base (in the background, never over the network), and only
// then loads the annotator. Single-page apps: a change of address re-runs the check, after
// cleaning up; so does a change of settings. In "only when I click" mode nothing is read until
// the user asks from the toolbar popup.
import { onRuntimeMessage } from '../lib/ext';
import { quickSignal } from '../core/page';
import { bloomTester } from '../core/bloom';
import { hostChain, normalizeHost } from '../core/url';
import knownHosts from 'virtual:known-hosts';
import { isNeverSite, type Settings } from '../core/settings';
import { isEnvelope, type Reply } from '../messages';
import { send } from '../lib/rpc';
import { loadSettings, onSettingsChanged } from '../settings/store';
import { loadAnnotator } from './load-annotator';

const GUARD = '__clausemarkLoaded';
const knownHost = bloomTester(knownHosts);
const mayBeKnownHost = (hostname: string) => hostChain(normalizeHost(hostname)).some(knownHost);
const isTop = window === window.top;

function pageKey(): string {
  return location.href.split('#')[0] as string;
}

async function check(settings: Settings, force: boolean, signal: AbortSignal): Promise<boolean> {
  if (isNeverSite(settings, location.hostname)) return false;
  if (settings.mode === 'click' && !force) return false;
  const quick = quickSignal(location.href, document.title);
  // Frames (ads, widgets) are only looked at when they look like a policy themselves.
  if (!isTop && !quick.candidate && !force) return false;
  // An ordinary page on a host the knowledge base has no document for: nothing more to ask, and
  // the background is not woken (the filter has no false negatives).
  if (!quick.candidate && !force && !mayBeKnownHost(location.hostname)) return false;
  // A page that already looks like a policy loads the annotator while the lookup is under way.
  const annotator = quick.candidate || force ? loadAnnotator() : null;
  let match = null;
  try {
    match = (await send('page/lookup', {})).match;
  } catch (err) {
    console.warn('Clausemark: knowledge base lookup failed', err);
  }
  if (signal.aborted || (!match && !quick.candidate && !force)) return false;
  const { startSession } = await (annotator ?? loadAnnotator());
  if (signal.aborted) return false;
  const reason = match ? `known: ${match.platform.name} ${match.document.termsType}` : force ? 'analysed on request' : quick.reason;
  await startSession({ match, reason, signal, settings, force });
  return true;
}

function main(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (g[GUARD]) return; // injected twice (e.g. programmatic injection after the manifest one)
  g[GUARD] = true;

  let controller: AbortController | null = null;
  let key = '';
  const run = (settings: Settings, opts: { force?: boolean; again?: boolean } = {}): Promise<boolean> => {
    if (pageKey() === key && !opts.force && !opts.again) return Promise.resolve(false); // same document (or only the #fragment changed)
    key = pageKey();
    controller?.abort();
    const c = (controller = new AbortController());
    return check(settings, !!opts.force, c.signal).catch((err: unknown) => {
      console.warn('Clausemark:', err);
      return false;
    });
  };

  // The popup's "Analyse this page" injects this script and asks it to analyse straight away: the
  // listener is in place before the first await, or that request can find no one to answer it
  // (a race lost under load). Requests wait for the settings.
  let settings = loadSettings();
  onRuntimeMessage((message: unknown): Promise<Reply<'content/analyse' | 'content/explain'>> | undefined => {
    if (!isEnvelope(message)) return undefined;
    if (message.name === 'content/analyse' && isTop) {
      return settings.then((s) => run(s, { force: true })).then((started) => ({ ok: true, value: { started } }));
    }
    if (message.name === 'content/explain') {
      const text = String((message.payload as { text?: unknown }).text ?? '').slice(0, 20_000);
      return Promise.all([settings, loadAnnotator()]).then(async ([s, { explainSelection }]) => ({ ok: true, value: { found: await explainSelection(text, s) } }));
    }
    return undefined;
  });
  onSettingsChanged((next) => {
    settings = Promise.resolve(next);
    void run(next, { again: true });
  });
  const runNow = (opts: { again?: boolean } = {}) => void settings.then((s) => run(s, opts));

  runNow();
  // History API navigations are invisible to content scripts' isolated world: listen where we
  // can and fall back to a cheap once-a-second comparison of the address.
  addEventListener('popstate', () => runNow());
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', () => runNow());
  setInterval(() => runNow(), 1000);
  // Leaving the document (a new page loads in the tab): its analysis no longer applies. Same-page
  // #fragment jumps keep it. Coming back from the back-forward cache analyses the page again.
  addEventListener('pagehide', () => {
    controller?.abort();
    key = '';
  });
  addEventListener('pageshow', (e) => {
    if ((e as PageTransitionEvent).persisted) runNow({ again: true });
  });
}

main();
