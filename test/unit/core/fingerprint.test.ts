import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { fingerprint, normalizeForHash, sha256Hex } from '../../../src/core/fingerprint';

describe('fingerprint', () => {
  it('is the SHA-256 of the normalised text (checked against node:crypto)', async () => {
    const text = '  Privacy\u00a0Policy \n\n We collect\u200b data. ';
    const norm = normalizeForHash(text);
    expect(norm).toBe('Privacy Policy We collect data.');
    expect(await fingerprint(text)).toBe(createHash('sha256').update(norm, 'utf8').digest('hex'));
  });

  it('ignores whitespace and Unicode form, but not wording', async () => {
    const a = await fingerprint('Caf\u00e9 terms\n apply.');
    expect(await fingerprint('Cafe\u0301   terms apply.')).toBe(a);
    expect(await fingerprint('Café terms applied.')).not.toBe(a);
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
