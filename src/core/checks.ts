// Pure field checks for everything that crosses a trust boundary: message payloads (a content
// script runs inside pages we do not control), history imports and stored records read back.
// One set, used by the background's validators and by storage, so a rule is written once.
import { SEVERITIES, type Severity } from './types';
import { isCategoryId } from './taxonomy';

/** A value failed a check; the message names the field and the rule. */
export class InvalidInput extends Error {}

export const MAX_TEXT = 2048;
const SHA = /^[0-9a-f]{64}$/;

export function obj(x: unknown, what: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new InvalidInput(`${what} must be an object`);
  return x as Record<string, unknown>;
}
export function str(x: unknown, what: string, max = MAX_TEXT): string {
  if (typeof x !== 'string') throw new InvalidInput(`${what} must be a string`);
  if (x.length > max) throw new InvalidInput(`${what} is too long (over ${max} characters)`);
  return x;
}
export function optStr(x: unknown, what: string, max = MAX_TEXT): string | undefined {
  return x === undefined ? undefined : str(x, what, max);
}
export function int(x: unknown, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
    throw new InvalidInput(min === 0 && max === Number.MAX_SAFE_INTEGER ? `${what} must be a non-negative integer` : `${what} must be an integer between ${min} and ${max}`);
  }
  return x;
}
export function optInt(x: unknown, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  return x === undefined ? undefined : int(x, what, min, max);
}
export function num(x: unknown, what: string, min: number, max: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < min || x > max) throw new InvalidInput(`${what} must be a number in [${min}, ${max}]`);
  return x;
}
export function list(x: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(x) || x.length > max) throw new InvalidInput(`${what} must be a list of at most ${max}`);
  return x;
}
export function sha(x: unknown, what: string): string {
  if (typeof x !== 'string' || !SHA.test(x)) throw new InvalidInput(`${what} must be a SHA-256 (64 hex digits)`);
  return x;
}
export function optSha(x: unknown, what: string): string | undefined {
  return x === undefined ? undefined : sha(x, what);
}
export function date(x: unknown, what: string): string {
  const s = str(x, what, 64);
  if (Number.isNaN(Date.parse(s))) throw new InvalidInput(`${what} is not a date`);
  return s;
}
export function optDate(x: unknown, what: string): string | undefined {
  return x === undefined ? undefined : date(x, what);
}
/** An absolute http(s) URL: anything else (javascript:, data:, relative) is refused. */
export function httpUrl(x: unknown, what: string, max = 8192): string {
  const s = str(x, what, max);
  if (!isHttpUrl(s)) throw new InvalidInput(`${what} must be an http(s) URL`);
  return s;
}
export function optHttpUrl(x: unknown, what: string, max = 8192): string | undefined {
  return x === undefined ? undefined : httpUrl(x, what, max);
}
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
export function severity(x: unknown, what: string): Severity {
  if (!SEVERITIES.includes(x as Severity)) throw new InvalidInput(`${what} must be one of ${SEVERITIES.join(', ')}`);
  return x as Severity;
}
export function category(x: unknown, what: string): string {
  const c = str(x, what, 64);
  if (!isCategoryId(c)) throw new InvalidInput(`${what} is not a known category`);
  return c;
}
/** A history document key (core/history-keys.ts): `doc:…` or `url:…`. */
export function docKey(x: unknown, what = 'docKey'): string {
  if (typeof x !== 'string' || x.length === 0 || x.length > 2048 || !/^(doc|url):/.test(x)) throw new InvalidInput(`${what} must be "doc:…" or "url:…"`);
  return x;
}
export function empty(x: unknown, what = 'payload'): Record<string, never> {
  obj(x, what);
  return {};
}
