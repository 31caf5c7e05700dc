// The background's one route table: every message the background answers, merged from the
// feature tables under a mapped type over BackgroundMessage (a message without a route, or a route
// for no message, fails to compile). A request is checked in one place, in this order: the sender
// (only this extension; content scripts only from web pages in a tab), the sender rule of the
// route, then the payload by the route's own validator.
import type { BackgroundMessage, Req, Res } from '../../messages';
import { InvalidInput, obj } from '../../core/checks';
import { compareRoutes } from './compare';
import { followRoutes } from './follow';
import { historyRoutes } from './history';
import { kbRoutes } from './kb';
import { pageRoutes } from './page';
import { reportRoutes } from './report';
import type { Context, HandlerDeps, Routes, Sender, SenderPage, Who } from './types';

export type { HandlerDeps, Sender } from './types';
export { countBySeverity } from './page';
export { InvalidInput as InvalidMessage } from '../../core/checks';

export const ROUTES: Routes<BackgroundMessage> = { ...pageRoutes, ...kbRoutes, ...compareRoutes, ...historyRoutes, ...reportRoutes, ...followRoutes };

export class SenderRejected extends Error {}

export function isBackgroundMessage(name: string): name is BackgroundMessage {
  return Object.hasOwn(ROUTES, name);
}

function pageOf(sender: Sender): SenderPage | null {
  if (sender.tab?.id === undefined || !sender.url) return null;
  let u: URL;
  try {
    u = new URL(sender.url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  return { tabId: sender.tab.id, frameId: sender.frameId ?? 0, url: u.href, origin: u.origin };
}

export function classifySender(sender: Sender, deps: Pick<HandlerDeps, 'extensionId' | 'extensionOrigin'>): { who: Who; page: SenderPage | null } | null {
  if (sender.id !== deps.extensionId) return null;
  if (sender.url?.startsWith(deps.extensionOrigin)) return { who: 'extension-page', page: null };
  const page = pageOf(sender);
  return page ? { who: 'content', page } : null;
}

/** Checks the payload of a message (tests and callers that validate ahead). */
export function validateRequest<N extends BackgroundMessage>(name: N, payload: unknown): Req<N> {
  if (!isBackgroundMessage(name)) throw new InvalidInput(`unknown message ${String(name)}`);
  const route = ROUTES[name];
  return route.validate(obj(payload, 'payload'));
}

/** Answers one request: sender, sender rule, payload, then the route's handler. */
export async function handle<N extends BackgroundMessage>(name: N, payload: unknown, sender: Sender, deps: HandlerDeps): Promise<Res<N>> {
  if (!isBackgroundMessage(name)) throw new InvalidInput(`unknown message ${String(name)}`);
  const route = ROUTES[name];
  const from = classifySender(sender, deps);
  if (!from || !route.from.includes(from.who)) throw new SenderRejected(`${name} is not accepted from this sender`);
  const req = route.validate(obj(payload, 'payload'));
  const ctx: Context = { deps, who: from.who, page: from.page };
  return route.handle(req, ctx);
}
