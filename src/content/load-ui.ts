// Loads the page's UI beyond highlights and badges (ui.ts: the clause panel with Preact, notices,
// "Explain this clause") the first time it is needed: a click on a clause, a notice to show. One
// self-contained module like the annotator (scripts/build-content.ts), imported through the
// extension's address for it, so the first highlights never wait for its 100 KB.
import { ext } from '../lib/ext';
import { UI_FILE } from '../lib/content-files';

export type Ui = typeof import('./ui');

let loading: Promise<Ui> | null = null;

export function loadUi(): Promise<Ui> {
  loading ??= import(/* @vite-ignore */ ext.runtime.getURL(UI_FILE)) as Promise<Ui>;
  loading.catch(() => (loading = null));
  return loading;
}
