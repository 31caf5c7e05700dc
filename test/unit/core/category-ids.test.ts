import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../../src/core/category-ids';
import { CATEGORIES } from '../../../src/core/taxonomy';

describe('category ids for the content loader', () => {
  it('are exactly the taxonomy ids, in order', () => {
    expect([...CATEGORY_IDS]).toEqual(CATEGORIES.map((c) => c.id));
  });
});
