import { describe, expect, it } from 'vitest';
import { FeatureTable } from '../../../src/core/detect-model';

describe('FeatureTable (feature bucket → row offset)', () => {
  it('finds every bucket it was built from, at its row offset, and no other', () => {
    // Buckets of a 20-bit feature space, many sharing low bits so that slots collide.
    const buckets = Array.from({ length: 5000 }, (_, i) => ((i * 40503) % (1 << 20)) ^ ((i & 7) << 17));
    const unique = [...new Set(buckets)];
    const t = new FeatureTable(unique, 16);
    expect(t.size).toBe(unique.length);
    unique.forEach((b, i) => expect(t.get(b)).toBe(i * 16));
    const present = new Set(unique);
    for (let b = 0; b < 1 << 20; b += 97) if (!present.has(b)) expect(t.get(b)).toBe(-1);
    // Bucket 0 is a real bucket, not the empty mark.
    expect(new FeatureTable([0, 5], 3).get(0)).toBe(0);
    expect(new FeatureTable([5], 3).get(0)).toBe(-1);
  });
});
