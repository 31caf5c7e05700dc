// User settings: shape, defaults, validation and migration. Pure: the storage side lives in
// src/settings/store.ts. Anything read from storage goes through `normalizeSettings`, so an old,
// partial or tampered record still yields valid settings.
// Ids only: the content loader on every page reads settings (category-ids.ts).
import { CATEGORY_IDS as CATEGORY_ID_LIST } from './category-ids';
import { SEVERITIES, SEVERITY_RANK, type Severity } from './types';

export const SETTINGS_VERSION = 1;

export type Mode = 'auto' | 'click';
export type Sensitivity = 'precise' | 'balanced' | 'thorough';

export interface Settings {
  version: number;
  /** auto: analyse policy pages when they open; click: only when asked from the toolbar. */
  mode: Mode;
  /** Category ids the user turned off. */
  disabledCategories: string[];
  /** Clauses below this severity are not highlighted (`good` is shown only when this is `good`). */
  minSeverity: Severity;
  sensitivity: Sensitivity;
  /** Hosts (and their subdomains) where Clausemark never runs. */
  neverSites: string[];
  /** In-page notices (e.g. "changed since you last read it"). */
  inPageNotices: boolean;
  /** System notifications: off unless the user turns them on. */
  systemNotifications: boolean;
  /** The onboarding choice was made. */
  onboarded: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  mode: 'auto',
  disabledCategories: [],
  minSeverity: 'good',
  sensitivity: 'balanced',
  neverSites: [],
  inPageNotices: true,
  systemNotifications: false,
  onboarded: false,
};

/** Detector threshold per sensitivity: the model's operating point is 0.5. */
export const SENSITIVITY_THRESHOLD: Record<Sensitivity, number> = { precise: 0.7, balanced: 0.5, thorough: 0.35 };

const CATEGORY_IDS = new Set(CATEGORY_ID_LIST);

/** Lower-case host without a leading "www." or scheme; null when it is not a plausible host. */
export function normalizeSite(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) s = new URL(s).hostname;
  } catch {
    return null;
  }
  s = s.replace(/^www\./, '').replace(/\/.*$/, '').replace(/:\d+$/, '');
  return /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/.test(s) ? s : null;
}

export function normalizeSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const s: Settings = { ...DEFAULT_SETTINGS, disabledCategories: [], neverSites: [] };
  // Version 0 (pre-release) stored `autoDetect: boolean`; carry it over.
  if (typeof r.autoDetect === 'boolean' && r.mode === undefined) s.mode = r.autoDetect ? 'auto' : 'click';
  if (r.mode === 'auto' || r.mode === 'click') s.mode = r.mode;
  if (Array.isArray(r.disabledCategories)) s.disabledCategories = [...new Set(r.disabledCategories.filter((c): c is string => typeof c === 'string' && CATEGORY_IDS.has(c)))].sort();
  if (SEVERITIES.includes(r.minSeverity as Severity)) s.minSeverity = r.minSeverity as Severity;
  if (r.sensitivity === 'precise' || r.sensitivity === 'balanced' || r.sensitivity === 'thorough') s.sensitivity = r.sensitivity;
  if (Array.isArray(r.neverSites)) {
    s.neverSites = [...new Set(r.neverSites.map((x) => (typeof x === 'string' ? normalizeSite(x) : null)).filter((x): x is string => !!x))].sort();
  }
  if (typeof r.inPageNotices === 'boolean') s.inPageNotices = r.inPageNotices;
  if (typeof r.systemNotifications === 'boolean') s.systemNotifications = r.systemNotifications;
  if (typeof r.onboarded === 'boolean') s.onboarded = r.onboarded;
  s.version = SETTINGS_VERSION;
  return s;
}

/** Is this host (or a parent of it) on the never-run list? */
export function isNeverSite(settings: Pick<Settings, 'neverSites'>, hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^www\./, '');
  return settings.neverSites.some((site) => h === site || h.endsWith(`.${site}`));
}

/** Should a clause of this category and severity be shown? */
export function isShown(settings: Pick<Settings, 'disabledCategories' | 'minSeverity'>, category: string, severity: Severity): boolean {
  if (settings.disabledCategories.includes(category)) return false;
  if (severity === 'good') return settings.minSeverity === 'good';
  const min = settings.minSeverity === 'good' ? 'low' : settings.minSeverity;
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[min];
}
