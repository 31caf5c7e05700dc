// The benchmark's pages: large ordinary pages (saved in test/fixtures/bench/) and the largest real
// policies of the data, built from their OTA markdown and routed at their declared addresses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_FIXTURES, SHARED_DATA } from './paths';
import { policyBlocksFromMarkdown } from '../../test/fixtures/pages';

export interface BenchPage {
  id: string;
  label: string;
  url: string;
  html: string;
  words: number;
}

const words = (html: string) => html.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;

function ordinary(id: string, file: string, url: string, label: string): BenchPage {
  const html = readFileSync(path.join(BENCH_FIXTURES, file), 'utf8');
  return { id, label, url, html, words: words(html) };
}

export const ORDINARY_PAGES: readonly BenchPage[] = [
  ordinary('docs', 'docs.html', 'https://notes.example.org/datasets/handbook', 'documentation page (dataset READMEs)'),
  ordinary('table', 'table.html', 'https://notes.example.org/directory/sites', 'long table (750 rows)'),
  ordinary('feed', 'feed.html', 'https://notes.example.org/activity', 'activity feed (1,500 entries)'),
];

/** The document's declared address in an OTA collection's declarations-urls.csv. */
export function declaredUrl(collection: string, service: string, termsType: string): string {
  const csv = readFileSync(path.join(SHARED_DATA, collection, 'declarations-urls.csv'), 'utf8');
  for (const line of csv.split('\n')) {
    const [id, , type, url] = line.split(',');
    if (id === service && type === termsType && url) return url;
  }
  throw new Error(`no declared URL for ${service} ${termsType} in ${collection}`);
}

function policy(id: string, collection: string, service: string, termsType: string): BenchPage {
  const rel = `${collection}/versions-HEAD/${service}/${termsType}.md`;
  const body = policyBlocksFromMarkdown(rel);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${service} ${termsType}</title></head><body><main><h1>${service} ${termsType}</h1>\n${body}\n</main></body></html>`;
  return { id, label: `${service} ${termsType}`, url: declaredUrl(collection, service, termsType), html, words: words(body) };
}

/** The largest policy in the data by word count, and a typical-size one of the same platform. */
export function policyPages(): BenchPage[] {
  return [policy('roblox-terms', 'ota-contrib', 'Roblox', 'Terms of Service'), policy('roblox-privacy', 'ota-contrib', 'Roblox', 'Privacy Policy')];
}
