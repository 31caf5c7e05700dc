// Schema checks for everything that arrives by message: payloads come from pages we do not
// control (a content script runs inside them), so each field is checked before use.
import type { MessageName, PageClause, PageReport, Req } from '../messages';
import { SEVERITIES, type Severity } from '../core/types';
import { isCategoryId } from '../core/taxonomy';
import { isHistoryMessage, validateHistoryRequest } from './validate-history';

export class InvalidMessage extends Error {}

const MAX_TEXT = 2048;
const MAX_CLAUSES = 5000;

function obj(x: unknown, what: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new InvalidMessage(`${what} must be an object`);
  return x as Record<string, unknown>;
}
function str(x: unknown, what: string, max = MAX_TEXT): string {
  if (typeof x !== 'string') throw new InvalidMessage(`${what} must be a string`);
  if (x.length > max) throw new InvalidMessage(`${what} is too long`);
  return x;
}
function optStr(x: unknown, what: string, max = MAX_TEXT): string | undefined {
  return x === undefined ? undefined : str(x, what, max);
}
function int(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) throw new InvalidMessage(`${what} must be a non-negative integer`);
  return x;
}
function num(x: unknown, what: string, min: number, max: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < min || x > max) throw new InvalidMessage(`${what} must be a number in [${min}, ${max}]`);
  return x;
}
function httpUrl(x: unknown, what: string): string {
  const s = str(x, what, 8192);
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new InvalidMessage(`${what} is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new InvalidMessage(`${what} must be http(s)`);
  return s;
}
function severity(x: unknown, what: string): Severity {
  if (!SEVERITIES.includes(x as Severity)) throw new InvalidMessage(`${what} must be one of ${SEVERITIES.join(', ')}`);
  return x as Severity;
}

function clause(x: unknown, i: number): PageClause {
  const c = obj(x, `clauses[${i}]`);
  const category = str(c.category, `clauses[${i}].category`, 64);
  if (!isCategoryId(category)) throw new InvalidMessage(`clauses[${i}].category is not a known category`);
  const source = c.source;
  if (source !== 'kb' && source !== 'detector' && source !== 'rule') throw new InvalidMessage(`clauses[${i}].source is invalid`);
  const start = int(c.start, `clauses[${i}].start`);
  const end = int(c.end, `clauses[${i}].end`);
  if (end < start) throw new InvalidMessage(`clauses[${i}] ends before it starts`);
  return {
    id: str(c.id, `clauses[${i}].id`, 128),
    start,
    end,
    category,
    severity: severity(c.severity, `clauses[${i}].severity`),
    confidence: num(c.confidence, `clauses[${i}].confidence`, 0, 1),
    source,
    kbClauseId: optStr(c.kbClauseId, `clauses[${i}].kbClauseId`, 128),
    label: optStr(c.label, `clauses[${i}].label`, 512),
    excerpt: str(c.excerpt, `clauses[${i}].excerpt`, MAX_TEXT),
    anchored: c.anchored === undefined ? undefined : Boolean(c.anchored),
  };
}

/** A stored clause list (history import): the same checks as a page report's clauses. */
export function validateClauseList(x: unknown): PageClause[] {
  if (!Array.isArray(x) || x.length > MAX_CLAUSES) throw new InvalidMessage(`clauses must be a list of at most ${MAX_CLAUSES}`);
  return x.map(clause);
}

export function validatePageReport(x: unknown): PageReport {
  const r = obj(x, 'report');
  const det = obj(r.detection, 'report.detection');
  if (det.kind !== 'known' && det.kind !== 'heuristic') throw new InvalidMessage('report.detection.kind is invalid');
  const sha = str(r.sha256, 'report.sha256', 64);
  if (!/^[0-9a-f]{64}$/.test(sha)) throw new InvalidMessage('report.sha256 must be 64 hex digits');
  const readAt = str(r.readAt, 'report.readAt', 64);
  if (Number.isNaN(Date.parse(readAt))) throw new InvalidMessage('report.readAt is not a date');
  if (!Array.isArray(r.clauses) || r.clauses.length > MAX_CLAUSES) throw new InvalidMessage(`report.clauses must be a list of at most ${MAX_CLAUSES}`);
  return {
    url: httpUrl(r.url, 'report.url'),
    title: str(r.title, 'report.title', 1024),
    sha256: sha,
    readAt,
    textLength: int(r.textLength, 'report.textLength'),
    detection: { kind: det.kind, reason: str(det.reason, 'report.detection.reason', 256) },
    documentId: optStr(r.documentId, 'report.documentId', 256),
    platformId: optStr(r.platformId, 'report.platformId', 256),
    clauses: r.clauses.map(clause),
  };
}

function knownCategory(x: unknown, what: string): string {
  const c = str(x, what, 64);
  if (!isCategoryId(c)) throw new InvalidMessage(`${what} is not a known category`);
  return c;
}

/** Validates a request payload by message name; returns a clean copy. */
export function validateRequest<N extends MessageName>(name: N, payload: unknown): Req<N> {
  const p = obj(payload, 'payload');
  if (isHistoryMessage(name)) return validateHistoryRequest(name, p);
  switch (name) {
    case 'page/lookup':
      return { url: httpUrl(p.url, 'url') } as Req<N>;
    case 'kb/clauses':
      return { platformId: str(p.platformId, 'platformId', 256), documentId: optStr(p.documentId, 'documentId', 256) } as Req<N>;
    case 'kb/compare':
      return {
        category: str(p.category, 'category', 64),
        platformId: optStr(p.platformId, 'platformId', 256),
        limit: p.limit === undefined ? undefined : int(p.limit, 'limit'),
      } as Req<N>;
    case 'kb/status':
    case 'kb/update-check':
    case 'kb/update-status':
      return {} as Req<N>;
    case 'tab/analyse':
      return { tabId: int(p.tabId, 'tabId') } as Req<N>;
    case 'page/left':
      return {} as Req<N>;
    case 'page/report':
      return validatePageReport(p) as Req<N>;
    case 'tab/state':
      return { tabId: int(p.tabId, 'tabId') } as Req<N>;
    case 'tab/reveal':
      return { tabId: int(p.tabId, 'tabId'), clauseId: str(p.clauseId, 'clauseId', 128) } as Req<N>;
    case 'compare/stats': {
      if (!Array.isArray(p.categories) || p.categories.length > 64) throw new InvalidMessage('categories must be a list of at most 64');
      return { categories: p.categories.map((c, i) => knownCategory(c, `categories[${i}]`)) } as Req<N>;
    }
    case 'compare/platforms': {
      const limit = int(p.limit, 'limit');
      if (limit < 1 || limit > 50) throw new InvalidMessage('limit must be between 1 and 50');
      return {
        category: knownCategory(p.category, 'category'),
        platformId: optStr(p.platformId, 'platformId', 256),
        severity: p.severity === undefined ? undefined : severity(p.severity, 'severity'),
        offset: int(p.offset, 'offset'),
        limit,
      } as Req<N>;
    }
    case 'platform/search': {
      const limit = p.limit === undefined ? undefined : int(p.limit, 'limit');
      if (limit !== undefined && (limit < 1 || limit > 50)) throw new InvalidMessage('limit must be between 1 and 50');
      return { query: str(p.query, 'query', 200), limit } as Req<N>;
    }
    case 'platform/summary':
      return { platformId: str(p.platformId, 'platformId', 256) } as Req<N>;
    case 'compare/pair':
      return { a: str(p.a, 'a', 256), b: str(p.b, 'b', 256) } as Req<N>;
    default:
      throw new InvalidMessage(`unknown message ${String(name)}`);
  }
}
