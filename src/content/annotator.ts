// The annotator, loaded only on pages the loader took for a policy: reads the page text, finds
// clauses (reviewed knowledge-base quotes anchored in the page, plus the detector), highlights
// them, adds badges, and reports the visit to the background.
import browser from 'webextension-polyfill';
import { segment } from '../core/text';
import { detectClauses, detectSentences, MODEL_VERSION } from '../core/detect';
import { anchorQuotes } from '../core/anchor';
import { resolveOverlaps } from '../core/resolve';
import { confirmPolicyText } from '../core/page';
import { fingerprint } from '../core/fingerprint';
import { clauseId } from '../core/ids';
import { isEnvelope, type PageClause, type PageMatch, type Reply, type PageReading } from '../messages';
import type { KnownClause } from '../kb/schema';
import { send } from '../lib/rpc';
import { readPageText } from './dom-text';
import { highlightRangesSliced, isOurMark, removeHighlights } from './highlight';
import { clearStatus, setStatus } from './status';
import { Slicer, yieldToPage } from './yield';
import { badgeButton, createBadge, focusBadge } from './badges';
import { trackVersion } from './version-track';
import { PanelHost, type PageInfo, type PanelClause } from './panel';
import { showToast } from './toast';
import { isShown, SENSITIVITY_THRESHOLD, type Settings } from '../core/settings';
import { guessLanguage } from '../core/language';
import { formatNumber, t } from '../lib/i18n';

const LANGUAGE_NAMES: Record<string, string> = { de: t('langGerman'), fr: t('langFrench'), es: t('langSpanish'), it: t('langItalian'), nl: t('langDutch'), pt: t('langPortuguese') };

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

/** Past this, only the beginning is analysed (bounded work on huge pages), and the user is told. */
export const MAX_TEXT_CHARS = 1_500_000;
/** More highlights than this stop being readable and cost seconds of layout: the first ones are
 * shown, and the user is told. */
export const MAX_HIGHLIGHTS = 1500;
const EXCERPT_MAX = 600;

/** Detector over sentences in chunks (results depend on the chunking: keep it), yielding to the page between chunks. */
/**
 * The detector over the whole page in one call: its context (sections, neighbours, span merging)
 * spans the document, and cutting the work into chunks changed results at the cuts (tested on
 * Roblox's terms), so the page gets exactly what the evaluation measures. It runs after a yield,
 * in a task of its own (~35 ms per 1,000 sentences in Node).
 */
async function detectWhole(model: ReturnType<typeof segment>, signal: AbortSignal, threshold: number) {
  await yieldToPage();
  return signal.aborted ? [] : detectClauses(model, { threshold });
}

function excerpt(text: string, start: number, end: number): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return s.length > EXCERPT_MAX ? `${s.slice(0, EXCERPT_MAX - 1)}…` : s;
}

/** Anchors the platform's reviewed quotes in the live text; returns them as page clauses. */
function anchorKnown(text: string, known: readonly KnownClause[]): { clauses: PageClause[]; byId: Map<string, KnownClause> } {
  const byId = new Map<string, KnownClause>();
  const spans = anchorQuotes(text, known.map((k) => k.quote));
  const clauses: PageClause[] = [];
  known.forEach((k, i) => {
    const span = spans[i];
    if (!span) return;
    const id = `kb-${k.id}`;
    byId.set(id, k);
    clauses.push({
      id,
      start: span.start,
      end: span.end,
      category: k.category,
      severity: k.severity,
      confidence: 1,
      source: 'kb',
      kbClauseId: k.id,
      label: k.caseTitle,
      excerpt: excerpt(text, span.start, span.end),
      anchored: true,
    });
  });
  return { clauses, byId };
}

