// The SHA-256 that identifies a version of a document: computed over the normalised text, so
// whitespace and Unicode form do not make two reads of the same text look different.
// Uses WebCrypto (globalThis.crypto.subtle), which browsers and Node 20 both provide.

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export function normalizeForHash(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fingerprint(text: string): Promise<string> {
  return sha256Hex(normalizeForHash(text));
}
