// Where the build reads from and writes to. The shared data sits next to the repository
// (../shared/data); CLAUSEMARK_DATA overrides it for other checkouts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_ROOT = path.resolve(REPO_ROOT, process.env.CLAUSEMARK_DATA ?? path.join('..', 'shared', 'data'));
export const KB_OUT = path.join(REPO_ROOT, 'src', 'kb', 'generated', 'kb.json');

/** OTA collections with archived texts, in order of preference when several track one document. */
export const TEXT_COLLECTIONS = ['ota-pga', 'ota-genai-eu', 'ota-vlopses-us', 'ota-contrib'] as const;
/** Collections with a declarations-urls.csv (URLs of policy pages). */
export const DECLARATION_COLLECTIONS = ['ota-pga', 'ota-genai-eu', 'ota-contrib', 'ota-france', 'ota-dating'] as const;
/** Collections with a git bundle of their full history, read for change summaries (ota-contrib has none). */
export const SUMMARY_COLLECTIONS = ['ota-pga', 'ota-genai-eu', 'ota-vlopses-us'] as const;

export function dataPath(...parts: string[]): string {
  return path.join(DATA_ROOT, ...parts);
}

/** Path of an OTA document's latest text, relative to the data root. */
export function otaTextPath(collection: string, service: string, termsType: string): string {
  return path.posix.join(collection, 'versions-HEAD', service, `${termsType}.md`);
}
