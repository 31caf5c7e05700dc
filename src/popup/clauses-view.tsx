// The "Clauses" view: the page's document, counts by severity (also a filter), and its clauses;
// a click scrolls the page to the clause and opens its panel.
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { PageClause, TabState } from '../messages';
import { send } from '../lib/rpc';
import { SEVERITIES, SEVERITY_RANK, type Severity } from '../core/types';
import { formatDateTime, formatNumber, formatPercent, t } from '../lib/i18n';
import { categoryTitle } from '../lib/category-text';
import { severityLabels } from '../lib/severity-text';
import type { ViewProps } from './view-props';
import { ReportExport } from './report-export';

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

export function ClausesView({ state, tabId, notify }: ViewProps) {
  const [filter, setFilter] = useState<Severity | 'all'>('all');
  if (!state) return null;
  return <TabView state={state} filter={filter} setFilter={setFilter} onReveal={(c) => void reveal(tabId, c, notify)} actions={<ReportExport state={state} tabId={tabId} notify={notify} />} />;
}

function TabView({ state, filter, setFilter, onReveal, actions }: { state: TabState; filter: Severity | 'all'; setFilter: (f: Severity | 'all') => void; onReveal: (c: PageClause) => void; actions?: ComponentChildren }) {
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
                <span class="excerpt">{c.excerpt}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
