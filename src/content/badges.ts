// A severity badge after each highlight: a real <button> in its own shadow root, so Tab reaches
// it and Enter or Space opens the panel.
import type { Severity } from '../core/types';
import { formatPercent, t } from '../lib/i18n';
import { categoryTitle } from '../lib/category-text';
import { severityLabels } from '../lib/severity-text';
import { attachStyledShadow, resetHostStyle, shadowOf } from './shadow';

const LABEL: Record<Severity, string> = severityLabels();

const CSS = `
button {
  all: initial;
  display: inline-flex; align-items: center; gap: 4px;
  margin: 0 2px 0 4px; padding: 1px 7px 1px 5px;
  border-radius: 999px; border: 1px solid var(--line);
  background: var(--bg); color: var(--fg);
  font: 600 11px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  vertical-align: 1px; cursor: pointer; white-space: nowrap;
}
button:hover { filter: brightness(0.95); }
button:focus-visible { outline: 2px solid #1a56db; outline-offset: 2px; }
.dot { width: 7px; height: 7px; border-radius: 50%; background: var(--line); }
.sev { text-transform: uppercase; letter-spacing: .03em; font-size: 10px; }
.cat { font-weight: 500; }
button.high { --bg: #fdecea; --fg: #7f1d1d; --line: #c62828; }
button.medium { --bg: #fff4e0; --fg: #6b3d00; --line: #d97a00; }
button.low { --bg: #edf1fb; --fg: #253b73; --line: #4a66b0; }
button.good { --bg: #e8f5ea; --fg: #1b4d28; --line: #2e8540; }
`;

export interface BadgeSpec {
  clauseId: string;
  category: string;
  severity: Severity;
  detected: boolean;
  confidence: number;
}

export function createBadge(spec: BadgeSpec, onOpen: (clauseId: string, trigger: HTMLElement) => void, signal: AbortSignal): HTMLElement {
  const host = document.createElement('span');
  resetHostStyle(host, 'inline');
  const shadow = attachStyledShadow(host, CSS);
  const title = categoryTitle(spec.category);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = spec.severity;
  const how = spec.detected ? t('badgeDetected', formatPercent(spec.confidence)) : t('badgeReviewed');
  button.setAttribute('aria-label', t('badgeAria', LABEL[spec.severity], title, how));
  button.title = `${title} — ${how}`;
  const dot = document.createElement('span');
  dot.className = 'dot';
  const sev = document.createElement('span');
  sev.className = 'sev';
  sev.textContent = LABEL[spec.severity];
  const cat = document.createElement('span');
  cat.className = 'cat';
  cat.textContent = title;
  button.append(dot, sev, cat);
  button.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    // A click the page scripted (el.click(), dispatchEvent) does not open anything.
    if (!e.isTrusted) return;
    onOpen(spec.clauseId, button);
  }, { signal });
  shadow.append(button);
  return host;
}

export function badgeButton(host: Element | null | undefined): HTMLButtonElement | null {
  return shadowOf(host)?.querySelector('button') ?? null;
}

export function focusBadge(host: Element | null | undefined): void {
  badgeButton(host)?.focus();
}
