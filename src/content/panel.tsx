// The clause panel: what the clause means, why it matters, which rules may apply, how other
// platforms handle it (and a way to all of them in the popup's Compare view), the page's other
// risks (one click reveals each), and where every claim comes from, with a citation whose record
// id is stable across visits and machines. Rendered by Preact as text (never HTML) inside a
// shadow root.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageClause, CategoryComparison } from '../messages';
import type { KnownClause } from '../kb/schema';
import { cleanQuote, excerpt } from '../core/compare-examples';
import { rarity } from '../core/compare-rarity';
import type { Severity } from '../core/types';
import { recordId, withReading, type Seen } from '../core/record';
import { formatDateTime, formatNumber, formatPercent, t } from '../lib/i18n';
import { categoryRegulations, categoryText, categoryTitle } from '../lib/category-text';
import { rarityLabelText, severityLabels } from '../lib/severity-text';
import { attachStyledShadow } from './shadow';
import { PANEL_CSS } from './panel-css';
import { safeHref } from '../lib/safe-href';
import { PanelFollow } from './panel-follow';

export interface PanelClause {
  clause: PageClause;
  related: PageClause[];
  kb?: KnownClause;
}

export interface PageInfo {
  url: string;
  title: string;
  sha256: string;
  readAt: string;
  platformName?: string;
  platformId?: string;
  /** The knowledge-base document the page was matched to (part of the citation's record id). */
  documentId?: string;
  documentTitle?: string;
  modelVersion: string;
}

/** What the panel can do beyond explaining, where its host supports it (the annotated page does;
 * the onboarding example and "Explain this clause" on a selection do not). */
export interface PanelExtras {
  /** The page's other high and medium clauses, most severe first, then in page order. */
  otherRisks?: readonly PageClause[];
  /** Scroll the page to a clause and open its panel. */
  reveal?(clauseId: string): void;
  /** Open the popup's Compare view filtered to a category (through the background). */
  openCompare?(category: string): Promise<boolean>;
  /** When the user's own visits first showed this clause text and last confirmed it. */
  seen?(text: string): Promise<Seen | null>;
}

export interface PanelDeps extends PanelExtras {
  compare(category: string, platformId?: string): Promise<CategoryComparison>;
  onClose(): void;
}

export { otherRisks } from './other-risks';

/** The citation's record: its stable id and the user's own first and last sight of the clause. */
export interface CitationRecord {
  id: string;
  seen: Seen | null;
}

const SEV_LABEL: Record<Severity, string> = severityLabels(true);
/** Other risks listed before "Show more". */
const RISKS_SHOWN = 5;

export function citation(c: PanelClause, page: PageInfo, record?: CitationRecord): string {
  const cat = categoryTitle(c.clause.category);
  const confidence = formatPercent(c.clause.confidence);
  const source =
    c.clause.source === 'kb' && c.kb
      ? t('citeReviewed', c.kb.caseTitle, c.kb.pointUrl)
      : c.clause.source === 'rule'
        ? t('citeDetectedRule', page.modelVersion, confidence)
        : t('citeDetectedModel', page.modelVersion, confidence);
  return [
    `"${c.clause.excerpt}"`,
    `— ${page.title || page.url}${page.platformName ? ` (${page.platformName})` : ''}`,
    t('citeCategory', cat, SEV_LABEL[c.clause.severity]),
    t('citeSource', source),
    t('citeDocument', page.url),
    t('citeCaptured', page.readAt),
    t('citeSha', page.sha256),
    ...(record ? [record.seen ? t('citeRecord', record.id, record.seen.firstSeen, record.seen.lastVerified) : t('citeRecordOnly', record.id)] : []),
  ].join('\n');
}

async function copyText(text: string, fallbackRoot: ShadowRoot): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (no focus, or policy): fall back to a selected textarea.
    const ta = document.createElement('textarea');
    ta.value = text;
    fallbackRoot.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

