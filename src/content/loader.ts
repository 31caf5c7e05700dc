// Runs on every http(s) page, so it stays tiny: URL and title first, a lookup of the URL in the
// knowledge base (in the background, never over the network), and only then loads the annotator.
import { quickSignal } from '../core/page';
import { send } from '../lib/rpc';

const GUARD = '__clausemarkLoaded';

async function main(): Promise<void> {
  const g = globalThis as unknown as Record<string, unknown>;
  if (g[GUARD]) return; // injected twice (e.g. programmatic injection after the manifest one)
  g[GUARD] = true;

  const signal = quickSignal(location.href, document.title);
  let match = null;
  try {
    match = (await send('page/lookup', { url: location.href })).match;
  } catch (err) {
    console.warn('Clausemark: knowledge base lookup failed', err);
  }
  if (!match && !signal.candidate) return;

  const controller = new AbortController();
  const { annotate } = await import('./annotator');
  await annotate({ match, reason: match ? `known: ${match.platform.name} ${match.document.termsType}` : signal.reason, signal: controller.signal });
}

void main();
