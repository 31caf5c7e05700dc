// The benchmark's pages: large ordinary pages (saved in test/fixtures/bench/), the largest real
// policy of the data and a typical one of the same platform (built from their OTA markdown), real
// policy pages of ordinary size as their sites served them (the raw HTML snapshots of
// ota-genai-eu, scripts and all), and one page that reproduces the slowest real pattern: a policy
// whose page never finishes loading and keeps changing. All are routed at their real addresses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_FIXTURES, SHARED_DATA } from './paths';
import { policyBlocksFromMarkdown } from '../../test/fixtures/pages';
import { htmlToText } from '../../src/core/text';

export interface BenchPage {
  id: string;
  label: string;
  url: string;
  html: string;
  words: number;
  /** What kind of page: the bench reports each kind against its own targets. */
  kind: 'ordinary' | 'large' | 'real' | 'pattern';
  /** Addresses the page requests that never answer (so its `load` event never fires). */
  hangs?: string[];
  /** How long to keep watching after the page was annotated (a page that keeps changing). */
  observeMs?: number;
}

const words = (html: string) => htmlToText(html).text.split(/\s+/).filter(Boolean).length;

function ordinary(id: string, file: string, url: string, label: string): BenchPage {
  const html = readFileSync(path.join(BENCH_FIXTURES, file), 'utf8');
  return { id, label, url, html, words: words(html), kind: 'ordinary' };
}

export const ORDINARY_PAGES: readonly BenchPage[] = [
  ordinary('docs', 'docs.html', 'https://notes.example.org/datasets/handbook', 'documentation page (dataset READMEs)'),
  ordinary('table', 'table.html', 'https://notes.example.org/directory/sites', 'long table (750 rows)'),
  ordinary('feed', 'feed.html', 'https://notes.example.org/activity', 'activity feed (1,500 entries)'),
];

/** The document's declared address in an OTA collection's declarations-urls.csv. */
export function declaredUrl(collection: string, service: string, termsType: string, nth = 0): string {
  const csv = readFileSync(path.join(SHARED_DATA, collection, 'declarations-urls.csv'), 'utf8');
  const hits: string[] = [];
  for (const line of csv.split('\n')) {
    const [id, , type, url] = line.split(',');
    if (id === service && type === termsType && url) hits.push(url);
  }
  const url = hits[nth];
  if (!url) throw new Error(`no declared URL #${nth} for ${service} ${termsType} in ${collection}`);
  return url;
}

const escapeText = (s: string) => s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);

