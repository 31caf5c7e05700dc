// Platform search (core/platform-search.ts) over the real shipped knowledge base's platforms.
import { describe, expect, it } from 'vitest';
import { buildPlatformSearchIndex, isHostname, searchPlatforms } from '../../../src/core/platform-search';
import { clauseCounts, kb } from '../../fixtures/kb';

const counts = clauseCounts;

describe('platform search', () => {
  const index = buildPlatformSearchIndex(kb.platforms, counts);

  it('finds platforms by name or domain prefix, best reviewed first', () => {
    expect(searchPlatforms(index, 'goo')[0]).toMatchObject({ id: 'google', domain: 'google.com' });
    expect(searchPlatforms(index, 'FACEBOOK.COM')[0]?.id).toBe('facebook');
    expect(searchPlatforms(index, 'instag')[0]?.id).toBe('instagram');
    const amazon = searchPlatforms(index, 'amazon', 5);
    expect(amazon.map((h) => h.id)).toContain('amazonprimevideo');
    const face = searchPlatforms(index, 'face', 8).filter((h) => h.id !== 'facebook');
    expect(face.map((h) => h.reviewedClauses)).toEqual([...face.map((h) => h.reviewedClauses)].sort((a, b) => b - a));
    const top = searchPlatforms(index, '', 3);
    expect(top[0]!.reviewedClauses).toBe(Math.max(...counts.values()));
    expect(searchPlatforms(index, 'zzzzqqq')).toEqual([]);
  });

  it('skips malformed domains in the source data', () => {
    expect(isHostname('google.com')).toBe(true);
    expect(isHostname('https://play.google.com/store')).toBe(false);
    expect(isHostname('youtubekids.com/\\7')).toBe(false);
    for (const h of searchPlatforms(index, 'you', 20)) if (h.domain) expect(isHostname(h.domain)).toBe(true);
  });
});
