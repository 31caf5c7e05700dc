// The change rules of core/history-text.ts (date lines, cookie banners, significant text), on real
// consecutive versions of policies from the Open Terms Archive history (ota-pga bundle).
import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../../src/core/history-diff';
import { isCookieBanner, isDateLine, significantText } from '../../../src/core/history-text';
import { bareRepo, storedVersion } from '../../fixtures/ota-versions';

const repo = bareRepo();
const stored = (commit: string, path: string) => storedVersion(repo, commit, path);

describe('change rules', () => {
  it('takes real header date lines for cosmetic, and sentences naming a date for content', () => {
    for (const s of ['Effective October 5, 2022 | View printable version | See previous versions', 'Last updated: 5 October 2021', 'Effective Date in EEA, UK, and Switzerland: April 30, 2024', 'Last modified 2024-03-01', 'Updated on 12/03/2023']) {
      expect(isDateLine(s), s).toBe(true);
    }
    for (const s of ['Effective January 1, 2024, we will share your contact details with our advertising partners.', 'We keep your data for 30 days after you close your account.', 'Last updated', 'Privacy Policy']) {
      expect(isDateLine(s), s).toBe(false);
    }
  });

  it('takes consent banners for cosmetic, and a policy’s own cookie section for content', () => {
    expect(isCookieBanner('We use cookies to improve your experience. By clicking “Accept all”, you agree to the storing of cookies on your device.')).toBe(true);
    expect(isCookieBanner('Reject all')).toBe(true);
    expect(isCookieBanner('Cookie settings')).toBe(true);
    expect(isCookieBanner('We use cookies and similar technologies to remember your preferences and to measure how our services are used.')).toBe(false);
    expect(isCookieBanner('You can control cookies through your browser settings, and delete them at any time.')).toBe(false);
  });

  it('reports no change for whitespace and block reflow only', () => {
    const a = stored('0b17f77945c03c2a13f1b6acf87599a0b26e6626', 'LinkedIn/Privacy Policy.md');
    const reflowed = a.split('\n').map((l) => l.replace(/\. /g, '.\n').replace(/ /g, '  ')).join('\n');
    expect(significantText(reflowed)).toBe(significantText(a));
    const d = diffVersions(a, reflowed);
    expect(d.significant).toBe(false);
    expect(d.wordsAdded + d.wordsRemoved).toBe(0);
  });

  it('a real recorded change that only moved the header date (Facebook Trackers Policy, 16 June 2023) is cosmetic', () => {
    const a = stored('947e11c7aeb956c6b15808f08c1143adf1a53113', 'Facebook/Trackers Policy.md');
    const b = stored('aacff49a468cf0c24819848cb46433b17d12987c', 'Facebook/Trackers Policy.md');
    expect(a).not.toBe(b);
    expect(significantText(a)).toBe(significantText(b));
    const d = diffVersions(a, b);
    expect(d).toMatchObject({ significant: false, wordsAdded: 0, wordsRemoved: 0 });
    expect(d.cosmeticBlocks).toBeGreaterThan(0);
  });

  it('a cookie banner appearing in the page text is not a change', () => {
    const a = stored('0b17f77945c03c2a13f1b6acf87599a0b26e6626', 'LinkedIn/Privacy Policy.md');
    const withBanner = `We use cookies to give you the best experience. By clicking "Accept all" you consent to our use of cookies.\n${a}\nManage cookie preferences`;
    expect(diffVersions(a, withBanner).significant).toBe(false);
    expect(significantText(withBanner)).toBe(significantText(a));
  });
});