function Rarity({ cmp }: { cmp: CategoryComparison | null | 'error' }) {
  if (cmp === null) return <p class="muted">{t('panelLookingUp')}</p>;
  if (cmp === 'error') return <p class="muted">{t('panelCmpUnavailable')}</p>;
  const { stat, others } = cmp;
  if (!stat || stat.platformsReviewed === 0) return <p class="muted">{t('panelNoReviewed')}</p>;
  // Same figures as the popup's Compare view: k of N platforms reviewed for this category.
  const r = rarity(stat);
  const label = rarityLabelText(r.label);
  return (
    <div>
      <p class="rarity">
        <strong>{t('labelColon', label.charAt(0).toLocaleUpperCase() + label.slice(1))}</strong>{' '}
        {r.n > r.k ? t('panelRarityWithGood', formatNumber(r.k), formatNumber(r.n), formatNumber(r.n - r.k)) : t('panelRarity', formatNumber(r.k), formatNumber(r.n))}
      </p>
      {others.length > 0 && (
        <ul class="others">
          {others.map(({ platform, clause, url }) => {
            const quote = excerpt(cleanQuote(clause.quote), 180);
            return (
              <li key={clause.id}>
                <span class={`pill ${clause.severity}`}>{SEV_LABEL[clause.severity]}</span>{' '}
                {url ? (
                  <a class="pname" href={safeHref(url)} target="_blank" rel="noreferrer noopener" title={t('openDocumentOf', platform.name)}>
                    {platform.name}
                  </a>
                ) : (
                  <strong>{platform.name}</strong>
                )}
                <span class="case"> — {clause.caseTitle}</span>
                {quote && <q>{quote}</q>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function Panel({ item, page, deps, shadow }: { item: PanelClause; page: PageInfo; deps: PanelDeps; shadow: ShadowRoot }) {
  const { clause } = item;
  const cat = categoryText(clause.category);
  const regulations = categoryRegulations(clause.category);
  const [cmp, setCmp] = useState<CategoryComparison | null | 'error'>(null);
  const [copied, setCopied] = useState<'' | 'ok' | 'fail'>('');
  const [record, setRecord] = useState<CitationRecord | null>(null);
  const [seenFailed, setSeenFailed] = useState(false);
  const [allRisks, setAllRisks] = useState(false);
  const [openFailed, setOpenFailed] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);
  const risks = deps.reveal ? (deps.otherRisks ?? []) : [];
  const shownRisks = allRisks ? risks : risks.slice(0, RISKS_SHOWN);

  useEffect(() => {
    let live = true;
    setCmp(null);
    deps.compare(clause.category, page.platformId).then(
      (r) => live && setCmp(r),
      () => live && setCmp('error'),
    );
    closeRef.current?.focus();
    void (async () => {
      const id = await recordId({ documentId: page.documentId, url: page.url }, clause.excerpt);
      let seen: Seen | null = null;
      if (deps.seen) {
        try {
          // The store may not have this reading yet (it is reported as the page settles).
          seen = withReading(await deps.seen(clause.excerpt), page.readAt);
        } catch {
          if (live) setSeenFailed(true);
        }
      }
      if (live) setRecord({ id, seen });
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [clause.id]);

  const openCompare = (e: MouseEvent) => {
    // Only the user's own click opens a tab: the page cannot script one.
    if (!e.isTrusted || !deps.openCompare) return;
    setOpenFailed(false);
    deps.openCompare(clause.category).then(
      (ok) => setOpenFailed(!ok),
      () => setOpenFailed(true),
    );
  };

  const source =
    clause.source === 'kb'
      ? item.kb ? t('panelSourceReviewedCase', item.kb.caseTitle, item.kb.classification) : t('panelSourceReviewed')
      : clause.source === 'rule'
        ? t('panelSourceRules', formatPercent(clause.confidence))
        : t('panelSourceModel', formatPercent(clause.confidence));

  return (
    <section class="panel" role="dialog" aria-modal="false" aria-labelledby="cm-title" data-clause={clause.id}>
      <header>
        <span class={`pill ${clause.severity}`}>{SEV_LABEL[clause.severity]}</span>
        <h2 id="cm-title">{cat?.title ?? clause.category}</h2>
        <button ref={closeRef} class="close" type="button" aria-label={t('panelClose')} onClick={deps.onClose}>
          ×
        </button>
      </header>
      <blockquote>{clause.excerpt}</blockquote>
      {item.kb && !clause.anchored && <p class="warn">{t('panelNotAnchored')}</p>}
      {cat && clause.severity === 'good' && (
        // A protective passage: the category's texts describe the practice it limits, so they are
        // given as what such clauses usually say, not as what this one does.
        <>
          <h3>{t('panelMeans')}</h3>
          <p>{t('panelMeansGood')}</p>
          <p class="muted">{t('panelUsually', cat.meaning)}</p>
          <h3>{t('panelWhy')}</h3>
          <p>{cat.whyItMatters}</p>
          <p class="muted">{t('panelGoodImpact')}</p>
        </>
      )}
      {cat && clause.severity !== 'good' && (
        <>
          <h3>{t('panelMeans')}</h3>
          <p>{cat.meaning}</p>
          <h3>{t('panelWhy')}</h3>
          <p>{cat.whyItMatters}</p>
          <p class="muted">{cat.consumerImpact}</p>
        </>
      )}
      {item.related.length > 0 && (
        <>
          <h3>{t('panelAlso')}</h3>
          <ul class="related">
            {item.related.map((r) => (
              <li key={r.id}>
                <span class={`pill ${r.severity}`}>{SEV_LABEL[r.severity]}</span> {categoryTitle(r.category)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('panelOthers')}</h3>
      <Rarity cmp={cmp} />
      {/* Nothing to list when no reviewed platform has this kind of clause (the line above says so). */}
      {deps.openCompare && !(cmp && cmp !== 'error' && (!cmp.stat || cmp.stat.platformsReviewed === 0)) && (
        <p class="seeall">
          <button type="button" class="linkish" onClick={openCompare}>
            {t('panelSeeAllPlatforms')}
          </button>{' '}
          <span class="small muted" role="status">{openFailed ? t('panelOpenFailed') : ''}</span>
        </p>
      )}
      {cat && regulations.length > 0 && (
        <>
          <h3>{t('panelRules')}</h3>
          <ul class="regs">
            {regulations.map((r) => (
              <li key={r.regulation + r.provision}>
                <strong>{r.short}</strong> {t('labelColon', r.provision)} {r.note}
              </li>
            ))}
          </ul>
          <p class="muted small">{t('panelNotAdvice')}</p>
        </>
      )}
      {risks.length > 0 && (
        <>
          <h3>{t('panelOtherRisks')}</h3>
          <ul class="risks">
            {shownRisks.map((r) => (
              <li key={r.id}>
                <button type="button" class="risk" data-clause={r.id} onClick={(e) => e.isTrusted && deps.reveal?.(r.id)}>
                  <span class={`pill ${r.severity}`}>{SEV_LABEL[r.severity]}</span> <span class="rcat">{categoryTitle(r.category)}</span>
                  <span class="rex">{excerpt(r.excerpt, 120)}</span>
                </button>
              </li>
            ))}
          </ul>
          {risks.length > shownRisks.length && (
            <button type="button" class="linkish small" onClick={() => setAllRisks(true)}>
              {t('panelMoreRisks', formatNumber(risks.length - shownRisks.length))}
            </button>
          )}
        </>
      )}
      <h3>{t('panelProvenance')}</h3>
      <dl class="prov">
        <dt>{t('provSource')}</dt>
        <dd>
          {source}
          {item.kb && (
            <>
              {' '}
              (<a href={safeHref(item.kb.pointUrl)} target="_blank" rel="noreferrer noopener">{t('linkPoint')}</a>, CC BY-SA 3.0)
            </>
          )}
        </dd>
        <dt>{t('provDocument')}</dt>
        <dd class="url">{page.url}</dd>
        <dt>{t('provReadAt')}</dt>
        <dd>{formatDateTime(page.readAt)}</dd>
        <dt>SHA-256</dt>
        <dd class="hash">{page.sha256}</dd>
        <dt>{t('provRecord')}</dt>
        <dd class="hash record" title={t('provRecordTitle')}>{record?.id ?? '…'}</dd>
        {deps.seen && (
          <>
            <dt>{t('provFirstSeen')}</dt>
            <dd class="seen-first" title={t('provSeenTitle')}>{seenFailed ? t('provSeenUnavailable') : record?.seen ? formatDateTime(record.seen.firstSeen) : '…'}</dd>
            <dt>{t('provLastVerified')}</dt>
            <dd class="seen-last" title={t('provSeenTitle')}>{seenFailed ? t('provSeenUnavailable') : record?.seen ? formatDateTime(record.seen.lastVerified) : '…'}</dd>
          </>
        )}
      </dl>
      <button
        class="copy"
        type="button"
        onClick={() => void copyText(citation(item, page, record ?? undefined), shadow).then((ok) => setCopied(ok ? 'ok' : 'fail'))}
      >
        {t('panelCopy')}
      </button>
      <span class="copied" role="status">
        {copied === 'ok' ? t('panelCopied') : copied === 'fail' ? t('panelCopyFailed') : ''}
      </span>
      <PanelFollow />
    </section>
  );
}

/** One panel host per page; `show` replaces its content, `hide` empties it. */
export class PanelHost {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;
  private trigger: HTMLElement | null = null;
  openClauseId: string | null = null;

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => this.destroy());
  }

  private ensure(): { shadow: ShadowRoot; mount: HTMLElement } {
    if (!this.host || !this.shadow || !this.mount) {
      this.host = document.createElement('div');
      this.shadow = attachStyledShadow(this.host, PANEL_CSS);
      this.mount = document.createElement('div');
      this.shadow.append(this.mount);
      document.documentElement.append(this.host);
      this.shadow.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Escape') {
          e.stopPropagation();
          this.hide();
        }
      }, { signal: this.signal });
    }
    return { shadow: this.shadow, mount: this.mount };
  }

  show(item: PanelClause, page: PageInfo, compare: PanelDeps['compare'], trigger: HTMLElement | null, extras: PanelExtras = {}): void {
    const { shadow, mount } = this.ensure();
    this.trigger = trigger;
    this.openClauseId = item.clause.id;
    // Keyed by clause: revealing another clause starts its panel afresh (lookups, "show more").
    render(<Panel key={item.clause.id} item={item} page={page} shadow={shadow} deps={{ ...extras, compare, onClose: () => this.hide() }} />, mount);
  }

  hide(): void {
    if (this.mount) render(null, this.mount);
    this.openClauseId = null;
    const t = this.trigger;
    this.trigger = null;
    t?.focus();
  }

  destroy(): void {
    if (this.mount) render(null, this.mount);
    this.host?.remove();
    this.host = this.shadow = this.mount = null;
  }
}
