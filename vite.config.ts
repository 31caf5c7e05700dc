// One manifest source (manifest.json), two builds: CLAUSEMARK_TARGET=chrome (MV3 service worker)
// and CLAUSEMARK_TARGET=firefox (background scripts + gecko id). scripts/build.ts runs both.
import { defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { manifestFor, type Target } from './scripts/manifest-for';
import { createBloom } from './src/core/bloom';

const root = path.dirname(fileURLToPath(import.meta.url));
const target = (process.env.CLAUSEMARK_TARGET ?? 'chrome') as Target;
const kbFile = process.env.CLAUSEMARK_KB_FILE ?? path.join(root, 'src/kb/generated/kb.json');

/** Ships the generated knowledge base gzipped (a sixth of the size; web-ext lint cannot parse
 * a 10 MB JSON file); the background inflates it with DecompressionStream on install. */
function embedKnowledgeBase(): Plugin {
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
function knownHosts(): Plugin {
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

const baseManifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));

export default defineConfig({
  plugins: [
    preact(),
    crx({ manifest: manifestFor(baseManifest, target) as unknown as ManifestV3Export, browser: target }),
    embedKnowledgeBase(),
    knownHosts(),
  ],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    // Pages the manifest does not name: the first-run page.
    rollupOptions: { input: { onboarding: 'src/onboarding/index.html' } },
  },
});
