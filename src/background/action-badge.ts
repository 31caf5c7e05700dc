// The toolbar icon's badge: number of high-severity clauses, coloured by the worst severity.
import browser from 'webextension-polyfill';
import type { Severity } from '../core/types';

const COLOURS: Record<Severity, string> = { high: '#b3261e', medium: '#b25e00', low: '#4a5d7e', good: '#1b7f3b' };

export async function setActionBadge(tabId: number, counts: Record<Severity, number>): Promise<void> {
  const worst = (['high', 'medium', 'low', 'good'] as const).find((s) => counts[s] > 0);
  const text = counts.high > 0 ? String(counts.high) : worst && worst !== 'good' ? '•' : '';
  try {
    await browser.action.setBadgeText({ tabId, text });
    if (worst) await browser.action.setBadgeBackgroundColor({ tabId, color: COLOURS[worst] });
  } catch {
    // The tab may have closed meanwhile; the badge is cosmetic.
  }
}
