// Settings in browser.storage.sync (follows the user across their browsers), read through
// normalizeSettings so defaults and migrations apply everywhere.
// The browser's own API, not the polyfill: the content loader on every page reads settings.
import { ext as browser } from '../lib/ext';
import type { Storage } from 'webextension-polyfill';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../core/settings';

const KEY = 'settings';

function area() {
  // Some browsers (or policies) disable sync storage; local keeps the extension working.
  return browser.storage.sync ?? browser.storage.local;
}

export async function loadSettings(): Promise<Settings> {
  try {
    return normalizeSettings((await area().get(KEY))[KEY]);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...patch });
  await area().set({ [KEY]: next });
  return next;
}

/** Calls back with the new settings whenever they change (from any page or device). */
export function onSettingsChanged(cb: (s: Settings) => void, signal?: AbortSignal): void {
  const listener = (changes: Record<string, Storage.StorageChange>) => {
    if (KEY in changes) cb(normalizeSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}
