// The page's side of an analysis (engine.ts): the text goes to the extension's analysis host over a
// runtime port, in parts (no single huge message), and the clauses come back — the sections on
// screen first, then the whole document's. When no host answers (Firefox, or the host is gone) the
// page loads the engine itself and runs it here, giving the page a turn between the steps.
import { ext } from '../lib/ext';
import { ANALYSIS_PORT, ENGINE_FILE } from '../lib/content-files';
import type { FoundClause, Span } from '../core/types';
import type { AnalyseRequest, FromHost, Screening, ToHost } from './engine';
import { yieldToPage } from './yield';
import { textKey } from '../core/fingerprint';

type Engine = typeof import('./engine');

export interface FinalAnalysis {
  screening: Screening;
  clauses: FoundClause[];
  sha256: string;
  modelVersion: string;
  /** Time the analysis took where it ran; `local` when it ran in the page. */
  ms: number;
  cached: boolean;
  local: boolean;
}

export interface AnalysisSession {
  /** Calls back with the clauses of the sections on screen, as each answer comes (the sections
   * at the guessed place, then, if the page turned out to be scrolled elsewhere, those there).
   * Answers that come after the whole result are dropped. */
  onFocus(fn: (clauses: FoundClause[]) => void): void;
  final: Promise<FinalAnalysis>;
  /** Reviewed quotes located in the text (null where not found). */
  anchor(quotes: string[]): Promise<(Span | null)[]>;
  close(): void;
}

const PART = 256 * 1024;
/** Text sent past the screen before the request for its sections (a section runs on a while). */
const FOCUS_MARGIN = 30_000;

let engine: Promise<Engine> | null = null;
function loadEngine(): Promise<Engine> {
  engine ??= import(/* @vite-ignore */ ext.runtime.getURL(ENGINE_FILE)) as Promise<Engine>;
  engine.catch(() => (engine = null));
  return engine;
}

