// @vitest-environment happy-dom
// Badges (content/badges.ts) take their texts from the background's lookup answer
// (lib/badge-texts.ts): the page never asks the browser's i18n for them, which would load the
// extension's messages into the page before its first highlights.
import { describe, expect, it, vi } from 'vitest';
import { slot, type BadgeTexts } from '../../../src/lib/badge-texts';

const calls = vi.hoisted(() => ({ getMessage: 0 }));
vi.mock('../../../src/lib/ext', () => ({
  ext: { i18n: { getMessage: () => (calls.getMessage++, ''), getUILanguage: () => 'en' } },
  onRuntimeMessage: () => () => undefined,
}));

const { createBadge, setBadgeTexts } = await import('../../../src/content/badges');

const texts: BadgeTexts = {
  severity: { high: 'Hoch', medium: 'Mittel', low: 'Niedrig', good: 'Gut' },
  categories: { arbitration: 'Schiedsverfahren' },
  detected: `Erkannt (${slot(1)} sicher)`,
  reviewed: 'Geprüft',
  aria: `${slot(1)}: ${slot(2)}, ${slot(3)}`,
  lang: 'de',
};

/** The button inside a badge's (closed) shadow root, through the page's own record of it. */
async function buttonOf(host: HTMLElement): Promise<HTMLButtonElement> {
  const { badgeButton } = await import('../../../src/content/badges');
  return badgeButton(host) as HTMLButtonElement;
}

describe('badges', () => {
  it('are written from the texts sent with the lookup, without asking the browser’s i18n', async () => {
    setBadgeTexts(texts);
    const host = createBadge({ clauseId: 'c1', category: 'arbitration', severity: 'high', detected: true, confidence: 0.874 }, () => undefined, new AbortController().signal);
    const button = await buttonOf(host);
    expect(button.getAttribute('aria-label')).toBe('Hoch: Schiedsverfahren, Erkannt (87\u00a0% sicher)');
    expect(button.title).toBe('Schiedsverfahren — Erkannt (87\u00a0% sicher)');
    expect(button.textContent).toBe('HochSchiedsverfahren');
    const kb = await buttonOf(createBadge({ clauseId: 'c2', category: 'arbitration', severity: 'good', detected: false, confidence: 1 }, () => undefined, new AbortController().signal));
    expect(kb.getAttribute('aria-label')).toBe('Gut: Schiedsverfahren, Geprüft');
    expect(calls.getMessage).toBe(0);
  });

  it('of the same kind are each their own button, with the same texts', async () => {
    setBadgeTexts(texts);
    const spec = { category: 'arbitration', severity: 'medium' as const, detected: true, confidence: 0.5 };
    const hosts = ['a', 'b', 'c'].map((id) => createBadge({ clauseId: id, ...spec }, () => undefined, new AbortController().signal));
    const buttons = await Promise.all(hosts.map(buttonOf));
    expect(new Set(buttons).size).toBe(3);
    for (const b of buttons) {
      expect(b.getAttribute('aria-label')).toBe('Mittel: Schiedsverfahren, Erkannt (50 % sicher)');
      expect(b.textContent).toBe('MittelSchiedsverfahren');
      expect([...b.children].map((c) => c.className)).toEqual(['dot', 'sev', 'cat']);
      expect(b.type).toBe('button');
    }
  });
});
