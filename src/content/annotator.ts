// The annotator, a script of its own that the background puts in where the loader asks
// (load-annotator.ts), used on pages the loader took for a policy. The loader's begin() reads the
// page and hands its text to the analysis (engine-client.ts: off the page's main thread when the
// analysis host answers; the loader calls it at DOMContentLoaded, and the annotator through it);
// annotate() shows the clauses of the sections on screen as soon as they come, then the whole
// document's, then the reviewed quotes of the knowledge base, and reports the visit to the background. startSession() keeps the page in step
// when content arrives later, without taking down what is already shown.
import type { PageClause, PageMatch, PageReading } from '../messages';
import { SENSITIVITY_THRESHOLD, type Settings } from '../core/settings';
import type { KnownClause } from '../kb/schema';
import type { FoundClause } from '../core/types';
import { send } from '../lib/rpc';
import { clearStatus, setDebug, setStatus, step } from './status';
import { trackVersion } from './version-track';
import type { PageInfo, PanelClause } from './panel';
import { detectedClauses, highlightsOf, knownClauses, MAX_HIGHLIGHTS, relevantQuotes } from './find-clauses';
import { textLength as bodyTextLength, type PageText } from './dom-text';
import { ClauseRenderer } from './render-clauses';
import type { begin, Begun } from './begin';
import { setBadgeTexts } from './badges';
import { loadUi } from './load-ui';
import type { Notice } from './ui';
import type { BadgeTexts } from '../lib/badge-texts';

export { MAX_HIGHLIGHTS, MAX_TEXT_CHARS } from './find-clauses';

/** "Explain this clause" on a selection (ui.ts, loaded for it). */
export function explainSelection(text: string, settings: Settings): Promise<number> {
  return loadUi().then((ui) => ui.explainSelection(text, settings));
}

/** A notice in the page's corner (its texts and its element come with ui.ts, loaded for it). */
function notify(notice: Notice, signal: AbortSignal): void {
  void loadUi().then(
    (ui) => {
      if (!signal.aborted) ui.showNotice(notice, signal);
    },
    (err: unknown) => console.warn('Clausemark: notice', err),
  );
}

export interface AnnotateInput {
  match: PageMatch | null;
  reason: string;
  signal: AbortSignal;
  settings: Settings;
  /** Asked for by the user: analyse even if the text does not read like a policy. */
  force?: boolean;
  /** The badge texts sent with the lookup answer. */
  texts?: BadgeTexts;
  /** The page already read and its analysis started (the loader does it at DOMContentLoaded,
   * while the lookup is answered): used by the first analysis only. */
  prepared?: Promise<Begun | null>;
  /** How a later analysis reads the page again: the loader's own begin() (begin.ts), so the
   * reading, the analysis client and what it knows of the analysis host are one, in the loader's
   * script; this script carries no copy of them. */
  read: typeof begin;
}

export interface AnnotateResult {
  status: 'annotated' | 'not-policy' | 'aborted';
  clauses: number;
  reason: string;
  /** Characters read (to tell later whether the page changed enough to look again). */
  textLength: number;
  /** The body's textContent length when it was read (compared with itself later: it counts
   * scripts, styles and menus, which the text read leaves out). */
  bodyLength?: number;
}

/** The renderer of a session: one per page visit, so a fresh analysis updates what is shown. */
interface View {
  renderer: ClauseRenderer | null;
  kbById: Map<string, KnownClause>;
  info: PageInfo;
}

function newView(match: PageMatch | null): View {
  return {
    renderer: null,
    kbById: new Map(),
    info: {
      url: location.href,
      title: document.title,
      sha256: '',
      readAt: new Date().toISOString(),
      platformName: match?.platform.name,
      platformId: match?.platform.id,
      documentId: match?.document.id,
      documentTitle: match?.document.termsType,
      modelVersion: '',
    },
  };
}

const keyOf = (c: { start: number; end: number; category: string; severity: string }) => `${c.start}:${c.end}:${c.category}:${c.severity}`;

