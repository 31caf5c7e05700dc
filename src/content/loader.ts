// The loader: registered (background/content-registration.ts) for addresses that look like a
// policy, from the start of the document; put in by the background where the
// sentinel on every page (sentinel.ts) finds a candidate by its title or host, and where the user
// asks. Before the title is known it looks at the address (and the sentinel's filter of the hosts
// whose known documents it cannot tell by their address); a page
// that may be a policy reads the settings and asks the knowledge base (in the background, never
// over the network) while the page is still parsed; at DOMContentLoaded, never later (it does not
// wait for `load`, which some pages never fire), a page whose address or title reads like a policy
// is read and its text sent to the analysis while the lookup is answered and the annotator, which
// shows what comes back, is put in beside it (load-annotator.ts).
// Single-page apps: a change of address re-runs the check, after cleaning up; so does a change of
// settings. In "only when I click" mode nothing is read until the user asks from the toolbar popup.
import { LOADER_FLAG, LOADER_REQUEST } from '../lib/content-files';
import { quickSignal } from '../core/page';
import { mayBeKnownDocument } from './known-document';
import { isNeverSite, type Settings } from '../core/settings';
import { isEnvelope, type Reply, type Res } from '../messages';
import { send } from '../lib/rpc';
import { loadSettings, onSettingsChanged } from '../settings/store';
import { loadAnnotator } from './load-annotator';
import { begin } from './begin';
import { dropPreconnected, preconnect } from './engine-client';
import { step } from './status';
import { yieldToPage } from './yield';

const GUARD = LOADER_FLAG;
const isTop = window === window.top;

function pageKey(): string {
  return location.href.split('#')[0] as string;
}

/** Resolves once the document is parsed (at once if it already is), in a task after the one that
 * parsed it: a page with nothing left to load fires `load` and lays itself out in that task
 * (Roblox's terms: a 150-280 ms layout), and no code of ours should run in it. The listener is the
 * browser's own postMessage, bound: nothing of ours runs there at all. (A message, not a timer:
 * timers in background tabs wait up to a second.) */
function parsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    // (Called with the event as postMessage's options: it names no `transfer`, so nothing is moved.)
    const post = (channel.port2.postMessage as (message: unknown) => void).bind(channel.port2, null);
    document.addEventListener('DOMContentLoaded', post as EventListener, { once: true });
  });
}

let settingsRead: Promise<Settings> | null = null;
/** The settings, read the first time a page may need them (never on an ordinary page). */
function settings(): Promise<Settings> {
  if (!settingsRead) {
    settingsRead = loadSettings();
    onSettingsChanged((next) => {
      settingsRead = Promise.resolve(next);
      onChange?.(next);
    });
  }
  return settingsRead;
}
let onChange: ((s: Settings) => void) | null = null;

async function check(force: boolean, signal: AbortSignal): Promise<boolean> {
  // Before the title is known, the address alone (and the unmarked hosts' filter: no false negatives).
  const early = mayBeKnownDocument(location.href, location.hostname);
  if (!early && !force) {
    await parsed();
    if (signal.aborted) return false;
    // Frames (ads, widgets) are only looked at when they look like a policy themselves; an
    // ordinary page on a host the knowledge base has no document for is left alone.
    if (!quickSignal(location.href, document.title).candidate) return false;
  }
  step('candidate');
  // The settings, the lookup and the annotator's injection all start now, while the page is still
  // parsed; the lookup and the load are dropped if the settings say no. In a task of their own:
  // the loader comes in the task that parses the page (all of it, for a page of ordinary size),
  // and the first use of the extension's messaging and storage in a page costs 6-10 ms there
  // (Qwen's privacy policy: the loader's injection 12-14 ms of a 30-70 ms parsing task).
  if (!force) await yieldToPage();
  if (signal.aborted) return false;
  const read = settings();
  const lookup = send('page/lookup', {}).then(
    (r) => r,
    (err: unknown) => (console.warn('Clausemark: knowledge base lookup failed', err), null),
  );
  // Where the address reads like a policy (or the user asked), the annotator is asked for beside
  // the lookup (the background puts it in, in a task of its own: load-annotator.ts), and the
  // connection to the analysis host is opened, whose greeting is then in when the page is read.
  // Elsewhere both wait until the page turns out to need them.
  const likely = force || quickSignal(location.href, '').candidate;
  if (likely) loadAnnotator().catch(() => undefined); // (awaited below; its failure reported there)
  const opened = likely ? preconnect() : null;
  let went = false;
  try {
    went = await go(force, signal, lookup, read);
  } finally {
    if (!went) dropPreconnected(opened);
  }
  return went;
}