export async function annotate(input: AnnotateInput): Promise<AnnotateResult> {
  const { match, signal } = input;
  const root = document.body;
  if (!root) return { status: 'not-policy', clauses: 0, reason: 'no body', textLength: 0 };
  const page = readPageText(root, MAX_TEXT_CHARS);
  // Each step below can take tens of milliseconds on a very long page: the page gets a turn between.
  await yieldToPage();
  if (signal.aborted) return { status: 'aborted', clauses: 0, reason: 'navigation', textLength: page.text.length };
  // The detector knows English only: elsewhere say so, and show reviewed clauses alone.
  const lang = guessLanguage(page.text);
  if (!lang.english) {
    const name = LANGUAGE_NAMES[lang.language];
    showToast(
      `${name ? t('toastEnglishOnlyLooks', name) : t('toastEnglishOnly')} ${match ? t('toastOnlyReviewed') : t('toastNothingHighlighted')}`,
      signal,
    );
  }

  // The policy test counts English legal phrases, so a page in another language is taken on
  // its address and title (the loader's check) rather than refused.
  const confirm = confirmPolicyText(page.text, !!match || !!input.force || !lang.english);
  if (!confirm.policy) return { status: 'not-policy', clauses: 0, reason: confirm.reason, textLength: page.text.length };
  if (page.truncated) {
    showToast(
      t('toastVeryLong', formatNumber(Math.round(page.text.length / 1000))),
      signal,
    );
  }

  const readAt = new Date().toISOString();
  const knownPromise = match
    ? send('kb/clauses', { platformId: match.platform.id, documentId: match.document.id }).then((r) => r.clauses, () => [] as KnownClause[])
    : Promise.resolve([] as KnownClause[]);
  await yieldToPage();
  const model = segment(page.text, page.hardBreaks);
  await yieldToPage();
  const [known, detected, sha256] = await Promise.all([knownPromise, lang.english ? detectWhole(model, signal, SENSITIVITY_THRESHOLD[input.settings.sensitivity]) : Promise.resolve([]), fingerprint(page.text)]);
  if (signal.aborted) return { status: 'aborted', clauses: 0, reason: 'navigation', textLength: page.text.length };

  // Only quotes of this document (or of the platform's documents without a document match).
  const relevant = match ? known.filter((k) => !k.documentId || k.documentId === match.document.id || k.anchor.status !== 'found') : [];
  await yieldToPage();
  const kb = anchorKnown(page.text, relevant);
  await yieldToPage();
  const found: PageClause[] = [
    ...kb.clauses,
    ...detected.map((d) => ({ ...d, id: d.id || clauseId(d.category, page.text.slice(d.start, d.end)), excerpt: excerpt(page.text, d.start, d.end) })),
  ];
  const resolved = resolveOverlaps(found.filter((c) => isShown(input.settings, c.category, c.severity)));
  const highlights = resolved.slice(0, MAX_HIGHLIGHTS);
  if (resolved.length > MAX_HIGHLIGHTS) showToast(t('toastTooManyClauses', formatNumber(MAX_HIGHLIGHTS), formatNumber(resolved.length)), signal);

  const slicer = new Slicer();
  await slicer.maybe();
  const marks = await highlightRangesSliced(
    root,
    highlights.map(({ primary }) => ({
      start: primary.start,
      end: primary.end,
      clauseId: primary.id,
      category: primary.category,
      severity: primary.severity,
    })),
    slicer,
    signal,
  );
  if (signal.aborted) {
    removeHighlights(root);
    return { status: 'aborted', clauses: 0, reason: 'navigation', textLength: page.text.length };
  }

  const items = new Map<string, PanelClause>();
  for (const h of highlights) {
    if (!marks.has(h.primary.id)) continue; // mark.js could not place it (e.g. whitespace only)
    items.set(h.primary.id, { clause: h.primary, related: h.related, kb: kb.byId.get(h.primary.id) });
  }

  const info: PageInfo = {
    url: location.href,
    title: document.title,
    sha256,
    readAt,
    platformName: match?.platform.name,
    platformId: match?.platform.id,
    documentTitle: match?.document.termsType,
    modelVersion: MODEL_VERSION,
  };
  const panel = new PanelHost(signal);
  const compare = (category: string, platformId?: string) => send('kb/compare', { category, platformId, limit: 6 });
  const open = (id: string, trigger: HTMLElement | null) => {
    const item = items.get(id);
    if (item) panel.show(item, info, compare, trigger);
  };

  const badges = new Map<string, HTMLElement>();
  for (const [id, item] of items) {
    const els = marks.get(id);
    const last = els?.[els.length - 1];
    if (!last) continue;
    const badge = createBadge(
      { clauseId: id, category: item.clause.category, severity: item.clause.severity, detected: item.clause.source !== 'kb', confidence: item.clause.confidence },
      (cid, trigger) => open(cid, trigger),
      signal,
    );
    last.after(badge);
    badges.set(id, badge);
    await slicer.maybe();
  }
  if (signal.aborted) {
    for (const b of badges.values()) b.remove();
    removeHighlights(root);
    return { status: 'aborted', clauses: 0, reason: 'navigation', textLength: page.text.length };
  }

  // Clicking the highlighted text opens its panel too.
  document.addEventListener(
    'click',
    (e) => {
      // Only the user's own click opens a panel: the page cannot script one open.
      if (!e.isTrusted) return;
      const mark = (e.target as Element | null)?.closest?.('mark[data-clausemark-clause]') as HTMLElement | null;
      if (!mark || !isOurMark(mark)) return;
      const id = mark.dataset.clausemarkClause;
      if (id && items.has(id)) open(id, badgeButton(badges.get(id)));
    },
    { signal },
  );
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && panel.openClauseId) panel.hide();
    },
    { signal },
  );

  const onMessage = (message: unknown): Promise<Reply<'content/reveal'>> | undefined => {
    if (!isEnvelope(message) || message.name !== 'content/reveal') return undefined;
    const { clauseId: id } = message.payload as { clauseId: string };
    const first = marks.get(id)?.[0];
    if (!first) return Promise.resolve({ ok: true, value: { ok: false } });
    first.scrollIntoView({ block: 'center', behavior: 'instant' });
    open(id, badgeButton(badges.get(id)));
    focusBadge(badges.get(id));
    return Promise.resolve({ ok: true, value: { ok: true } });
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => {
    browser.runtime.onMessage.removeListener(onMessage);
    for (const b of badges.values()) b.remove();
    removeHighlights(root);
  });

  // The page's address and document are not sent: the background takes them from the browser.
  const report: PageReading = {
    title: document.title.slice(0, 1024),
    sha256,
    readAt,
    textLength: page.text.length,
    detection: { kind: match ? 'known' : 'heuristic', reason: input.reason.slice(0, 256) },
    clauses: [...items.values()].map((i) => i.clause).sort((a, b) => a.start - b.start),
  };
  setStatus({ state: 'annotated', count: items.size });
  const reported = await send('page/report', report).catch((err: unknown) => console.warn('Clausemark: could not record the visit', err));
  // Version history: once the page settles (docs/history.md). Not awaited: it waits on purpose.
  if (reported) void trackVersion({ visitId: reported.visitId, sha256, text: page.text, hardBreaks: page.hardBreaks, signal, notices: input.settings.inPageNotices });
  return { status: 'annotated', clauses: items.size, reason: confirm.reason, textLength: page.text.length };
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

