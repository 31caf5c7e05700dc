// Options page. For now: the knowledge base's state and the data credits (About).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { KbStatus } from '../messages';
import { send } from '../lib/rpc';
import '../popup/popup.css';
import './options.css';
import { HistorySection } from './history-section';
import { UpdateSection } from './update-section';
import { SettingsSection } from './settings-section';

const CREDITS = [
  { name: 'ToS;DR (Terms of Service; Didn’t Read)', what: 'reviewed clauses (points and their quotes), cases, platform grades', licence: 'CC BY-SA 3.0', by: 'ToS;DR contributors', url: 'https://tosdr.org' },
  { name: 'Open Terms Archive', what: 'policy texts and their change history; document addresses', licence: 'texts ODC-BY 1.0, declarations EUPL-1.2', by: 'Open Terms Archive contributors', url: 'https://opentermsarchive.org' },
  { name: 'CLAUDETTE', what: 'lawyer-labelled terms-of-service sentences that train and measure the detector', licence: 'CC BY 4.0', by: 'Lippi et al., CLAUDETTE project', url: 'http://claudette.eui.eu' },
];

function Options() {
  const [kb, setKb] = useState<KbStatus | null>(null);
  const [err, setErr] = useState('');
  useEffect(() => {
    send('kb/status', {}).then(setKb, (e: unknown) => setErr(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <main class="options">
      <h1>Clausemark</h1>
      <p>Clausemark highlights the clauses that matter on terms-of-service and privacy-policy pages. It reads the page in your browser and sends nothing about you anywhere.</p>
      <SettingsSection />
      <section>
        <h2>Knowledge base</h2>
        {err ? (
          <p class="error">Could not read the knowledge base state: {err}</p>
        ) : !kb ? (
          <p class="muted">Reading…</p>
        ) : kb.state === 'ready' ? (
          <p>
            Version {kb.version}, installed {kb.loadedAt ? new Date(kb.loadedAt).toLocaleString() : ''}: {kb.counts?.platforms} platforms, {kb.counts?.documents} documents,{' '}
            {kb.counts?.clauses} reviewed clauses. <span class="muted small">Content hash {kb.contentHash}</span>
          </p>
        ) : kb.state === 'error' ? (
          <p class="error">The knowledge base could not be installed: {kb.error}</p>
        ) : (
          <p class="muted">Installing the knowledge base…</p>
        )}
      </section>
      <UpdateSection />
      <HistorySection />
      <section>
        <h2>About the data</h2>
        <ul class="credits">
          {CREDITS.map((c) => (
            <li key={c.name}>
              <strong>{c.name}</strong> — {c.what}. Licence: {c.licence}. By {c.by}. <a href={c.url} target="_blank" rel="noreferrer noopener">{c.url}</a>
            </li>
          ))}
        </ul>
        <p class="muted small">The policy documents themselves remain the copyright of each provider; Clausemark ships short quotes and facts about them.</p>
      </section>
    </main>
  );
}

render(<Options />, document.getElementById('app') as HTMLElement);
