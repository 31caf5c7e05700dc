// The "Clauses" view, the popup's first: the page's document; when it changed since the user read
// it, a banner with what changed for them and a link to History; counts by severity (also a
// filter); and its clauses, each with its rarity across reviewed platforms (the clause panel's
// figures). A click scrolls the page to the clause and opens its panel.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CategoryDistribution, PageClause, TabState } from '../messages';
import type { HistoryGlance } from '../history-messages';
import { send } from '../lib/rpc';
import { SEVERITIES, SEVERITY_RANK, type Severity } from '../core/types';
import { rarity } from '../core/compare-rarity';
import { formatDateTime, formatDay, formatNumber, formatPercent, t, tn } from '../lib/i18n';
import { categoryTitle } from '../lib/category-text';
import { rarityLabelText, severityLabels } from '../lib/severity-text';
import { ChangeList } from '../lib/change-text';
import type { ViewProps } from './view-props';
import { ReportExport } from './report-export';
import { FollowButton } from './follow-button';

/** Lines the banner shows; History has them all. */
export const BANNER_LINES = 3;

type Rarities = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; byCategory: Map<string, CategoryDistribution> };

const SEV_LABEL: Record<Severity, string> = severityLabels();

async function reveal(tabId: number | null, c: PageClause, notify: (s: string) => void) {
  if (tabId === null) return;
  try {
    const { ok } = await send('tab/reveal', { tabId, clauseId: c.id });
    notify(ok ? '' : t('clausesGone'));
  } catch (err) {
    notify(t('clausesUnreachable', err instanceof Error ? err.message : String(err)));
  }
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function ClausesView({ state, tabId, notify, openView }: ViewProps) {
  const [filter, setFilter] = useState<Severity | 'all'>('all');
  const [glance, setGlance] = useState<HistoryGlance['change']>(null);
  const [rarities, setRarities] = useState<Rarities>({ kind: 'loading' });
  const docKey = state?.visit.docKey;
  const categories = useMemo(() => [...new Set(state?.visit.clauses.map((c) => c.category) ?? [])].sort(), [state]);

  useEffect(() => {
    let live = true;
    setGlance(null);
    // No banner is better than a wrong one: a failure here leaves the view as it was.
    if (docKey) send('history/glance', { docKey }).then((r) => live && setGlance(r.change), () => undefined);
    return () => {
      live = false;
    };
  }, [docKey]);

  useEffect(() => {
    let live = true;
    if (categories.length === 0) return;
    setRarities({ kind: 'loading' });
    send('compare/stats', { categories }).then(
      (r) => live && setRarities({ kind: 'ready', byCategory: new Map(r.stats.map((s) => [s.category, s])) }),
      (err: unknown) => live && setRarities({ kind: 'error', message: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [categories.join(',')]);

  if (!state) return null;
  return (
    <TabView
      state={state}
      filter={filter}
      setFilter={setFilter}
      onReveal={(c) => void reveal(tabId, c, notify)}
      glance={glance}
      rarities={rarities}
      onHistory={() => openView?.('history')}
      actions={
        <>
          {tabId !== null && <FollowButton tabId={tabId} notify={notify} />}
          <ReportExport state={state} tabId={tabId} notify={notify} />
        </>
      }
    />
  );
}

function ChangedBanner({ change, onHistory }: { change: NonNullable<HistoryGlance['change']>; onHistory: () => void }) {
  const day = formatDay(change.fromSeen);
  const more = change.lines.length - BANNER_LINES;
  return (
    <section class="glance-change" aria-label={t('chgTitle')}>
      <p>
        <strong>{change.pinned ? t('glanceChangedPinned', day) : t('glanceChanged', day)}</strong>
      </p>
      {change.lines.length > 0 ? (
        <ChangeList lines={change.lines} max={BANNER_LINES} />
      ) : (
        <p class="muted small">{t('glanceWordsOnly', formatNumber(change.wordsAdded), formatNumber(change.wordsRemoved))}</p>
      )}
      <p class="small">
        {more > 0 && <span class="muted">{tn('glanceMore', more)} · </span>}
        <a
          class="see-history"
          href="?view=history"
          onClick={(e) => {
            e.preventDefault();
            onHistory();
          }}
        >
          {t('glanceSeeHistory')}
        </a>
      </p>
    </section>
  );
}

/** "Rare · 3 of 142 platforms", the figures of the clause panel (core/compare-rarity.ts). */
function RarityNote({ stat }: { stat: CategoryDistribution | undefined }) {
  if (!stat || stat.platformsReviewed === 0) return <span class="rarity none">{t('clausesNotCompared')}</span>;
  const r = rarity(stat);
  const label = rarityLabelText(r.label);
  return (
    <span class={`rarity ${r.label}`} title={t('clausesRarityTitle', formatNumber(r.k), formatNumber(r.n))}>
      {t('clausesRarity', label.charAt(0).toLocaleUpperCase() + label.slice(1), formatNumber(r.k), formatNumber(r.n))}
    </span>
  );
}

function TabView({
  state,
  filter,
  setFilter,
  onReveal,
  glance,
  rarities,
  onHistory,
  actions,
}: {
  state: TabState;
  filter: Severity | 'all';
  setFilter: (f: Severity | 'all') => void;
  onReveal: (c: PageClause) => void;
  glance: HistoryGlance['change'];
  rarities: Rarities;
  onHistory: () => void;
  actions?: ComponentChildren;
}) {
  const { visit, platform, document: doc, counts } = state;
  const clauses = useMemo(
    () => [...visit.clauses].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.start - b.start),
    [visit],
  );
  const shown = filter === 'all' ? clauses : clauses.filter((c) => c.severity === filter);
  let host = visit.url;
  try {
    host = new URL(visit.url).host;
  } catch {
    /* keep the raw URL */
  }
  return (
    <>
      <section class="doc">
        <h2>{platform ? `${platform.name} — ${doc?.termsType ?? t('policy')}` : visit.title || host}</h2>
        <p class="muted small url" title={visit.url}>{visit.url}</p>
        <p class="small">
          {visit.detection.kind === 'known' ? (
            <span class="tag known">{t('clausesKnownDoc')}</span>
          ) : (
            <span class="tag heuristic">{t('clausesRecognised')}</span>
          )}{' '}
          <span class="muted">{t('clausesReadAt', formatDateTime(visit.readAt))} · SHA-256 <code title={visit.sha256}>{visit.sha256.slice(0, 12)}…</code></span>
        </p>
        {actions}
      </section>
      {glance && <ChangedBanner change={glance} onHistory={onHistory} />}
      {rarities.kind === 'error' && clauses.length > 0 && <p class="muted small rarity-note">{t('clausesRarityError', rarities.message)}</p>}
      {rarities.kind === 'ready' && clauses.length > 0 && clauses.every((c) => !(rarities.byCategory.get(c.category)?.platformsReviewed ?? 0)) && (
        <p class="muted small rarity-note">{t('clausesNoComparison')}</p>
      )}
      <section class="counts" aria-label={t('clausesBySeverity')}>
        <button type="button" class={`count all ${filter === 'all' ? 'on' : ''}`} aria-pressed={filter === 'all'} onClick={() => setFilter('all')}>
          <strong>{formatNumber(clauses.length)}</strong> {t('all')}
        </button>
        {SEVERITIES.map((s) => (
          <button key={s} type="button" class={`count ${s} ${filter === s ? 'on' : ''}`} aria-pressed={filter === s} onClick={() => setFilter(filter === s ? 'all' : s)}>
            <strong>{formatNumber(counts[s])}</strong> {SEV_LABEL[s]}
          </button>
        ))}
      </section>
      {shown.length === 0 ? (
        <p class="muted">{clauses.length === 0 ? t('clausesNone') : t('clausesNoneOfSeverity')}</p>
      ) : (
        <ol class="clauses">
          {shown.map((c) => (
            <li key={c.id}>
              <button type="button" class="clause" data-clause={c.id} onClick={() => onReveal(c)}>
                <span class={`pill ${c.severity}`}>{SEV_LABEL[c.severity]}</span>
                <span class="title">{categoryTitle(c.category)}</span>
                <span class="src">{c.source === 'kb' ? t('clausesReviewed') : t('clausesDetected', formatPercent(c.confidence))}</span>
                {rarities.kind === 'ready' && <RarityNote stat={rarities.byCategory.get(c.category)} />}
                <span class="excerpt">{c.excerpt}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
