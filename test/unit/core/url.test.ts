import { describe, expect, it } from 'vitest';
import { buildUrlIndex, matchDocument, normalizeHost, normalizeUrl } from '../../../src/core/url';
import { kb } from '../../fixtures/kb';

describe('normalizeUrl', () => {
  it('drops scheme, www, trailing slash, query, fragment and locale segments', () => {
    expect(normalizeUrl('https://www.facebook.com/privacy/policy/?entry=0#x')).toEqual({ host: 'facebook.com', path: '/privacy/policy' });
    expect(normalizeUrl('http://twitter.com/en/tos')).toEqual({ host: 'twitter.com', path: '/tos' });
    expect(normalizeUrl('https://www.tiktok.com/legal/page/eea/privacy-policy/en')).toEqual({ host: 'tiktok.com', path: '/legal/page/eea/privacy-policy' });
    expect(normalizeUrl('https://policies.google.com/fr-FR/privacy')).toEqual({ host: 'policies.google.com', path: '/privacy' });
    expect(normalizeUrl('https://www.000webhost.com:443/privacy')).toEqual({ host: '000webhost.com', path: '/privacy' });
  });

  it('keeps path segments that only look like locales when they are not', () => {
    expect(normalizeUrl('https://example.org/us/terms')?.path).toBe('/us/terms');
    expect(normalizeUrl('https://example.org/legal/tos')?.path).toBe('/legal/tos');
  });

  it('strips device and locale host variants but never to a bare suffix', () => {
    expect(normalizeHost('mbasic.facebook.com')).toBe('facebook.com');
    expect(normalizeHost('fr-fr.facebook.com')).toBe('facebook.com');
    expect(normalizeHost('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(normalizeHost('www.co')).toBe('www.co');
  });

  it('rejects what is not a web page', () => {
    expect(normalizeUrl('mailto:legal@example.com')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
    expect(normalizeUrl('chrome://extensions')).toBeNull();
  });
});

describe('matchDocument on the real knowledge base', () => {
  const index = buildUrlIndex(kb.documents);
  const match = (u: string) => matchDocument(u, index)?.documentId ?? null;

  it('recognises real policy pages under their usual spellings', () => {
    expect(match('https://www.facebook.com/privacy/policy/?entry=0')).toBe('facebook/privacy-policy');
    expect(match('https://www.anthropic.com/legal/privacy')).toBe('claude-ai/privacy-policy');
    expect(match('https://anthropic.com/legal/privacy/')).toBe('claude-ai/privacy-policy');
    expect(match('https://www.tiktok.com/legal/page/eea/privacy-policy/fr')).toBe('tiktok/privacy-policy');
    expect(match('https://x.com/en/tos')).toBe('x/terms-of-service');
  });

  it('does not match unknown sites or a site root', () => {
    expect(match('https://example.com/')).toBeNull();
    expect(match('https://www.facebook.com/')).toBeNull();
    expect(match('https://www.anthropic.com/')).toBeNull();
  });

  it('prefers the longest path among prefix matches', () => {
    const idx = buildUrlIndex([
      { id: 'short', patterns: [{ host: 'a.com', path: '/legal' }] },
      { id: 'long', patterns: [{ host: 'a.com', path: '/legal/privacy' }] },
    ]);
    expect(matchDocument('https://a.com/legal/privacy/section-2', idx)?.documentId).toBe('long');
    expect(matchDocument('https://a.com/legal/terms', idx)?.documentId).toBe('short');
    expect(matchDocument('https://a.com/legalese', idx)).toBeNull();
    expect(matchDocument('https://a.com/', idx)).toBeNull();
  });

  it('matches a root pattern only at the root, and subdomains fall back to the parent host', () => {
    const idx = buildUrlIndex([{ id: 'root', patterns: [{ host: 'b.com', path: '' }] }, { id: 'p', patterns: [{ host: 'b.com', path: '/privacy' }] }]);
    expect(matchDocument('https://www.b.com', idx)?.documentId).toBe('root');
    expect(matchDocument('https://b.com/blog', idx)).toBeNull();
    expect(matchDocument('https://help.b.com/privacy', idx)?.documentId).toBe('p');
  });

  it('breaks ties between platforms sharing a URL by priority', () => {
    const idx = buildUrlIndex([
      { id: 'tenant', patterns: [{ host: 'c.com', path: '/privacy' }] },
      { id: 'owner', patterns: [{ host: 'c.com', path: '/privacy' }], priority: 4 },
    ]);
    expect(matchDocument('https://c.com/privacy', idx)?.documentId).toBe('owner');
  });

  it('matches 2,000 URLs of the knowledge base to their documents', () => {
    const urls = kb.documents.slice(0, 2000).map((d) => d.urls[0]).filter((u): u is string => !!u);
    let hits = 0;
    for (const u of urls) if (matchDocument(u, index)) hits++;
    expect(hits).toBeGreaterThan(urls.length * 0.9);
  });
});
