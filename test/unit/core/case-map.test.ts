import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseSeverity, mapCase, mapCaseDetailed, normalizeCaseTitle } from '../../../src/core/case-map';
import { CATEGORY_BY_ID } from '../../../src/core/taxonomy';
import { readCsv } from '../../../scripts/kb/csv';
import { dataPath } from '../../../scripts/kb/paths';
import { kb } from '../../fixtures/kb';

describe('ToS;DR case map', () => {
  const cases = [...new Set(readCsv(dataPath('tosdr', 'derived', 'points-2021-01-09.csv')).map((r) => (r.case ?? '').trim()))];

  it('maps every case that has 2021 points through the hand-written table, or reports it', () => {
    expect(cases.length).toBeGreaterThan(200);
    const notInTable = cases.filter((c) => mapCaseDetailed(c)?.source !== 'table');
    expect(notInTable.every((c) => kb.unmappedCases.includes(c)), notInTable.join(' | ')).toBe(true);
    // Left to the keyword rules (not hand-checked): few. Cases with no category at all (boilerplate
    // such as severability) are reported, not counted here.
    expect(notInTable.filter((c) => mapCaseDetailed(c) !== null).length).toBeLessThan(5);
  });

  it('maps only to taxonomy ids', () => {
    for (const c of cases) {
      const cat = mapCase(c);
      if (cat !== null) expect(CATEGORY_BY_ID.has(cat), c).toBe(true);
    }
    for (const c of kb.unmappedCases) expect(mapCase(c)).toBeNull();
  });

  it('maps well-known cases where a reader expects them', () => {
    expect(mapCase('You waive your right to a class action.')).toBe('class-action-waiver');
    // Boilerplate is not "bound just by using" (the panel showed it as that clause's examples).
    expect(mapCase('Failure to enforce any provision of the Terms of Service does not constitute a waiver of such provision')).toBeNull();
    expect(mapCase('Invalidity of any portion of the Terms of Service does not entail invalidity of its remainder')).toBeNull();
    expect(mapCase('This service forces users into binding arbitration in the case of disputes')).toBe('arbitration');
    expect(mapCase(' Terms may be changed any time at their discretion, without notice to the user ')).toBe('unilateral-change');
    expect(mapCase('[Bad]  Uber amendments to their TOS -bad-undefined')).toBe('unilateral-change');
    // An IP address read for a coarse location is tracking, not sensitive data (it showed as
    // "Sensitive data" on Google's sentence about IP addresses).
    expect(mapCase('This service collects your IP address for location use')).toBe('tracking');
    expect(mapCase('This service receives your location through GPS coordinates')).toBe('sensitive-data');
    // What the service reads itself is not sharing with third parties; mediating between users is
    // not arbitration; a shorter time to sue is no class-action waiver.
    expect(mapCase('The service can read your private messages')).toBe('data-collection');
    expect(mapCase('Your private content may be accessed by people working for the service')).toBe('data-collection');
    expect(mapCase('The service can intervene in user disputes')).toBeNull();
    expect(mapCase('Users have a reduced time period to take legal action against the service')).toBe('limitation-of-liability');
    expect(mapCase('You maintain ownership of your data')).toBe('content-license');
    expect(mapCase('Your profile is combined across various products')).toBe('data-collection');
    expect(mapCase('The service informs users about the risk of publishing personal info online')).toBe('transparency');
    expect(mapCase('This service assumes no liability for unauthorized access to your personal information')).toBe('limitation-of-liability');
    expect(mapCase('You are responsible for maintaining the security of your account and for the activities on your account')).toBe('acceptable-use');
    expect(normalizeCaseTitle('You grant perpetual license to anything you publish-bad-80')).toBe('you grant perpetual license to anything you publish');
  });

  it('applies the severity rule', () => {
    expect(caseSeverity('blocker', 30, 'retention')).toBe('high');
    expect(caseSeverity('bad', 60, 'unilateral-termination')).toBe('high');
    expect(caseSeverity('bad', 50, 'tracking')).toBe('medium');
    expect(caseSeverity('bad', 50, 'class-action-waiver')).toBe('high');
    expect(caseSeverity('neutral', 50, 'tracking')).toBe('low');
    expect(caseSeverity('good', 90, 'tracking')).toBe('good');
  });

  it('keeps ToS;DR classification and case score on every clause', () => {
    const points = new Map<string, Record<string, string>[]>();
    for (const r of readCsv(dataPath('tosdr', 'derived', 'points-2021-01-09.csv'))) {
      const id = `tosdr-${r.point_id}`;
      points.set(id, [...(points.get(id) ?? []), r]);
    }
    for (const c of kb.clauses) {
      // A point listed under two services may differ per row; one row must agree.
      const rows = points.get(c.id)!;
      expect(
        rows.some((p) => p.classification === c.classification && c.caseScore === (p.score === '' ? undefined : Number(p.score))),
        c.id,
      ).toBe(true);
      expect(c.severity).toBe(caseSeverity(c.classification, c.caseScore, c.category));
    }
  });

  it('reports the unmapped cases in the KB, sorted', () => {
    expect([...kb.unmappedCases].sort()).toEqual(kb.unmappedCases);
    expect(kb.unmappedCases.length).toBeLessThan(200);
    void readFileSync;
  });
});
