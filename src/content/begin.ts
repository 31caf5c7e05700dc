// Reading the page and starting its analysis: part of the loader's own script, so a policy page is
// read in the task after DOMContentLoaded without waiting for the annotator's script (which the
// background puts in meanwhile: load-annotator.ts); the annotator reads again with it when the
// page changes.
import { SENSITIVITY_THRESHOLD, type Settings } from '../core/settings';
import { step } from './status';
import { focusRange, MAX_TEXT_CHARS } from './find-clauses';
import { readPageText, type PageText } from './dom-text';
import { watchUnchanged, type Walk } from './read-walk';
import { startAnalysis, type AnalysisSession } from './engine-client';

/** A page read and its analysis started (by the loader at DOMContentLoaded, before the lookup's
 * answer, or by annotate itself). */
export interface Begun {
  page: PageText;
  bodyLength: number;
  readAt: string;
  session: AnalysisSession;
  /** The walk of this reading while nothing under the body has changed since (then highlighting
   * need not walk the page again), else null. */
  walk(): Walk | null;
  /** Stops watching for changes (the walk is then no longer offered). */
  release(): void;
}

/**
 * Reads the page and starts its analysis. `known` (a known document, or the user's request: the
 * text is taken even if it does not read like a policy) may come later, with the lookup's answer:
 * the text is sent meanwhile. Null when there is no body or the reading was stopped.
 */
export async function begin(settings: Settings, known: boolean | PromiseLike<boolean>, signal: AbortSignal): Promise<Begun | null> {
  const root = document.body;
  if (!root) return null;
  const page: PageText = readPageText(root, MAX_TEXT_CHARS);
  const unchanged = watchUnchanged(root, page);
  const bodyLength = page.rootLength;
  step('read');
  const readAt = new Date().toISOString();
  const threshold = SENSITIVITY_THRESHOLD[settings.sensitivity];
  // Where the screen is: the #fragment's target, else (guessed) the top. Whether the page was
  // opened scrolled (a reload, the back button, its own script) needs its layout, which it does
  // for its first frame anyway: asking for it now (at DOMContentLoaded) would do it in our task
  // instead. So the sections at the guess are asked for at once, and those on screen after the frame.
  const guess = focusRange(page, false);
  const settled = location.hash ? null : afterFrame().then(() => ((document.scrollingElement?.scrollTop ?? 0) > 0 ? focusRange(page) : null));
  const session = startAnalysis(page.text, { hardBreaks: page.hardBreaks, threshold, focus: guess, known, settled: settled ?? undefined }, signal);
  return { page, bodyLength, readAt, session, ...unchanged };
}

/** After the page's next frame (its style and layout are then up to date), or a moment later
 * where frames do not come (a tab in the background). */
export function afterFrame(): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, 200);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(t), resolve()), 0));
  });
}

