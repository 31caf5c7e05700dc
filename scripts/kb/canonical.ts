// Canonical JSON (object keys sorted, no whitespace) and its SHA-256: the content hash must not
// depend on key insertion order or formatting.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Hash of everything in the KB except the hash itself. */
export function kbContentHash(kb: { contentHash?: string } & Record<string, unknown>): string {
  const { contentHash: _ignored, ...content } = kb;
  return sha256(canonicalJson(content));
}
