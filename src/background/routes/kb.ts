// Routes of the knowledge base: reviewed clauses, comparisons for the in-page panel, the install
// status and the update feed (Options).
import type { BackgroundMessage } from '../../messages';
import { InvalidInput, category, empty, optInt, optStr, str } from '../../core/checks';
import { feedAddress, UpdateError } from '../../kb/update';
import { compareOf } from './compare';
import type { Routes } from './types';

export type KbMessage = Extract<BackgroundMessage, `kb/${string}`>;

export const kbRoutes: Routes<KbMessage> = {
  'kb/clauses': {
    from: ['content', 'extension-page'],
    validate: (p) => ({ platformId: str(p.platformId, 'platformId', 256), documentId: optStr(p.documentId, 'documentId', 256) }),
    async handle({ platformId, documentId }, { deps }) {
      const all = await deps.kb.clausesFor(platformId);
      // The document's own clauses first: they are the ones most likely to be on this page.
      const clauses = documentId ? [...all.filter((c) => c.documentId === documentId), ...all.filter((c) => c.documentId !== documentId)] : all;
      return { clauses };
    },
  },
  'kb/compare': {
    from: ['content', 'extension-page'],
    validate: (p) => ({ category: category(p.category, 'category'), platformId: optStr(p.platformId, 'platformId', 256), limit: optInt(p.limit, 'limit', 1, 50) }),
    handle: ({ category: c, platformId, limit }, { deps }) => compareOf(deps).examples(c, platformId, limit),
  },
  'kb/status': {
    from: ['content', 'extension-page'],
    validate: (p) => empty(p),
    handle: (_req, { deps }) => deps.kb.status(),
  },
  'kb/update-check': {
    from: ['extension-page'],
    validate: (p) => empty(p),
    async handle(_req, { deps }) {
      if (!deps.updates) throw new Error('updates are not available');
      return deps.updates.check();
    },
  },
  'kb/feed-set': {
    from: ['extension-page'],
    validate(p) {
      if (p.url === null) return { url: null };
      try {
        return { url: feedAddress(str(p.url, 'url', 2048)).href };
      } catch (err) {
        if (err instanceof UpdateError) throw new InvalidInput(err.message);
        throw err;
      }
    },
    async handle({ url }, { deps }) {
      if (!deps.updates) throw new Error('updates are not available');
      await deps.updates.setFeed(url);
      return { feedUrl: url, status: await deps.kb.status() };
    },
  },
  'kb/update-status': {
    from: ['extension-page'],
    validate: (p) => empty(p),
    handle: async (_req, { deps }) => ({
      feedUrl: (await deps.feedUrl?.()) ?? null,
      last: (await deps.updates?.last()) ?? null,
      status: await deps.kb.status(),
    }),
  },
};
