// The extension in German and in French: Chromium started with --lang=<locale> (and LANGUAGE set)
// shows the options page, the popup, the clause panel, the badges and the English-only notice in
// that language, category texts included. Also takes docs/screenshots/options-de.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, fixture, FRENCH_POLICY_PAGE, routed } from '../fixtures/pages';
import { tabIdOf, uiText, waitForAnnotation, type ExtensionSession } from '../../scripts/lib/chromium';
import { readMessages } from '../../scripts/i18n-sync';
import { openBrowser } from './browser';
import { ourHosts, waitForUi } from './ui';

const google = fixture('google-privacy');
// A real French privacy policy (Orange, archived by Open Terms Archive) on an unknown address.
const FRENCH_PAGE = FRENCH_POLICY_PAGE;
const english = readMessages('en');

const panelText = async (page: Page) => (await uiText(page, '[role="dialog"]')) ?? '';

describe.each([
  { locale: 'de', words: { settings: 'Einstellungen', knowledgeBase: 'Wissensbasis', arbitration: 'Verpflichtendes Schiedsverfahren', means: 'Was sie bedeutet', knownDoc: 'Bekanntes Dokument' } },
  { locale: 'fr', words: { settings: 'Réglages', knowledgeBase: 'Base de connaissances', arbitration: 'Arbitrage obligatoire', means: 'Ce qu’elle signifie', knownDoc: 'Document connu' } },
])('the extension in $locale', ({ locale, words }) => {
  const messages = readMessages(locale);
  const m = (key: string) => messages[key]?.message as string;
  let session: ExtensionSession;
  let language: string | undefined;

  beforeAll(async () => {
    // Chromium on Linux takes its UI language from --lang; LANGUAGE covers builds that read the environment.
    language = process.env.LANGUAGE;
    process.env.LANGUAGE = locale;
    session = await openBrowser([routed(google), FRENCH_PAGE], [`--lang=${locale}`]);
  });

  afterAll(async () => {
    await session?.close();
    if (language === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = language;
  });

  it('shows the options page in that language, categories and dates included', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    await page.waitForSelector('.settings .cats');
    // The knowledge-base line says "Reading…" until the background answers (it may be warming its
    // address index at start), then "Installing…" until the install is done.
    await page.waitForFunction((w: { installing: string; reading: string }) => !document.body.innerText.includes(w.installing) && !document.body.innerText.includes(w.reading), { installing: m('optKbInstalling'), reading: m('reading') });
    const text = await page.evaluate(() => document.body.innerText);
    for (const w of [words.settings, words.knowledgeBase, words.arbitration, m('setNeverLegend'), m('hsTitle'), m('updTitle'), m('optAboutTitle'), m('cat_ai_training_title')]) expect(text).toContain(w);
    for (const w of ['When Clausemark reads a page', 'What to highlight', 'Mandatory arbitration', 'Knowledge base', 'About the data']) expect(text).not.toContain(w);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
    expect(await page.title()).toBe(m('optionsPageTitle'));
    if (locale === 'de') {
      // The knowledge base line: German words, German number grouping, a German date.
      expect(text).toMatch(/installiert am \d{1,2}\. \S+ \d{4}.*: [\d.]+ Plattformen/);
      mkdirSync(path.join(PROJECT_ROOT, 'docs/screenshots'), { recursive: true });
      await page.setViewportSize({ width: 1000, height: 1400 });
      await page.screenshot({ path: path.join(PROJECT_ROOT, 'docs/screenshots/options-de.png'), fullPage: false });
    }
    await page.close();
  });

  it('opens the clause panel in that language, badges and category texts included', async () => {
    const page = await session.context.newPage();
    await page.goto(google.url, { waitUntil: 'domcontentloaded' });
    await waitForAnnotation(page);
    const first = page.locator('mark[data-clausemark-clause]:visible').first();
    const category = (await first.getAttribute('data-clausemark-category')) as string;
    const key = category.replace(/-/g, '_');
    const badgeLabel = (await ourHosts(page)).find((h) => h.tag === 'SPAN')?.label ?? '';
    expect(badgeLabel).toContain(m('badgeAria').replace(/\$[A-Z]+\$.*$/, ''));
    expect(badgeLabel).not.toContain('Open explanation');
    await first.scrollIntoViewIfNeeded();
    await first.click();
    await waitForUi(page, '[role="dialog"]');
    const text = await panelText(page);
    for (const w of [words.means, m(`cat_${key}_title`), m(`cat_${key}_meaning`), m('panelWhy'), m('panelOthers'), m('panelProvenance'), m('panelCopy'), m('panelSeeAllPlatforms'), m('panelOtherRisks'), m('provRecord'), m('provFirstSeen'), m('provLastVerified')]) expect(text).toContain(w);
    expect(text).toMatch(/SHA-256[0-9a-f]{64}/);
    for (const w of ['What it means', 'Why it matters', 'Other risks in this policy', 'See all platforms', 'Last verified', english[`cat_${key}_meaning`]?.message as string]) expect(text).not.toContain(w);
    if (text.includes(m('panelRules'))) expect(text).toContain(m('panelNotAdvice'));
    await page.close();
  });

  it('shows the popup in that language', async () => {
    const page = await session.context.newPage();
    await page.goto(google.url, { waitUntil: 'domcontentloaded' });
    await waitForAnnotation(page);
    const tabId = await tabIdOf(session, google.url);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.waitForSelector('button.clause');
    const text = await popup.evaluate(() => document.body.innerText);
    for (const w of [words.knownDoc, m('viewClauses'), m('viewCompare'), m('viewHistory'), m('sevHigh'), m('clausesReviewed'), m('repExport'), m('repExportHtml')]) expect(text).toContain(w);
    for (const w of ['Known document', 'Side by side', 'Knowledge base', 'Export report', 'print to PDF']) expect(text).not.toContain(w);
    await popup.close();
    await page.close();
  });

  it('tells, in that language, that clause detection is English-only', async () => {
    const page = await session.context.newPage();
    await page.goto(FRENCH_PAGE.url, { waitUntil: 'domcontentloaded' });
    await waitForAnnotation(page);
    // The notice comes from the lazily loaded UI module: under load it can follow the annotation.
    await waitForUi(page, '.toast');
    const toast = (await uiText(page, '.toast')) ?? '';
    expect(toast).toContain(m('toastEnglishOnlyLooks').replace('$LANGUAGE$', m('langFrench')));
    expect(toast).toContain(m('toastNothingHighlighted'));
    expect(toast).not.toContain('Clause detection is English-only');
    await page.close();
  });
});
