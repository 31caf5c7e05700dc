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

// A page served over plain http is not a secure context: the browser gives it no crypto.subtle.
// Firefox analyses in the page (no analysis host), so its fingerprint must not depend on it.
describe('fingerprint without crypto.subtle (a plain-http page in Firefox)', () => {
  const withoutSubtle = async <T>(run: () => Promise<T>): Promise<T> => {
    const real = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: { getRandomValues: (a: Uint8Array) => a }, configurable: true, writable: true });
    try {
      return await run();
    } finally {
      if (real) Object.defineProperty(globalThis, 'crypto', real);
    }
  };

  it('gives the same SHA-256 as node:crypto, across block boundaries and non-ASCII text', async () => {
    const texts = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'b'.repeat(63), 'c'.repeat(64), 'd'.repeat(119), 'Café — Datenschutzerklärung ✓ '.repeat(400)];
    const got = await withoutSubtle(() => Promise.all(texts.map((t) => sha256Hex(t))));
    expect(got).toEqual(texts.map((t) => createHash('sha256').update(t, 'utf8').digest('hex')));
  });

  it('fingerprints a policy-sized text the same with or without subtle', async () => {
    const text = 'We collect   personal data\u200b and share it with third parties. '.repeat(20_000);
    const withSubtle = await fingerprint(text);
    expect(await withoutSubtle(() => fingerprint(text))).toBe(withSubtle);
  });
});
