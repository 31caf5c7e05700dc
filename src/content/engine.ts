// The analysis of a page's text, wherever it runs. Normally in the extension's analysis host (in
// Chrome an offscreen document the background keeps, src/background/analysis-host.ts), off the
// page's main thread: the page only reads its text, sends it (engine-client.ts) and wraps the
// ranges that come back. When no host answers (Firefox, or the host failed) the page loads this
// same module and runs it itself. Built as one self-contained module, content/engine.js
// (scripts/build-content.ts); content/host.html loads it and calls serve().
//
// One analysis: screen the text (language, reads like a policy), the clauses of the sections on
// screen first (core/detect-focus.ts), then the whole document's — always detectClauses over the
// whole text, so the result is the one the evaluation measures — and the reviewed quotes anchored.
// A revisit of the same text at the same address reuses the whole-document result.
import { segment, type TextModel } from '../core/text';
import { detectSentences, MODEL_VERSION } from '../core/detect';
import { detectFocus, focusSlice } from '../core/detect-focus';
import { confirmPolicyText } from '../core/page';
import { guessLanguage } from '../core/language';
import { analyseRequested, anchorSpans, detectWhole, type AnalyseTextRequest } from '../core/page-analysis';
import { fingerprint, textKey } from '../core/fingerprint';
import { SENSITIVITY_THRESHOLD } from '../core/settings';
import type { FoundClause, Span } from '../core/types';
import { ext } from '../lib/ext';
import { ANALYSIS_PORT } from '../lib/content-files';

export { MODEL_VERSION };

export interface Screening {
  english: boolean;
  language: string;
  policy: boolean;
  reason: string;
}

export interface AnalyseRequest {
  hardBreaks: number[];
  threshold: number;
  /** Text offsets on screen: their sections are analysed first. */
  focus: [number, number] | null;
  /** Known document or the user's request: a text that does not read like a policy is taken anyway. */
  known: boolean;
}

/** Messages of the analysis port, page → host. */
export type ToHost =
  /** A revisit: the analysis of the text with this key (core/fingerprint.ts, textKey), if the
   * host still has it for the sender's address; answered `final` (cached) or `miss`. */
  | { t: 'reuse'; key: string; threshold: number; known: boolean }
  | { t: 'text'; part: string }
  /** Sent once the text up to a block boundary past the screen has been sent: the sections on
   * screen are analysed from that beginning alone, before the rest of a long page arrives
   * (`whole`: the text sent is all of it). There may be two: the screen guessed, then where it is. */
  | { t: 'focus'; focus: [number, number]; hardBreaks: number[]; threshold: number; known: boolean; whole?: boolean }
  | ({ t: 'analyse' } & AnalyseRequest)
  /** With `hardBreaks` after the text was sent for it (a reused analysis whose host had not
   * anchored these quotes). */
  | { t: 'anchor'; quotes: string[]; hardBreaks?: number[] }
  | { t: 'explain'; text: string };

/** Messages of the analysis port, host → page. */
export type FromHost =
  /** Sent on connection: whether the host has analyses of the sender's address (then the page
   * asks for its text's by key before sending the text). */
  | { t: 'hello'; analysed: boolean }
  | { t: 'miss' }
  | { t: 'focus'; clauses: FoundClause[] }
  | { t: 'final'; screening: Screening; clauses: FoundClause[]; sha256: string; modelVersion: string; ms: number; cached: boolean }
  /** null: the host has not the text to anchor these quotes in (send it, then ask again). */
  | { t: 'anchored'; spans: (Span | null)[] | null }
  | { t: 'explained'; clauses: FoundClause[]; modelVersion: string }
  | { t: 'error'; error: string };

/** Characters one analysis accepts (the page reads at most MAX_TEXT_CHARS, find-clauses.ts). */
export const MAX_ANALYSED_CHARS = 2_000_000;

export class TextAnalysis {
  private model: TextModel | null = null;
  private hash: Promise<string> | null = null;
  constructor(
    readonly text: string,
    private readonly hardBreaks: readonly number[],
  ) {}

