// The extension's messages (public/_locales/{en,de,fr}/messages.json) checked like code: every key
// the source uses exists in every language, the languages agree on keys and placeholders, the
// English category texts are exactly taxonomy.ts (npm run i18n:sync is up to date), and the
// fallback formatting follows Chrome's substitution rules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GRADE_RULE } from '../../../src/core/compare-grade';
import { CATEGORIES, REGULATIONS } from '../../../src/core/taxonomy';
import { generatedMessages, localeLag, readMessages, serialise, syncedEnglish, type Messages } from '../../../scripts/i18n-sync';
import { PROJECT_ROOT } from '../../fixtures/pages';

const getMessage = vi.fn((_key: string, _subs?: string[]) => '');
const getUILanguage = vi.fn(() => 'en');
vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: (k: string, s?: string[]) => getMessage(k, s), getUILanguage: () => getUILanguage() } } }));

const { formatMessage, t, tn, tMaybe } = await import('../../../src/lib/i18n');
const { categoryRegulations, categoryText, categoryTitle } = await import('../../../src/lib/category-text');

const LOCALES = ['en', 'de', 'fr'] as const;
const files = Object.fromEntries(LOCALES.map((l) => [l, readMessages(l)])) as Record<(typeof LOCALES)[number], Messages>;
const en = files.en;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Keys the source asks for: t('key'), tn('key') (both plural forms), and the manifest's __MSG_key__. */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sourceFiles(path.join(PROJECT_ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const rel = path.relative(PROJECT_ROOT, file);
    for (const m of text.matchAll(/\b(?:t|getMessage)\(\s*'([A-Za-z0-9_]+)'/g)) used.set(m[1] as string, rel);
    for (const m of text.matchAll(/\btn\(\s*'([A-Za-z0-9_]+)'/g)) {
      used.set(`${m[1]}_one`, rel);
      used.set(`${m[1]}_other`, rel);
    }
  }
  const manifest = readFileSync(path.join(PROJECT_ROOT, 'manifest.json'), 'utf8');
  for (const m of manifest.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) used.set(m[1] as string, 'manifest.json');
  return used;
}

const tokens = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] as string).toLowerCase());

describe('message files', () => {
  it('have the keys the source and the manifest use, in every language', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(300);
    for (const locale of LOCALES) {
      const missing = [...used].filter(([k]) => !files[locale][k]).map(([k, where]) => `${k} (${where})`);
      expect(missing, locale).toEqual([]);
    }
  });

  it('carry no hand-written key the source no longer uses', () => {
    const used = usedKeys();
    const unused = Object.keys(en).filter((k) => !k.startsWith('cat_') && !k.startsWith('reg_') && !used.has(k));
    expect(unused).toEqual([]);
  });

  it('have the same keys in English, German and French, and every translation is of today’s English', () => {
    for (const locale of ['de', 'fr'] as const) {
      expect(localeLag(en, locale, files[locale])).toEqual({ locale, missing: [], extra: [], stale: [] });
      expect(Object.keys(files[locale]).sort()).toEqual(Object.keys(en).sort());
    }
  });

  it('use valid, case-insensitively unique names', () => {
    for (const locale of LOCALES) {
      const names = Object.keys(files[locale]);
      for (const k of names) expect(k, locale).toMatch(/^[A-Za-z0-9_]+$/);
      expect(new Set(names.map((k) => k.toLowerCase())).size, locale).toBe(names.length);
    }
  });

  it('have no empty message, and the same placeholders per key in every language, each defined and used', () => {
    for (const [key, entry] of Object.entries(en)) {
      const enPh = entry.placeholders ?? {};
      for (const locale of LOCALES) {
        const e = files[locale][key]!;
        expect(e.message.trim(), `${locale} ${key}`).not.toBe('');
        expect(e.placeholders ?? {}, `${locale} ${key} placeholders`).toEqual(enPh);
        const names = Object.keys(e.placeholders ?? {}).map((n) => n.toLowerCase());
        expect([...new Set(tokens(e.message))].sort(), `${locale} ${key} uses`).toEqual([...names].sort());
        // A "$" is a placeholder, $1…$9 or $$; anything else Chrome rejects or drops.
        expect(e.message.replace(/\$[A-Za-z0-9_@]+\$|\$[1-9$]/g, ''), `${locale} ${key}`).not.toContain('$');
      }
      Object.values(enPh).forEach((p, i) => expect(p.content, key).toBe(`$${i + 1}`));
    }
  });

  it('pair every plural "_one" with an "_other" of the same placeholders', () => {
    for (const key of Object.keys(en).filter((k) => k.endsWith('_one'))) {
      const other = en[key.replace(/_one$/, '_other')];
      expect(other, key).toBeDefined();
      expect(other?.placeholders, key).toEqual(en[key]?.placeholders);
      expect(Object.keys(en[key]?.placeholders ?? {})[0], `${key}: the count is $1`).toBeDefined();
    }
    for (const key of Object.keys(en).filter((k) => k.endsWith('_other'))) expect(en[key.replace(/_other$/, '_one')], key).toBeDefined();
  });

  it('hold taxonomy.ts’s English exactly (npm run i18n:sync is up to date)', () => {
    expect(serialise(syncedEnglish(en))).toBe(serialise(en));
    const generated = generatedMessages();
    // 6 texts per category (title, meaning, why, impact, and what a change summary says of a
    // concern and of a protection), one note per regulation reference, a short name per regulation.
    const refs = CATEGORIES.reduce((n, c) => n + c.regulations.length, 0);
    expect(Object.keys(generated).length).toBe(CATEGORIES.length * 6 + refs + Object.keys(REGULATIONS).length);
    for (const c of CATEGORIES) {
      expect(en[`cat_${c.id.replace(/-/g, '_')}_title`]?.message).toBe(c.title);
      expect(en[`cat_${c.id.replace(/-/g, '_')}_why`]?.message).toBe(c.whyItMatters);
      expect(en[`cat_${c.id.replace(/-/g, '_')}_says`]?.message).toBe(c.says.concern);
      expect(en[`cat_${c.id.replace(/-/g, '_')}_says_good`]?.message).toBe(c.says.good);
    }
  });

  it('name their own language in messagesLocale', () => {
    for (const locale of LOCALES) expect(files[locale].messagesLocale?.message).toBe(locale);
  });

  it('keep the grade rule equal to the one the core computes with', () => {
    expect(en.gradeRule?.message).toBe(GRADE_RULE);
  });

  it('never say a clause "is illegal", in any language', () => {
    for (const locale of LOCALES) {
      for (const [key, e] of Object.entries(files[locale])) expect(e.message, `${locale} ${key}`).not.toMatch(/\b(is illegal|ist illegal|rechtswidrig|est illégale?|illicite)\b/i);
    }
  });
});

