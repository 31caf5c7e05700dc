// A Bloom filter of the hosts the knowledge base knows policies on, so the content script on an
// ordinary page can tell "certainly not a known host" without waking the background. False
// positives (about 1%) only cost the lookup message that every page used to send; there are no
// false negatives.

export interface Bloom {
  /** Number of bits. */
  m: number;
  /** Number of hash functions. */
  k: number;
  /** The bits, base64. */
  bits: string;
}

function hashes(item: string): [number, number] {
  // Two 32-bit FNV-1a variants; the k positions are h1 + i·h2 (Kirsch–Mitzenmacher).
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < item.length; i++) {
    const c = item.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return [h1 >>> 0, (h2 | 1) >>> 0];
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i] as number);
  return btoa(s);
}

export function createBloom(items: Iterable<string>, bitsPerItem = 10): Bloom {
  const list = [...new Set(items)].sort();
  const m = Math.max(64, Math.ceil(list.length * bitsPerItem / 8) * 8);
  const k = Math.max(1, Math.round((m / Math.max(1, list.length)) * Math.LN2));
  const bytes = new Uint8Array(m / 8);
  for (const item of list) {
    const [h1, h2] = hashes(item);
    for (let i = 0; i < k; i++) {
      const bit = (h1 + i * h2) % m;
      bytes[bit >>> 3] = (bytes[bit >>> 3] as number) | (1 << (bit & 7));
    }
  }
  return { m, k, bits: toBase64(bytes) };
}

/** A membership test over a serialised filter; the bits are decoded once, on first use, into a
 * string whose characters are the bytes (no array is built: this runs on every page). */
export function bloomTester(bloom: Bloom): (item: string) => boolean {
  let bytes: string | null = null;
  return (item) => {
    bytes ??= atob(bloom.bits);
    const [h1, h2] = hashes(item);
    for (let i = 0; i < bloom.k; i++) {
      const bit = (h1 + i * h2) % bloom.m;
      if ((bytes.charCodeAt(bit >>> 3) & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  };
}