  private segmented(): TextModel {
    return (this.model ??= segment(this.text, this.hardBreaks));
  }

  /** Language, and whether the text reads like a policy (known documents are taken on their
   * address; so is a page in another language, which the English phrase count cannot judge). */
  screen(known: boolean): Screening {
    const lang = guessLanguage(this.text);
    const confirm = confirmPolicyText(this.text, known || !lang.english);
    return { english: lang.english, language: lang.language, policy: confirm.policy, reason: confirm.reason };
  }

  /** The clauses of the sections holding text offsets [from, to), as the whole-document result
   * has them; null when this text is a beginning that ends before those sections do. */
  focus(from: number, to: number, threshold: number, beginning = false): FoundClause[] | null {
    const model = this.segmented();
    const slice = focusSlice(model, from, to);
    if (!slice) return beginning ? null : [];
    // From a beginning (cut at a block boundary, so its blocks are the whole text's), the sections
    // must close before its end: a heading follows them.
    if (beginning && slice.last >= model.sentences.length - 1) return null;
    return detectFocus(model, slice, { threshold });
  }

  whole(threshold: number): FoundClause[] {
    return detectWhole(this.segmented(), threshold);
  }

  anchor(quotes: readonly string[]): (Span | null)[] {
    return anchorSpans(this.text, quotes);
  }

  sha256(): Promise<string> {
    return (this.hash ??= fingerprint(this.text));
  }
}

/** "Explain this clause": the detector at its most sensitive over a selection. */
export function explain(selection: string): FoundClause[] {
  if (!selection.trim()) return [];
  return detectSentences(selection, segment(selection).sentences, { threshold: SENSITIVITY_THRESHOLD.thorough });
}

/** An analysis the host keeps: the whole-document result of one text at one address, and the
 * reviewed quotes it anchored there. */
interface Kept {
  screening: Screening;
  clauses: FoundClause[];
  sha256: string;
  anchors: Map<string, (Span | null)[]>;
}

/** Whole-document results of recent analyses, per address, exact text, threshold and whether the
 * document was known (the host's memory). */
const CACHE_SIZE = 64;
const cache = new Map<string, Kept>();
const seenAddresses = new Map<string, number>();

const addressOf = (port: { sender?: { url?: string } }) => (port.sender?.url ?? '').split('#')[0] as string;
const cacheKey = (address: string, key: string, threshold: number, known: boolean) => `${address}\n${key}\n${threshold}\n${known ? 1 : 0}\n${MODEL_VERSION}`;
const quotesKey = (quotes: readonly string[]) => quotes.join('\u0000');

function remember(key: string, address: string, kept: Kept): void {
  if (!cache.has(key)) seenAddresses.set(address, (seenAddresses.get(address) ?? 0) + 1);
  cache.delete(key);
  cache.set(key, kept);
  while (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value as string;
    cache.delete(oldest);
    const a = oldest.split('\n')[0] as string;
    const left = (seenAddresses.get(a) ?? 1) - 1;
    if (left > 0) seenAddresses.set(a, left);
    else seenAddresses.delete(a);
  }
}

function recall(key: string): Kept | undefined {
  const kept = cache.get(key);
  if (kept) {
    // Most recently used last: the oldest unused goes first.
    cache.delete(key);
    cache.set(key, kept);
  }
  return kept;
}

interface Port {
  name: string;
  sender?: { url?: string; id?: string };
  postMessage(m: FromHost): void;
  onMessage: { addListener(fn: (m: ToHost) => void): void };
  disconnect(): void;
}

export interface PortState {
  parts: string[];
  size: number;
  analysis: TextAnalysis | null;
  focused?: boolean;
  /** The analysis this connection's answers come from (kept or made now). */
  kept?: Kept | null;
}

export function newPortState(): PortState {
  return { parts: [], size: 0, analysis: null, focused: false, kept: null };
}

