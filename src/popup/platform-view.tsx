// "Platform": a grade-like summary of any platform from its reviewed clauses (the rule is shown),
// its documents with their last change dates, and its reviewed clauses. Defaults to the page's
// platform; `?view=platform&platform=<id>` opens one directly.
import { useEffect, useState } from 'preact/hooks';
import type { PlatformSummary } from '../messages';
import { GRADE_RULE, MIN_CLAUSES_FOR_GRADE } from '../core/compare';
import { getCategory } from '../core/taxonomy';
import { SEVERITIES } from '../core/types';
import { send } from '../lib/rpc';
import { errorText, markReady, Pager, param, PlatformPicker, SEV_LABEL, viewHref } from './compare-ui';
import type { ViewProps } from './views';

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
    <section class="platform" aria-label="Platform summary">
      <PlatformPicker label="Platform" value={current} onPick={(h) => setPlatformId(h.id)} />
      {error && <p class="error small">Could not read the platform: {error}</p>}
      {!platformId ? (
        <p class="muted small">Search a platform by name or domain to see its reviewed clauses, a grade-like summary and its documents.</p>
      ) : summary === 'missing' ? (
        <p class="error small">No platform “{platformId}” in the knowledge base.</p>
      ) : summary ? (
        <Summary s={summary} pagePlatform={state?.platform?.id} />
      ) : (
        !error && <p class="muted small">Reading…</p>
      )}
    </section>
  );
}

function fmtDate(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

function Summary({ s, pagePlatform }: { s: PlatformSummary; pagePlatform?: string }) {
  const [offset, setOffset] = useState(0);
  const { platform: p, grade: g } = s;
  useEffect(() => setOffset(0), [p.id]);
  const other = pagePlatform && pagePlatform !== p.id ? pagePlatform : undefined;
  return (
    <>
      <div class="phead">
        {g.grade ? (
          <span class={`grade g${g.grade}`} role="img" aria-label={`Clausemark grade ${g.grade}`}>
            {g.grade}
          </span>
        ) : (
          <span class="grade none" role="img" aria-label="No grade">
            –
          </span>
        )}
        <div>
          <h2>{p.name}</h2>
          <p class="small muted">
            {p.domain ?? p.domains[0] ?? ''}
            {p.domains.length > 1 ? ` and ${p.domains.length - 1} more domain${p.domains.length === 2 ? '' : 's'}` : ''}
            {p.otaTracked ? ' · documents tracked by Open Terms Archive' : ''}
          </p>
        </div>
      </div>
      <p class="small">
        {g.grade
          ? `Grade ${g.grade} from ${g.reviewed} reviewed clauses (average ${g.score >= 0 ? '+' : ''}${g.score.toFixed(2)}).`
          : g.reviewed === 0
            ? 'No grade: ToS;DR reviewers have not recorded any clause of this platform yet.'
            : `No grade: only ${g.reviewed} reviewed clause${g.reviewed === 1 ? '' : 's'} (a grade needs ${MIN_CLAUSES_FOR_GRADE}).`}
        {p.tosdrGrade ? ` ToS;DR's own grade: ${p.tosdrGrade}.` : ''}
      </p>
      <details class="small rule">
        <summary>How is this grade computed?</summary>
        <p>{GRADE_RULE} Reviewed clauses are ToS;DR points (CC BY-SA 3.0); this is Clausemark's summary, not ToS;DR's grade.</p>
      </details>
      {g.reviewed > 0 && (
        <ul class="sevcounts" aria-label="Reviewed clauses by severity">
          {SEVERITIES.map((sv) => (
            <li key={sv}>
              <span class={`pill ${sv}`}>{SEV_LABEL[sv]}</span> {g.counts[sv]}
            </li>
          ))}
        </ul>
      )}
      {other && (
        <p class="small">
          <a href={viewHref('side-by-side', { a: other, b: p.id })}>Compare side by side with this page's platform</a>
        </p>
      )}
      <h3>Documents</h3>
      {s.documents.length === 0 ? (
        <p class="small muted">No documents of this platform are known.</p>
      ) : (
        <ul class="docs">
          {s.documents.map((d) => (
            <li key={d.id}>
              {d.url ? (
                <a href={d.url} target="_blank" rel="noreferrer noopener">
                  {d.termsType}
                </a>
              ) : (
                <span>{d.termsType}</span>
              )}
              <span class="small muted">
                {' '}
                {d.lastChange ? `last changed ${fmtDate(d.lastChange)}` : d.latestDate ? `latest version ${fmtDate(d.latestDate)}` : 'not tracked'}
                {d.changes > 0 ? ` · ${d.changes} recorded change${d.changes === 1 ? '' : 's'}` : ''}
                {d.clauses > 0 ? ` · ${d.clauses} reviewed` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {s.clauses.length > 0 && (
        <>
          <h3>Reviewed clauses</h3>
          <ol class="prows" start={offset + 1}>
            {s.clauses.slice(offset, offset + CLAUSE_PAGE).map((c) => (
              <li key={c.id}>
                <span class={`pill ${c.severity}`}>{SEV_LABEL[c.severity]}</span> <strong>{getCategory(c.category)?.title ?? c.category}</strong>
                <div class="small case">
                  {c.caseTitle} (
                  <a href={c.pointUrl} target="_blank" rel="noreferrer noopener">
                    point
                  </a>
                  {c.url && (
                    <>
                      ,{' '}
                      <a href={c.url} target="_blank" rel="noreferrer noopener">
                        document
                      </a>
                    </>
                  )}
                  )
                </div>
                {c.quote && <q class="small">{c.quote}</q>}
              </li>
            ))}
          </ol>
          <Pager offset={offset} size={CLAUSE_PAGE} total={s.clauses.length} onPage={setOffset} label="Reviewed clauses" />
        </>
      )}
    </>
  );
}
