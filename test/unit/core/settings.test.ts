import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isNeverSite, isShown, normalizeSettings, normalizeSite } from '../../../src/core/settings';

describe('settings', () => {
  it('fills defaults for missing or broken records', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    const s = normalizeSettings({ mode: 'sometimes', minSeverity: 'critical', sensitivity: 7, neverSites: [42, 'not a host!', 'https://www.Example.com/path'], disabledCategories: ['arbitration', 'nope', 'arbitration'] });
    expect(s.mode).toBe('auto');
    expect(s.minSeverity).toBe('good');
    expect(s.sensitivity).toBe('balanced');
    expect(s.neverSites).toEqual(['example.com']);
    expect(s.disabledCategories).toEqual(['arbitration']);
  });

  it('migrates the pre-release autoDetect flag', () => {
    expect(normalizeSettings({ autoDetect: false }).mode).toBe('click');
    expect(normalizeSettings({ autoDetect: false, mode: 'auto' }).mode).toBe('auto');
  });

  it('normalises site addresses', () => {
    expect(normalizeSite(' News.Example.co.uk ')).toBe('news.example.co.uk');
    expect(normalizeSite('http://localhost:8080/x')).toBe('localhost');
    expect(normalizeSite('www.example.org/privacy')).toBe('example.org');
    expect(normalizeSite('bad host')).toBeNull();
    expect(normalizeSite('')).toBeNull();
  });

  it('matches never-run sites and their subdomains only', () => {
    const s = { neverSites: ['example.com'] };
    expect(isNeverSite(s, 'example.com')).toBe(true);
    expect(isNeverSite(s, 'www.example.com')).toBe(true);
    expect(isNeverSite(s, 'shop.example.com')).toBe(true);
    expect(isNeverSite(s, 'notexample.com')).toBe(false);
  });

  it('filters by category and minimum severity', () => {
    const s = { disabledCategories: ['tracking'], minSeverity: 'medium' as const };
    expect(isShown(s, 'arbitration', 'high')).toBe(true);
    expect(isShown(s, 'retention', 'medium')).toBe(true);
    expect(isShown(s, 'retention', 'low')).toBe(false);
    expect(isShown(s, 'user-rights', 'good')).toBe(false);
    expect(isShown(s, 'tracking', 'high')).toBe(false);
    expect(isShown({ disabledCategories: [], minSeverity: 'good' }, 'user-rights', 'good')).toBe(true);
    expect(isShown({ disabledCategories: [], minSeverity: 'low' }, 'user-rights', 'good')).toBe(false);
    expect(isShown({ disabledCategories: [], minSeverity: 'low' }, 'choice-of-law', 'low')).toBe(true);
  });
});
