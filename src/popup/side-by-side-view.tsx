// "Side by side": pick any two platforms and see their reviewed clauses aligned by category, the
// differences marked. Works without an analysed page; the page's platform is the default left side.
// `?view=side-by-side&a=<id>&b=<id>` opens a pair directly.
import { useEffect, useState } from 'preact/hooks';
import type { PlatformBrief, PlatformPair } from '../messages';
import type { PairCell, PairRow } from '../core/compare-pair';
import { send } from '../lib/rpc';
import { formatNumber, t, tn } from '../lib/i18n';
import { categoryTitle } from '../lib/category-text';
import { errorText, markReady, param, PlatformPicker, SEV_LABEL, viewHref } from './compare-ui';
import type { ViewProps } from './view-props';

type Pick2 = { id: string; name: string } | null;

export function SideBySideView({ state }: ViewProps) {
  const [a, setA] = useState<Pick2>(() => initial('a') ?? (state?.platform ? { id: state.platform.id, name: state.platform.name } : null));
  const [b, setB] = useState<Pick2>(() => initial('b'));
  const [pair, setPair] = useState<PlatformPair | null>(null);
  const [error, setError] = useState('');
  const [onlyDiff, setOnlyDiff] = useState(false);

  useEffect(() => {
    setPair(null);
    setError('');
    if (!a || !b) return;
    let live = true;
    send('compare/pair', { a: a.id, b: b.id }).then(
      (p) => {
        if (!live) return;
        setPair(p);
        // Names from the knowledge base, for pairs opened by URL.
        if (p.a.name !== a.name) setA({ id: p.a.id, name: p.a.name });
        if (p.b.name !== b.name) setB({ id: p.b.id, name: p.b.name });
      },
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [a?.id, b?.id]);

  useEffect(() => {
    if (pair) markReady('side-by-side');
  }, [pair]);

  const rows = pair ? (onlyDiff ? pair.rows.filter((r) => r.difference !== 'same') : pair.rows) : [];
  const differing = pair ? pair.rows.filter((r) => r.difference !== 'same').length : 0;

  return (
    <section class="sbs" aria-label={t('sbsAria')}>
      <div class="pickers">
        <PlatformPicker label={t('sbsFirst')} value={a} onPick={(h) => setA({ id: h.id, name: h.name })} />
        <button
          type="button"
          class="swap"
          aria-label={t('sbsSwapAria')}
          title={t('sbsSwap')}
          disabled={!a || !b}
          onClick={() => {
            setA(b);
            setB(a);
          }}
        >
          ⇄
        </button>
        <PlatformPicker label={t('sbsSecond')} value={b} onPick={(h) => setB({ id: h.id, name: h.name })} />
      </div>
      {error && <p class="error small">{t('sbsError', error)}</p>}
      {!a || !b ? (
        <p class="muted small">{t('sbsPick')}</p>
      ) : !pair ? (
        !error && <p class="muted small">{t('sbsComparing')}</p>
      ) : (
        <>
          <div class="toolbar">
            <span class="small muted" role="status">
              {pair.rows.length === 0
                ? t('sbsNeither')
                : t('sbsDiffer', formatNumber(differing), formatNumber(pair.rows.length))}
            </span>
            <label class="small">
              <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff((e.currentTarget as HTMLInputElement).checked)} /> {t('sbsOnlyDiff')}
            </label>
          </div>
          <Unreviewed p={pair.a} />
          <Unreviewed p={pair.b} />
          {rows.length > 0 && (
            <table class="pair">
              <caption class="sr-only">
                {t('sbsCaption', pair.a.name, pair.b.name)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('sbsCategory')}</th>
                  <th scope="col">
                    <a href={viewHref('platform', { platform: pair.a.id })}>{pair.a.name}</a>
                  </th>
                  <th scope="col">
                    <a href={viewHref('platform', { platform: pair.b.id })}>{pair.b.name}</a>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.category} class={r.difference === 'same' ? 'same' : 'diff'} data-difference={r.difference} data-category={r.category}>
                    <th scope="row">
                      {categoryTitle(r.category)}
                      {r.difference !== 'same' && <span class="difftag">{diffText(r, pair.a.name, pair.b.name)}</span>}
                    </th>
                    <Cell cell={r.a} worse={r.difference === 'a-worse'} />
                    <Cell cell={r.b} worse={r.difference === 'b-worse'} />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

function initial(key: 'a' | 'b'): Pick2 {
  const id = param(key);
  return id ? { id, name: id } : null;
}

function Unreviewed({ p }: { p: PlatformBrief }) {
  if (p.reviewedClauses > 0) return null;
  return <p class="small muted">{t('sbsUnreviewed', p.name)}</p>;
}

function diffText(r: PairRow, a: string, b: string): string {
  switch (r.difference) {
    case 'only-a':
      return t('sbsOnlyReviewed', a);
    case 'only-b':
      return t('sbsOnlyReviewed', b);
    case 'a-worse':
      return t('sbsMoreSevere', a);
    case 'b-worse':
      return t('sbsMoreSevere', b);
    default:
      return '';
  }
}

function Cell({ cell, worse }: { cell?: PairCell; worse: boolean }) {
  if (!cell) return <td class="none muted small">{t('notReviewed')}</td>;
  const [first, ...rest] = cell.clauses;
  return (
    <td class={worse ? 'worse' : ''}>
      <span class={`pill ${cell.severity}`}>{SEV_LABEL[cell.severity]}</span>
      {worse && <span class="sr-only"> {t('sbsMoreSevereSr')}</span>}
      {first && <div class="small">{first.caseTitle}</div>}
      {rest.length > 0 && (
        <details class="small">
          <summary>
            {tn('sbsMoreClauses', rest.length)}
          </summary>
          <ul>
            {rest.map((c) => (
              <li key={c.id}>
                <span class={`dot ${c.severity}`} role="img" aria-label={SEV_LABEL[c.severity]} /> {c.caseTitle}
              </li>
            ))}
          </ul>
        </details>
      )}
    </td>
  );
}
