// First-run page: what Clausemark does and reads, the choice between automatic detection and
// "only when I click", and a live example: real policy paragraphs analysed by the same core and
// highlighted the same way as on a web page.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import example from './example.generated.json';
import { segment } from '../core/text';
import { detect } from '../core/detect';
import { resolveOverlaps } from '../core/resolve';
import { fingerprint } from '../core/fingerprint';
import { MODEL_VERSION } from '../core/detect';
import { getCategory } from '../core/taxonomy';
import type { Mode } from '../core/settings';
import type { PageClause } from '../messages';
import { highlightRanges } from '../content/highlight';
import { PanelHost } from '../content/panel';
import { send } from '../lib/rpc';
import { loadSettings, saveSettings } from '../settings/store';
import '../popup/popup.css';
import './onboarding.css';

function Example() {
  const ref = useRef<HTMLDivElement>(null);
  const [found, setFound] = useState<PageClause[]>([]);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const controller = new AbortController();
    // The text as the DOM holds it: paragraphs joined by the newlines between the <p> elements.
    const text = root.textContent ?? '';
    const clauses = detect(segment(text)).map((c) => ({ ...c, excerpt: text.slice(c.start, c.end).replace(/\s+/g, ' ').trim() }));
    const highlights = resolveOverlaps(clauses);
    const marks = highlightRanges(root, highlights.map(({ primary: p }) => ({ start: p.start, end: p.end, clauseId: p.id, category: p.category, severity: p.severity, source: p.source })));
    setFound(highlights.map((h) => h.primary));
    const panel = new PanelHost(controller.signal);
    void fingerprint(text).then((sha256) => {
      const page = { url: example.source.url, title: `${example.source.service} ${example.source.termsType} (excerpt)`, sha256, readAt: new Date().toISOString(), modelVersion: MODEL_VERSION };
      for (const h of highlights) {
        for (const el of marks.get(h.primary.id) ?? []) {
          el.tabIndex = 0;
          const open = () => panel.show({ clause: h.primary, related: h.related }, page, (category) => send('kb/compare', { category, limit: 6 }), el);
          el.addEventListener('click', open, { signal: controller.signal });
          el.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), open()), { signal: controller.signal });
        }
      }
    });
    return () => controller.abort();
  }, []);
  return (
    <>
      <div class="example" ref={ref}>
        {example.paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      <p class="muted small">
        Excerpt of {example.source.service}’s {example.source.termsType} as archived by Open Terms Archive{example.source.date ? ` (${example.source.date.slice(0, 10)})` : ''}, {example.source.licence}, {example.source.attribution}.
        {found.length > 0 && ` Clausemark found ${found.length} clauses here: ${[...new Set(found.map((c) => getCategory(c.category)?.title ?? c.category))].join(', ')}. Click one.`}
      </p>
    </>
  );
}

function Onboarding() {
  const [mode, setMode] = useState<Mode | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    void loadSettings().then((s) => setMode(s.mode));
  }, []);
  const choose = async (m: Mode) => {
    setMode(m);
    try {
      await saveSettings({ mode: m, onboarded: true });
      setSaved(m === 'auto' ? 'Saved: Clausemark will highlight policy pages as you open them.' : 'Saved: Clausemark will read a page only when you press “Analyse this page” in its toolbar popup.');
    } catch (err) {
      setSaved(`Could not save your choice: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return (
    <main class="onboarding">
      <header>
        <img src="/icons/icon-48.png" alt="" width={40} height={40} />
        <h1>Welcome to Clausemark</h1>
      </header>
      <p class="lead">Clausemark highlights the clauses that matter in terms of service and privacy policies — AI training on your data, selling or sharing it, arbitration, unilateral changes and more — right in the page, and explains each one.</p>
      <section>
        <h2>What it reads, and what it sends</h2>
        <ul>
          <li>It reads the text of pages that look like a policy (by their address and title), <strong>on your device</strong>.</li>
          <li>Everything it knows — ~9,600 platforms’ policy addresses and reviewed clauses — ships inside the extension. <strong>It sends nothing about you or the pages you read anywhere.</strong></li>
          <li>What it keeps (the policies you read and their versions) stays in your browser; you can export or delete it in the options.</li>
        </ul>
      </section>
      <section>
        <h2>When should it read a page?</h2>
        <div class="choices" role="radiogroup" aria-label="When Clausemark reads a page">
          <button type="button" role="radio" aria-checked={mode === 'auto'} class={`choice ${mode === 'auto' ? 'on' : ''}`} onClick={() => void choose('auto')}>
            <strong>Automatically on policy pages</strong>
            <span>A tiny check of each page’s address and title runs everywhere; only policy pages are read.</span>
          </button>
          <button type="button" role="radio" aria-checked={mode === 'click'} class={`choice ${mode === 'click' ? 'on' : ''}`} onClick={() => void choose('click')}>
            <strong>Only when I click</strong>
            <span>Nothing is read until you press “Analyse this page” in the toolbar popup.</span>
          </button>
        </div>
        <p class="small" role="status">{saved}</p>
      </section>
      <section>
        <h2>Try it: a real policy, analysed here</h2>
        <Example />
      </section>
    </main>
  );
}

render(<Onboarding />, document.getElementById('app') as HTMLElement);
