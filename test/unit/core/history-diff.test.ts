// The word diff of core/history-diff.ts, on real consecutive versions of policies from the Open
// Terms Archive history (ota-pga bundle) and on generated sequences checked against a reference LCS.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanupSemantic, diffVersions, foldDiff, myers, type DiffOp } from '../../../src/core/history-diff';
import { significantText } from '../../../src/core/history-text';
import { bareRepo, documentRows, isRealChange, readIndex, storedVersion } from '../../fixtures/ota-versions';

const repo = bareRepo();
const stored = (commit: string, path: string) => storedVersion(repo, commit, path);
const rows = readIndex();
const words = (s: string) => s.split(/\s+/).filter(Boolean);
const sideText = (ops: readonly DiffOp[], keep: 'added' | 'removed') => ops.filter((o) => o.kind === 'equal' || o.kind === keep).map((o) => o.text).join('');
const side = (ops: readonly DiffOp[], keep: 'added' | 'removed') => words(sideText(ops, keep));
/** The old side rebuilds the old text except cosmetic lines, which are shown as they are now. */
const oldSideOk = (ops: readonly DiffOp[], a: string) => expect(significantText(sideText(ops, 'removed'))).toBe(significantText(a));

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

  it('LinkedIn Privacy Policy, 22 August 2026: the lines of a table cell stay apart (no "NameYear of birthCity")', () => {
    const a = stored('bc7d59e9d4f6f5e3b2927e9c0ec82f7283d3a9b8', 'LinkedIn/Privacy Policy.md');
    const b = stored('185513a07a9e6cdecc1d74b10da5f70f542b7881', 'LinkedIn/Privacy Policy.md');
    const d = diffVersions(a, b);
    const added = d.ops.filter((o) => o.kind === 'added').map((o) => o.text).join('');
    // The archived cell is "…(e.g., phone number)<br><br>Name<br><br>Year of birth<br><br>City, …".
    expect(added).toContain('\nName\nYear of birth\nCity, state/province, country\nID type and issue\nRedacted copy of ID');
    expect(added).not.toMatch(/NameYear|birthCity|countryID|issueRedacted/);
    // Unchanged text keeps its separators too ("Member profiles" / "Contact information").
    const shown = foldDiff(d.ops).map((o) => (o.kind === 'fold' ? ' … ' : o.text)).join('');
    expect(shown).not.toContain('profilesContact');
    expect(side(d.ops, 'added')).toEqual(words(b));
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

  it('diffs a 100k-word text with a few real changes inside (its speed is a benchmark figure)', () => {
    const fb = documentRows(rows, 'Facebook', 'Privacy Policy');
    const filler = ['TikTok', 'Instagram', 'YouTube', 'Snapchat', 'X', 'Spotify'].map((s) => {
      const r = documentRows(rows, s, 'Privacy Policy').pop()!;
      return stored(r.commit, r.path);
    });
    const big = [...filler, ...filler].join('\n');
    const a = `${big}\n${stored('f0db5f81e3deecece207350a96a472bca206f475', 'LinkedIn/Privacy Policy.md')}\n${stored(fb[1]!.commit, fb[1]!.path)}`;
    const b = `${big}\n${stored('0b17f77945c03c2a13f1b6acf87599a0b26e6626', 'LinkedIn/Privacy Policy.md')}\n${stored(fb[2]!.commit, fb[2]!.path)}`;
    expect(words(b).length).toBeGreaterThan(100_000);
    const d = diffVersions(a, b);
    expect(d.significant).toBe(true);
    expect(d.coarse).toBe(false);
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
