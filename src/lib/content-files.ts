// Where the build puts the content scripts (scripts/build-content.ts) and who loads them: the
// background registers or injects the loader; the loader imports the annotator.
// Kept in lib/ because both sides use it: the background (content-registration.ts) and the
// content loader; a background import of src/content would cross the folder fence (docs/architecture.md).
/** The one script on every page and frame in automatic mode (content/sentinel.ts): tiny. */
export const SENTINEL_FILE = 'content/sentinel.js';
/** The loader with the annotator (content/loader.ts): registered for addresses that look like a
 * policy, put in by the background where the sentinel asks (page/inject) or the user asks. */
export const LOADER_FILE = 'content/loader.js';
/** The annotator (content/annotator-entry.ts: reading, highlighting, badges, the analysis client):
 * put in by the background where the loader asks for it (page/annotator),
 * in a task of its own, not in the one that parses the page. */
export const ANNOTATOR_FILE = 'content/annotator.js';
/** The annotator's slot in the extension's isolated world of a frame (content/load-annotator.ts). */
export const ANNOTATOR_GLOBAL = '__clausemarkAnnotator';
/** Set in the extension's isolated world of a frame once the loader runs there. */
export const LOADER_FLAG = '__clausemarkLoaded';
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
