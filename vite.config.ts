// One manifest source (manifest.json), two builds: CLAUSEMARK_TARGET=chrome (MV3 service worker)
// and CLAUSEMARK_TARGET=firefox (background scripts + gecko id). scripts/build.ts runs both.
import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { manifestFor, type Target } from './scripts/manifest-for';
import { embedKnowledgeBase } from './scripts/vite-plugins';

const root = path.dirname(fileURLToPath(import.meta.url));
const target = (process.env.CLAUSEMARK_TARGET ?? 'chrome') as Target;

const baseManifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));

export default defineConfig({
  plugins: [
    preact(),
    // The content scripts are built on their own (scripts/build-content.ts).
    crx({ manifest: manifestFor(baseManifest, target) as unknown as ManifestV3Export, browser: target }),
    embedKnowledgeBase(),
  ],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    // Pages the manifest does not name: the first-run page. (Chrome's offscreen document, the
    // analysis host, is built with the content scripts: scripts/build-content.ts.)
    rollupOptions: { input: { onboarding: 'src/onboarding/index.html' } },
  },
});
