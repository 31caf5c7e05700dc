// The texts of the severity badges a page shows, in the user's language, looked up by the
// background and sent with the page's lookup answer (page/lookup), so that a page never calls the
// browser's i18n before its highlights are shown: the first message lookup in a page loads the
// extension's messages into it (10-20 ms of its main thread). Templates hold numbered slots where
// the page fills in its values. No imports: the annotator keeps only this.
import type { Severity } from '../core/types';

export interface BadgeTexts {
  severity: Record<Severity, string>;
  /** Category id → title. */
  categories: Record<string, string>;
  /** "Detected ($1 confidence)": slot 1 the percentage. */
  detected: string;
  reviewed: string;
  /** The button's label: slots 1-3 severity, category title, detected/reviewed text. */
  aria: string;
  /** The UI language ("de", "fr-FR"…), for writing the percentage. */
  lang: string;
}

/** Slot n of a template (characters no message holds). */
export const slot = (n: 1 | 2 | 3): string => String.fromCharCode(n);

/** Fills a template's slots with values (a value is never read as a slot). */
export function fillSlots(template: string, ...values: string[]): string {
  let out = '';
  for (const c of template) {
    const n = c.charCodeAt(0);
    out += n >= 1 && n <= 3 ? (values[n - 1] ?? '') : c;
  }
  return out;
}
