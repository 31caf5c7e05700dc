// "Platform": a grade-like summary of any platform from its reviewed clauses (the rule is shown),
// its documents with their last change dates, and its reviewed clauses. Defaults to the page's
// platform; `?view=platform&platform=<id>` opens one directly.
import { useEffect, useState } from 'preact/hooks';
import type { PlatformSummary } from '../messages';
import { MIN_CLAUSES_FOR_GRADE } from '../core/compare-grade';
import { SEVERITIES } from '../core/types';
import { send } from '../lib/rpc';
import { formatDay, formatNumber, t, tn } from '../lib/i18n';
import { categoryTitle } from '../lib/category-text';
import { errorText, markReady, Pager, param, PlatformPicker, SEV_LABEL, viewHref } from './compare-ui';
import type { ViewProps } from './view-props';
import { safeHref } from '../lib/safe-href';

const CLAUSE_PAGE = 10;

export function PlatformView({ state }: ViewProps) {
  const [platformId, setPlatformId] = useState<string | null>(() => param('platform') ?? state?.platform?.id ?? null);
  const [summary, setSummary] = useState<PlatformSummary | null | 'missing'>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    setSummary(null);
    setError('');
    if (!platformId) return;
    let live = true;
    send('platform/summary', { platformId }).then(
      (r) => live && setSummary(r.summary ?? 'missing'),
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [platformId]);

  useEffect(() => {
    if (summary) markReady('platform');
  }, [summary]);

  const current = summary && summary !== 'missing' ? { id: summary.platform.id, name: summary.platform.name } : null;
  return (
    <section class="platform" aria-label={t('platformAria')}>
      <PlatformPicker label={t('viewPlatform')} value={current} onPick={(h) => setPlatformId(h.id)} />
      {error && <p class="error small">{t('platformError', error)}</p>}
      {!platformId ? (
        <p class="muted small">{t('platformSearchHint')}</p>
      ) : summary === 'missing' ? (
        <p class="error small">{t('platformMissing', platformId)}</p>
      ) : summary ? (
        <Summary s={summary} pagePlatform={state?.platform?.id} />
      ) : (
        !error && <p class="muted small">{t('reading')}</p>
      )}
    </section>
  );
}

const fmtDate = formatDay;

function Summary({ s, pagePlatform }: { s: PlatformSummary; pagePlatform?: string }) {
  const [offset, setOffset] = useState(0);
  const { platform: p, grade: g } = s;
  useEffect(() => setOffset(0), [p.id]);
  const other = pagePlatform && pagePlatform !== p.id ? pagePlatform : undefined;
  return (
    <>
      <div class="phead">
        {g.grade ? (
          <span class={`grade g${g.grade}`} role="img" aria-label={t('gradeAria', g.grade)}>
            {g.grade}
          </span>
        ) : (
          <span class="grade none" role="img" aria-label={t('gradeNoneAria')}>
            –
          </span>
        )}
        <div>
          <h2>{p.name}</h2>
          <p class="small muted">
            {p.domain ?? p.domains[0] ?? ''}
            {p.domains.length > 1 ? ` ${tn('platformMoreDomains', p.domains.length - 1)}` : ''}
            {p.otaTracked ? ` · ${t('platformOtaTracked')}` : ''}
          </p>
        </div>
      </div>
      <p class="small">
        {g.grade
          ? t('gradeFrom', g.grade, formatNumber(g.reviewed), formatNumber(g.score, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'always' }))
          : g.reviewed === 0
            ? t('gradeNoneZero')
            : tn('gradeNoneFew', g.reviewed, formatNumber(MIN_CLAUSES_FOR_GRADE))}
        {p.tosdrGrade ? ` ${t('gradeTosdr', p.tosdrGrade)}` : ''}
      </p>
      <details class="small rule">
        <summary>{t('gradeHow')}</summary>
        <p>{t('gradeRule')} {t('gradeRuleCredit')}</p>
      </details>
      {g.reviewed > 0 && (
        <ul class="sevcounts" aria-label={t('platformSevAria')}>
          {SEVERITIES.map((sv) => (
            <li key={sv}>
              <span class={`pill ${sv}`}>{SEV_LABEL[sv]}</span> {formatNumber(g.counts[sv])}
            </li>
          ))}
        </ul>
      )}
      {other && (
        <p class="small">
          <a href={viewHref('side-by-side', { a: other, b: p.id })}>{t('platformCompareLink')}</a>
        </p>
      )}
      <h3>{t('platformDocuments')}</h3>
      {s.documents.length === 0 ? (
        <p class="small muted">{t('platformNoDocs')}</p>
      ) : (
        <ul class="docs">
          {s.documents.map((d) => (
            <li key={d.id}>
              {d.url ? (
                <a href={safeHref(d.url)} target="_blank" rel="noreferrer noopener">
                  {d.termsType}
                </a>
              ) : (
                <span>{d.termsType}</span>
              )}
              <span class="small muted">
                {' '}
                {d.lastChange ? t('docLastChanged', fmtDate(d.lastChange)) : d.latestDate ? t('docLatest', fmtDate(d.latestDate)) : t('docNotTracked')}
                {d.changes > 0 ? ` · ${tn('docChanges', d.changes)}` : ''}
                {d.clauses > 0 ? ` · ${tn('countReviewed', d.clauses)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {s.clauses.length > 0 && (
        <>
          <h3>{t('platformReviewedClauses')}</h3>
          <ol class="prows" start={offset + 1}>
            {s.clauses.slice(offset, offset + CLAUSE_PAGE).map((c) => (
              <li key={c.id}>
                <span class={`pill ${c.severity}`}>{SEV_LABEL[c.severity]}</span> <strong>{categoryTitle(c.category)}</strong>
                <div class="small case">
                  {c.caseTitle} (
                  <a href={safeHref(c.pointUrl)} target="_blank" rel="noreferrer noopener">
                    {t('linkPoint')}
                  </a>
                  {c.url && (
                    <>
                      ,{' '}
                      <a href={safeHref(c.url)} target="_blank" rel="noreferrer noopener">
                        {t('linkDocument')}
                      </a>
                    </>
                  )}
                  )
                </div>
                {c.quote && <q class="small">{c.quote}</q>}
              </li>
            ))}
          </ol>
          <Pager offset={offset} size={CLAUSE_PAGE} total={s.clauses.length} onPage={setOffset} label={t('platformReviewedClauses')} />
        </>
      )}
    </>
  );
}
