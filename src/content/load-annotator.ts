// Loads the annotator on a policy page: one self-contained module (scripts/build-content.ts),
// imported through the extension's address for it (in Chrome a per-session dynamic address, so no
// page can probe for Clausemark with a fixed URL). Nothing is loaded on ordinary pages.
import { ext } from '../lib/ext';
import { ANNOTATOR_FILE } from '../lib/content-files';

export type Annotator = typeof import('./annotator');

let loading: Promise<Annotator> | null = null;

export function loadAnnotator(): Promise<Annotator> {
  loading ??= import(/* @vite-ignore */ ext.runtime.getURL(ANNOTATOR_FILE)) as Promise<Annotator>;
  loading.catch(() => (loading = null));
  return loading;
}
