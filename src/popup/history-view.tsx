// The "History" view: what changed in this policy since the user last read it (or since the
// version they pinned), word by word with long unchanged stretches folded; the clauses added,
// removed or changed; the versions they have read; and the archive's record of the document.
import { useEffect, useState } from 'preact/hooks';
import type { PageClause } from '../messages';
import type { HistoryViewData, HistoryVersionInfo } from '../history-messages';
import { docKeyOf, type ShownOp } from '../core/history';
import { getCategory } from '../core/taxonomy';
import { send } from '../lib/rpc';
import type { ViewProps } from './views';
import './history-view.css';

const SEV_LABEL: Record<string, string> = { high: 'High', medium: 'Medium', low: 'Low', good: 'Good' };
const day = (iso?: string) => (iso ? new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }) : '');
const when = (iso?: string) => (iso ? new Date(iso).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '');
const kb = (n: number) => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} kB` : `${(n / 1048576).toFixed(1)} MB`);
const short = (sha: string) => sha.slice(0, 10);

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: HistoryViewData };

export function HistoryView({ state, notify }: ViewProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [pair, setPair] = useState<{ from?: string; to?: string }>({});
  const [busy, setBusy] = useState(false);
  const docKey = state ? docKeyOf(state.visit) : null;

  const refresh = (p = pair) => {
    if (!docKey) return;
    send('history/view', { docKey, ...p }).then(
      (data) => setLoad({ kind: 'ready', data }),
      (err: unknown) => setLoad({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  };
  useEffect(() => refresh(), [docKey, pair.from, pair.to]);

  if (!state || !docKey) return null;
  if (load.kind === 'loading') return <p class="muted">Reading your history of this document…</p>;
  if (load.kind === 'error') return <p class="error">History is not available: {load.message}</p>;
  const { data } = load;
  const byId = new Map(data.versions.map((v) => [v.sha256, v]));
  const from = data.from ? byId.get(data.from) : undefined;
  const to = data.to ? byId.get(data.to) : undefined;
  const pinned = data.tracked?.pinnedSha;

  const pin = async (sha: string | null) => {
    setBusy(true);
    try {
      await send('history/pin', { docKey, sha256: sha });
      notify(sha ? 'Pinned: later changes are shown against this version.' : 'Unpinned.');
      setPair({});
      refresh({});
    } catch (err) {
      notify(`Could not pin: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="history">
      <section class="doc">
        <h2>{state.platform ? `${state.platform.name} — ${state.document?.termsType ?? 'policy'}` : state.visit.title || state.visit.url}</h2>
        <p class="muted small">
          {data.tracked ? `Tracked since ${day(data.tracked.firstSeen)} · ${data.versions.length} ${data.versions.length === 1 ? 'version' : 'versions'} kept` : 'Not recorded yet: the version is kept once the page has settled.'}
          {pinned && byId.get(pinned) ? ` · Pinned: version of ${day(byId.get(pinned)?.firstSeen)}` : ''}
        </p>
      </section>
      <ChangeSummary data={data} from={from} to={to} pinned={pinned} />
      {data.clauseChanges && <ClauseChangeList changes={data.clauseChanges} />}
      {data.diff && data.diff.significant && <Diff ops={data.diff.ops} />}
      <Versions versions={data.versions} current={data.tracked?.currentSha} pinned={pinned} pair={{ from: data.from, to: data.to }} busy={busy} onCompare={(sha) => setPair({ from: sha, to: data.tracked?.currentSha })} onPin={(sha) => void pin(sha)} />
      <Archive data={data} />
    </div>
  );
}

function ChangeSummary({ data, from, to, pinned }: { data: HistoryViewData; from?: HistoryVersionInfo; to?: HistoryVersionInfo; pinned?: string }) {
  if (!from || !to) {
    return (
      <section class="change none">
        <p><strong>No change recorded.</strong></p>
        <p class="muted small">
          {data.versions.length <= 1 ? 'This is the only version of this document you have read so far. When its text changes, the next visit shows what changed here.' : 'The versions you have read differ only cosmetically (whitespace, a date line, a cookie banner).'}
        </p>
      </section>
    );
  }
  const d = data.diff;
  const against = from.sha256 === pinned ? 'the version you pinned' : 'the version you read';
  return (
    <section class={`change ${d?.significant ? 'real' : 'none'}`}>
      <p>
        <strong>{d?.significant ? `Changed since ${against} on ${day(from.firstSeen)}` : `No real change since ${against} on ${day(from.firstSeen)}`}</strong>
      </p>
      {d && (
        <p class="small stats">
          <span class="plus">+{d.wordsAdded.toLocaleString()} words</span> <span class="minus">−{d.wordsRemoved.toLocaleString()} words</span>
          {d.cosmeticBlocks > 0 && <span class="muted"> · {d.cosmeticBlocks} cosmetic {d.cosmeticBlocks === 1 ? 'difference' : 'differences'} (date line, cookie banner) not counted</span>}
          <span class="muted"> · {day(from.firstSeen)} → {day(to.firstSeen)}</span>
        </p>
      )}
      {d?.coarse && <p class="muted small">A long passage was rewritten: it is shown as whole sentences, old then new.</p>}
    </section>
  );
}

function ClauseRow({ c, note }: { c: PageClause; note?: string }) {
  return (
    <li>
      <span class={`pill ${c.severity}`}>{SEV_LABEL[c.severity]}</span> <span class="title">{getCategory(c.category)?.title ?? c.category}</span>
      {note && <span class="muted small"> {note}</span>}
      <span class="excerpt">{c.excerpt}</span>
    </li>
  );
}