describe('t() and the category helpers', () => {
  beforeEach(() => {
    getMessage.mockReset();
    getMessage.mockImplementation(() => '');
  });

  it('fall back to the English file when the browser has no message', () => {
    expect(t('popupTabError', 'boom')).toBe('Clausemark could not read this tab: boom');
    expect(t('pagerRange', 11, 20, 182)).toBe('11–20 of 182');
    expect(tn('sbsMoreClauses', 1)).toBe('1 more clause');
    expect(tn('sbsMoreClauses', 3)).toBe('3 more clauses');
    expect(tn('rarityText', 340, 12, 'uncommon')).toBe('12 of 340 reviewed platforms (uncommon)');
    expect(tMaybe('no_such_key')).toBe('');
  });

  it('use what the browser answers, with the substitutions as strings', () => {
    getMessage.mockImplementation((key: string, subs?: string[]) => (key === 'popupTabError' ? `Fehler: ${subs?.[0]}` : ''));
    expect(t('popupTabError', 'x')).toBe('Fehler: x');
    expect(getMessage).toHaveBeenCalledWith('popupTabError', ['x']);
  });

  it('formats like Chrome: named placeholders, $1…$9 and $$, in any order', () => {
    const entry = { message: 'B=$B$, A=$a$, raw $2, cost $$5', placeholders: { a: { content: '$1' }, b: { content: '[$2]' } } };
    expect(formatMessage(entry, ['one', 'two'])).toBe('B=[two], A=one, raw two, cost $5');
    // Every German and French message formats with its placeholders filled and no "$" left.
    for (const locale of ['de', 'fr'] as const) {
      for (const [key, e] of Object.entries(files[locale])) {
        const subs = Object.keys(e.placeholders ?? {}).map((_, i) => `«${i + 1}»`);
        const out = formatMessage(e, subs);
        expect(out, `${locale} ${key}`).not.toContain('$');
        subs.forEach((s) => expect(out, `${locale} ${key}`).toContain(s));
      }
    }
  });

  it('format dates and numbers in the UI language, or in the messages’ language when they differ', async () => {
    const formatIn = async (ui: string, messages: string) => {
      vi.resetModules();
      getUILanguage.mockReturnValue(ui);
      getMessage.mockImplementation((key: string) => (key === 'messagesLocale' ? messages : ''));
      const i18n = await import('../../../src/lib/i18n');
      return { day: i18n.formatDay('2026-11-23T10:00:00Z'), n: i18n.formatNumber(12345.5), locale: i18n.uiLocale() };
    };
    expect(await formatIn('de-DE', 'de')).toMatchObject({ locale: 'de-DE', n: '12.345,5', day: '23. Nov. 2026' });
    expect((await formatIn('fr', 'fr')).day).toMatch(/23 nov\. 2026/);
    // A Spanish browser gets English messages: the dates follow the English text.
    expect(await formatIn('es', 'en')).toMatchObject({ locale: 'en', day: 'Nov 23, 2026' });
    // Chromium's --lang=de switches the messages but not getUILanguage.
    expect((await formatIn('en-US', 'de')).day).toBe('23. Nov. 2026');
    getUILanguage.mockReturnValue('en');
    vi.resetModules();
  });

  it('give category texts in the browser’s language, the taxonomy’s English otherwise', () => {
    expect(categoryTitle('arbitration')).toBe('Mandatory arbitration');
    expect(categoryTitle('not-a-category')).toBe('not-a-category');
    const de = files.de;
    getMessage.mockImplementation((key: string) => de[key]?.message ?? '');
    expect(categoryTitle('arbitration')).toBe(de.cat_arbitration_title?.message);
    expect(categoryText('data-sale')?.meaning).toBe(de.cat_data_sale_meaning?.message);
    const regs = categoryRegulations('ai-training');
    expect(regs.map((r) => r.short)).toContain('DSGVO');
    expect(regs[0]?.note).toBe(de.cat_ai_training_reg_gdpr?.message);
  });
});
