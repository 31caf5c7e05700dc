// Change rules and the version diff, on real consecutive versions of policies from the Open Terms
// Archive history (ota-pga bundle) and on generated sequences checked against a reference LCS.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markdownToText } from '../../src/core/text';
import { detectSentences } from '../../src/core/detect';
import { segment } from '../../src/core/text';
import { clauseChanges, cleanupSemantic, diffVersions, foldDiff, isCookieBanner, isDateLine, myers, significantText, versionText, type DiffOp } from '../../src/core/history';
import { bareRepo, documentRows, isRealChange, readIndex, showVersion } from '../fixtures/ota-versions';

const repo = bareRepo();
const rows = readIndex();
const stored = (commit: string, path: string) => {
  const t = markdownToText(showVersion(repo, { commit, path }));
  return versionText(t.text, t.hardBreaks);
};
const words = (s: string) => s.split(/\s+/).filter(Boolean);
const sideText = (ops: readonly DiffOp[], keep: 'added' | 'removed') => ops.filter((o) => o.kind === 'equal' || o.kind === keep).map((o) => o.text).join('');
const side = (ops: readonly DiffOp[], keep: 'added' | 'removed') => words(sideText(ops, keep));
/** The old side rebuilds the old text except cosmetic lines, which are shown as they are now. */
const oldSideOk = (ops: readonly DiffOp[], a: string) => expect(significantText(sideText(ops, 'removed'))).toBe(significantText(a));

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

describe('diff of real versions', () => {
  it('LinkedIn Privacy Policy, 1 August 2024: the added words, and nothing else', () => {
    const a = stored('f0db5f81e3deecece207350a96a472bca206f475', 'LinkedIn/Privacy Policy.md');
    const b = stored('0b17f77945c03c2a13f1b6acf87599a0b26e6626', 'LinkedIn/Privacy Policy.md');
    const d = diffVersions(a, b);
    expect(d.significant).toBe(true);
    expect(d.wordsRemoved).toBe(0);
    expect(d.wordsAdded).toBe(40);
    const added = d.ops.filter((o) => o.kind === 'added').map((o) => o.text).join('|');
    expect(added).toContain('(e.g., your name, title, and company)');
    expect(added).toContain('customer support,');
    expect(added).toContain('we may refer your query to Bing');
    oldSideOk(d.ops, a);
    expect(side(d.ops, 'added')).toEqual(words(b));
    // Folded, the change is a few lines to read: 4 changes with their context.
    const shown = foldDiff(d.ops);
    const visibleWords = shown.reduce((n, o) => n + (o.kind === 'fold' ? 0 : words(o.text).length), 0);
    expect(visibleWords).toBeLessThan(40 + 4 * 2 * 30 + 20);
    expect(shown.filter((o) => o.kind === 'fold').reduce((n, o) => n + (o.kind === 'fold' ? o.words : 0), 0) + visibleWords).toBe(words(b).length);
  });

  it('every recorded change of Facebook’s Privacy Policy (first 25): both sides rebuild exactly, artefact-free changes are significant', () => {
    const doc = documentRows(rows, 'Facebook', 'Privacy Policy').slice(0, 26);
    let significant = 0;
    for (let i = 1; i < doc.length; i++) {
      const p = doc[i - 1]!;
      const r = doc[i]!;
      const a = stored(p.commit, p.path);
      const b = stored(r.commit, r.path);
      const d = diffVersions(a, b);
      oldSideOk(d.ops, a);
      expect(side(d.ops, 'added'), `${r.date} new side`).toEqual(words(b));
      expect(d.significant).toBe(significantText(a) !== significantText(b));
      if (isRealChange(r) && d.significant) significant++;
    }
    expect(significant).toBeGreaterThan(10);
  });

  it('stays fast on a 100k-word text with a few real changes inside', () => {
    const fb = documentRows(rows, 'Facebook', 'Privacy Policy');
    const filler = ['TikTok', 'Instagram', 'YouTube', 'Snapchat', 'X', 'Spotify'].map((s) => {
      const r = documentRows(rows, s, 'Privacy Policy').pop()!;
      return stored(r.commit, r.path);
    });
    const big = [...filler, ...filler].join('\n');
    const a = `${big}\n${stored('f0db5f81e3deecece207350a96a472bca206f475', 'LinkedIn/Privacy Policy.md')}\n${stored(fb[1]!.commit, fb[1]!.path)}`;
    const b = `${big}\n${stored('0b17f77945c03c2a13f1b6acf87599a0b26e6626', 'LinkedIn/Privacy Policy.md')}\n${stored(fb[2]!.commit, fb[2]!.path)}`;
    expect(words(b).length).toBeGreaterThan(100_000);
    const t0 = performance.now();
    const d = diffVersions(a, b);
    const ms = performance.now() - t0;
    console.log(`diff of ${words(b).length} words: ${ms.toFixed(0)} ms, +${d.wordsAdded} −${d.wordsRemoved}`);
    expect(d.significant).toBe(true);
    expect(d.coarse).toBe(false);
    expect(ms).toBeLessThan(3000);
  });
});

