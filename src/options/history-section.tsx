// Options › History: the documents whose versions Clausemark keeps, their size, export to a JSON
// file and import it back (checked in full; a bad file changes nothing), delete one or all, and
// the size cap (the oldest versions go first).
import { useEffect, useState } from 'preact/hooks';
import type { HistoryListing } from '../history-messages';
import { send } from '../lib/rpc';

const size = (n: number) => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} kB` : `${(n / 1048576).toFixed(1)} MB`);
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
      setStatus(`Exported ${list?.documents.length ?? 0} documents (${size(json.length)}).`);
    } catch (e) {
      setStatus(`Export failed: ${msg(e)}`);
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await send('history/import', { json: await file.text() });
      setStatus(`Imported ${file.name}: ${r.documents} new documents, ${r.versions} new versions (versions you already had were kept).`);
    } catch (e) {
      setStatus(msg(e));
    }
    await refresh();
  };

  const remove = async (docKey?: string) => {
    try {
      const r = await send('history/delete', docKey ? { docKey } : {});
      setStatus(docKey ? 'Deleted that document’s history.' : `Deleted the history of ${r.deleted} documents.`);
    } catch (e) {
      setStatus(`Could not delete: ${msg(e)}`);
    }
    setConfirmAll(false);
    await refresh();
  };

  const saveCap = async () => {
    const mb = Number(capMb);
    if (!Number.isFinite(mb) || mb <= 0) {
      setStatus('The size cap must be a number of megabytes.');
      return;
    }
    try {
      const r = await send('history/settings', { maxBytes: Math.round(mb * 1048576) });
      setStatus(`Size cap set to ${size(r.settings.maxBytes)}${r.removed ? `; ${r.removed} oldest versions removed to fit` : ''}.`);
    } catch (e) {
      setStatus(msg(e));
    }
    await refresh();
  };

  return (
    <section class="history-section" aria-labelledby="history-h">
      <h2 id="history-h">Your policy history</h2>
      <p class="muted small">Each time you read a policy, Clausemark keeps its text (compressed, on this device only) when it is new, so it can tell you what changed. Nothing is sent anywhere.</p>
      {error && <p class="error">Could not read the history: {error}</p>}
      {list?.lastError && <p class="error">Last problem: {list.lastError}</p>}
      {list && (
        <>
          <p>
            {list.documents.length} {list.documents.length === 1 ? 'document' : 'documents'}, {size(list.totalBytes)} stored (texts {size(list.rawBytes)} before compression), cap {size(list.settings.maxBytes)}.
          </p>
          {list.documents.length > 0 && (
            <table class="tracked">
              <thead>
                <tr>
                  <th>Document</th>
                  <th>Versions</th>
                  <th>Size</th>
                  <th>Last read</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.documents.map((d) => (
                  <tr key={d.docKey} data-doc={d.docKey}>
                    <td>
                      <strong>{d.title || d.url}</strong>
                      <div class="muted small url">{d.url}</div>
                      {d.pinnedSha && <span class="tag known">pinned</span>} {d.changedAt && <span class="muted small">changed {new Date(d.changedAt).toLocaleDateString()}</span>}
                    </td>
                    <td>{d.versions}</td>
                    <td>{size(d.gzBytes)}</td>
                    <td>{new Date(d.lastSeen).toLocaleDateString()}</td>
                    <td>
                      <button type="button" onClick={() => void remove(d.docKey)} aria-label={`Delete the history of ${d.title || d.url}`}>
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div class="row">
            <button type="button" onClick={() => void exportAll()} disabled={list.documents.length === 0}>
              Export all (JSON)
            </button>
            <label class="file">
              Import a history file…
              <input type="file" accept="application/json,.json" onChange={(e) => void importFile((e.currentTarget as HTMLInputElement).files?.[0]).then(() => ((e.target as HTMLInputElement).value = ''))} />
            </label>
            {confirmAll ? (
              <button type="button" class="danger" onClick={() => void remove()}>
                Really delete all history
              </button>
            ) : (
              <button type="button" onClick={() => setConfirmAll(true)} disabled={list.documents.length === 0}>
                Delete all…
              </button>
            )}
          </div>
          <div class="row">
            <label>
              Size cap (MB, 1–40):{' '}
              <input type="number" min={1} max={40} step={1} value={capMb} onInput={(e) => setCapMb((e.currentTarget as HTMLInputElement).value)} />
            </label>
            <button type="button" onClick={() => void saveCap()}>
              Save cap
            </button>
            <span class="muted small">Oldest versions are removed first; the version you last read, the one before its last change, and pinned ones are always kept.</span>
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
