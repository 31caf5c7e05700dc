import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { confirmPolicyText, countWords, mayBeCandidate, quickSignal } from '../../../src/core/page';
import { SHARED_DATA } from '../../fixtures/pages';

function declaredUrls(file: string, types: string[]): string[] {
  const lines = readFileSync(path.join(SHARED_DATA, file), 'utf8').trim().split('\n').slice(1);
  return lines
    .map((l) => l.split(','))
    .filter((cols) => types.includes(cols[2] as string))
    .map((cols) => cols[3] as string)
    .filter((u) => u?.startsWith('http'));
}

describe('quickSignal (URL and title only)', () => {
  it('takes most real privacy-policy and terms addresses for candidates', () => {
    const urls = [
      ...declaredUrls('ota-pga/declarations-urls.csv', ['Privacy Policy', 'Terms of Service']),
      ...declaredUrls('ota-genai-eu/declarations-urls.csv', ['Privacy Policy', 'Terms of Service']),
    ];
    expect(urls.length).toBeGreaterThan(40);
    const hits = urls.filter((u) => quickSignal(u, '').candidate).length;
    expect(hits / urls.length).toBeGreaterThan(0.8);
  });

  it('recognises policy titles on addresses without policy words', () => {
    expect(quickSignal('https://example.com/page?id=7', 'Privacy Notice | Example').kind).toBe('privacy');
    expect(quickSignal('https://example.com/p/123', 'Terms of Use').kind).toBe('terms');
    expect(quickSignal('https://example.com/x', 'Cookie Policy').kind).toBe('cookies');
  });

  it('mayBeCandidate (the sentinel\'s first look) is false only where quickSignal says no', () => {
    const kb = JSON.parse(readFileSync('src/kb/generated/kb.json', 'utf8')) as { documents: { patterns: { host: string; path: string }[] }[] };
    const urls = [
      ...kb.documents.flatMap((d) => d.patterns.map((p) => `https://${p.host}${p.path}`)),
      ...declaredUrls('ota-pga/declarations-urls.csv', ['Privacy Policy', 'Terms of Service']),
      ...declaredUrls('ota-genai-eu/declarations-urls.csv', ['Privacy Policy', 'Terms of Service', 'Cookies Policy']),
    ];
    const titles = ['', 'Privacy Notice | Example', 'Terms of Use', 'Cookie Policy', 'Data Protection', 'END-USER LICENSE AGREEMENT', 'Legal', 'Services Agreement', 'Conditions of Use', 'Our Policies', 'Terms & Conditions'];
    let candidates = 0;
    for (const u of urls) {
      for (const t of titles) {
        if (!quickSignal(u, t).candidate) continue;
        candidates++;
        expect(mayBeCandidate(u, t), `${u} | ${t}`).toBe(true);
      }
    }
    expect(candidates).toBeGreaterThan(20_000);
    for (const t of titles.slice(1)) expect(mayBeCandidate('https://example.com/p/123', t), t).toBe(true);
    expect(mayBeCandidate('https://notes.example.org/datasets/handbook', 'Dataset handbook')).toBe(false);
  });

  it('leaves ordinary pages alone', () => {
    for (const [u, t] of [
      ['https://www.example.org/recipes/lentil-soup', 'Lentil soup — a weeknight recipe'],
      ['https://news.example.com/2026/11/23/markets', 'Markets rally on Monday'],
      ['https://github.com/preactjs/preact', 'GitHub - preactjs/preact'],
      ['https://shop.example.com/cart', 'Your cart'],
    ] as const) {
      expect(quickSignal(u, t).candidate, u).toBe(false);
    }
  });

  it('ignores non-web schemes and garbage', () => {
    expect(quickSignal('chrome://settings/privacy', 'Privacy').candidate).toBe(false);
    expect(quickSignal('not a url', 'Privacy Policy').candidate).toBe(false);
  });
});

describe('confirmPolicyText', () => {
  it('confirms real policy texts from the archive', () => {
    for (const f of ['ota-pga/versions-HEAD/Reddit/Privacy Policy.md', 'ota-pga/versions-HEAD/TikTok/Terms of Service.md']) {
      const text = readFileSync(path.join(SHARED_DATA, f), 'utf8');
      expect(confirmPolicyText(text).policy, f).toBe(true);
    }
  });

  it('rejects short or non-legal text unless the document is known', () => {
    const recipe = 'Soften the onion and carrots in olive oil for ten minutes. Add the cumin, then the lentils and stock. '.repeat(40);
    expect(confirmPolicyText(recipe).policy).toBe(false);
    expect(confirmPolicyText('We collect personal data.').policy).toBe(false);
    expect(confirmPolicyText('We collect personal data.', true).policy).toBe(true);
  });

  it('counts words across odd whitespace', () => {
    expect(countWords('  a\u00a0b\tc\n\nd  ')).toBe(4);
    expect(countWords('')).toBe(0);
  });
});
