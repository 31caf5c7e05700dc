// "Side by side": pick any two platforms and see their reviewed clauses aligned by category, the
// differences marked. Works without an analysed page; the page's platform is the default left side.
// `?view=side-by-side&a=<id>&b=<id>` opens a pair directly.
import { useEffect, useState } from 'preact/hooks';
import type { PlatformBrief, PlatformPair } from '../messages';
import type { PairCell, PairRow } from '../core/compare';
import { getCategory } from '../core/taxonomy';
import { send } from '../lib/rpc';
import { errorText, markReady, param, PlatformPicker, SEV_LABEL, viewHref } from './compare-ui';
import type { ViewProps } from './views';

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
    <section class="sbs" aria-label="Compare two platforms side by side">
      <div class="pickers">
        <PlatformPicker label="First platform" value={a} onPick={(h) => setA({ id: h.id, name: h.name })} />
        <button
          type="button"
          class="swap"
          aria-label="Swap the two platforms"
          title="Swap"
          disabled={!a || !b}
          onClick={() => {
            setA(b);
            setB(a);
          }}
        >
          ⇄
        </button>
        <PlatformPicker label="Second platform" value={b} onPick={(h) => setB({ id: h.id, name: h.name })} />
      </div>
      {error && <p class="error small">Could not compare: {error}</p>}
      {!a || !b ? (
        <p class="muted small">Pick two platforms by name or domain to see their reviewed clauses category by category.</p>
      ) : !pair ? (
        !error && <p class="muted small">Comparing…</p>
      ) : (
        <>
          <div class="toolbar">
            <span class="small muted" role="status">
              {pair.rows.length === 0
                ? 'Neither platform has reviewed clauses yet.'
                : `${differing} of ${pair.rows.length} categories differ.`}
            </span>
            <label class="small">
              <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff((e.currentTarget as HTMLInputElement).checked)} /> Only differences
            </label>
          </div>
          <Unreviewed p={pair.a} />
          <Unreviewed p={pair.b} />
          {rows.length > 0 && (
            <table class="pair">
              <caption class="sr-only">
                Reviewed clauses of {pair.a.name} and {pair.b.name} by category
              </caption>
              <thead>
                <tr>
                  <th scope="col">Category</th>
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
                      {getCategory(r.category)?.title ?? r.category}
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
  return <p class="small muted">{p.name} has no reviewed clauses yet: its column is empty.</p>;
}

function diffText(r: PairRow, a: string, b: string): string {
  switch (r.difference) {
    case 'only-a':
      return `only ${a} reviewed`;
    case 'only-b':
      return `only ${b} reviewed`;
    case 'a-worse':
      return `${a} more severe`;
    case 'b-worse':
      return `${b} more severe`;
    default:
      return '';
  }
}

function Cell({ cell, worse }: { cell?: PairCell; worse: boolean }) {
  if (!cell) return <td class="none muted small">Not reviewed</td>;
  const [first, ...rest] = cell.clauses;
  return (
    <td class={worse ? 'worse' : ''}>
      <span class={`pill ${cell.severity}`}>{SEV_LABEL[cell.severity]}</span>
      {worse && <span class="sr-only"> (more severe)</span>}
      {first && <div class="small">{first.caseTitle}</div>}
      {rest.length > 0 && (
        <details class="small">
          <summary>
            {rest.length} more clause{rest.length === 1 ? '' : 's'}
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
