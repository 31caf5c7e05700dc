// The annotator, loaded on pages the loader took for a policy (load-annotator.ts imports this
// module whole): annotate() finds the clauses (find-clauses.ts), renders them (render-clauses.ts)
// and reports the visit to the background; startSession() re-annotates when content arrives later.
import { MODEL_VERSION } from '../core/detect';
import type { PageMatch, PageReading } from '../messages';
import type { Settings } from '../core/settings';
import { send } from '../lib/rpc';
import { clearStatus, setStatus } from './status';
import { trackVersion } from './version-track';
import type { PageInfo, PanelClause } from './panel';
import { findClauses, type FoundClauses } from './find-clauses';
import { renderClauses } from './render-clauses';

export { explainSelection } from './explain-selection';
export { MAX_HIGHLIGHTS, MAX_TEXT_CHARS } from './find-clauses';

export interface AnnotateInput {
  match: PageMatch | null;
  reason: string;
  signal: AbortSignal;
  settings: Settings;
  /** Asked for by the user: analyse even if the text does not read like a policy. */
  force?: boolean;
}

export interface AnnotateResult {
  status: 'annotated' | 'not-policy' | 'aborted';
  clauses: number;
  reason: string;
  /** Characters read (to tell later whether the page changed enough to look again). */
  textLength: number;
}

export async function annotate(input: AnnotateInput): Promise<AnnotateResult> {
  const { match, signal } = input;
  const root = document.body;
  if (!root) return { status: 'not-policy', clauses: 0, reason: 'no body', textLength: 0 };
  const found = await findClauses(root, input);
  if (found.kind === 'not-policy') return { status: 'not-policy', clauses: 0, reason: found.reason, textLength: found.textLength };
  const items = found.kind === 'found' ? await renderClauses(root, found, pageInfo(found, match), signal) : null;
  if (found.kind !== 'found' || !items) return { status: 'aborted', clauses: 0, reason: 'navigation', textLength: found.textLength };
  setStatus({ state: 'annotated', count: items.size });
  await report(found, items, input);
  return { status: 'annotated', clauses: items.size, reason: found.reason, textLength: found.textLength };
}

function pageInfo(found: FoundClauses, match: PageMatch | null): PageInfo {
  return {
    url: location.href,
    title: document.title,
    sha256: found.sha256,
    readAt: found.readAt,
    platformName: match?.platform.name,
    platformId: match?.platform.id,
    documentId: match?.document.id,
    documentTitle: match?.document.termsType,
    modelVersion: MODEL_VERSION,
  };
}

/** Step three: the visit to the background, then version tracking once the page settles. */
async function report(found: FoundClauses, items: ReadonlyMap<string, PanelClause>, input: AnnotateInput): Promise<void> {
  // The page's address and document are not sent: the background takes them from the browser.
  const reading: PageReading = {
    title: document.title.slice(0, 1024),
    sha256: found.sha256,
    readAt: found.readAt,
    textLength: found.textLength,
    detection: { kind: input.match ? 'known' : 'heuristic', reason: input.reason.slice(0, 256) },
    clauses: [...items.values()].map((i) => i.clause).sort((a, b) => a.start - b.start),
  };
  const reported = await send('page/report', reading).catch((err: unknown) => console.warn('Clausemark: could not record the visit', err));
  // Version history: once the page settles (docs/history.md). Not awaited: it waits on purpose.
  if (reported) void trackVersion({ visitId: reported.visitId, sha256: found.sha256, text: found.page.text, hardBreaks: found.page.hardBreaks, signal: input.signal, notices: input.settings.inPageNotices });
}

const RECHECK_DELAY_MS = 1200;

/**
 * Annotates, then watches the page: content that arrives later (single-page apps, "read more"
 * sections) triggers a fresh analysis once things settle. Our own DOM changes never trigger one:
 * the observer is disconnected while we change the page, and its queue dropped afterwards.
 */
export async function startSession(input: AnnotateInput): Promise<void> {
  const { signal } = input;
  let inner: AbortController | null = null;
  let last: AnnotateResult | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void recheck(), RECHECK_DELAY_MS);
  });
  const observe = () => {
    if (!signal.aborted && document.body) observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  };
  const run = async () => {
    observer.disconnect();
    inner?.abort();
    const c = (inner = new AbortController());
    try {
      last = await annotate({ ...input, signal: c.signal });
    } finally {
      observer.takeRecords();
      observe();
    }
  };
  const recheck = async () => {
    if (signal.aborted || !document.body) return;
    const now = document.body.textContent?.length ?? 0;
    const before = last?.textLength ?? 0;
    // Re-read only on a real change of content, not on a clock ticking or a counter.
    if (Math.abs(now - before) < Math.max(400, before * 0.05) && last?.status === 'annotated') return;
    if (last?.status === 'not-policy' && now - before < 400) return;
    await run();
  };
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    observer.disconnect();
    inner?.abort();
    clearStatus();
    void send('page/left', {}).catch(() => undefined);
  });
  await run();
}
