// Which address a followed document is fetched at, and which host permission covers it.
import { describe, expect, it } from 'vitest';
import { FollowAddressError, followAddress, originPattern, readableType } from '../../../src/core/follow';

describe('followAddress', () => {
  it('keeps an http(s) address without its fragment; from a tab, without its query string too', () => {
    expect(followAddress(' https://example.com/legal?doc=privacy#top ').href).toBe('https://example.com/legal?doc=privacy');
    expect(followAddress('https://example.com/privacy?session=abc#s2', { dropQuery: true }).href).toBe('https://example.com/privacy');
    expect(followAddress('http://127.0.0.1:8080/terms').href).toBe('http://127.0.0.1:8080/terms');
  });

  it('refuses what is not a web page, and credentials in the address, saying why', () => {
    expect(() => followAddress('example.com/privacy')).toThrow(/is not a web address/);
    expect(() => followAddress('javascript:alert(1)')).toThrow(/Only web pages/);
    expect(() => followAddress('file:///etc/passwd')).toThrow(FollowAddressError);
    expect(() => followAddress('https://me:secret@example.com/privacy')).toThrow(/user name or password/);
  });
});

describe('originPattern', () => {
  it('is the scheme and host, without the port (match patterns carry none)', () => {
    expect(originPattern('https://www.example.com/privacy?x=1')).toBe('https://www.example.com/*');
    expect(originPattern(new URL('http://127.0.0.1:8080/p'))).toBe('http://127.0.0.1/*');
  });
});

describe('readableType', () => {
  it('reads HTML and plain text, nothing else', () => {
    expect(readableType('text/html; charset=utf-8')).toBe('html');
    expect(readableType('application/xhtml+xml')).toBe('html');
    expect(readableType(null)).toBe('html');
    expect(readableType('text/plain')).toBe('text');
    expect(readableType('application/pdf')).toBeNull();
    expect(readableType('application/json')).toBeNull();
  });
});
