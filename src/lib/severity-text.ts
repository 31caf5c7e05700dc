// Labels of the core's enumerations (severity, rarity) in the user's language.
import type { Rarity, RarityLabel } from '../core/compare-rarity';
import type { Severity } from '../core/types';
import { formatNumber, t, tn } from './i18n';

/** "High", "Medium", "Low", "Good" (or "Good practice" where there is room). */
export function severityLabel(s: Severity, long = false): string {
  switch (s) {
    case 'high':
      return t('sevHigh');
    case 'medium':
      return t('sevMedium');
    case 'low':
      return t('sevLow');
    default:
      return long ? t('sevGoodPractice') : t('sevGood');
  }
}

export function severityLabels(long = false): Record<Severity, string> {
  return { high: severityLabel('high'), medium: severityLabel('medium'), low: severityLabel('low'), good: severityLabel('good', long) };
}

export function rarityLabelText(label: RarityLabel): string {
  switch (label) {
    case 'rare':
      return t('rarityRare');
    case 'uncommon':
      return t('rarityUncommon');
    case 'common':
      return t('rarityCommon');
    default:
      return t('rarityWidespread');
  }
}

/** "12 of 340 reviewed platforms (uncommon)" (the core's rarityText, localised). */
export function rarityPhrase(r: Rarity): string {
  return tn('rarityText', r.n, formatNumber(r.k), rarityLabelText(r.label));
}
