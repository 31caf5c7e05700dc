// Pieces shared by the popup's comparison views: severity labels, the distribution bar, links
// between views, and the platform picker (a combobox over the background's search index).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PlatformHit } from '../core/platform-search';
import type { SeverityCounts } from '../core/compare-rarity';
import { SEVERITIES, type Severity } from '../core/types';
import { send } from '../lib/rpc';
import { formatNumber, t, tn } from '../lib/i18n';
import { severityLabels } from '../lib/severity-text';

export const SEV_LABEL: Record<Severity, string> = severityLabels();

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message.replace(/^[a-z/]+: /, '') : String(err);
}

/** A link to another popup view, keeping the tab the popup was opened for. */
export function viewHref(view: string, params: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  const tab = new URLSearchParams(location.search).get('tab');
  if (tab !== null) q.set('tab', tab);
  q.set('view', view);
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  return `?${q.toString()}`;
}

export function param(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}

/** Marks the moment a view first shows its content (read by the first-render measurement). */
export function markReady(view: string): void {
  const name = `clausemark:view-ready:${view}`;
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

/** Stacked bar of how many reviewed platforms have each severity; `mine` is outlined. */
export function DistributionBar({ counts, mine }: { counts: SeverityCounts; mine?: Severity }) {
  const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
  const text = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${SEV_LABEL[s]} ${formatNumber(counts[s])}`).join(', ');
  if (total === 0) return <span class="dist none small muted">{t('distNone')}</span>;
  return (
    <span class="dist" role="img" aria-label={t('distAria', text)} title={text}>
      {SEVERITIES.filter((s) => counts[s] > 0).map((s) => (
        <span key={s} class={`seg ${s}${s === mine ? ' mine' : ''}`} style={{ flexGrow: counts[s] }} />
      ))}
    </span>
  );
}

/** Previous / next buttons and "11–20 of 182". */
export function Pager({ offset, size, total, onPage, label }: { offset: number; size: number; total: number; onPage(o: number): void; label: string }) {
  if (total <= size) return null;
  return (
    <div class="pager" role="group" aria-label={label}>
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - size))}>
        {t('pagerPrevious')}
      </button>
      <span class="small muted">
        {t('pagerRange', formatNumber(offset + 1), formatNumber(Math.min(offset + size, total)), formatNumber(total))}
      </span>
      <button type="button" disabled={offset + size >= total} onClick={() => onPage(offset + size)}>
        {t('pagerNext')}
      </button>
    </div>
  );
}

let pickerSeq = 0;

/**
 * Search a platform by name or domain. Arrow keys move through the suggestions, Enter picks,
 * Escape closes the list. Suggestions come from the background's in-memory index.
 */
export function PlatformPicker({ label, value, onPick }: { label: string; value: { id: string; name: string } | null; onPick(hit: PlatformHit): void }) {
  const [id] = useState(() => `pp-${++pickerSeq}`);
  const [text, setText] = useState(value?.name ?? '');
  const [hits, setHits] = useState<PlatformHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [error, setError] = useState('');
  const seq = useRef(0);

  useEffect(() => setText(value?.name ?? ''), [value?.id, value?.name]);

  const search = (q: string) => {
    const n = ++seq.current;
    send('platform/search', { query: q, limit: 8 }).then(
      (r) => {
        if (n !== seq.current) return;
        setHits(r.hits);
        setActive(0);
        setOpen(true);
        setError(r.hits.length === 0 && q.trim() ? t('pickerNoMatch', q.trim()) : '');
      },
      (err: unknown) => n === seq.current && setError(t('pickerSearchFailed', errorText(err))),
    );
  };

  const pick = (h: PlatformHit | undefined) => {
    if (!h) return;
    setText(h.name);
    setOpen(false);
    onPick(h);
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) search(text);
      else setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      if (open && hits.length > 0) {
        e.preventDefault();
        pick(hits[active]);
      }
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div class="picker">
      <label for={`${id}-input`} class="small muted">
        {label}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        list={undefined}
        autocomplete="off"
        spellcheck={false}
        placeholder={t('pickerPlaceholder')}
        aria-expanded={open && hits.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${id}-opt-${active}` : undefined}
        value={text}
        onInput={(e) => {
          const q = (e.currentTarget as HTMLInputElement).value;
          setText(q);
          search(q);
        }}
        onFocus={() => !open && search(text === value?.name ? '' : text)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
      />
      {open && hits.length > 0 && (
        <ul id={`${id}-list`} role="listbox" class="suggest" aria-label={t('pickerSuggestions', label)}>
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'on' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(h);
              }}
            >
              <span class="name">{h.name}</span>
              <span class="small muted dom">{h.domain ?? ''}</span>
              <span class="small muted revcount">{h.reviewedClauses > 0 ? tn('countReviewed', h.reviewedClauses) : t('notReviewedLower')}</span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="small notice" role="status">
          {error}
        </p>
      )}
    </div>
  );
}
