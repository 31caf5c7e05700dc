// The annotator, part of the loader's own script (scripts/build-content.ts): on a policy page it is
// there at once, with no module to load before the page can be read (a module loaded through the
// extension's address took 40–70 ms after DOMContentLoaded on Roblox's privacy policy). The loader
// itself runs only where a page may be a policy (docs/performance.md).
import * as annotator from './annotator';

export type Annotator = typeof import('./annotator');

export function loadAnnotator(): Promise<Annotator> {
  return Promise.resolve(annotator);
}