export async function annotate(input: AnnotateInput, view: View = newView(input.match), sessionSignal: AbortSignal = input.signal): Promise<AnnotateResult> {
  const { match, signal, settings } = input;
  const root = document.body;
  if (!root) {
    void input.prepared?.then((b) => (b?.session.close(), b?.release()));
    return { status: 'not-policy', clauses: 0, reason: 'no body', textLength: 0 };
  }
  const begun = await (input.prepared ?? input.read(settings, !!match || !!input.force, signal));
  if (!begun || signal.aborted) {
    begun?.session.close();
    begun?.release();
    return { status: 'aborted', clauses: 0, reason: 'navigation', textLength: begun?.page.text.length ?? 0 };
  }
  const { page, bodyLength, readAt, session } = begun;
  const textLength = page.text.length;
  const threshold = SENSITIVITY_THRESHOLD[settings.sensitivity];
  const knownPromise: Promise<KnownClause[]> = match
    ? send('kb/clauses', { platformId: match.platform.id, documentId: match.document.id }).then((r) => relevantQuotes(r.clauses, match.document.id), () => [])
    : Promise.resolve([]);
  const renderer = () => (view.renderer ??= new ClauseRenderer(root, () => view.info, view.kbById, sessionSignal));
  try {
    // The sections on screen, as soon as they are analysed (each answer adds to those shown).
    // (A fresh reading of a page that already shows highlights waits for the whole result instead.)
    let showing: Promise<unknown> = Promise.resolve();
    if (!view.renderer?.items.size) {
      let focused: FoundClause[] = [];
      session.onFocus((clauses) => {
        step('focus');
        if (!clauses.length || signal.aborted) return;
        focused = focused.concat(clauses);
        const found = focused;
        showing = showing.then(async () => {
          if (signal.aborted || found !== focused) return; // a later answer shows these too
          await renderer().show(highlightsOf(detectedClauses(page.text, dedupe(found)), settings).highlights, signal, false, begun.walk);
          step('focus shown');
        });
      });
    }
    const final = await session.final;
    await showing;
    step('final');
    if (signal.aborted) return { status: 'aborted', clauses: 0, reason: 'navigation', textLength };
    const { screening } = final;
    if (!screening.policy) {
      await view.renderer?.show([], signal);
      return { status: 'not-policy', clauses: 0, reason: screening.reason, textLength, bodyLength };
    }
    // The detector knows English only: elsewhere say so, and show reviewed clauses alone.
    if (!screening.english) notify({ kind: 'english-only', language: screening.language, known: !!match }, signal);
    if (page.truncated) notify({ kind: 'very-long', chars: textLength }, signal);
    view.info = { ...view.info, sha256: final.sha256, readAt, url: location.href, title: document.title, modelVersion: final.modelVersion };
    const detected = detectedClauses(page.text, final.clauses);
    setDebug(() => ({ text: page.text, hardBreaks: page.hardBreaks, threshold, detected: final.clauses.map(keyOf), hostMs: final.local ? undefined : final.ms, steps: (globalThis as { clausemarkSteps?: [string, number][] }).clausemarkSteps }));
    // A reused analysis (a revisit of the same text) comes whole and at once: it is shown once,
    // with the reviewed quotes and the badges, in one rendering of the page.
    const once = final.cached;
    if (!once && !(await renderer().show(highlightsOf(detected, settings).highlights, signal, false, begun.walk))) return { status: 'aborted', clauses: 0, reason: 'navigation', textLength };
    // The reviewed quotes of the knowledge base, located in the live text.
    const known = await knownPromise;
    let kbClauses: PageClause[] = [];
    if (known.length) {
      const kb = knownClauses(page.text, known, await session.anchor(known.map((k) => k.quote)));
      view.kbById.clear();
      for (const [id, k] of kb.byId) view.kbById.set(id, k);
      kbClauses = kb.clauses;
    }
    if (signal.aborted) return { status: 'aborted', clauses: 0, reason: 'navigation', textLength };
    const { highlights, total } = highlightsOf(detected, settings, kbClauses);
    if (total > MAX_HIGHLIGHTS) notify({ kind: 'too-many', max: MAX_HIGHLIGHTS, total }, signal);
    if (!(await renderer().show(highlights, signal, once, begun.walk))) return { status: 'aborted', clauses: 0, reason: 'navigation', textLength };
    step('all shown');
    const items = renderer().items;
    setStatus({ state: 'annotated', count: items.size });
    await report(page, final.sha256, readAt, items, input);
    return { status: 'annotated', clauses: items.size, reason: screening.reason, textLength, bodyLength };
  } finally {
    session.close();
    begun.release();
  }
}

