// The taxonomy's category ids alone, for code on every page (settings checks in the content
// loader) that must not carry the taxonomy's texts (~20 KB). A unit test keeps it equal to
// CATEGORIES in taxonomy.ts.
export const CATEGORY_IDS: readonly string[] = [
  'ai-training', 'data-sale', 'data-sharing', 'retention', 'tracking', 'targeted-advertising', 'marketing',
  'data-collection', 'sensitive-data', 'childrens-data', 'government-access', 'international-transfer',
  'automated-decisions', 'user-rights', 'security', 'content-license', 'content-removal', 'unilateral-change',
  'unilateral-termination', 'limitation-of-liability', 'indemnification', 'arbitration', 'class-action-waiver',
  'jurisdiction', 'choice-of-law', 'contract-by-using', 'acceptable-use', 'payments', 'transparency',
];
