// Category and regulation texts in the user's language. src/core/taxonomy.ts stays the English
// source of truth; `npm run i18n:sync` copies it into the English messages (cat_*, reg_* keys)
// and the German and French files translate them. Whatever the browser lacks falls back to the
// taxonomy's English.
import { getCategory, REGULATIONS, type Category, type RegulationId, type RegulationRef } from '../core/taxonomy';
import { tMaybe } from './i18n';
import { categoryKey, regulationNoteKey, regulationShortKey } from './message-keys';

export interface CategoryText {
  title: string;
  meaning: string;
  whyItMatters: string;
  consumerImpact: string;
}

/** The category's title; an unknown id is shown as is. */
export function categoryTitle(id: string): string {
  return tMaybe(categoryKey(id, 'title')) || getCategory(id)?.title || id;
}

export function categoryText(id: string): CategoryText | undefined {
  const c: Category | undefined = getCategory(id);
  if (!c) return undefined;
  return {
    title: tMaybe(categoryKey(id, 'title')) || c.title,
    meaning: tMaybe(categoryKey(id, 'meaning')) || c.meaning,
    whyItMatters: tMaybe(categoryKey(id, 'why')) || c.whyItMatters,
    consumerImpact: tMaybe(categoryKey(id, 'impact')) || c.consumerImpact,
  };
}

export interface RegulationText {
  regulation: RegulationId;
  short: string;
  provision: string;
  note: string;
  url: string;
}

/** The regulations that may bear on a category, with their notes in the user's language. */
export function categoryRegulations(id: string): RegulationText[] {
  return (getCategory(id)?.regulations ?? []).map((r: RegulationRef) => ({
    regulation: r.regulation,
    short: regulationShort(r.regulation),
    provision: r.provision,
    note: tMaybe(regulationNoteKey(id, r.regulation)) || r.note,
    url: REGULATIONS[r.regulation].url,
  }));
}

export function regulationShort(id: RegulationId): string {
  return tMaybe(regulationShortKey(id)) || REGULATIONS[id].short;
}
