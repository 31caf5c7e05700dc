// Options page: settings, the knowledge base's state and updates, the policy history, and the
// data credits (About).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { KbStatus } from '../messages';
import { send } from '../lib/rpc';
import { formatDateTime, formatNumber, localizePage, t } from '../lib/i18n';
import '../popup/popup.css';
import './options.css';
import { HistorySection } from './history-section';
import { FollowSection } from './follow-section';
import { UpdateSection } from './update-section';
import { SettingsSection } from './settings-section';
import { safeHref } from '../lib/safe-href';
import { creditLine, credits } from '../lib/credits';

const CREDITS = credits();

function Options() {
  const [kb, setKb] = useState<KbStatus | null>(null);
  const [err, setErr] = useState('');
  useEffect(() => {
    send('kb/status', {}).then(setKb, (e: unknown) => setErr(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <main class="options">
      <h1>Clausemark</h1>
      <p>{t('optionsIntro')}</p>
      <SettingsSection />
      <section>
        <h2>{t('optKbTitle')}</h2>
        {err ? (
          <p class="error">{t('optKbError', err)}</p>
        ) : !kb ? (
          <p class="muted">{t('reading')}</p>
        ) : kb.state === 'ready' ? (
          <p>
            {t('optKbReady', kb.version ?? '', formatDateTime(kb.loadedAt), formatNumber(kb.counts?.platforms ?? 0), formatNumber(kb.counts?.documents ?? 0), formatNumber(kb.counts?.clauses ?? 0))}{' '}
            <span class="muted small">{t('optKbHash', kb.contentHash ?? '')}</span>
          </p>
        ) : kb.state === 'error' ? (
          <p class="error">{t('optKbInstallError', kb.error ?? t('unknownError'))}</p>
        ) : (
          <p class="muted">{t('optKbInstalling')}</p>
        )}
      </section>
      <UpdateSection />
      <FollowSection />
      <HistorySection />
      <section>
        <h2>{t('optAboutTitle')}</h2>
        <ul class="credits">
          {CREDITS.map((c) => (
            <li key={c.name}>
              <strong>{c.name}</strong> — {creditLine(c)} <a href={safeHref(c.url)} target="_blank" rel="noreferrer noopener">{c.url}</a>
            </li>
          ))}
        </ul>
        <p class="muted small">{t('optCopyright')}</p>
      </section>
    </main>
  );
}

localizePage(t('optionsPageTitle'));
render(<Options />, document.getElementById('app') as HTMLElement);