/** The rest of check(), once the settings and the lookup are asked for. */
async function go(force: boolean, signal: AbortSignal, lookup: Promise<Res<'page/lookup'> | null>, read: Promise<Settings>): Promise<boolean> {
  const s = await read;
  step('settings');
  if (signal.aborted || isNeverSite(s, location.hostname)) return false;
  if (s.mode === 'click' && !force) return false;
  await parsed();
  step('parsed');
  if (signal.aborted) return false;
  const quick = quickSignal(location.href, document.title);
  if (!isTop && !quick.candidate && !force) return false;
  // A page whose address or title reads like a policy is read now and its text sent to the
  // analysis while the lookup is answered (whether it is a known document comes with the answer),
  // and the annotator, which shows what comes back, is on its way meanwhile; a page only the
  // knowledge base can call a policy waits for the answer. (In a task of its own, after the one
  // that parsed the page: see parsed().)
  const likely = quick.candidate || force;
  const prepared = likely ? begin(s, lookup.then((a) => !!a?.match || force), signal) : undefined;
  const annotator = likely ? loadAnnotator() : undefined;
  annotator?.catch(() => undefined); // (awaited below unless the page is left first)
  const answer = await lookup;
  const match = answer?.match ?? null;
  step('lookup');
  if (signal.aborted || (!match && !likely)) return false;
  const { startSession } = await (annotator ?? loadAnnotator());
  if (signal.aborted) return false;
  const reason = match ? `known: ${match.platform.name} ${match.document.termsType}` : force ? 'analysed on request' : quick.reason;
  await startSession({ match, reason, signal, settings: s, force, texts: answer?.texts, prepared, read: begin });
  return true;
}

function main(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (g[GUARD]) return; // injected twice (e.g. programmatic injection after the manifest one)
  g[GUARD] = true;

  let controller: AbortController | null = null;
  let key = '';
  const run = (opts: { force?: boolean; again?: boolean } = {}): Promise<boolean> => {
    if (pageKey() === key && !opts.force && !opts.again) return Promise.resolve(false); // same document (or only the #fragment changed)
    key = pageKey();
    controller?.abort();
    const c = (controller = new AbortController());
    return check(!!opts.force, c.signal).catch((err: unknown) => {
      console.warn('Clausemark:', err);
      return false;
    });
  };

  // The popup's "Analyse this page" injects this script and asks it to analyse straight away: the
  // entry is in place before the first await, or that request can find no one to answer it (a
  // race lost under load). Requests wait for the settings. They arrive as a function the
  // background runs in this isolated world (background/content-registration.ts, requestLoader),
  // not as runtime messages: a message listener would set up the extension's messaging in every
  // page, ordinary ones included.
  (globalThis as unknown as Record<string, unknown>)[LOADER_REQUEST] = (message: unknown): Promise<Reply<'content/analyse' | 'content/explain'> | null> => {
    if (!isEnvelope(message)) return Promise.resolve(null);
    if (message.name === 'content/analyse' && isTop) {
      return settings().then(() => run({ force: true })).then((started) => ({ ok: true, value: { started } }));
    }
    if (message.name === 'content/explain') {
      const text = String((message.payload as { text?: unknown }).text ?? '').slice(0, 20_000);
      return Promise.all([settings(), loadAnnotator()]).then(async ([s, { explainSelection }]) => ({ ok: true, value: { found: await explainSelection(text, s) } }));
    }
    return Promise.resolve(null);
  };
  onChange = () => void run({ again: true });

  void run();
  // History API navigations: the Navigation API's event where the browser has it, else a cheap
  // once-a-second comparison of the address.
  addEventListener('popstate', () => void run());
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav) nav.addEventListener('navigatesuccess', () => void run());
  else setInterval(() => void run(), 1000);
  // Leaving the document (a new page loads in the tab): its analysis no longer applies. Same-page
  // #fragment jumps keep it. Coming back from the back-forward cache analyses the page again.
  // (The pageshow listener only once the page was hidden: the first pageshow comes with `load`,
  // in the task where a page with nothing left to load lays itself out, and none of our code
  // should run there — on Roblox's terms that task is 120-300 ms of the page's own layout.)
  let restore: ((e: Event) => void) | null = null;
  addEventListener('pagehide', () => {
    controller?.abort();
    key = '';
    if (restore) return;
    restore = (e) => {
      if ((e as PageTransitionEvent).persisted) void run({ again: true });
    };
    addEventListener('pageshow', restore);
  });
}

main();