let explainPanel: { panel: PanelHost; controller: AbortController } | null = null;

/**
 * "Explain this clause" on a selection: the detector (at its most sensitive) over the selected
 * text, the best category opened in the panel, the others listed as related. Returns how many
 * categories were found; none gives a notice instead of a panel.
 */
export async function explainSelection(text: string, settings: Settings): Promise<number> {
  const selection = text.trim();
  explainPanel?.controller.abort();
  const controller = new AbortController();
  if (!selection) return 0;
  const model = segment(selection);
  const found = detectSentences(selection, model.sentences, { threshold: SENSITIVITY_THRESHOLD.thorough })
    .filter((c) => isShown({ ...settings, minSeverity: 'good' }, c.category, c.severity))
    .sort((a, b) => b.confidence - a.confidence);
  const best = new Map<string, (typeof found)[number]>();
  for (const c of found) if (!best.has(c.category)) best.set(c.category, c);
  const ranked = [...best.values()];
  const [primary, ...related] = ranked.map((c) => ({ ...c, excerpt: excerpt(selection, 0, selection.length) }));
  if (!primary) {
    showToast(t('toastNoClauseInSelection'), controller.signal);
    explainPanel = { panel: new PanelHost(controller.signal), controller };
    return 0;
  }
  const panel = new PanelHost(controller.signal);
  explainPanel = { panel, controller };
  const info: PageInfo = {
    url: location.href,
    title: document.title,
    sha256: await fingerprint(selection),
    readAt: new Date().toISOString(),
    modelVersion: MODEL_VERSION,
  };
  panel.show({ clause: primary, related }, info, (category) => send('kb/compare', { category, limit: 6 }), document.activeElement as HTMLElement | null);
  return ranked.length;
}
