// Followed documents: which address is fetched and which host permission covers it. Pure.
// docs/history.md, "Followed documents".

/** A followed address that cannot be used; the message is for a person. */
export class FollowAddressError extends Error {}

/** The address to follow: http(s), no user name or password, no #fragment (never sent anyway).
 * `dropQuery`: taken from a tab, whose query string can carry personal tokens (as visits drop it). */
export function followAddress(raw: string, opts: { dropQuery?: boolean } = {}): URL {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new FollowAddressError(`"${raw}" is not a web address.`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new FollowAddressError(`Only web pages (http:// or https://) can be followed, not ${u.protocol} addresses.`);
  if (u.username || u.password) throw new FollowAddressError('The address must not contain a user name or password.');
  u.hash = '';
  if (opts.dropQuery) u.search = '';
  return u;
}

/** The host permission that covers an address (match patterns carry no port). */
export function originPattern(u: URL | string): string {
  const url = typeof u === 'string' ? new URL(u) : u;
  return `${url.protocol}//${url.hostname}/*`;
}

/** Whether a response's type is a page whose text can be read without running it. */
export function readableType(contentType: string | null): 'html' | 'text' | null {
  const t = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (t === 'text/html' || t === 'application/xhtml+xml' || t === '') return 'html';
  if (t === 'text/plain') return 'text';
  return null;
}
