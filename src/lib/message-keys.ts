// Names of the messages generated from the taxonomy (scripts/i18n-sync.ts writes them, the UI
// reads them through category-text.ts). No imports: the sync script runs it in Node.

/** "data-sale" → "data_sale": message names allow letters, digits and underscores only. */
export const keyPart = (id: string): string => id.replace(/-/g, '_');

export type CategoryField = 'title' | 'meaning' | 'why' | 'impact' | 'says' | 'says_good';

export const categoryKey = (id: string, field: CategoryField): string => `cat_${keyPart(id)}_${field}`;
export const regulationNoteKey = (categoryId: string, regulation: string): string => `cat_${keyPart(categoryId)}_reg_${keyPart(regulation)}`;
export const regulationShortKey = (regulation: string): string => `reg_${keyPart(regulation)}_short`;

/** Whether a message name is one the sync script owns (every other key is written by hand). */
export const isGeneratedKey = (key: string): boolean => key.startsWith('cat_') || key.startsWith('reg_');
