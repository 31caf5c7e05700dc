// The one typed protocol between the extension's parts: message name → request → response.
// Content scripts and extension pages send requests to the background; the background sends
// `content/*` requests to a tab's content script. Every payload is validated on arrival
// (src/background/validate.ts): nothing from a page is trusted.

import type { FoundClause, Severity } from './core/types';
import type { KbDocument, KnownClause, Platform, CategoryStat } from './kb/schema';

/** A clause as the content script reports it: the found clause plus its excerpt from the page. */
export interface PageClause extends FoundClause {
  excerpt: string;
  /** For `kb` clauses: whether the reviewed quote was located in the live page. */
  anchored?: boolean;
}

export interface PageMatch {
  platform: Platform;
  document: KbDocument;
}

/** What the content script learned about a page, recorded by the background as a visit. */
export interface PageReport {
  url: string;
  title: string;
  /** SHA-256 (hex) of the normalised page text. */
  sha256: string;
  /** ISO time the text was read. */
  readAt: string;
  textLength: number;
  /** Why the page was taken for a policy (known document or heuristics). */
  detection: { kind: 'known' | 'heuristic'; reason: string };
  documentId?: string;
  platformId?: string;
  clauses: PageClause[];
}

export interface Visit extends PageReport {
  id?: number;
}

export interface TabState {
  tabId: number;
  visit: Visit;
  platform?: Platform;
  document?: KbDocument;
  counts: Record<Severity, number>;
}

export interface KbStatus {
  state: 'empty' | 'loading' | 'ready' | 'error';
  version?: string;
  contentHash?: string;
  loadedAt?: string;
  counts?: { platforms: number; documents: number; clauses: number };
  error?: string;
}

export interface CategoryComparison {
  stat: CategoryStat | null;
  /** Other platforms' entries with their clause, best practice first, then most severe. */
  others: { platform: Platform; clause: KnownClause }[];
}

export interface Protocol {
  /** Is this URL a known policy document? (content loader, before loading the annotator) */
  'page/lookup': { req: { url: string }; res: { match: PageMatch | null } };
  /** Reviewed clauses of a platform (all its documents, newest first). */
  'kb/clauses': { req: { platformId: string; documentId?: string }; res: { clauses: KnownClause[] } };
  /** How other platforms handle a category. */
  'kb/compare': { req: { category: string; platformId?: string; limit?: number }; res: CategoryComparison };
  'kb/status': { req: Record<string, never>; res: KbStatus };
  /** The content script finished analysing its page. */
  'page/report': { req: PageReport; res: { visitId: number } };
  /** Popup: the state of a tab (from IndexedDB). */
  'tab/state': { req: { tabId: number }; res: { state: TabState | null } };
  /** Popup: scroll the tab's page to a clause and open its panel. */
  'tab/reveal': { req: { tabId: number; clauseId: string }; res: { ok: boolean } };
  /** Background → content script. */
  'content/reveal': { req: { clauseId: string }; res: { ok: boolean } };
}

export type MessageName = keyof Protocol;
export type Req<N extends MessageName> = Protocol[N]['req'];
export type Res<N extends MessageName> = Protocol[N]['res'];

export interface Envelope<N extends MessageName = MessageName> {
  clausemark: 1;
  name: N;
  payload: Req<N>;
}

/** Answer shape on the wire: errors travel as values so the sender gets a clear message. */
export type Reply<N extends MessageName> = { ok: true; value: Res<N> } | { ok: false; error: string };

export function envelope<N extends MessageName>(name: N, payload: Req<N>): Envelope<N> {
  return { clausemark: 1, name, payload };
}

export function isEnvelope(x: unknown): x is Envelope {
  return typeof x === 'object' && x !== null && (x as { clausemark?: unknown }).clausemark === 1 && typeof (x as { name?: unknown }).name === 'string';
}