interface Port {
  postMessage(m: ToHost): void;
  onMessage: { addListener(fn: (m: FromHost) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
  disconnect(): void;
}

function connect(): Port | null {
  try {
    return ext.runtime.connect({ name: ANALYSIS_PORT }) as unknown as Port;
  } catch {
    return null;
  }
}

/** Whether a host answered before (then a lost connection is worth one retry in the page only). */
let hostless = false;

/** A connection opened ahead of the analysis (`preconnect`), with what the host said meanwhile. */
interface Early {
  port: Port;
  said: FromHost[];
  listener: ((m: FromHost) => void) | null;
  closed: boolean;
  onClose: (() => void) | null;
}
let early: Early | null = null;

/**
 * Opens the connection to the analysis host ahead of the analysis (the loader, as soon as a page
 * looks like a policy, while it is still parsed): the host's greeting — whether it has analyses of
 * this address — is then in by the time the page is read, and the text goes at once instead of
 * after a round trip. The next `startAnalysis` takes it; `dropPreconnected` closes it unused.
 */
export function preconnect(): object | null {
  if (hostless) return null;
  if (early) return early;
  const port = connect();
  if (!port) return null;
  const e: Early = { port, said: [], listener: null, closed: false, onClose: null };
  port.onMessage.addListener((m) => (e.listener ? e.listener(m) : void e.said.push(m)));
  port.onDisconnect.addListener(() => {
    e.closed = true;
    e.onClose?.();
  });
  early = e;
  return e;
}

/** Closes the connection `preconnect` opened, if no analysis took it (the page was no policy after all). */
export function dropPreconnected(opened: object | null): void {
  const e = early;
  if (!e || e !== opened) return;
  early = null;
  if (!e.closed) e.port.disconnect();
}

/** The connection opened ahead, as a port whose listeners get what the host said meanwhile. */
function takePreconnected(): Port | null {
  const e = early;
  early = null;
  if (!e) return null;
  if (e.closed) return null;
  return {
    postMessage: (m) => e.port.postMessage(m),
    onMessage: {
      addListener(fn) {
        e.listener = fn;
        const said = e.said.splice(0);
        if (said.length) queueMicrotask(() => said.forEach((m) => fn(m)));
      },
    },
    onDisconnect: {
      addListener(fn) {
        e.onClose = fn;
        if (e.closed) queueMicrotask(fn);
      },
    },
    disconnect: () => e.port.disconnect(),
  };
}

/** An analysis request whose `known` may come later (the lookup's answer): the text is sent
 * meanwhile. `focus` is where the screen is guessed to be (the #fragment's target, else the
 * top); `settled`, where it is once the page has laid itself out (null: as guessed). */
export type StartRequest = Omit<AnalyseRequest, 'known'> & { known: boolean | PromiseLike<boolean>; settled?: PromiseLike<[number, number] | null> };

export function startAnalysis(text: string, start: StartRequest, signal: AbortSignal): AnalysisSession {
  const knownLater = Promise.resolve(start.known);
  /** Until the lookup answers, the sections on screen are analysed only if the text reads like a policy. */
  const provisional = typeof start.known === 'boolean' ? start.known : false;
  const req: Omit<AnalyseRequest, 'known'> = { hardBreaks: start.hardBreaks, threshold: start.threshold, focus: start.focus };
  const focusListeners: ((c: FoundClause[]) => void)[] = [];
  const resolveFocus = (c: FoundClause[] | null) => {
    if (c && !done) for (const fn of focusListeners) fn(c);
  };
  let resolveFinal!: (f: FinalAnalysis) => void;
  let rejectFinal!: (e: unknown) => void;
  const final = new Promise<FinalAnalysis>((res, rej) => ((resolveFinal = res), (rejectFinal = rej)));
  final.catch(() => undefined);
  const anchors: ((s: (Span | null)[]) => void)[] = [];
  /** The quotes of each anchoring asked and not yet answered, in order. */
  const asked: string[][] = [];
  let local: import('./engine').TextAnalysis | null = null;
  let done = false;

  const runLocally = async () => {
    const e = await loadEngine();
    await yieldToPage();
    if (signal.aborted) return;
    const t0 = performance.now();
    local = new e.TextAnalysis(text, req.hardBreaks);
    const screening = local.screen(await knownLater);
    if (signal.aborted) return;
    await yieldToPage();
    const at = (await start.settled) ?? req.focus;
    if (signal.aborted) return;
    if (screening.policy && screening.english && at) {
      resolveFocus(local.focus(at[0], at[1], req.threshold));
      await yieldToPage();
    }
    if (signal.aborted) return;
    const clauses = screening.policy && screening.english ? local.whole(req.threshold) : [];
    done = true;
    resolveFinal({ screening, clauses, sha256: await local.sha256(), modelVersion: e.MODEL_VERSION, ms: performance.now() - t0, cached: false, local: true });
  };
  const fallBack = () => {
    if (done || signal.aborted) return;
    hostless = true;
    runLocally().catch((err: unknown) => rejectFinal(err));
  };

  const port = hostless ? null : (takePreconnected() ?? connect());
  // The text, sent once (or once more for the reviewed quotes of a reused analysis).
  let at = 0;
  const upTo = (end: number) => {
    for (; at < end; at += Math.min(PART, end - at)) port?.postMessage({ t: 'text', part: text.slice(at, Math.min(at + PART, end)) });
  };
  /** Where the text is cut after the screen at [from, to): a block boundary well past it (the
   * host analyses the sections there from that beginning, before the rest has arrived). */
  const cutAfter = (f: [number, number]) => {
    const cut = req.hardBreaks.find((b) => b >= f[1] + FOCUS_MARGIN);
    return cut === undefined || cut >= text.length * 0.8 ? text.length : cut;
  };
  const askFocus = (f: [number, number]) => {
    const cut = cutAfter(f);
    upTo(cut);
    const whole = cut >= text.length;
    port?.postMessage({ t: 'focus', focus: f, hardBreaks: whole ? req.hardBreaks : req.hardBreaks.filter((b) => b < cut), threshold: req.threshold, known: provisional, whole });
  };
  const sendText = () => {
    if (!port) return;
    try {
      // The beginning up to a block boundary well past the guessed screen first, with the request
      // for its sections; once the page is laid out, those of the screen where it really is (if
      // elsewhere); then the rest, and the request for the whole once the lookup has answered.
      if (req.focus) askFocus(req.focus);
    } catch {
      fallBack();
      return;
    }
    void Promise.resolve(start.settled ?? null).then((at) => {
      if (signal.aborted || done) return;
      try {
        const guess = req.focus;
        if (at && !(guess && at[0] >= guess[0] && at[1] <= guess[1])) askFocus(at);
        upTo(text.length);
      } catch {
        fallBack();
        return;
      }
      void knownLater.then((known) => {
        if (signal.aborted || done) return;
        try {
          port.postMessage({ t: 'analyse', ...req, focus: at ?? req.focus, known });
        } catch {
          fallBack();
        }
      });
    });
  };
  /** The host has analyses of this address: ask for this text's by its key first. */
  const askByKey = async () => {
    const [key, known] = await Promise.all([textKey(text, req.hardBreaks), knownLater]);
    if (signal.aborted || done || !port) return;
    try {
      port.postMessage({ t: 'reuse', key, threshold: req.threshold, known });
    } catch {
      fallBack();
    }
  };
  if (!port) fallBack();
  else {
    port.onDisconnect.addListener(() => {
      // No host (or it went away) before the answer: the page does it.
      if (!done) fallBack();
      // An anchoring left unanswered: nothing found.
      for (const a of anchors.splice(0)) a([]);
    });
    port.onMessage.addListener((m) => {
      if (m.t === 'hello') {
        if (m.analysed) void askByKey().catch(() => sendText());
        else sendText();
      } else if (m.t === 'miss') sendText();
      else if (m.t === 'focus') resolveFocus(m.clauses);
      else if (m.t === 'final') {
        done = true;
        resolveFocus(null);
        resolveFinal({ screening: m.screening, clauses: m.clauses, sha256: m.sha256, modelVersion: m.modelVersion, ms: m.ms, cached: m.cached, local: false });
      } else if (m.t === 'anchored') {
        if (m.spans) {
          asked.shift();
          anchors.shift()?.(m.spans);
        } else {
          // A reused analysis without these quotes anchored: the text goes once, and they are asked again.
          const quotes = asked.shift() ?? [];
          try {
            upTo(text.length);
            port.postMessage({ t: 'anchor', quotes, hardBreaks: req.hardBreaks });
            asked.unshift(quotes);
          } catch {
            anchors.shift()?.([]);
          }
        }
      } else if (m.t === 'error') {
        console.warn('Clausemark: analysis host:', m.error);
        fallBack();
      }
    });
  }
  signal.addEventListener('abort', () => port?.disconnect(), { once: true });

  return {
    onFocus(fn) {
      focusListeners.push(fn);
    },
    final,
    async anchor(quotes) {
      if (!quotes.length) return [];
      await final;
      if (local) return local.anchor(quotes);
      if (!port) return [];
      return new Promise((resolve) => {
        anchors.push(resolve);
        asked.push(quotes);
        try {
          port.postMessage({ t: 'anchor', quotes });
        } catch {
          anchors.pop();
          asked.pop();
          resolve([]);
        }
      });
    },
    close() {
      port?.disconnect();
    },
  };
}

/** "Explain this clause" over a selection: in the host when it answers, else in the page. */
export async function explainText(selection: string): Promise<{ clauses: FoundClause[]; modelVersion: string }> {
  const port = hostless ? null : connect();
  if (port) {
    const answer = await new Promise<{ clauses: FoundClause[]; modelVersion: string } | null>((resolve) => {
      port.onMessage.addListener((m) => {
        if (m.t === 'hello') return; // the greeting of every connection
        resolve(m.t === 'explained' ? { clauses: m.clauses, modelVersion: m.modelVersion } : null);
      });
      port.onDisconnect.addListener(() => resolve(null));
      port.postMessage({ t: 'explain', text: selection });
    });
    port.disconnect();
    if (answer) return answer;
  }
  const e = await loadEngine();
  return { clauses: e.explain(selection), modelVersion: e.MODEL_VERSION };
}
