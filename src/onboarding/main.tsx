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
import type { Mode } from '../core/settings';
import type { PageClause } from '../messages';
import { highlightRanges } from '../content/highlight';
import { PanelHost } from '../content/panel';
import { send } from '../lib/rpc';
import { loadSettings, saveSettings } from '../settings/store';
import { formatDay, localizePage, t, tn } from '../lib/i18n';
import { categoryTitle } from '../lib/category-text';
import { Rich } from '../lib/rich';
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
    const marks = highlightRanges(root, highlights.map(({ primary: p }) => ({ start: p.start, end: p.end, clauseId: p.id, category: p.category, severity: p.severity })));
    setFound(highlights.map((h) => h.primary));
    const panel = new PanelHost(controller.signal);
    void fingerprint(text).then((sha256) => {
      const page = { url: example.source.url, title: t('obExampleTitle', example.source.service, example.source.termsType), sha256, readAt: new Date().toISOString(), modelVersion: MODEL_VERSION };
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
        {example.source.date
          ? t('obExcerptDated', example.source.service, example.source.termsType, formatDay(example.source.date), example.source.licence, example.source.attribution)
          : t('obExcerpt', example.source.service, example.source.termsType, example.source.licence, example.source.attribution)}
        {found.length > 0 && ` ${tn('obFound', found.length, [...new Set(found.map((c) => categoryTitle(c.category)))].join(', '))}`}
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
      setSaved(m === 'auto' ? t('obSavedAuto') : t('obSavedClick'));
    } catch (err) {
      setSaved(t('obSaveError', err instanceof Error ? err.message : String(err)));
    }
  };
  return (
    <main class="onboarding">
      <header>
        <img src="/icons/icon-48.png" alt="" width={40} height={40} />
        <h1>{t('obTitle')}</h1>
      </header>
      <p class="lead">{t('obLead')}</p>
      <section>
        <h2>{t('obReadsTitle')}</h2>
        <ul>
          <li><Rich text={t('obReads1')} /></li>
          <li><Rich text={t('obReads2')} /></li>
          <li><Rich text={t('obReads3')} /></li>
        </ul>
      </section>
      <section>
        <h2>{t('obWhenTitle')}</h2>
        <div class="choices" role="radiogroup" aria-label={t('modeLegend')}>
          <button type="button" role="radio" aria-checked={mode === 'auto'} class={`choice ${mode === 'auto' ? 'on' : ''}`} onClick={() => void choose('auto')}>
            <strong>{t('obAutoTitle')}</strong>
            <span>{t('obAutoText')}</span>
          </button>
          <button type="button" role="radio" aria-checked={mode === 'click'} class={`choice ${mode === 'click' ? 'on' : ''}`} onClick={() => void choose('click')}>
            <strong>{t('obClickTitle')}</strong>
            <span>{t('obClickText')}</span>
          </button>
        </div>
        <p class="small" role="status">{saved}</p>
      </section>
      <section>
        <h2>{t('obTryTitle')}</h2>
        <Example />
      </section>
    </main>
  );
}

localizePage(t('obTitle'));
render(<Onboarding />, document.getElementById('app') as HTMLElement);
