// The "Compare" view: for each category found on this page, this page's severity beside how the
// platforms reviewed for that category are spread over the severities; sortable by severity or
// rarity. A row opens the list of those platforms (paged), each linked to its document with its
// reviewed quote. `&category=<id>` (the clause panel's "See all platforms with this clause type")
// shows that one category, its list open.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CategoryDistribution, ComparedPlatform } from '../messages';
import { categoryRow, pageCategories, sortRows, type CategoryRow, type RowSort } from '../core/compare-rows';
import { CATEGORIES, isCategoryId } from '../core/taxonomy';
import { SEVERITIES, type Severity } from '../core/types';
import { send } from '../lib/rpc';
import { formatNumber, t, tn } from '../lib/i18n';
import { categoryTitle } from '../lib/category-text';
import { rarityPhrase } from '../lib/severity-text';
import { DistributionBar, errorText, markReady, Pager, param, SEV_LABEL, viewHref } from './compare-ui';
import type { ViewProps } from './view-props';
import { safeHref } from '../lib/safe-href';

const PAGE = 8;

let statsRequest: Promise<CategoryDistribution[]> | null = null;

/** Every category's distribution (29 small records): asked once, without waiting for the tab's
 * state, so opening the popup on this view costs one round trip less. */
function allStats(): Promise<CategoryDistribution[]> {
  if (!statsRequest) {
    statsRequest = send('compare/stats', { categories: CATEGORIES.map((c) => c.id) }).then((r) => r.stats);
    statsRequest.catch(() => (statsRequest = null));
  }
  return statsRequest;
}
if (param('view') === 'compare') void allStats().catch(() => undefined);

/** The one category asked for with `&category=`, if it is a known one. */
function onlyCategory(): string | null {
  const c = param('category');
  return c && isCategoryId(c) ? c : null;
}

