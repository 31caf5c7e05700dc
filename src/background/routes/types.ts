// The shape of a background route: who may send the message, how its payload is checked, and
// what answers it. Each feature has one table of routes (page.ts, kb.ts, compare.ts, history.ts);
// index.ts merges them under a mapped type over every message name, so a message without a
// route, or a route without a message, does not compile.
import type { BadgeTexts } from '../../lib/badge-texts';
import type { BackgroundMessage, Req, Res } from '../../messages';
import type { Severity } from '../../core/types';
import type { Db } from '../../storage/db';
import type { VersionChange } from '../../history-messages';
import type { KbService } from '../kb-service';
import type { KbUpdater } from '../kb-update';
import type { FollowService } from '../follow-service';

/** What the browser says about who sent a message (runtime.MessageSender, the fields used). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** Content scripts run in web pages; extension pages are ours. */
export type Who = 'content' | 'extension-page';

/** A content script's page, as the browser reports it: the only source of a page's address. */
export interface SenderPage {
  tabId: number;
  frameId: number;
  /** The sending frame's address (sender.url), without the #fragment. */
  url: string;
  origin: string;
}

export interface HandlerDeps {
  extensionId: string;
  extensionOrigin: string;
  db: () => Promise<Db>;
  kb: KbService;
  /** The update feed (absent in tests that do not need it). */
  updates?: Pick<KbUpdater, 'check' | 'last' | 'setFeed'>;
  /** The update feed address the user set, or null. */
  feedUrl?(): Promise<string | null>;
  tabVisits: {
    get(tabId: number): Promise<number | undefined>;
    set(tabId: number, visitId: number, frameId?: number): Promise<void>;
    /** The frame whose visit the tab shows (0 = top frame). */
    frame?(tabId: number): Promise<number | undefined>;
    clear?(tabId: number): Promise<void>;
  };
  revealInTab(tabId: number, clauseId: string): Promise<boolean>;
  analyseTab?(tabId: number): Promise<boolean>;
  /** Puts the loader into a frame whose sentinel asked (page/inject). */
  injectLoader?(tabId: number, frameId: number): Promise<void>;
  /** Puts the annotator into a frame whose loader asked (page/annotator). */
  injectAnnotator?(tabId: number, frameId: number): Promise<void>;
  setBadge?(tabId: number, counts: Record<Severity, number>): Promise<void>;
  /** Marks the toolbar icon of a tab: "changed since you last read it". */
  markChanged?(tabId: number, change: VersionChange): Promise<void>;
  /** Opens the popup's History view for a tab in a new tab. */
  openHistory?(tabId: number): Promise<boolean>;
  /** Opens a popup view for a tab in a new tab beside it (`?tab=<id>&view=<view>&<params>`). */
  openView?(tabId: number, view: string, params: Record<string, string>): Promise<boolean>;
  /** Followed documents (absent in tests that do not need them). */
  follow?: FollowService;
  /** Opens Options where the user allows reading a page the clause panel asked to follow. */
  openFollowConfirm?(): Promise<void>;
  /** Makes sure the analysis host is open before a page analyses (background/analysis-host.ts). */
  ensureAnalysisHost?(): Promise<void>;
  /** The badge texts sent with a page's lookup (background/badge-texts.ts; absent in tests). */
  badgeTexts?(): BadgeTexts;
}

export interface Context {
  deps: HandlerDeps;
  who: Who;
  /** Set for content scripts (from the browser's sender record, never from the payload). */
  page: SenderPage | null;
}

export interface Route<N extends BackgroundMessage> {
  from: readonly Who[];
  /** Checks an untrusted payload (already known to be an object) and returns a clean copy. */
  validate(payload: Record<string, unknown>): Req<N>;
  handle(req: Req<N>, ctx: Context): Promise<Res<N>>;
}

/** The routes of a set of messages: exactly one per name. */
export type Routes<K extends BackgroundMessage> = { [N in K]: Route<N> };

/** The content script's page, for routes only content scripts may call. */
export function senderPage(ctx: Context): SenderPage {
  if (!ctx.page) throw new Error('this message needs a page');
  return ctx.page;
}