describe('Myers diff', () => {
  const lcs = (a: number[], b: number[]) => {
    const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
    return dp[a.length]![b.length]!;
  };
  it('is a shortest edit script that rebuilds both sides', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 }), (a, b) => {
        const e = myers(a, b, 1000)!;
        expect(e.filter((x) => x.kind !== 'added').map((x) => a[x.a])).toEqual(a);
        expect(e.filter((x) => x.kind !== 'removed').map((x) => (x.kind === 'equal' ? a[x.a] : b[x.b]))).toEqual(b);
        expect(e.filter((x) => x.kind === 'equal').length).toBe(lcs(a, b));
      }),
      { numRuns: 300 },
    );
  });
  it('gives up (null) beyond its edit budget instead of going quadratic', () => {
    const a = Array.from({ length: 2000 }, (_, i) => i);
    const b = Array.from({ length: 2000 }, (_, i) => i + 5000);
    expect(myers(a, b, 100)).toBeNull();
  });
  it('semantic cleanup folds a stray common word into the change around it', () => {
    const ops = cleanupSemantic([
      { kind: 'removed', text: ' when you post on Facebook,' },
      { kind: 'equal', text: ' you' },
      { kind: 'added', text: ' interact with people' },
    ]);
    expect(ops).toEqual([
      { kind: 'removed', text: ' when you post on Facebook, you' },
      { kind: 'added', text: ' you interact with people' },
    ]);
  });
});

describe('clause changes', () => {
  const c = (id: string, category: string, excerpt: string, severity = 'medium') => ({ id, category, severity, source: 'detector', excerpt });
  it('pairs reworded clauses, keeps unchanged ones out, lists added and removed', () => {
    const before = [c('a', 'data-sharing', 'We share your data with our affiliates to provide our Services.'), c('b', 'retention', 'We keep logs for 30 days.'), c('x', 'arbitration', 'Disputes go to arbitration.')];
    const after = [c('a2', 'data-sharing', 'We share your personal data with our affiliates to provide and develop our Services.'), c('x', 'arbitration', 'Disputes go to arbitration.', 'high'), c('n', 'tracking', 'We use pixels.')];
    const r = clauseChanges(before, after);
    expect(r.changed.map((p) => [p.before.id, p.after.id])).toEqual([['a', 'a2'], ['x', 'x']]);
    expect(r.removed.map((x) => x.id)).toEqual(['b']);
    expect(r.added.map((x) => x.id)).toEqual(['n']);
  });

  it('on a real change (LinkedIn Privacy Policy, 18 September 2025) the detector’s clauses in the edited passages are reported', () => {
    const detect = (s: string) => {
      const breaks = [...s.matchAll(/\n/g)].map((m) => (m.index as number) + 1);
      const m = segment(s, breaks);
      return detectSentences(s, m.sentences).map((d) => ({ ...d, excerpt: s.slice(d.start, d.end) }));
    };
    const a = stored('bef338a603bdb51ac537933e63b594d0a1abd621', 'LinkedIn/Privacy Policy.md');
    const b = stored('326007fda0669f95586b5744c512704e3547c970', 'LinkedIn/Privacy Policy.md');
    const r = clauseChanges(detect(a), detect(b));
    // The change announced LinkedIn's use of members' data to train generative AI (with an opt-out).
    expect(r.added.map((x) => x.category)).toContain('ai-training');
    expect(r.added.length + r.removed.length).toBeGreaterThan(0);
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    for (const t of r.added) expect(flat(a)).not.toContain(flat(t.excerpt));
    for (const t of r.removed) expect(flat(b)).not.toContain(flat(t.excerpt));
  });
});