/** The clauses of overlapping focus answers, once each. */
function dedupe(found: readonly FoundClause[]): FoundClause[] {
  const seen = new Set<string>();
  return found.filter((c) => {
    const k = keyOf(c);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Step three: the visit to the background, then version tracking once the page settles. */
async function report(page: PageText, sha256: string, readAt: string, items: ReadonlyMap<string, PanelClause>, input: AnnotateInput): Promise<void> {
  // The page's address and document are not sent: the background takes them from the browser.
  const reading: PageReading = {
    title: document.title.slice(0, 1024),
    sha256,
    readAt,
    textLength: page.text.length,
    detection: { kind: input.match ? 'known' : 'heuristic', reason: input.reason.slice(0, 256) },
    clauses: [...items.values()].map((i) => i.clause).sort((a, b) => a.start - b.start),
  };
  const reported = await send('page/report', reading).catch((err: unknown) => console.warn('Clausemark: could not record the visit', err));
  // Version history: once the page settles (docs/history.md). Not awaited: it waits on purpose.
  if (reported) void trackVersion({ visitId: reported.visitId, sha256, text: page.text, hardBreaks: page.hardBreaks, signal: input.signal, notices: input.settings.inPageNotices });
}

/** Quiet time after the page's last change before it is read again… */
const RECHECK_DELAY_MS = 1200;
/** …but never longer than this after a change, however busy the page (a page whose ads rotate
 * every 250 ms never goes quiet). */
const RECHECK_MAX_WAIT_MS = 3000;

/**
 * Annotates, then watches the page: content that arrives later (single-page apps, "read more"
 * sections, consent notices) triggers a fresh analysis, which updates the highlights in place:
 * those that stay are not taken down. Our own DOM changes never trigger one: the observer is
 * disconnected while we change the page, and its queue dropped afterwards.
 */
export async function startSession(input: AnnotateInput): Promise<void> {
  const { signal } = input;
  setBadgeTexts(input.texts);
  const view = newView(input.match);
  let inner: AbortController | null = null;
  let last: AnnotateResult | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChange = 0;
  const schedule = () => {
    const now = performance.now();
    if (!firstChange) firstChange = now;
    clearTimeout(timer);
    timer = setTimeout(() => {
      firstChange = 0;
      void recheck();
    }, Math.max(0, Math.min(RECHECK_DELAY_MS, firstChange + RECHECK_MAX_WAIT_MS - now)));
  };
  const observer = new MutationObserver(schedule);
  const observe = () => {
    if (!signal.aborted && document.body) observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  };
  const changed = () => {
    const now = document.body ? bodyTextLength(document.body) : 0;
    const before = last?.bodyLength ?? last?.textLength ?? 0;
    // Re-read only on a real change of content, not on a clock ticking or a counter.
    if (last?.status === 'annotated') return Math.abs(now - before) >= Math.max(400, before * 0.05);
    return now - before >= 400;
  };
  // The loader's reading serves the first analysis only; a later one reads the page again.
  let prepared = input.prepared;
  const run = async () => {
    observer.disconnect();
    inner?.abort();
    const c = (inner = new AbortController());
    const stop = () => c.abort();
    signal.addEventListener('abort', stop, { once: true });
    const reading = prepared;
    prepared = undefined;
    try {
      last = await annotate({ ...input, signal: c.signal, prepared: reading }, view, signal);
    } finally {
      signal.removeEventListener('abort', stop);
      observer.takeRecords();
      observe();
    }
  };
  const recheck = async () => {
    if (signal.aborted || !document.body) return;
    if (changed()) await run();
  };
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    observer.disconnect();
    inner?.abort();
    clearStatus();
    void send('page/left', {}).catch(() => undefined);
  });
  await run();
  // What changed while we were reading (the observer was off) is looked at too.
  if (!signal.aborted && document.body && changed()) schedule();
}
