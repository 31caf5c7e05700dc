// The page's UI beyond highlights and badges, loaded on first need (load-ui.ts): the clause
// panel (Preact), the notices in the page's corner, the change notice of version history, and
// "Explain this clause" on a selection. Everything here speaks the user's language through
// lib/i18n.ts, which the annotator itself no longer carries.
import type { VersionChange } from '../history-messages';
import { formatNumber, t } from '../lib/i18n';
import { showToast } from './toast';

export { PanelHost } from './panel';
export { showChangeNotice } from './change-notice';
export { explainSelection } from './explain-selection';

/** What the annotator has to tell the user about its reading. */
export type Notice =
  | { kind: 'english-only'; language: string; known: boolean }
  | { kind: 'very-long'; chars: number }
  | { kind: 'too-many'; max: number; total: number };

/** Languages the English-only notice names. */
const languageName = (code: string): string | undefined =>
  (({ de: () => t('langGerman'), fr: () => t('langFrench'), es: () => t('langSpanish'), it: () => t('langItalian'), nl: () => t('langDutch'), pt: () => t('langPortuguese') }) as Record<string, () => string>)[code]?.();

export function noticeText(n: Notice): string {
  switch (n.kind) {
    case 'english-only': {
      const name = languageName(n.language);
      return `${name ? t('toastEnglishOnlyLooks', name) : t('toastEnglishOnly')} ${n.known ? t('toastOnlyReviewed') : t('toastNothingHighlighted')}`;
    }
    case 'very-long':
      return t('toastVeryLong', formatNumber(Math.round(n.chars / 1000)));
    case 'too-many':
      return t('toastTooManyClauses', formatNumber(n.max), formatNumber(n.total));
  }
}

export function showNotice(n: Notice, signal: AbortSignal): HTMLElement {
  return showToast(noticeText(n), signal);
}

export type { VersionChange };
