// Step one of annotating a page (annotator.ts): read its text, tell whether it is a policy, and
// find its clauses — the platform's reviewed quotes anchored in the live text plus the detector's
// — resolved into the highlights to show. Touches the page only to read it and to show toasts.
import { segment } from '../core/text';
import { detectClauses } from '../core/detect';
import type { Highlight } from '../core/resolve';
import { confirmPolicyText } from '../core/page';
import { fingerprint } from '../core/fingerprint';
import { anchorKnown, excerpt, MAX_HIGHLIGHTS, relevantQuotes, resolvedClauses, withExcerpts } from '../core/page-analysis';
import { SENSITIVITY_THRESHOLD, type Settings } from '../core/settings';
import { guessLanguage } from '../core/language';
import type { PageClause, PageMatch } from '../messages';
import type { KnownClause } from '../kb/schema';
import { send } from '../lib/rpc';
import { formatNumber, t } from '../lib/i18n';
import { readPageText, type PageText } from './dom-text';
import { yieldToPage } from './yield';
import { showToast } from './toast';

const LANGUAGE_NAMES: Record<string, string> = { de: t('langGerman'), fr: t('langFrench'), es: t('langSpanish'), it: t('langItalian'), nl: t('langDutch'), pt: t('langPortuguese') };

/** Past this, only the beginning is analysed (bounded work on huge pages), and the user is told. */
export const MAX_TEXT_CHARS = 1_500_000;
// More highlights than MAX_HIGHLIGHTS stop being readable and cost seconds of layout: the first
// ones are shown, and the user is told.
export { MAX_HIGHLIGHTS, excerpt };

export interface FindInput {
  match: PageMatch | null;
  signal: AbortSignal;
  settings: Settings;
  /** Asked for by the user: analyse even if the text does not read like a policy. */
  force?: boolean;
}

/** A policy page's clauses, ready to render. */
export interface FoundClauses {
  kind: 'found';
  page: PageText;
  textLength: number;
  /** Why the text was taken for a policy. */
  reason: string;
  readAt: string;
  sha256: string;
  /** What to highlight, at most MAX_HIGHLIGHTS, each with the overlapping clauses it stands for. */
  highlights: Highlight<PageClause>[];
  /** The reviewed quote behind each knowledge-base clause id. */
  kbById: Map<string, KnownClause>;
}

export type Finding = FoundClauses | { kind: 'not-policy'; reason: string; textLength: number } | { kind: 'aborted'; textLength: number };

/**
 * The detector over the whole page in one call: its context (sections, neighbours, span merging)
 * spans the document, and cutting the work into chunks changed results at the cuts (tested on
 * Roblox's terms), so the page gets exactly what the evaluation measures. It runs after a yield,
 * in a task of its own (~35 ms per 1,000 sentences in Node).
 */
async function detectWhole(model: ReturnType<typeof segment>, signal: AbortSignal, threshold: number) {
  await yieldToPage();
  return signal.aborted ? [] : detectClauses(model, { threshold });
}

export async function findClauses(root: HTMLElement, input: FindInput): Promise<Finding> {
  const { match, signal } = input;
  const page = readPageText(root, MAX_TEXT_CHARS);
  const textLength = page.text.length;
  // Each step below can take tens of milliseconds on a very long page: the page gets a turn between.
  await yieldToPage();
  if (signal.aborted) return { kind: 'aborted', textLength };
  // The detector knows English only: elsewhere say so, and show reviewed clauses alone.
  const lang = guessLanguage(page.text);
  if (!lang.english) {
    const name = LANGUAGE_NAMES[lang.language];
    showToast(
      `${name ? t('toastEnglishOnlyLooks', name) : t('toastEnglishOnly')} ${match ? t('toastOnlyReviewed') : t('toastNothingHighlighted')}`,
      signal,
    );
  }

  // The policy test counts English legal phrases, so a page in another language is taken on
  // its address and title (the loader's check) rather than refused.
  const confirm = confirmPolicyText(page.text, !!match || !!input.force || !lang.english);
  if (!confirm.policy) return { kind: 'not-policy', reason: confirm.reason, textLength };
  if (page.truncated) showToast(t('toastVeryLong', formatNumber(Math.round(textLength / 1000))), signal);

  const readAt = new Date().toISOString();
  const knownPromise = match
    ? send('kb/clauses', { platformId: match.platform.id, documentId: match.document.id }).then((r) => r.clauses, () => [] as KnownClause[])
    : Promise.resolve([] as KnownClause[]);
  await yieldToPage();
  const model = segment(page.text, page.hardBreaks);
  await yieldToPage();
  const [known, detected, sha256] = await Promise.all([knownPromise, lang.english ? detectWhole(model, signal, SENSITIVITY_THRESHOLD[input.settings.sensitivity]) : Promise.resolve([]), fingerprint(page.text)]);
  if (signal.aborted) return { kind: 'aborted', textLength };

  // Only quotes of this document (or of the platform's documents without a document match).
  const relevant = relevantQuotes(known, match?.document.id);
  await yieldToPage();
  const kb = anchorKnown(page.text, relevant);
  await yieldToPage();
  const resolved = resolvedClauses(withExcerpts(page.text, detected), kb.clauses, input.settings);
  if (resolved.length > MAX_HIGHLIGHTS) showToast(t('toastTooManyClauses', formatNumber(MAX_HIGHLIGHTS), formatNumber(resolved.length)), signal);
  return { kind: 'found', page, textLength, reason: confirm.reason, readAt, sha256, highlights: resolved.slice(0, MAX_HIGHLIGHTS), kbById: kb.byId };
}