function large(id: string, collection: string, service: string, termsType: string): BenchPage {
  const body = policyBlocksFromMarkdown(`${collection}/versions-HEAD/${service}/${termsType}.md`);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${service} ${termsType}</title></head><body><main><h1>${service} ${termsType}</h1>\n${body}\n</main></body></html>`;
  return { id, label: `${service} ${termsType}`, url: declaredUrl(collection, service, termsType), html, words: words(html), kind: 'large' };
}

/** A raw HTML snapshot of ota-genai-eu as its site served it, at the address it was taken from. */
function real(id: string, service: string, file: string, termsType: string, nth = 0): BenchPage {
  const html = readFileSync(path.join(SHARED_DATA, 'ota-genai-eu/snapshots-HEAD', service, file), 'utf8');
  return { id, label: `${service} ${termsType}`, url: declaredUrl('ota-genai-eu', service, termsType, nth), html, words: words(html), kind: 'real' };
}

/**
 * The slowest real pattern (issue 14: Yahoo's privacy page kept every visit waiting for seconds):
 * Yahoo's own privacy text at its declared address, inside a portal page that never finishes
 * loading (an ad pixel that never answers, so `load` never fires), runs its own scripts in bursts,
 * rotates an ad slot every 250 ms for 12 s, and adds a consent notice (700 ms) and a block of
 * related links (1.5 s) after DOMContentLoaded — together more than 5 % of the text.
 */
function portal(): BenchPage {
  const body = policyBlocksFromMarkdown('ota-contrib/versions-HEAD/Yahoo/Privacy Policy.md');
  const menu = Array.from({ length: 120 }, (_, i) => `<li><a href="/news/section-${i}">Section ${i + 1}</a></li>`).join('');
  const related = Array.from({ length: 40 }, (_, i) => `<li><a href="/topics/${i}">Privacy topic ${i + 1}: how we handle information in product ${i + 1}</a></li>`).join('');
  const consent = escapeText(
    'We, Yahoo, are part of the Yahoo family of brands. When you use our sites and apps, we use cookies to provide our sites and apps to you, authenticate users, apply security measures, and prevent spam and abuse, and to measure your use of our sites and apps. If you click "Accept all", we and our partners, including 238 who are part of the IAB Transparency & Consent Framework, will also store and/or access information on a device (in other words, use cookies) and use precise geolocation data and other personal data such as IP address and browsing and search data, for personalised advertising and content, advertising and content measurement, audience research and services development. If you do not want us and our partners to use cookies and personal data for these additional purposes, click "Reject all". If you would like to customise your choices, click "Manage privacy settings". You can withdraw your consent or change your choices at any time by clicking on the "Privacy & cookie settings" or "Privacy dashboard" links on our sites and apps.',
  );
  const script = `
    const busy = (ms) => { const t = performance.now(); while (performance.now() - t < ms) {} };
    let n = 0;
    const ad = document.getElementById('ad');
    const rotate = setInterval(() => { busy(8); ad.textContent = 'Advertisement ' + (++n) + ': offers near you'; if (n >= 48) clearInterval(rotate); }, 250);
    const bursts = setInterval(() => busy(30), 400);
    setTimeout(() => clearInterval(bursts), 12000);
    setTimeout(() => { const c = document.createElement('div'); c.id = 'consent'; c.innerHTML = ${JSON.stringify(`<p>${consent}</p>`)}; document.body.append(c); }, 700);
    setTimeout(() => { const r = document.createElement('aside'); r.innerHTML = ${JSON.stringify(`<h2>Related</h2><ul>${related}</ul>`)}; document.querySelector('main').append(r); }, 1500);
  `;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Yahoo Privacy Centre</title></head><body>
<header><nav><ul>${menu}</ul></nav><div id="ad">Advertisement</div><img src="https://ads.portal-bench.invalid/pixel.gif" width="1" height="1" alt=""></header>
<main><h1>Yahoo Privacy Centre</h1>\n${body}\n</main><script>${script}</script></body></html>`;
  return {
    id: 'portal',
    label: 'Yahoo Privacy Policy in a page that never finishes loading and keeps changing',
    url: declaredUrl('ota-contrib', 'Yahoo', 'Privacy Policy'),
    html,
    words: words(html),
    kind: 'pattern',
    hangs: ['https://ads.portal-bench.invalid/pixel.gif'],
    observeMs: 14_000,
  };
}

/** The largest policy in the data by word count, a typical-size one of the same platform, seven
 * real pages of ordinary size, and the slow pattern. */
export function policyPages(): BenchPage[] {
  return [
    large('roblox-terms', 'ota-contrib', 'Roblox', 'Terms of Service'),
    large('roblox-privacy', 'ota-contrib', 'Roblox', 'Privacy Policy'),
    real('claude-terms', 'Claude.ai', 'Terms of Service.html', 'Terms of Service'),
    real('deepseek-privacy', 'DeepSeek', 'Privacy Policy.html', 'Privacy Policy'),
    real('openai-privacy', 'ChatGPT', 'Privacy Policy #policies-eu-privacy-policy.html', 'Privacy Policy'),
    real('grok-privacy', 'Grok', 'Privacy Policy #legal-privacy-policy.html', 'Privacy Policy'),
    real('perplexity-privacy', 'Perplexity', 'Privacy Policy.html', 'Privacy Policy'),
    real('qwen-privacy', 'Qwen Chat', 'Privacy Policy.html', 'Privacy Policy'),
    real('copilot-terms', 'Microsoft Copilot', 'Terms of Service.html', 'Terms of Service'),
    portal(),
  ];
}
