// Options › History: the documents whose versions Clausemark keeps, their size, export to a JSON
// file and import it back (checked in full; a bad file changes nothing), delete one or all, and
// the size cap (the oldest versions go first).
import { useEffect, useState } from 'preact/hooks';
import type { HistoryListing } from '../history-messages';
import { send } from '../lib/rpc';
import { formatBytes, formatDay, formatNumber, t, tn } from '../lib/i18n';

const size = formatBytes;
const msg = (err: unknown) => (err instanceof Error ? err.message.replace(/^history\/\w+: /, '') : String(err));

export function HistorySection() {
  const [list, setList] = useState<HistoryListing | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [confirmAll, setConfirmAll] = useState(false);
  const [capMb, setCapMb] = useState('');

  const refresh = () =>
    send('history/list', {}).then(
      (l) => {
        setList(l);
        setCapMb(String(Math.round(l.settings.maxBytes / 1048576)));
        setError('');
      },
      (e: unknown) => setError(msg(e)),
    );
  useEffect(() => void refresh(), []);

  const exportAll = async () => {
    try {
      const { json } = await send('history/export', {});
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `clausemark-history-${new Date().toISOString().slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(tn('hsExported', list?.documents.length ?? 0, size(json.length)));
    } catch (e) {
      setStatus(t('hsExportFailed', msg(e)));
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await send('history/import', { json: await file.text() });
      setStatus(t('hsImported', file.name, formatNumber(r.documents), formatNumber(r.versions)));
    } catch (e) {
      setStatus(msg(e));
    }
    await refresh();
  };

  const remove = async (docKey?: string) => {
    try {
      const r = await send('history/delete', docKey ? { docKey } : {});
      setStatus(docKey ? t('hsDeletedOne') : tn('hsDeletedAll', r.deleted));
    } catch (e) {
      setStatus(t('hsDeleteError', msg(e)));
    }
    setConfirmAll(false);
    await refresh();
  };

  const saveCap = async () => {
    const mb = Number(capMb);
    if (!Number.isFinite(mb) || mb <= 0) {
      setStatus(t('hsCapInvalid'));
      return;
    }
    try {
      const r = await send('history/settings', { maxBytes: Math.round(mb * 1048576) });
      setStatus(r.removed ? tn('hsCapSetRemoved', r.removed, size(r.settings.maxBytes)) : t('hsCapSet', size(r.settings.maxBytes)));
    } catch (e) {
      setStatus(msg(e));
    }
    await refresh();
  };

  return (
    <section class="history-section" aria-labelledby="history-h">
      <h2 id="history-h">{t('hsTitle')}</h2>
      <p class="muted small">{t('hsIntro')}</p>
      {error && <p class="error">{t('hsReadError', error)}</p>}
      {list?.lastError && <p class="error">{t('hsLastProblem', list.lastError)}</p>}
      {list && (
        <>
          <p>
            {tn('hsSummary', list.documents.length, size(list.totalBytes), size(list.rawBytes), size(list.settings.maxBytes))}
          </p>
          {list.documents.length > 0 && (
            <table class="tracked">
              <thead>
                <tr>
                  <th>{t('hsDocument')}</th>
                  <th>{t('hsVersions')}</th>
                  <th>{t('hsSize')}</th>
                  <th>{t('hsLastRead')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.documents.map((d) => (
                  <tr key={d.docKey} data-doc={d.docKey}>
                    <td>
                      <strong>{d.title || d.url}</strong>
                      <div class="muted small url">{d.url}</div>
                      {d.pinnedSha && <span class="tag known">{t('tagPinned')}</span>} {d.changedAt && <span class="muted small">{t('hsChanged', formatDay(d.changedAt))}</span>}
                    </td>
                    <td>{formatNumber(d.versions)}</td>
                    <td>{size(d.gzBytes)}</td>
                    <td>{formatDay(d.lastSeen)}</td>
                    <td>
                      <button type="button" onClick={() => void remove(d.docKey)} aria-label={t('hsDeleteAria', d.title || d.url)}>
                        {t('hsDelete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div class="row">
            <button type="button" onClick={() => void exportAll()} disabled={list.documents.length === 0}>
              {t('hsExport')}
            </button>
            <label class="file">
              {t('hsImport')}
              <input type="file" accept="application/json,.json" onChange={(e) => void importFile((e.currentTarget as HTMLInputElement).files?.[0]).then(() => ((e.target as HTMLInputElement).value = ''))} />
            </label>
            {confirmAll ? (
              <button type="button" class="danger" onClick={() => void remove()}>
                {t('hsReallyDelete')}
              </button>
            ) : (
              <button type="button" onClick={() => setConfirmAll(true)} disabled={list.documents.length === 0}>
                {t('hsDeleteAll')}
              </button>
            )}
          </div>
          <div class="row">
            <label>
              {t('hsCapLabel')}{' '}
              <input type="number" min={1} max={40} step={1} value={capMb} onInput={(e) => setCapMb((e.currentTarget as HTMLInputElement).value)} />
            </label>
            <button type="button" onClick={() => void saveCap()}>
              {t('hsSaveCap')}
            </button>
            <span class="muted small">{t('hsCapNote')}</span>
          </div>
        </>
      )}
      {status && (
        <p class="status" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