function ClauseChangeList({ changes }: { changes: NonNullable<HistoryViewData['clauseChanges']> }) {
  const { added, removed, changed } = changes;
  if (!added.length && !removed.length && !changed.length) return <p class="muted small clause-changes-none">No highlighted clause was added, removed or changed.</p>;
  return (
    <section class="clause-changes" aria-label="Clause changes">
      {added.length > 0 && (
        <>
          <h3>Clauses added ({added.length})</h3>
          <ul class="cc added">{added.map((c) => <ClauseRow key={c.id} c={c} />)}</ul>
        </>
      )}
      {removed.length > 0 && (
        <>
          <h3>Clauses removed ({removed.length})</h3>
          <ul class="cc removed">{removed.map((c) => <ClauseRow key={c.id} c={c} />)}</ul>
        </>
      )}
      {changed.length > 0 && (
        <>
          <h3>Clauses reworded ({changed.length})</h3>
          <ul class="cc changed">
            {changed.map(({ before, after }) => (
              <ClauseRow key={after.id} c={after} note={before.severity !== after.severity ? `(was ${SEV_LABEL[before.severity]})` : '(new wording)'} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Diff({ ops }: { ops: ShownOp[] }) {
  return (
    <section aria-label="Text changes">
      <h3>Text changes</h3>
      <div class="diff">
        {ops.map((op, i) =>
          op.kind === 'fold' ? (
            <span key={i} class="fold">
              {' '}⋯ {op.words.toLocaleString()} unchanged words ⋯{' '}
            </span>
          ) : op.kind === 'added' ? (
            <ins key={i}>{op.text}</ins>
          ) : op.kind === 'removed' ? (
            <del key={i}>{op.text}</del>
          ) : (
            <span key={i}>{op.text}</span>
          ),
        )}
      </div>
    </section>
  );
}

function Versions(props: { versions: HistoryVersionInfo[]; current?: string; pinned?: string; pair: { from?: string; to?: string }; busy: boolean; onCompare(sha: string): void; onPin(sha: string | null): void }) {
  const { versions, current, pinned, pair, busy } = props;
  if (versions.length === 0) return null;
  return (
    <section aria-label="Versions you have read">
      <h3>Versions you have read</h3>
      <ol class="versions">
        {[...versions].reverse().map((v) => (
          <li key={v.sha256} class={v.sha256 === pair.from || v.sha256 === pair.to ? 'in-diff' : ''}>
            <div>
              <strong>{when(v.firstSeen)}</strong>
              {v.sha256 === current && <span class="tag now">current</span>}
              {v.sha256 === pinned && <span class="tag pin">pinned</span>}
              {v.cosmetic && <span class="tag cosm">cosmetic change only</span>}
            </div>
            <div class="muted small">
              {v.words.toLocaleString()} words · {v.clauses} clauses · stored {kb(v.gzBytes)} (text {kb(v.rawBytes)}) · <code title={v.sha256}>{short(v.sha256)}</code>
            </div>
            <div class="actions">
              {v.sha256 !== current && (
                <button type="button" onClick={() => props.onCompare(v.sha256)}>
                  Compare with current
                </button>
              )}
              {v.sha256 === pinned ? (
                <button type="button" disabled={busy} onClick={() => props.onPin(null)}>
                  Unpin
                </button>
              ) : (
                <button type="button" disabled={busy} onClick={() => props.onPin(v.sha256)}>
                  Pin: the version I agreed to
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Archive({ data }: { data: HistoryViewData }) {
  const [all, setAll] = useState(false);
  const a = data.archive;
  if (!a) return <p class="muted small">This document is not in the archive the knowledge base comes from: only your own readings are compared.</p>;
  const changes = [...a.changes].sort((x, y) => (x.date < y.date ? 1 : -1));
  const shown = all ? changes : changes.slice(0, 8);
  const notFound = data.reviewedNotFound;
  return (
    <section class="archive" aria-label="Archive">
      <h3>Open Terms Archive record</h3>
      {a.latestDate && (
        <p class="small">
          Latest archived version: {day(a.latestDate)}.{' '}
          {data.reviewedChecked > 0
            ? notFound.length === 0
              ? `All ${data.reviewedChecked} reviewed clauses quoted from that version are found on this page.`
              : `This page differs from the archived version of ${day(a.latestDate)}: ${notFound.length} of ${data.reviewedChecked} reviewed clauses quoted from it are not found here.`
            : 'The archive’s hash is of its own text extract, so it is not compared with this page’s hash.'}
        </p>
      )}
      {notFound.length > 0 && (
        <>
          <h3>Reviewed clauses not found in this version</h3>
          <ul class="cc notfound">
            {notFound.map((c) => (
              <li key={c.id}>
                <span class={`pill ${c.severity}`}>{SEV_LABEL[c.severity]}</span> <span class="title">{c.caseTitle}</span>
                <span class="excerpt">{c.quote}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {changes.length > 0 && (
        <>
          <p class="small">
            {changes.length} recorded {changes.length === 1 ? 'change' : 'changes'} since {day(changes[changes.length - 1]?.date)}:
          </p>
          <ol class="timeline">
            {shown.map((c) => (
              <li key={c.date}>
                <span>{day(c.date)}</span>
                {c.summary && (
                  <span class="muted small">
                    {' '}+{c.summary.sentencesAdded} / −{c.summary.sentencesRemoved} sentences{c.summary.categories.length ? ` · ${c.summary.categories.map((k) => getCategory(k)?.title ?? k).join(', ')}` : ''}
                  </span>
                )}
              </li>
            ))}
          </ol>
          {changes.length > shown.length && (
            <button type="button" class="link" onClick={() => setAll(true)}>
              Show all {changes.length}
            </button>
          )}
        </>
      )}
      <p class="muted small">Archive data: Open Terms Archive contributors, ODC-BY 1.0.</p>
    </section>
  );
}
