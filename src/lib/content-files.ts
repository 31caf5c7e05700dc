// Where the build puts the content scripts (scripts/build-content.ts) and who loads them: the
// background registers or injects the loader; the loader imports the annotator.
// Kept in lib/ because both sides use it: the background (content-registration.ts) and the
// content loader; a background import of src/content would cross the folder fence (docs/architecture.md).
export const LOADER_FILE = 'content/loader.js';
export const ANNOTATOR_FILE = 'content/annotator.js';
/** The page's UI beyond highlights and badges (panel, notices): loaded by the annotator when first needed. */
export const UI_FILE = 'content/ui.js';
/** The text analysis (detector, anchoring): loaded by the analysis host, or by a page when no host answers. */
export const ENGINE_FILE = 'content/engine.js';
/** The analysis host's page (Chrome: the offscreen document the background keeps open). */
export const HOST_FILE = 'content/host.html';
/** Name of the runtime port a content script opens to the analysis host. */
export const ANALYSIS_PORT = 'clausemark-analysis';
/** The loader's entry for the background's requests (a global of the extension's isolated world
 * in the page: content/loader.ts sets it, background/content-registration.ts calls it). */
export const LOADER_REQUEST = 'clausemarkRequest';
