// The one typed protocol between the extension's parts: message name → request → response.
// Content scripts and extension pages send requests to the background; the background sends
// `content/*` requests to a tab's content script. Every payload is validated on arrival by its
// route (src/background/routes/): nothing from a page is trusted. Records that are stored live
// below this file (src/storage, src/core); it only names them.

import type { Severity } from './core/types';
import type { BadgeTexts } from './lib/badge-texts';
import type { PageClause } from './core/page-clause';
import type { KbStatus, PageReading, Visit } from './storage/records';
import type { KbDocument, KnownClause, Platform, CategoryStat } from './kb/schema';
import type { UpdateCheck } from './kb/update';
import type { GradeSummary } from './core/compare-grade';
import type { PairRow } from './core/compare-pair';
import type { SeverityCounts } from './core/compare-rarity';
import type { PlatformHit } from './core/platform-search';
import type { Seen } from './core/record';
import type { HistoryGlance, HistoryListing, HistorySettings, HistoryViewData, TrackedDocument, VersionAck, VersionStoreReq } from './history-messages';
import type { FollowedDocument, FollowSettings } from './storage/follow-types';

export type { FollowedDocument, FollowSettings };

/** Options › Followed documents. */
export interface FollowListing {
  documents: FollowedDocument[];
  settings: FollowSettings;
  max: number;
}

export type { KbStatus, PageClause, PageReading, Visit };

export interface PageMatch {
  platform: Platform;
  document: KbDocument;
}

export interface TabState {
  tabId: number;
  visit: Visit;
  platform?: Platform;
  document?: KbDocument;
  counts: Record<Severity, number>;
}

export interface CategoryComparison {
  stat: CategoryStat | null;
  /** Other platforms' entries with their clause, best practice first, then most severe. */
  others: { platform: Platform; clause: KnownClause; /** The clause's document (or the platform's first policy). */ url?: string }[];
}

/** A platform as listed in comparisons. */
export interface PlatformBrief {
  id: string;
  name: string;
  domain?: string;
  reviewedClauses: number;
  otaTracked: boolean;
  tosdrGrade?: string;
}

export interface CategoryDistribution {
  category: string;
  platformsWith: number;
  platformsReviewed: number;
  distribution: SeverityCounts;
}

export interface ComparedPlatform {
  platform: PlatformBrief;
  severity: Severity;
  clause: { id: string; caseTitle: string; quote: string; pointUrl: string };
  /** The clause's document, or the platform's first privacy/terms document. */
  url?: string;
}

export interface PlatformDocumentInfo {
  id: string;
  termsType: string;
  url?: string;
  /** Date of the latest archived version (KbDocument.latest.date). */
  latestDate?: string;
  /** Date of the last recorded change in the document's history. */
  lastChange?: string;
  changes: number;
  clauses: number;
}

export interface PlatformSummary {
  platform: PlatformBrief & { domains: string[] };
  grade: GradeSummary;
  documents: PlatformDocumentInfo[];
  /** Reviewed clauses, most severe first (quotes cleaned of HTML remnants). */
  clauses: (Pick<KnownClause, 'id' | 'category' | 'severity' | 'caseTitle' | 'quote' | 'pointUrl'> & { url?: string })[];
}

export interface PlatformPair {
  a: PlatformBrief;
  b: PlatformBrief;
  rows: PairRow[];
}

