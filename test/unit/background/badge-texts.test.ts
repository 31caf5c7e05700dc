// The badge texts the background sends with a page's lookup (background/badge-texts.ts): filled
// in by the page, they read exactly as the i18n messages with the same values.
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '', getUILanguage: () => 'en-GB' } } }));

const { badgeTexts } = await import('../../../src/background/badge-texts');
const { fillSlots } = await import('../../../src/lib/badge-texts');
const { t } = await import('../../../src/lib/i18n');
const { categoryTitle } = await import('../../../src/lib/category-text');
const { severityLabel } = await import('../../../src/lib/severity-text');
const { CATEGORY_IDS } = await import('../../../src/core/category-ids');

describe('badge texts for the page', () => {
  it('fill in to the same texts as the messages themselves, for every category and severity', () => {
    const texts = badgeTexts();
    for (const id of CATEGORY_IDS) expect(texts.categories[id], id).toBe(categoryTitle(id));
    for (const s of ['high', 'medium', 'low', 'good'] as const) expect(texts.severity[s]).toBe(severityLabel(s));
    expect(fillSlots(texts.detected, '87%')).toBe(t('badgeDetected', '87%'));
    expect(texts.reviewed).toBe(t('badgeReviewed'));
    expect(fillSlots(texts.aria, 'High', 'Arbitration', 'Detected (87%)')).toBe(t('badgeAria', 'High', 'Arbitration', 'Detected (87%)'));
    // A value holding a dollar sign or a slot character is written as it is.
    expect(fillSlots(texts.detected, '$1')).toBe(t('badgeDetected', '$1'));
    expect(texts.lang).toBe('en-GB');
  });
});
