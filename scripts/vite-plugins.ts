// Vite plugins shared by the extension build (vite.config.ts) and the content-script build
// (scripts/build-content.ts).
import type { Plugin } from 'vite';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { createBloom } from '../src/core/bloom';
import { mayBePolicyPage } from '../src/core/page';

const kbFile = process.env.CLAUSEMARK_KB_FILE ?? path.resolve('src/kb/generated/kb.json');

/** Ships the generated knowledge base gzipped (a sixth of the size; web-ext lint cannot parse
 * a 10 MB JSON file); the background inflates it with DecompressionStream on install. */
export function embedKnowledgeBase(): Plugin {
  return {
    name: 'clausemark-embed-kb',
    generateBundle() {
      if (!existsSync(kbFile)) {
        this.error('src/kb/generated/kb.json is missing: run `npm run build:kb` (needs ../shared/data).');
      }
      this.emitFile({ type: 'asset', fileName: 'kb.json.gz', source: gzipSync(readFileSync(kbFile), { level: 9 }) });
    },
  };
}

/** `virtual:unmarked-hosts`: a Bloom filter (src/core/bloom.ts) of the hosts of the knowledge
 * base's documents whose address does not read like a policy (`mayBePolicyPage` false: about a
 * fifth of the hosts), for the sentinel on every page and the loader, which find the others by
 * their address (content/known-document.ts, test/unit/content/known-document.test.ts). */
export function knownHosts(): Plugin {
  const ids = new Set(['virtual:unmarked-hosts']);
  return {
    name: 'clausemark-known-hosts',
    resolveId: (source) => (ids.has(source) ? `\0${source}` : null),
    load(resolved) {
      if (!resolved.startsWith('\0') || !ids.has(resolved.slice(1))) return null;
      if (!existsSync(kbFile)) this.error('src/kb/generated/kb.json is missing: run `npm run build:kb` (needs ../shared/data).');
      const kb = JSON.parse(readFileSync(kbFile, 'utf8')) as { documents: { patterns: { host: string; path: string }[] }[] };
      const patterns = kb.documents.flatMap((d) => d.patterns);
      const hosts = patterns.filter((p) => !mayBePolicyPage(`https://${p.host}${p.path}`, '')).map((p) => p.host);
      return `export default ${JSON.stringify(createBloom(hosts))};`;
    },
  };
}
