// Routes of the popup's Compare, Side by side and Platform views.
import type { BackgroundMessage } from '../../messages';
import { category, int, list, optInt, optStr, severity, str } from '../../core/checks';
import { CompareService } from '../compare-service';
import type { HandlerDeps, Routes } from './types';

export type CompareMessage = Extract<BackgroundMessage, `compare/${string}` | `platform/${string}`>;

/** Comparisons share the routes' database and knowledge base; one service per deps object. */
const services = new WeakMap<HandlerDeps, CompareService>();
export function compareOf(deps: HandlerDeps): CompareService {
  let svc = services.get(deps);
  if (!svc) services.set(deps, (svc = new CompareService({ db: deps.db, ensure: () => deps.kb.ensure() })));
  return svc;
}

export const compareRoutes: Routes<CompareMessage> = {
  'compare/stats': {
    from: ['extension-page'],
    validate: (p) => ({ categories: list(p.categories, 'categories', 64).map((c, i) => category(c, `categories[${i}]`)) }),
    handle: async ({ categories }, { deps }) => ({ stats: await compareOf(deps).stats(categories) }),
  },
  'compare/platforms': {
    from: ['extension-page'],
    validate: (p) => ({
      category: category(p.category, 'category'),
      platformId: optStr(p.platformId, 'platformId', 256),
      severity: p.severity === undefined ? undefined : severity(p.severity, 'severity'),
      offset: int(p.offset, 'offset'),
      limit: int(p.limit, 'limit', 1, 50),
    }),
    handle: ({ category: c, platformId, severity: s, offset, limit }, { deps }) => compareOf(deps).platforms(c, platformId, s, offset, limit),
  },
  'platform/search': {
    from: ['extension-page'],
    validate: (p) => ({ query: str(p.query, 'query', 200), limit: optInt(p.limit, 'limit', 1, 50) }),
    handle: async ({ query, limit }, { deps }) => ({ hits: await compareOf(deps).search(query, limit) }),
  },
  'platform/summary': {
    from: ['extension-page'],
    validate: (p) => ({ platformId: str(p.platformId, 'platformId', 256) }),
    handle: async ({ platformId }, { deps }) => ({ summary: await compareOf(deps).summary(platformId) }),
  },
  'compare/pair': {
    from: ['extension-page'],
    validate: (p) => ({ a: str(p.a, 'a', 256), b: str(p.b, 'b', 256) }),
    handle: ({ a, b }, { deps }) => compareOf(deps).pair(a, b),
  },
};
