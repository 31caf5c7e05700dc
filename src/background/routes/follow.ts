// Routes of followed documents (docs/history.md, "Followed documents"). Extension pages (popup,
// Options) may name an address; a content script (the clause panel) may only follow its own page,
// whose address is the browser's record of the sender, never a payload field.
import type { BackgroundMessage } from '../../messages';
import { InvalidInput, empty, optInt, str } from '../../core/checks';
import { FollowAddressError, followAddress } from '../../core/follow';
import { getVisit } from '../../storage/visits';
import { FOLLOW_INTERVALS, type FollowInterval } from '../../storage/follow';
import { FollowNeedsPermission } from '../follow-service';
import { senderPage, type Context, type Routes } from './types';

export type FollowMessage = Extract<BackgroundMessage, `follow/${string}`>;

const PENDING_KEY = 'followPending';
/** A follow asked from a page waits this long for the user to allow it in Options. */
const PENDING_MS = 15 * 60 * 1000;

function address(raw: string, dropQuery = false): string {
  try {
    return followAddress(raw, { dropQuery }).href;
  } catch (err) {
    if (err instanceof FollowAddressError) throw new InvalidInput(err.message);
    throw err;
  }
}

function service(ctx: Context) {
  if (!ctx.deps.follow) throw new Error('following documents is not available');
  return ctx.deps.follow;
}

/** The document a request is about: the sender's page for a content script (nothing in the
 * payload), else the address given or the analysed page of the tab named. */
async function target(req: { url?: string; tabId?: number }, ctx: Context): Promise<{ url: string; title?: string } | null> {
  if (ctx.who === 'content') {
    if (req.url !== undefined || req.tabId !== undefined) throw new InvalidInput('a page cannot name the document to follow');
    return { url: address(senderPage(ctx).url, true) };
  }
  if (req.url !== undefined) return { url: address(req.url) };
  if (req.tabId !== undefined) {
    const visitId = await ctx.deps.tabVisits.get(req.tabId);
    const visit = visitId === undefined ? undefined : await getVisit(await ctx.deps.db(), visitId);
    return visit ? { url: address(visit.url, true), title: visit.title } : null;
  }
  throw new InvalidInput('name the document: url or tabId');
}

export const followRoutes: Routes<FollowMessage> = {
  'follow/add': {
    from: ['content', 'extension-page'],
    validate: (p) => ({ url: p.url === undefined ? undefined : str(p.url, 'url', 2048), tabId: optInt(p.tabId, 'tabId') }),
    async handle(req, ctx) {
      const t = await target(req, ctx);
      if (!t) throw new Error('This tab shows no analysed policy to follow.');
      try {
        const followed = await service(ctx).follow(t);
        if (ctx.who === 'extension-page') await ctx.deps.db().then((db) => db.delete('meta', PENDING_KEY));
        return { followed };
      } catch (err) {
        // From a page, the permission cannot be asked there (no permissions API in content
        // scripts): Options asks, in the user's click, and follows.
        if (err instanceof FollowNeedsPermission && ctx.who === 'content' && ctx.deps.openFollowConfirm) {
          await (await ctx.deps.db()).put('meta', { url: t.url, at: Date.now() }, PENDING_KEY);
          await ctx.deps.openFollowConfirm();
          return { followed: null, needsPermission: new URL(t.url).host };
        }
        throw err;
      }
    },
  },
  'follow/status': {
    from: ['content', 'extension-page'],
    validate: (p) => ({ tabId: optInt(p.tabId, 'tabId') }),
    async handle(req, ctx) {
      const listing = await service(ctx).listing();
      const t = ctx.who === 'content' || req.tabId !== undefined ? await target(req, ctx) : null;
      return { followed: !!t && listing.documents.some((d) => d.url === t.url), url: t?.url ?? null, count: listing.documents.length, max: listing.max };
    },
  },
  'follow/remove': {
    from: ['extension-page'],
    validate: (p) => ({ url: str(p.url, 'url', 2048) }),
    handle: ({ url }, ctx) => service(ctx).unfollow(url),
  },
  'follow/list': {
    from: ['extension-page'],
    validate: (p) => empty(p),
    handle: (_req, ctx) => service(ctx).listing(),
  },
  'follow/check': {
    from: ['extension-page'],
    validate: (p) => ({ url: p.url === undefined ? undefined : str(p.url, 'url', 2048) }),
    async handle({ url }, ctx) {
      const svc = service(ctx);
      if (url === undefined) return { documents: await svc.checkAll() };
      if (!(await svc.isFollowed(url))) throw new Error('This document is not followed.');
      return { documents: [await svc.checkOne(url)] };
    },
  },
  'follow/settings': {
    from: ['extension-page'],
    validate(p) {
      const h = optInt(p.intervalHours, 'intervalHours', 1, 24 * 365);
      if (h !== undefined && !FOLLOW_INTERVALS.includes(h as FollowInterval)) throw new InvalidInput(`intervalHours must be one of ${FOLLOW_INTERVALS.join(', ')}`);
      return { intervalHours: h };
    },
    async handle({ intervalHours }, ctx) {
      const svc = service(ctx);
      return { settings: intervalHours === undefined ? (await svc.listing()).settings : await svc.setInterval(intervalHours as FollowInterval) };
    },
  },
  'follow/seen': {
    from: ['extension-page'],
    validate: (p) => empty(p),
    async handle(_req, ctx) {
      await service(ctx).markSeen();
      return { ok: true };
    },
  },
  'follow/pending': {
    from: ['extension-page'],
    validate: (p) => empty(p),
    async handle(_req, ctx) {
      const db = await ctx.deps.db();
      const v = (await db.get('meta', PENDING_KEY)) as { url?: unknown; at?: unknown } | undefined;
      if (!v || typeof v.url !== 'string' || typeof v.at !== 'number' || Date.now() - v.at > PENDING_MS) return { url: null };
      return { url: v.url };
    },
  },
};
