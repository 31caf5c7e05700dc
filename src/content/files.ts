// Where the build puts the content scripts (scripts/build-content.ts) and who loads them: the
// background registers or injects the loader; the loader imports the annotator.
export const LOADER_FILE = 'content/loader.js';
export const ANNOTATOR_FILE = 'content/annotator.js';