/** Requests the background answers (routes in src/background/routes/). */
export interface BackgroundProtocol {
  /** Is the sender's page a known policy document? (content loader, before loading the annotator)
   * The address is the browser's record of the sender, never a payload field. */
  'page/lookup': { req: Record<string, never>; res: { match: PageMatch | null; texts?: BadgeTexts } };
  /** The loader: put the annotator into this frame (content/load-annotator.ts); answered once it ran. */
  'page/annotator': { req: Record<string, never>; res: { ok: boolean } };
  /** The sentinel (content/sentinel.ts): this frame may hold a policy; put the loader in. */
  'page/inject': { req: Record<string, never>; res: { ok: boolean } };
  /** Reviewed clauses of a platform (all its documents, newest first). */
  'kb/clauses': { req: { platformId: string; documentId?: string }; res: { clauses: KnownClause[] } };
  /** How other platforms handle a category. */
  'kb/compare': { req: { category: string; platformId?: string; limit?: number }; res: CategoryComparison };
  'kb/status': { req: Record<string, never>; res: KbStatus };
  /** Options: check the update feed now (docs/knowledge-base.md, "Update feed"). */
  'kb/update-check': { req: Record<string, never>; res: UpdateCheck };
  /** Options: set the feed address (after the user granted its host permission), or turn updates
   * off (null: the shipped knowledge base is restored). */
  'kb/feed-set': { req: { url: string | null }; res: { feedUrl: string | null; status: KbStatus } };
  /** Options: the feed address, the last check's result and the installed knowledge base. */
  'kb/update-status': { req: Record<string, never>; res: { feedUrl: string | null; last: UpdateCheck | null; status: KbStatus } };
  /** The content script finished analysing its page (the page is named by the sender). */
  'page/report': { req: PageReading; res: { visitId: number } };
  /** The content script's page went away (single-page navigation): forget the tab's state. */
  'page/left': { req: Record<string, never>; res: { ok: boolean } };
  /** Popup: the state of a tab (from IndexedDB). */
  'tab/state': { req: { tabId: number }; res: { state: TabState | null } };
  /** Popup: scroll the tab's page to a clause and open its panel. */
  'tab/reveal': { req: { tabId: number; clauseId: string }; res: { ok: boolean } };
  /** Popup: analyse the tab's page now ("only when I click" mode, or a page not taken for a policy). */
  'tab/analyse': { req: { tabId: number }; res: { started: boolean } };
  /** Popup Compare view: the distribution across reviewed platforms of each category. */
  'compare/stats': { req: { categories: string[] }; res: { stats: CategoryDistribution[] } };
  /** Popup Compare view: one page of the platforms reviewed for a category. */
  'compare/platforms': { req: { category: string; platformId?: string; severity?: Severity; offset: number; limit: number }; res: { total: number; rows: ComparedPlatform[] } };
  /** Find platforms by name or domain (prefix), best reviewed first. */
  'platform/search': { req: { query: string; limit?: number }; res: { hits: PlatformHit[] } };
  /** A platform's grade-like summary, documents and reviewed clauses. */
  'platform/summary': { req: { platformId: string }; res: { summary: PlatformSummary | null } };
  /** Two platforms' reviewed clauses aligned by category. */
  'compare/pair': { req: { a: string; b: string }; res: PlatformPair };
  // Version history (docs/history.md).
  /** Content, once the page has settled after page/report: record this reading of the page's version. */
  'version/check': { req: { visitId: number; sha256: string }; res: VersionAck };
  /** Content: the text of a version the background does not have yet (after version/check). */
  'version/store': { req: VersionStoreReq; res: VersionAck };
  /** Content: open the History view of the sender's tab (from the change notice). */
  'history/open': { req: Record<string, never>; res: { ok: boolean } };
  /** Popup: a document's versions, the diff between two of them, clause changes, archive timeline. */
  'history/view': { req: { docKey: string; from?: string; to?: string }; res: HistoryViewData };
  /** Popup's first view: the document's last real change and what it changed for the user. */
  'history/glance': { req: { docKey: string }; res: HistoryGlance };
  /** Popup: pin "the version I agreed to" (null unpins). */
  'history/pin': { req: { docKey: string; sha256: string | null }; res: { tracked: TrackedDocument } };
  /** Options: tracked documents and sizes. */
  'history/list': { req: Record<string, never>; res: HistoryListing };
  'history/export': { req: Record<string, never>; res: { json: string } };
  /** Options: import an export (checked in full; all or nothing). */
  'history/import': { req: { json: string }; res: { documents: number; versions: number } };
  /** Options: delete one document's history, or all of it when docKey is absent. */
  'history/delete': { req: { docKey?: string }; res: { deleted: number } };
  /** Options: read or set the size cap (pruning oldest first). */
  'history/settings': { req: { maxBytes?: number }; res: { settings: HistorySettings; totalBytes: number; removed: number } };
  // Citations and the panel's way into the popup (routes/report.ts).
  /** Panel and report: for each clause text, when the user's own readings of the document first
   * showed it and last confirmed it (visits and stored versions; null when none did). A content
   * script asks about its own page (named by the sender); an extension page about a tab's page. */
  'record/seen': { req: { tabId?: number; texts: string[] }; res: { seen: (Seen | null)[] } };
  /** Panel ("See all platforms with this clause type"): open the popup's Compare view of the
   * sender's tab, filtered to one category. Only for a tab whose page Clausemark analysed. */
  'panel/open-compare': { req: { category: string }; res: { ok: boolean } };
  // Followed documents (docs/history.md, "Followed documents").
  /** Follow a document and check it once. Extension pages name it (`url`, after the user granted
   * its host permission in the click), or the popup names its tab (`tabId`: the address of the
   * tab's analysed page); from the clause panel the page is the sender's, never a payload field.
   * `needsPermission`: the panel's page is not readable yet; Options opened to ask the user. */
  'follow/add': { req: { url?: string; tabId?: number }; res: { followed: FollowedDocument | null; needsPermission?: string } };
  /** Is this document followed? (the panel: the sender's page; the popup: a tab's page) */
  'follow/status': { req: { tabId?: number }; res: { followed: boolean; url: string | null; count: number; max: number } };
  /** Options: stop following (the host permission is given back unless another document needs it). */
  'follow/remove': { req: { url: string }; res: { removed: boolean; permissionReleased: boolean } };
  /** Options: the followed documents and the schedule. */
  'follow/list': { req: Record<string, never>; res: FollowListing };
  /** Options: check one document now, or all of them. */
  'follow/check': { req: { url?: string }; res: { documents: FollowedDocument[] } };
  /** Options: read or set how often followed documents are checked. */
  'follow/settings': { req: { intervalHours?: number }; res: { settings: FollowSettings } };
  /** Options or popup: the user has seen the changes (the toolbar mark goes). */
  'follow/seen': { req: Record<string, never>; res: { ok: boolean } };
  /** Options: the address the panel asked to follow (needs the user's permission), if any. */
  'follow/pending': { req: Record<string, never>; res: { url: string | null } };
}

/** Requests the background sends to a tab's content script. */
export interface ContentProtocol {
  /** Analyse this page now. */
  'content/analyse': { req: Record<string, never>; res: { started: boolean } };
  'content/reveal': { req: { clauseId: string }; res: { ok: boolean } };
  /** Explain the selected text (context menu). */
  'content/explain': { req: { text: string }; res: { found: number } };
}

export type Protocol = BackgroundProtocol & ContentProtocol;
export type BackgroundMessage = keyof BackgroundProtocol;
export type ContentMessage = keyof ContentProtocol;

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
