// The badge texts a page needs (lib/badge-texts.ts), looked up here once per worker: the page
// receives them with its lookup answer instead of loading the extension's messages itself.
import { CATEGORY_IDS } from '../core/category-ids';
import { SEVERITIES } from '../core/types';
import { t, uiLocale } from '../lib/i18n';
import { categoryTitle } from '../lib/category-text';
import { severityLabel } from '../lib/severity-text';
import { slot, type BadgeTexts } from '../lib/badge-texts';

let texts: BadgeTexts | null = null;

export function badgeTexts(): BadgeTexts {
  texts ??= {
    severity: Object.fromEntries(SEVERITIES.map((s) => [s, severityLabel(s)])) as BadgeTexts['severity'],
    categories: Object.fromEntries(CATEGORY_IDS.map((id) => [id, categoryTitle(id)])),
    detected: t('badgeDetected', slot(1)),
    reviewed: t('badgeReviewed'),
    aria: t('badgeAria', slot(1), slot(2), slot(3)),
    lang: uiLocale() ?? '',
  };
  return texts;
}
