// Which pages get the content scripts, decided at run time: in automatic mode the tiny sentinel is
// registered for every http(s) page and frame, and the loader with the annotator for addresses that
// look like a policy (the sentinel asks for it elsewhere: page/inject); in "only when I click" mode nothing is registered,
// so no Clausemark script runs in any page until the user asks (the popup's "Analyse this page" or
// the context menu inject it into that one tab with scripting.executeScript). The manifest declares
// no content script at all.
import browser from 'webextension-polyfill';
import type { Settings } from '../core/settings';
import { ANNOTATOR_FILE, LOADER_FILE, LOADER_REQUEST, SENTINEL_FILE } from '../lib/content-files';
import { envelope, type ContentMessage, type Reply, type Req, type Res } from '../messages';

export const SENTINEL_ID = 'clausemark-sentinel';
export const LOADER_ID = 'clausemark-loader';
const PAGES = ['http://*/*', 'https://*/*'];

/** Words of a policy's address (core/page.ts, quickSignal's path rules), as match patterns: the
 * loader comes at the start of these documents by itself. Match patterns are case-sensitive, so
 * each word in three spellings; a word that is part of common words elsewhere ("photos") only
 * after a separator. An address these miss still gets the loader, later: the sentinel asks for it
 * once it sees the address or the title (content/sentinel.ts). */
const POLICY_WORDS = ['privacy', 'privacidad', 'datenschutz', 'confidentialite', 'gdpr', 'ccpa', 'cookie', 'tracker', 'terms', 'conditions', 'eula', 'agreement', 'agb', 'cgu', 'legal', 'policies', 'policy'];
const AFTER_SEPARATOR = ['tos'];

const spellings = (w: string) => [w, w[0]?.toUpperCase() + w.slice(1), w.toUpperCase()];

export function policyAddressPatterns(): string[] {
  const out = new Set<string>();
  for (const w of POLICY_WORDS) for (const v of spellings(w)) out.add(`*://*/*${v}*`);
  for (const w of AFTER_SEPARATOR) {
    for (const v of spellings(w)) {
      out.add(`*://*/${v}*`); // at the start of the path
      for (const sep of ['/', '-', '_', '.']) out.add(`*://*/*${sep}${v}*`);
    }
  }
  return [...out];
}

/** At the start of the document: the sentinel does nothing there but look at the address; the
 * loader, on a policy's address, starts the lookup while the page is still parsed and reads the
 * page at DOMContentLoaded, never waiting for `load` (docs/performance.md). */
const RUN_AT = 'document_start' as const;

interface Registration {
  id: string;
  js: string[];
  matches: string[];
  allFrames: boolean;
  runAt: typeof RUN_AT;
  persistAcrossSessions: boolean;
}

export function registrations(): Registration[] {
  return [
    { id: SENTINEL_ID, js: [SENTINEL_FILE], matches: PAGES, allFrames: true, runAt: RUN_AT, persistAcrossSessions: true },
    { id: LOADER_ID, js: [LOADER_FILE], matches: policyAddressPatterns(), allFrames: true, runAt: RUN_AT, persistAcrossSessions: true },
  ];
}

const same = (a: { js?: string[]; matches?: string[]; runAt?: string; allFrames?: boolean }, b: Registration) =>
  a.runAt === b.runAt && !!a.allFrames === b.allFrames && JSON.stringify(a.js ?? []) === JSON.stringify(b.js) && JSON.stringify([...(a.matches ?? [])].sort()) === JSON.stringify([...b.matches].sort());

/** Registers or unregisters the content scripts to match the mode (idempotent; runs on every start). */
export async function syncContentScripts(settings: Pick<Settings, 'mode'>): Promise<void> {
  const wanted = registrations();
  const ids = wanted.map((r) => r.id);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids });
  if (settings.mode !== 'auto') {
    if (registered.length) await browser.scripting.unregisterContentScripts({ ids: registered.map((r) => r.id) });
    return;
  }
  const byId = new Map(registered.map((r) => [r.id, r]));
  const missing = wanted.filter((r) => !byId.has(r.id));
  // Registered by an earlier version (they persist across sessions): brought up to date.
  const stale = wanted.filter((r) => byId.has(r.id) && !same(byId.get(r.id) as Registration, r));
  if (stale.length) await browser.scripting.updateContentScripts(stale);
  if (missing.length) await browser.scripting.registerContentScripts(missing);
}

/** Puts the loader into a tab's top frame on the user's request (no-op where it already runs: it
 * guards against double injection). */
export async function injectLoader(tabId: number, frameId = 0): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [LOADER_FILE], injectImmediately: true });
}

/** Puts the annotator into a frame whose loader asked (page/annotator): a script of
 * its own, injected in a task of its own, where the loader comes in the one that parses the page.
 * (Where it already runs, its second copy does nothing.) */
export async function injectAnnotator(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [ANNOTATOR_FILE], injectImmediately: true });
}

/**
 * Asks the loader in a frame (the popup's "Analyse this page", the menu's "Explain this clause"):
 * a function run in the extension's isolated world of that frame calls the loader there. The
 * loader needs no runtime message listener for this, which would set up the extension's messaging
 * in every page it runs on.
 */
export async function requestLoader<N extends ContentMessage>(tabId: number, frameId: number, name: N, payload: Req<N>): Promise<Res<N>> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    func: (message: unknown, entry: string) => (globalThis as unknown as Record<string, ((m: unknown) => Promise<unknown>) | undefined>)[entry]?.(message) ?? null,
    args: [envelope(name, payload), LOADER_REQUEST],
  });
  const reply = result?.result as Reply<N> | null | undefined;
  if (!reply || typeof reply !== 'object') throw new Error(`${name}: no answer`);
  if (!reply.ok) throw new Error(`${name}: ${reply.error}`);
  return reply.value;
}
