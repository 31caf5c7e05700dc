// The toolbar popup (also a page: src/popup/index.html?tab=<id>[&view=<id>]): the current tab's
// policy in several views, read through the background from IndexedDB.
import { useLayoutEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { KbStatus, TabState } from '../messages';
import { send } from '../lib/rpc';
import type { FirstLoad } from './first-load';
import { formatNumber, t } from '../lib/i18n';
import { VIEWS } from './views';
import { FollowButton, FollowedChanges } from './follow-button';
import { HistoryView } from './history-view';

/** Analyse the page on request ("only when I click" mode, or a policy the heuristics missed). */
function AnalyseButton({ tabId, onDone, notify }: { tabId: number; onDone: (s: TabState) => void; notify: (m: string) => void }) {
  const [busy, setBusy] = useState(false);
  const analyse = async () => {
    setBusy(true);
    notify('');
    try {
      await send('tab/analyse', { tabId });
      // The page reports when it is done; wait for it a little.
      for (let i = 0; i < 40; i++) {
        const { state } = await send('tab/state', { tabId });
        if (state) return onDone(state);
        await new Promise((r) => setTimeout(r, 250));
      }
      notify(t('popupAnalyseNoText'));
    } catch (err) {
      notify(err instanceof Error ? err.message.replace(/^tab\/analyse: /, '') : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="primary" disabled={busy} onClick={() => void analyse()}>
      {busy ? t('popupAnalysing') : t('analyseThisPage')}
    </button>
  );
}

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; tabId: number | null; state: TabState | null };
/** The footer's knowledge-base line: 'loading' until the background has said. */
type Kb = KbStatus | null | 'loading';

/** `first`: the requests main.tsx started before rendering (first-load.ts). */
export function App({ first }: { first: FirstLoad }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [kb, setKb] = useState<Kb>('loading');
  const [notice, setNotice] = useState('');
  const [viewId, setViewId] = useState(() => new URLSearchParams(location.search).get('view') ?? VIEWS[0]?.id ?? 'clauses');

  // A layout effect, not useEffect: that one waits for a frame, and the answers may be in already.
  useLayoutEffect(() => {
    let live = true;
    first.page.then(
      ({ tabId, state }) => live && setLoad({ kind: 'ready', tabId, state }),
      (err: unknown) => live && setLoad({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    void first.kb.then((status) => live && setKb(status));
    return () => {
      live = false;
    };
  }, [first]);

  // The first render with real content (read by the benchmark, docs/performance.md).
  useLayoutEffect(() => {
    if (load.kind !== 'loading' && performance.getEntriesByName('clausemark:first-render').length === 0) performance.mark('clausemark:first-render');
  }, [load.kind]);

  if (load.kind === 'loading') return <main class="popup"><p class="muted">{t('reading')}</p></main>;
  if (load.kind === 'error') return <main class="popup"><p class="error">{t('popupTabError', load.message)}</p></main>;
  const { state, tabId } = load;
  // `?doc=<key>`: one document's history without a tab (a followed document, from Options).
  const docParam = new URLSearchParams(location.search).get('doc');
  if (docParam) {
    return (
      <main class="popup">
        <header class="top">
          <img src="/icons/icon-32.png" alt="" width={20} height={20} />
          <h1>Clausemark</h1>
        </header>
        <HistoryView tabId={null} state={null} notify={setNotice} docKey={docParam} />
        {notice && <p class="notice" role="status">{notice}</p>}
      </main>
    );
  }
  const views = VIEWS.filter((v) => state || !v.needsPage);
  const view = views.find((v) => v.id === viewId) ?? views[0];
  const inTab = new URLSearchParams(location.search).has('tab');

  return (
    <main class="popup">
      <header class="top">
        <img src="/icons/icon-32.png" alt="" width={20} height={20} />
        <h1>Clausemark</h1>
        {tabId !== null && !inTab && (
          <a class="tablink" href={`${browser.runtime.getURL('src/popup/index.html')}?tab=${tabId}`} target="_blank" rel="noopener">
            {t('popupOpenInTab')}
          </a>
        )}
      </header>
      <FollowedChanges />
      {views.length > 1 && (
        <nav class="views" role="tablist" aria-label={t('popupViews')}>
          {views.map((v) => (
            <button key={v.id} type="button" role="tab" aria-selected={v.id === view?.id} class={v.id === view?.id ? 'on' : ''} onClick={() => setViewId(v.id)}>
              {v.label}
            </button>
          ))}
        </nav>
      )}
      {!state && (
        <section class="empty">
          <p><strong>{t('popupNoPolicy')}</strong></p>
          <p class="muted">{t('popupIntro')}</p>
          {tabId !== null && <AnalyseButton tabId={tabId} onDone={(s) => setLoad({ kind: 'ready', tabId, state: s })} notify={setNotice} />}
        </section>
      )}
      {/* The Clauses view has it in its document header, beside the report export. */}
      {state && tabId !== null && view?.id !== 'clauses' && <FollowButton tabId={tabId} notify={setNotice} />}
      {view && (state || !view.needsPage) && <view.component tabId={tabId} state={state} notify={setNotice} openView={setViewId} />}
      {notice && <p class="notice" role="status">{notice}</p>}
      <footer class="muted small">
        {kb !== 'loading' && kb?.state === 'ready'
          ? t('popupFooterKb', kb.version ?? '', formatNumber(kb.counts?.platforms ?? 0), formatNumber(kb.counts?.clauses ?? 0))
          : kb !== 'loading' && kb?.state === 'error'
            ? t('popupKbUnavailable', kb.error ?? t('unknownError'))
            : t('popupKbLoading')}
      </footer>
    </main>
  );
}
