// Where the build puts the content scripts (scripts/build-content.ts) and who loads them: the
// background registers or injects the loader; the loader imports the annotator.
// Kept in lib/ because both sides use it: the background (content-registration.ts) and the
// content loader; a background import of src/content would cross the folder fence (docs/architecture.md).
export const LOADER_FILE = 'content/loader.js';
export const ANNOTATOR_FILE = 'content/annotator.js';
