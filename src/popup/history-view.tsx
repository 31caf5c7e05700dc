// The "History" view: what changed in this policy since the user last read it (or since the
// version they pinned), word by word with long unchanged stretches folded; the clauses added,
// removed or changed; the versions they have read; and the archive's record of the document.
import { useEffect, useState } from 'preact/hooks';
import type { PageClause } from '../messages';
import type { HistoryViewData, HistoryVersionInfo } from '../history-messages';
import type { ShownOp } from '../core/history-diff';
import { send } from '../lib/rpc';
import { formatBytes, formatDateTime, formatDay, formatNumber, t, tn } from '../lib/i18n';
import { categoryTitle } from '../lib/category-text';
import { severityLabels } from '../lib/severity-text';
import { ChangeList } from '../lib/change-text';
import type { ViewProps } from './view-props';
import './history-view.css';

const SEV_LABEL: Record<string, string> = severityLabels();
const day = (iso?: string) => formatDay(iso);
const when = (iso?: string) => formatDateTime(iso);
const short = (sha: string) => sha.slice(0, 10);

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: HistoryViewData };

export function HistoryView({ state, notify, docKey: forDoc }: ViewProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [pair, setPair] = useState<{ from?: string; to?: string }>({});
  const [busy, setBusy] = useState(false);
  // A document named by the address (a followed document, from Options), else the tab's page.
  const docKey = forDoc ?? (state ? state.visit.docKey : null);

  const refresh = (p = pair) => {
    if (!docKey) return;
    send('history/view', { docKey, ...p }).then(
      (data) => setLoad({ kind: 'ready', data }),
      (err: unknown) => setLoad({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  };
  useEffect(() => refresh(), [docKey, pair.from, pair.to]);

  if (!docKey) return null;
  if (load.kind === 'loading') return <p class="muted">{t('histReading')}</p>;
  if (load.kind === 'error') return <p class="error">{t('histUnavailable', load.message)}</p>;
  const { data } = load;
  const byId = new Map(data.versions.map((v) => [v.sha256, v]));
  const from = data.from ? byId.get(data.from) : undefined;
  const to = data.to ? byId.get(data.to) : undefined;
  const pinned = data.tracked?.pinnedSha;

  const pin = async (sha: string | null) => {
    setBusy(true);
    try {
      await send('history/pin', { docKey, sha256: sha });
      notify(sha ? t('histPinned') : t('histUnpinned'));
      setPair({});
      refresh({});
    } catch (err) {
      notify(t('histPinError', err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="history">
      <section class="doc">
        <h2>{!state ? data.tracked?.title || data.tracked?.url || docKey : state.platform ? `${state.platform.name} — ${state.document?.termsType ?? t('policy')}` : state.visit.title || state.visit.url}</h2>
        <p class="muted small">
          {data.tracked ? tn('histTracked', data.versions.length, day(data.tracked.firstSeen)) : t('histNotRecorded')}
          {pinned && byId.get(pinned) ? ` · ${t('histPinnedVersion', day(byId.get(pinned)?.firstSeen))}` : ''}
        </p>
      </section>
      <ChangeSummary data={data} from={from} to={to} pinned={pinned} />
      {data.summary && data.diff?.significant && (
        <section class="chg-summary" aria-label={t('chgTitle')}>
          <h3>{t('chgTitle')}</h3>
          {data.summary.length > 0 ? <ChangeList lines={data.summary} /> : <p class="muted small">{t('chgNone')}</p>}
        </section>
      )}
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
        <p><strong>{t('histNoChange')}</strong></p>
        <p class="muted small">
          {data.versions.length <= 1 ? t('histOnlyVersion') : t('histCosmeticOnly')}
        </p>
      </section>
    );
  }
  const d = data.diff;
  const isPinned = from.sha256 === pinned;
  const since = day(from.firstSeen);
  const headline = d?.significant
    ? isPinned ? t('histChangedSincePinned', since) : t('histChangedSinceRead', since)
    : isPinned ? t('histNoRealChangeSincePinned', since) : t('histNoRealChangeSinceRead', since);
  return (
    <section class={`change ${d?.significant ? 'real' : 'none'}`}>
      <p>
        <strong>{headline}</strong>
      </p>
      {d && (
        <p class="small stats">
          <span class="plus">{tn('histWordsAdded', d.wordsAdded)}</span> <span class="minus">{tn('histWordsRemoved', d.wordsRemoved)}</span>
          {d.cosmeticBlocks > 0 && <span class="muted"> · {tn('histCosmetic', d.cosmeticBlocks)}</span>}
          <span class="muted"> · {day(from.firstSeen)} → {day(to.firstSeen)}</span>
        </p>
      )}
      {d?.coarse && <p class="muted small">{t('histCoarse')}</p>}
    </section>
  );
}

function ClauseRow({ c, note }: { c: PageClause; note?: string }) {
  return (
    <li>
      <span class={`pill ${c.severity}`}>{SEV_LABEL[c.severity]}</span> <span class="title">{categoryTitle(c.category)}</span>
      {note && <span class="muted small"> {note}</span>}
      <span class="excerpt">{c.excerpt}</span>
    </li>
  );
}

function ClauseChangeList({ changes }: { changes: NonNullable<HistoryViewData['clauseChanges']> }) {
  const { added, removed, changed } = changes;
  if (!added.length && !removed.length && !changed.length) return <p class="muted small clause-changes-none">{t('histNoClauseChange')}</p>;
  return (
    <section class="clause-changes" aria-label={t('histClauseChangesAria')}>
      {added.length > 0 && (
        <>
          <h3>{t('histClausesAdded', formatNumber(added.length))}</h3>
          <ul class="cc added">{added.map((c) => <ClauseRow key={c.id} c={c} />)}</ul>
        </>
      )}
      {removed.length > 0 && (
        <>
          <h3>{t('histClausesRemoved', formatNumber(removed.length))}</h3>
          <ul class="cc removed">{removed.map((c) => <ClauseRow key={c.id} c={c} />)}</ul>
        </>
      )}
      {changed.length > 0 && (
        <>
          <h3>{t('histClausesReworded', formatNumber(changed.length))}</h3>
          <ul class="cc changed">
            {changed.map(({ before, after }) => (
              <ClauseRow key={after.id} c={after} note={before.severity !== after.severity ? t('histWas', SEV_LABEL[before.severity] ?? before.severity) : t('histNewWording')} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Diff({ ops }: { ops: ShownOp[] }) {
  return (
    <section aria-label={t('histTextChanges')}>
      <h3>{t('histTextChanges')}</h3>
      <div class="diff">
        {ops.map((op, i) =>
          op.kind === 'fold' ? (
            <span key={i} class="fold">
              {' '}⋯ {tn('histUnchangedWords', op.words)} ⋯{' '}
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
    <section aria-label={t('histVersionsRead')}>
      <h3>{t('histVersionsRead')}</h3>
      <ol class="versions">
        {[...versions].reverse().map((v) => (
          <li key={v.sha256} class={v.sha256 === pair.from || v.sha256 === pair.to ? 'in-diff' : ''}>
            <div>
              <strong>{when(v.firstSeen)}</strong>
              {v.sha256 === current && <span class="tag now">{t('tagCurrent')}</span>}
              {v.sha256 === pinned && <span class="tag pin">{t('tagPinned')}</span>}
              {v.cosmetic && <span class="tag cosm">{t('tagCosmetic')}</span>}
            </div>
            <div class="muted small">
              {t('histVersionLine', formatNumber(v.words), formatNumber(v.clauses), formatBytes(v.gzBytes), formatBytes(v.rawBytes))} · <code title={v.sha256}>{short(v.sha256)}</code>
            </div>
            <div class="actions">
              {v.sha256 !== current && (
                <button type="button" onClick={() => props.onCompare(v.sha256)}>
                  {t('histCompareCurrent')}
                </button>
              )}
              {v.sha256 === pinned ? (
                <button type="button" disabled={busy} onClick={() => props.onPin(null)}>
                  {t('histUnpin')}
                </button>
              ) : (
                <button type="button" disabled={busy} onClick={() => props.onPin(v.sha256)}>
                  {t('histPin')}
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
  if (!a) return <p class="muted small">{t('histNotInArchive')}</p>;
  const changes = [...a.changes].sort((x, y) => (x.date < y.date ? 1 : -1));
  const shown = all ? changes : changes.slice(0, 8);
  const notFound = data.reviewedNotFound;
  return (
    <section class="archive" aria-label={t('histArchiveAria')}>
      <h3>{t('histArchiveTitle')}</h3>
      {a.latestDate && (
        <p class="small">
          {t('histLatestArchived', day(a.latestDate))}{' '}
          {data.reviewedChecked > 0
            ? notFound.length === 0
              ? t('histAllFound', formatNumber(data.reviewedChecked))
              : t('histSomeMissing', day(a.latestDate), formatNumber(notFound.length), formatNumber(data.reviewedChecked))
            : t('histHashNote')}
        </p>
      )}
      {notFound.length > 0 && (
        <>
          <h3>{t('histNotFoundTitle')}</h3>
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
            {tn('histRecordedChanges', changes.length, day(changes[changes.length - 1]?.date))}
          </p>
          <ol class="timeline">
            {shown.map((c) => (
              <li key={c.date}>
                <span>{day(c.date)}</span>
                {c.summary && (
                  <span class="muted small">
                    {' '}{t('histSentences', formatNumber(c.summary.sentencesAdded), formatNumber(c.summary.sentencesRemoved))}{c.summary.categories.length ? ` · ${c.summary.categories.map((k) => categoryTitle(k)).join(', ')}` : ''}
                  </span>
                )}
                {c.summary?.lines && c.summary.lines.length > 0 && <ChangeList lines={c.summary.lines} />}
                {c.summary?.moreLines ? <span class="muted small">{tn('glanceMore', c.summary.moreLines)}</span> : null}
              </li>
            ))}
          </ol>
          {changes.length > shown.length && (
            <button type="button" class="link" onClick={() => setAll(true)}>
              {t('histShowAll', formatNumber(changes.length))}
            </button>
          )}
        </>
      )}
      <p class="muted small">{t('histArchiveCredit')}</p>
    </section>
  );
}
