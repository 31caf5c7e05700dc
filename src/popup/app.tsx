// The toolbar popup (also a page: src/popup/index.html?tab=<id>): the current tab's policy, its
// clause counts by severity, and the clauses; a click scrolls the page to the clause.
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { KbStatus, PageClause, TabState } from '../messages';
import { send } from '../lib/rpc';
import { getCategory } from '../core/taxonomy';
import { SEVERITIES, SEVERITY_RANK, type Severity } from '../core/types';

const SEV_LABEL: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low', good: 'Good' };

async function currentTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null) {
    const id = Number(param);
    return Number.isInteger(id) && id >= 0 ? id : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; tabId: number | null; state: TabState | null; kb: KbStatus | null };

export function App() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [filter, setFilter] = useState<Severity | 'all'>('all');
  const [notice, setNotice] = useState('');

  useEffect(() => {
    void (async () => {
      try {
        const tabId = await currentTabId();
        const [state, kb] = await Promise.all([
          tabId === null ? Promise.resolve(null) : send('tab/state', { tabId }).then((r) => r.state),
          send('kb/status', {}).catch(() => null),
        ]);
        setLoad({ kind: 'ready', tabId, state, kb });
      } catch (err) {
        setLoad({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    })();
  }, []);

  if (load.kind === 'loading') return <main class="popup"><p class="muted">Reading…</p></main>;
  if (load.kind === 'error') return <main class="popup"><p class="error">Clausemark could not read this tab: {load.message}</p></main>;
  const { state, tabId, kb } = load;

  return (
    <main class="popup">
      <header class="top">
        <img src="/icons/icon-32.png" alt="" width={20} height={20} />
        <h1>Clausemark</h1>
        {tabId !== null && !new URLSearchParams(location.search).has('tab') && (
          <a class="tablink" href={`${browser.runtime.getURL('src/popup/index.html')}?tab=${tabId}`} target="_blank" rel="noopener">
            Open in a tab
          </a>
        )}
      </header>
      {state ? (
        <TabView state={state} filter={filter} setFilter={setFilter} onReveal={(c) => reveal(tabId, c, setNotice)} />
      ) : (
        <section class="empty">
          <p><strong>No policy analysed on this page.</strong></p>
          <p class="muted">Clausemark highlights clauses on terms-of-service and privacy-policy pages. Open one, and its clauses appear here.</p>
        </section>
      )}
      {notice && <p class="notice" role="status">{notice}</p>}
      <footer class="muted small">
        {kb?.state === 'ready'
          ? `Knowledge base ${kb.version ?? ''}: ${kb.counts?.platforms ?? 0} platforms, ${kb.counts?.clauses ?? 0} reviewed clauses. Works offline; nothing leaves your device.`
          : kb?.state === 'error'
            ? `Knowledge base unavailable: ${kb.error ?? 'unknown error'}`
            : 'Knowledge base loading…'}
      </footer>
    </main>
  );
}

async function reveal(tabId: number | null, c: PageClause, setNotice: (s: string) => void) {
  if (tabId === null) return;
  try {
    const { ok } = await send('tab/reveal', { tabId, clauseId: c.id });
    setNotice(ok ? '' : 'That clause is no longer on the page (it may have been reloaded).');
  } catch (err) {
    setNotice(`Could not reach the page: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function TabView({ state, filter, setFilter, onReveal }: { state: TabState; filter: Severity | 'all'; setFilter: (f: Severity | 'all') => void; onReveal: (c: PageClause) => void }) {
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
        <h2>{platform ? `${platform.name} — ${doc?.termsType ?? 'policy'}` : visit.title || host}</h2>
        <p class="muted small url" title={visit.url}>{visit.url}</p>
        <p class="small">
          {visit.detection.kind === 'known' ? (
            <span class="tag known">Known document</span>
          ) : (
            <span class="tag heuristic">Recognised as a policy</span>
          )}{' '}
          <span class="muted">Read {new Date(visit.readAt).toLocaleString()} · SHA-256 <code title={visit.sha256}>{visit.sha256.slice(0, 12)}…</code></span>
        </p>
      </section>
      <section class="counts" aria-label="Clauses by severity">
        <button type="button" class={`count all ${filter === 'all' ? 'on' : ''}`} aria-pressed={filter === 'all'} onClick={() => setFilter('all')}>
          <strong>{clauses.length}</strong> All
        </button>
        {SEVERITIES.map((s) => (
          <button key={s} type="button" class={`count ${s} ${filter === s ? 'on' : ''}`} aria-pressed={filter === s} onClick={() => setFilter(filter === s ? 'all' : s)}>
            <strong>{counts[s]}</strong> {SEV_LABEL[s]}
          </button>
        ))}
      </section>
      {shown.length === 0 ? (
        <p class="muted">{clauses.length === 0 ? 'No clauses of note were found on this page.' : 'None of this severity.'}</p>
      ) : (
        <ol class="clauses">
          {shown.map((c) => (
            <li key={c.id}>
              <button type="button" class="clause" data-clause={c.id} onClick={() => onReveal(c)}>
                <span class={`pill ${c.severity}`}>{SEV_LABEL[c.severity]}</span>
                <span class="title">{getCategory(c.category)?.title ?? c.category}</span>
                <span class="src">{c.source === 'kb' ? 'Reviewed' : `Detected ${Math.round(c.confidence * 100)}%`}</span>
                <span class="excerpt">{c.excerpt}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