export function CompareView({ state }: ViewProps) {
  const [only, setOnly] = useState(onlyCategory);
  const inputs = useMemo(() => (state ? pageCategories(state.visit.clauses) : []).filter((i) => !only || i.category === only), [state, only]);
  const [stats, setStats] = useState<CategoryDistribution[] | null>(null);
  const [error, setError] = useState('');
  const [sort, setSort] = useState<RowSort>('severity');
  const [openCat, setOpenCat] = useState<string | null>(only);

  useEffect(() => {
    if (inputs.length === 0) return;
    allStats().then(setStats, (err: unknown) => setError(errorText(err)));
  }, [inputs]);

  const rows = useMemo(() => {
    if (!stats) return [];
    const by = new Map(stats.map((s) => [s.category, s]));
    return sortRows(
      inputs.map((i) => categoryRow(i, by.get(i.category))),
      sort,
    );
  }, [stats, inputs, sort]);

  useEffect(() => {
    if (rows.length > 0) markReady('compare');
  }, [rows.length > 0]);

  if (!state) return null;
  const pageName = state.platform?.name ?? t('compareThisPage');
  const showAll = (
    <a
      class="small"
      href={viewHref('compare')}
      onClick={(e) => {
        e.preventDefault();
        history.replaceState(null, '', viewHref('compare'));
        setOnly(null);
        setOpenCat(null);
      }}
    >
      {t('compareAllCategories')}
    </a>
  );
  // A category this page no longer shows (another reading, a changed filter): its platforms alone.
  if (only && inputs.length === 0) {
    return (
      <section class="compare" aria-label={t('compareAria')}>
        <div class="toolbar">
          <span class="small muted">{t('compareOnlyCategory', categoryTitle(only))}</span>
          {showAll}
        </div>
        <PlatformList id={`plist-${only}`} category={only} platformId={state.platform?.id} />
      </section>
    );
  }
  if (inputs.length === 0) return <p class="muted">{t('compareNothing')}</p>;
  if (error) return <p class="error">{t('compareUnavailable', error)}</p>;
  if (!stats) return <p class="muted">{t('compareLoading')}</p>;

  return (
    <section class="compare" aria-label={t('compareAria')}>
      <div class="toolbar">
        <span class="small muted">
          {only ? t('compareOnlyCategory', categoryTitle(only)) : tn('compareCategoriesOn', rows.length, pageName)}
        </span>
        {only ? showAll : <span class="seg-buttons" role="group" aria-label={t('compareSortBy')}>
          {(['severity', 'rarity'] as const).map((s) => (
            <button key={s} type="button" aria-pressed={sort === s} class={sort === s ? 'on' : ''} onClick={() => setSort(s)}>
              {s === 'severity' ? t('compareSortSeverity') : t('compareSortRarity')}
            </button>
          ))}
        </span>}
      </div>
      <p class="small muted legend">
        {t('compareLegend')}{' '}
        {SEVERITIES.map((s) => (
          <span key={s} class="key">
            <span class={`swatch ${s}`} aria-hidden="true" /> {SEV_LABEL[s]}{' '}
          </span>
        ))}
      </p>
      <ul class="cmp-rows">
        {rows.map((r) => (
          <li key={r.category} class={openCat === r.category ? 'open' : ''}>
            <button type="button" class="cmp-row" aria-expanded={openCat === r.category} aria-controls={`plist-${r.category}`} data-category={r.category} onClick={() => setOpenCat(openCat === r.category ? null : r.category)}>
              <span class="cat">{categoryTitle(r.category)}</span>
              <span class={`pill ${r.severity}`} title={t('comparePillTitle', formatNumber(r.count))}>
                {SEV_LABEL[r.severity]}
              </span>
              <DistributionBar counts={r.distribution} mine={r.severity} />
              <span class="small muted rar">{r.rarity.n > 0 ? rarityPhrase(r.rarity) : t('compareNotReviewed')}</span>
              {r.rarity.n > 0 && <span class="small muted cmpnote">{standing(r)}</span>}
            </button>
            {openCat === r.category && <PlatformList id={`plist-${r.category}`} category={r.category} platformId={state.platform?.id} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Where this page stands among the platforms reviewed for the category. */
function standing(r: CategoryRow): string {
  const same = r.distribution[r.severity];
  const n = formatNumber;
  if (r.severity === 'good') return t('compareStandingGood', n(r.rarity.n), n(same), n(r.betterThan));
  return t('compareStanding', n(r.rarity.n), n(same), n(r.betterThan), n(r.worseThan));
}

function PlatformList({ id, category, platformId }: { id: string; category: string; platformId?: string }) {
  const [offset, setOffset] = useState(0);
  const [severity, setSeverity] = useState<Severity | undefined>(undefined);
  // The page shown, with the offset it was asked for (the pager follows what is on screen).
  const [data, setData] = useState<{ offset: number; total: number; rows: ComparedPlatform[] } | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    setError('');
    send('compare/platforms', { category, platformId, severity, offset, limit: PAGE }).then(
      (r) => live && setData({ ...r, offset }),
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [category, platformId, severity, offset]);

  return (
    <div id={id} class="plist">
      <div class="chips" role="group" aria-label={t('compareShowSeverity')}>
        {[undefined, ...SEVERITIES].map((s) => (
          <button
            key={s ?? 'all'}
            type="button"
            aria-pressed={severity === s}
            class={severity === s ? 'on' : ''}
            onClick={() => {
              setSeverity(s);
              setOffset(0);
            }}
          >
            {s ? SEV_LABEL[s] : t('all')}
          </button>
        ))}
      </div>
      {error ? (
        <p class="error small">{t('compareListError', error)}</p>
      ) : !data ? (
        <p class="muted small">{t('compareListLoading')}</p>
      ) : data.total === 0 ? (
        <p class="muted small">{severity ? t('compareNoOthersSeverity', SEV_LABEL[severity].toLowerCase()) : t('compareNoOthers')}</p>
      ) : (
        <>
          <ol class="prows" start={data.offset + 1}>
            {data.rows.map((r) => (
              <li key={r.clause.id}>
                <span class={`pill ${r.severity}`}>{SEV_LABEL[r.severity]}</span>{' '}
                {r.url ? (
                  <a href={safeHref(r.url)} target="_blank" rel="noreferrer noopener" class="pname" title={t('openDocumentOf', r.platform.name)}>
                    {r.platform.name}
                  </a>
                ) : (
                  <strong>{r.platform.name}</strong>
                )}
                {r.platform.domain && <span class="small muted"> {r.platform.domain}</span>}{' '}
                <a class="small" href={viewHref('platform', { platform: r.platform.id })}>
                  {t('compareSummaryLink')}
                </a>
                <div class="small case">{r.clause.caseTitle}</div>
                {r.clause.quote && <q class="small">{r.clause.quote}</q>}
              </li>
            ))}
          </ol>
          <Pager offset={data.offset} size={PAGE} total={data.total} onPage={setOffset} label={t('comparePagerLabel', categoryTitle(category))} />
        </>
      )}
    </div>
  );
}
