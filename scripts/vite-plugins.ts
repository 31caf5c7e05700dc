// Vite plugins shared by the extension build (vite.config.ts) and the content-script build
// (scripts/build-content.ts).
import type { Plugin } from 'vite';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { createBloom } from '../src/core/bloom';

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

/** `virtual:known-hosts`: a Bloom filter of the knowledge base's document hosts, for the loader
 * that runs on every page (src/core/bloom.ts). */
export function knownHosts(): Plugin {
  const id = 'virtual:known-hosts';
  return {
    name: 'clausemark-known-hosts',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      if (!existsSync(kbFile)) this.error('src/kb/generated/kb.json is missing: run `npm run build:kb` (needs ../shared/data).');
      const kb = JSON.parse(readFileSync(kbFile, 'utf8')) as { documents: { patterns: { host: string }[] }[] };
      const hosts = kb.documents.flatMap((d) => d.patterns.map((p) => p.host));
      return `export default ${JSON.stringify(createBloom(hosts))};`;
    },
  };
}

