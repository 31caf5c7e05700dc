// A severity badge after each highlight: a real <button> in its own shadow root, so Tab reaches
// it and Enter or Space opens the panel.
import type { Severity } from '../core/types';
import { ext } from '../lib/ext';
import { fillSlots, slot, type BadgeTexts } from '../lib/badge-texts';
import { attachStyledShadow, resetHostStyle, shadowOf } from './shadow';

/** The badge texts the background sent with the page's lookup (setBadgeTexts). */
let given: BadgeTexts | null = null;

export function setBadgeTexts(texts: BadgeTexts | undefined): void {
  if (!texts) return;
  given = texts;
  made.clear();
  buttons.clear();
}

/** Without them (the lookup failed): the browser's messages, looked up here. */
function lookedUp(): BadgeTexts {
  const m = (key: string, subs: string[] = []) => {
    try {
      return ext.i18n.getMessage(key, subs) || '';
    } catch {
      return ''; // no extension API (unit tests)
    }
  };
  const sev = (s: Severity, key: string) => m(key) || s;
  return {
    severity: { high: sev('high', 'sevHigh'), medium: sev('medium', 'sevMedium'), low: sev('low', 'sevLow'), good: sev('good', 'sevGood') },
    categories: new Proxy({}, { get: (_t, id: string) => m(`cat_${id.replace(/-/g, '_')}_title`) || id }),
    detected: m('badgeDetected', [slot(1)]) || slot(1),
    reviewed: m('badgeReviewed'),
    aria: m('badgeAria', [slot(1), slot(2), slot(3)]) || `${slot(1)} ${slot(2)} ${slot(3)}`,
    lang: (() => {
      try {
        return ext.i18n.getUILanguage();
      } catch {
        return '';
      }
    })(),
  };
}

/** "87%" ("87 %" in German and French, as Intl writes it) without building an Intl number
 * format, which costs a page about 20 ms the first time; the UI's languages only. */
function percent(share: number, lang: string): string {
  const n = Math.round(share * 100);
  const primary = lang.split(/[-_]/)[0];
  return primary === 'fr' || primary === 'de' ? `${n}\u00a0%` : `${n}%`;
}

/** A badge's texts, made once per kind of badge. */
const made = new Map<string, { sev: string; title: string; how: string; aria: string }>();
const kindOf = (spec: BadgeSpec) => `${spec.severity}|${spec.category}|${spec.detected ? Math.round(spec.confidence * 100) : 'kb'}`;
function textsOf(spec: BadgeSpec) {
  const key = kindOf(spec);
  let x = made.get(key);
  if (!x) {
    const all = (given ??= lookedUp());
    const sev = all.severity[spec.severity] ?? spec.severity;
    const title = all.categories[spec.category] ?? spec.category;
    const how = spec.detected ? fillSlots(all.detected, percent(spec.confidence, all.lang)) : all.reviewed;
    made.set(key, (x = { sev, title, how, aria: fillSlots(all.aria, sev, title, how) }));
  }
  return x;
}

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

/** One button per kind of badge (severity, category and how it was found: its texts), cloned for
 * each badge of that kind: one clone instead of four elements and their attributes and texts. */
const buttons = new Map<string, HTMLButtonElement>();
function buttonFor(spec: BadgeSpec): HTMLButtonElement {
  const key = kindOf(spec);
  let model = buttons.get(key);
  if (!model) {
    const { sev: sevText, title, how, aria } = textsOf(spec);
    model = document.createElement('button');
    model.type = 'button';
    model.className = spec.severity;
    model.setAttribute('aria-label', aria);
    model.title = `${title} — ${how}`;
    const dot = document.createElement('span');
    dot.className = 'dot';
    const sev = document.createElement('span');
    sev.className = 'sev';
    sev.textContent = sevText;
    const cat = document.createElement('span');
    cat.className = 'cat';
    cat.textContent = title;
    model.append(dot, sev, cat);
    buttons.set(key, model);
  }
  return model.cloneNode(true) as HTMLButtonElement;
}

export function createBadge(spec: BadgeSpec, onOpen: (clauseId: string, trigger: HTMLElement) => void, signal: AbortSignal): HTMLElement {
  const host = document.createElement('span');
  resetHostStyle(host, 'inline');
  const shadow = attachStyledShadow(host, CSS);
  const button = buttonFor(spec);
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
