// Payload checks for the version-history messages (called from validate.ts). The page text comes
// from a page we do not control: sizes are capped and every break offset checked.
import type { MessageName, Req } from '../messages';
import { InvalidMessage } from './validate';

export const MAX_VERSION_CHARS = 6_000_000;
export const MAX_BREAKS = 1_000_000;
export const MAX_IMPORT_CHARS = 60_000_000;
const SHA = /^[0-9a-f]{64}$/;

function sha(x: unknown, what: string): string {
  if (typeof x !== 'string' || !SHA.test(x)) throw new InvalidMessage(`${what} must be 64 hex digits`);
  return x;
}
function docKey(x: unknown): string {
  if (typeof x !== 'string' || x.length === 0 || x.length > 2048 || !/^(doc|url):/.test(x)) throw new InvalidMessage('docKey must be "doc:…" or "url:…"');
  return x;
}
function optSha(x: unknown, what: string): string | undefined {
  return x === undefined ? undefined : sha(x, what);
}

export const HISTORY_MESSAGES = ['version/check', 'version/store', 'history/open', 'history/view', 'history/pin', 'history/list', 'history/export', 'history/import', 'history/delete', 'history/settings'] as const;
export type HistoryMessage = (typeof HISTORY_MESSAGES)[number];

export function isHistoryMessage(name: string): name is HistoryMessage {
  return (HISTORY_MESSAGES as readonly string[]).includes(name);
}

export function validateHistoryRequest<N extends MessageName>(name: N, p: Record<string, unknown>): Req<N> {
  switch (name) {
    case 'version/check': {
      if (typeof p.visitId !== 'number' || !Number.isInteger(p.visitId) || p.visitId < 0) throw new InvalidMessage('visitId must be a non-negative integer');
      return { visitId: p.visitId, sha256: sha(p.sha256, 'sha256') } as Req<N>;
    }
    case 'version/store': {
      if (typeof p.text !== 'string') throw new InvalidMessage('text must be a string');
      if (p.text.length > MAX_VERSION_CHARS) throw new InvalidMessage(`text is too long (over ${MAX_VERSION_CHARS} characters): this version is not kept`);
      const text = p.text;
      if (!Array.isArray(p.hardBreaks) || p.hardBreaks.length > MAX_BREAKS) throw new InvalidMessage(`hardBreaks must be a list of at most ${MAX_BREAKS}`);
      const hardBreaks = p.hardBreaks.map((b, i) => {
        if (typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > text.length) throw new InvalidMessage(`hardBreaks[${i}] must be an offset into the text`);
        return b;
      });
      if (typeof p.visitId !== 'number' || !Number.isInteger(p.visitId) || p.visitId < 0) throw new InvalidMessage('visitId must be a non-negative integer');
      return { sha256: sha(p.sha256, 'sha256'), visitId: p.visitId, text, hardBreaks } as Req<N>;
    }
    case 'history/open':
    case 'history/list':
    case 'history/export':
      return {} as Req<N>;
    case 'history/view':
      return { docKey: docKey(p.docKey), from: optSha(p.from, 'from'), to: optSha(p.to, 'to') } as Req<N>;
    case 'history/pin':
      return { docKey: docKey(p.docKey), sha256: p.sha256 === null ? null : sha(p.sha256, 'sha256') } as Req<N>;
    case 'history/import':
      if (typeof p.json !== 'string') throw new InvalidMessage('json must be a string');
      if (p.json.length > MAX_IMPORT_CHARS) throw new InvalidMessage(`the file is too large (over ${MAX_IMPORT_CHARS / 1e6} M characters)`);
      return { json: p.json } as Req<N>;
    case 'history/delete':
      return { docKey: p.docKey === undefined ? undefined : docKey(p.docKey) } as Req<N>;
    case 'history/settings': {
      if (p.maxBytes !== undefined && (typeof p.maxBytes !== 'number' || !Number.isInteger(p.maxBytes) || p.maxBytes <= 0)) throw new InvalidMessage('maxBytes must be a positive integer');
      return { maxBytes: p.maxBytes as number | undefined } as Req<N>;
    }
    default:
      throw new InvalidMessage(`unknown message ${String(name)}`);
  }
}