/** The first message of a connection: whether the page should ask by key before sending its text. */
export function hello(port: Pick<Port, 'sender' | 'postMessage'>): void {
  port.postMessage({ t: 'hello', analysed: seenAddresses.has(addressOf(port)) });
}

/**
 * One analysis per connection: the page sends its text in parts, then `analyse`; the host answers
 * `focus` (if asked) and `final`, then `anchored` for each `anchor`. A revisit asks `reuse` with its
 * text's key first and sends the text only on a `miss`. The cache key is the sender's address as
 * the browser reports it, never a field of the message, so a page can reuse only the analyses of
 * its own address.
 */
export async function handle(port: Port, state: PortState, m: ToHost): Promise<void> {
  switch (m.t) {
    case 'reuse': {
      const t0 = performance.now();
      const threshold = Number.isFinite(m.threshold) ? m.threshold : 0.5;
      const kept = typeof m.key === 'string' ? recall(cacheKey(addressOf(port), m.key, threshold, !!m.known)) : undefined;
      if (!kept) {
        port.postMessage({ t: 'miss' });
        return;
      }
      state.kept = kept;
      port.postMessage({ t: 'final', screening: kept.screening, clauses: kept.clauses, sha256: kept.sha256, modelVersion: MODEL_VERSION, ms: performance.now() - t0, cached: true });
      return;
    }
    case 'focus': {
      const beginning = new TextAnalysis(state.parts.join(''), Array.isArray(m.hardBreaks) ? m.hardBreaks.filter(Number.isFinite) : []);
      const threshold = Number.isFinite(m.threshold) ? m.threshold : 0.5;
      const screening = beginning.screen(!!m.known);
      // Whether the last screen asked for was answered (if not, the whole text answers it).
      state.focused = false;
      if (!screening.policy || !screening.english) return;
      const clauses = beginning.focus(Number(m.focus[0]), Number(m.focus[1]), threshold, !m.whole);
      if (clauses) {
        state.focused = true;
        port.postMessage({ t: 'focus', clauses });
      }
      return;
    }
    case 'text': {
      state.size += String(m.part).length;
      if (state.size > MAX_ANALYSED_CHARS) throw new Error('text too long');
      state.parts.push(String(m.part));
      return;
    }
    case 'analyse': {
      const t0 = performance.now();
      const hardBreaks = Array.isArray(m.hardBreaks) ? m.hardBreaks.filter(Number.isFinite) : [];
      const analysis = (state.analysis = new TextAnalysis(state.parts.join(''), hardBreaks));
      state.parts = [];
      const threshold = Number.isFinite(m.threshold) ? m.threshold : 0.5;
      const screening = analysis.screen(!!m.known);
      const address = addressOf(port);
      const wanted = screening.policy && screening.english;
      // The exact text's key: only when the result may be kept (or was: an address analysed before).
      const key = wanted ? cacheKey(address, await textKey(analysis.text, hardBreaks), threshold, !!m.known) : '';
      let kept = wanted && seenAddresses.has(address) ? recall(key) : undefined;
      const cached = !!kept;
      if (!kept && wanted) {
        if (m.focus && !state.focused) port.postMessage({ t: 'focus', clauses: analysis.focus(Number(m.focus[0]), Number(m.focus[1]), threshold) ?? [] });
        kept = { screening, clauses: analysis.whole(threshold), sha256: await analysis.sha256(), anchors: new Map() };
        remember(key, address, kept);
      }
      state.kept = kept ?? null;
      port.postMessage({ t: 'final', screening, clauses: kept?.clauses ?? [], sha256: kept?.sha256 ?? (await analysis.sha256()), modelVersion: MODEL_VERSION, ms: performance.now() - t0, cached });
      return;
    }
    case 'anchor': {
      const quotes = (m.quotes ?? []).map(String);
      const qk = quotesKey(quotes);
      const known = state.kept?.anchors.get(qk);
      if (known) {
        port.postMessage({ t: 'anchored', spans: known });
        return;
      }
      // A reused analysis: the page sent its text for these quotes.
      if (!state.analysis && state.parts.length && Array.isArray(m.hardBreaks)) {
        state.analysis = new TextAnalysis(state.parts.join(''), m.hardBreaks.filter(Number.isFinite));
        state.parts = [];
      }
      if (!state.analysis) {
        port.postMessage({ t: 'anchored', spans: state.kept ? null : [] });
        return;
      }
      const spans = state.analysis.anchor(quotes);
      state.kept?.anchors.set(qk, spans);
      port.postMessage({ t: 'anchored', spans });
      return;
    }
    case 'explain':
      port.postMessage({ t: 'explained', clauses: explain(String(m.text).slice(0, 20_000)), modelVersion: MODEL_VERSION });
      return;
  }
}

