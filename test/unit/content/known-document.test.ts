// Could a page be a document the knowledge base knows, from its address alone
// (content/known-document.ts)? The loader asks before the title is known, to start the lookup
// while the page is parsed; the sentinel asks the same of the host. It may never say no to a known
// document, in any spelling of its address that leads to it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildUrlIndex, matchDocument } from '../../../src/core/url';
import { mayBeKnownDocument } from '../../../src/content/known-document';

const kb = () => JSON.parse(readFileSync('src/kb/generated/kb.json', 'utf8')) as { documents: { id: string; patterns: { host: string; path: string }[] }[] };

describe('mayBeKnownDocument', () => {
  it('finds every document of the knowledge base, in any spelling of its address that leads to it, by the address or by its host', () => {
    const docs = kb().documents;
    const index = buildUrlIndex(docs);
    const asks = (url: string) => mayBeKnownDocument(url, new URL(url).hostname);
    const missed: string[] = [];
    let checked = 0;
    for (const d of docs) {
      for (const p of d.patterns) {
        const path = p.path;
        const spellings = [
          `https://${p.host}${path}`,
          `https://www.${p.host}${path}/`,
          `https://${p.host}${path}#section-2`,
          `https://${p.host}${path}?utm_source=x#top`,
          `https://${p.host}/en-us${path}`,
          `https://m.${p.host}${path.toUpperCase()}`,
          `https://${p.host}${path}/index.html`,
          `https://${p.host}${path}/print#x`,
          ...(path ? [`https://${p.host}${path}/part-2`, `https://${p.host}${path}/fr/details#a`] : []),
        ];
        for (const url of spellings) {
          if (matchDocument(url, index)?.documentId === undefined) continue;
          checked++;
          if (!asks(url)) missed.push(url);
        }
      }
    }
    expect(checked).toBeGreaterThan(100_000);
    expect(missed).toEqual([]);
  });

  it('says no to ordinary addresses on hosts it does not know', () => {
    const ordinary = Array.from({ length: 2000 }, (_, i) => `https://shop-${i}.example-unknown.net/catalogue/item-${i}?page=${i % 7}`);
    const passed = ordinary.filter((u) => mayBeKnownDocument(u, new URL(u).hostname)).length;
    expect(passed / ordinary.length).toBeLessThan(0.02);
  });
});
