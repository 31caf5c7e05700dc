// Typed request/response over runtime messaging, for content scripts and extension pages.
// No webextension-polyfill here: the content loader on every page imports this (see ext.ts).
import { ext as browser } from './ext';
import { envelope, type BackgroundMessage, type ContentMessage, type Reply, type Req, type Res } from '../messages';

export class RpcError extends Error {}

/** Sends a request to the background and returns its typed answer, or throws RpcError. */
export async function send<N extends BackgroundMessage>(name: N, payload: Req<N>): Promise<Res<N>> {
  const reply = (await browser.runtime.sendMessage(envelope(name, payload))) as Reply<N> | undefined;
  return unwrap(name, reply);
}

/** Sends a request to the content script of a tab (background only). */
export async function sendToTab<N extends ContentMessage>(tabId: number, name: N, payload: Req<N>): Promise<Res<N>> {
  const reply = (await browser.tabs.sendMessage(tabId, envelope(name, payload))) as Reply<N> | undefined;
  return unwrap(name, reply);
}

function unwrap<N extends BackgroundMessage | ContentMessage>(name: N, reply: Reply<N> | undefined): Res<N> {
  if (!reply || typeof reply !== 'object') throw new RpcError(`${name}: no answer`);
  if (!reply.ok) throw new RpcError(`${name}: ${reply.error}`);
  return reply.value;
}