/** A followed document's check, asked by the background (background/follow-alarm.ts) of the one
 * offscreen document Chrome allows, this host: its clauses by core/page-analysis.ts (as
 * background/follow-analyse.ts finds them where there is no host). Undefined for
 * any other message (the background's own), or one not from this extension. */
export function answerFollowed(message: unknown, sender: { id?: string } | undefined, ownId: string): { ok: boolean; clauses?: ReturnType<typeof analyseRequested>; error?: string } | undefined {
  const m = message as { clausemarkOffscreen?: unknown; request?: AnalyseTextRequest } | null;
  if (!m || typeof m !== 'object' || m.clausemarkOffscreen !== 1 || !m.request || sender?.id !== ownId) return undefined;
  try {
    return { ok: true, clauses: analyseRequested(m.request) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** A short policy in both voices (privacy and terms), so one analysis of it goes through every
 * step a page's does: screening, segmentation, the sections on screen, both models, anchoring. */
const WARM_TEXT = [
  'Privacy Policy',
  'This Privacy Policy explains how we collect, use and share your personal information. We may share your personal information with advertising partners for targeted advertising. We keep your personal data for as long as your account is active, and for up to five years after you close it.',
  'Changes to these Terms',
  'We may change these Terms at any time without notice, and your continued use of the service means you accept the changes. Any dispute will be resolved by binding arbitration, and you waive your right to a class action.',
].join('\n\n');

/**
 * One small analysis when the host opens: the detector builds its feature tables and compiles its
 * patterns on its first use (about 90 ms in Node, more in a busy browser), which the first policy
 * page after a browser start would otherwise wait for. Returns what it found.
 */
export function warmUp(): FoundClause[] {
  const analysis = new TextAnalysis(WARM_TEXT, []);
  analysis.screen(false);
  analysis.focus(0, 200, 0.5);
  analysis.anchor(['We may change these Terms at any time']);
  return analysis.whole(0.5);
}

/** The analysis host: answers the content scripts' analysis connections (content/host.html), and
 * the background's followed-document checks. */
export function serve(): void {
  (ext.runtime.onMessage as unknown as { addListener(fn: (m: unknown, s: { id?: string }, r: (a: unknown) => void) => boolean): void }).addListener((message, sender, sendResponse) => {
    const answer = answerFollowed(message, sender, ext.runtime.id);
    if (answer) sendResponse(answer);
    return false;
  });
  // After the listeners are in place (a page that connects meanwhile waits for it, no longer).
  setTimeout(() => {
    try {
      warmUp();
    } catch (err) {
      console.warn('Clausemark: analysis warm-up failed', err);
    }
  }, 0);
  (ext.runtime.onConnect as unknown as { addListener(fn: (p: Port) => void): void }).addListener((port) => {
    if (port.name !== ANALYSIS_PORT || port.sender?.id !== ext.runtime.id) return;
    const state = newPortState();
    hello(port);
    // One message at a time, in order (the text parts before the request).
    let queue = Promise.resolve();
    port.onMessage.addListener((m) => {
      queue = queue.then(() => handle(port, state, m)).catch((err: unknown) => {
        try {
          port.postMessage({ t: 'error', error: err instanceof Error ? err.message : String(err) });
        } catch {
          // the page went away
        }
      });
    });
  });
}
