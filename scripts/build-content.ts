// The content scripts, built apart from the rest (crxjs would split them into chunks that import
// each other, which breaks under Chrome's `use_dynamic_url`: a module loaded through its dynamic
// address resolves its imports against the fixed one, which is refused). Self-contained files:
// content/sentinel.js, the classic script on every page (tiny); content/loader.js, the classic
// script on pages that may hold a policy (settings, lookup, when to read); content/annotator.js,
// the classic script that reads and highlights, put in by the background where the loader asks; content/ui.js, the panel and
// notices, one ES module the loader loads through its per-session dynamic address on first need;
// and content/engine.js, the analysis, which the analysis host loads (content/host.html) and a page
// loads only when no host answers. The manifest declares no content script: the background
// registers the sentinel and the loader at run time (src/background/content-registration.ts). The
// page UI and the engine are the only web-accessible resources (dynamic URL only, in Chrome).
import { build } from 'vite';
import preact from '@preact/preset-vite';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { knownHosts } from './vite-plugins';
import type { Target } from './manifest-for';

import { ANNOTATOR_FILE, ENGINE_FILE, HOST_FILE, SENTINEL_FILE, UI_FILE } from '../src/lib/content-files';

export { LOADER_FILE, SENTINEL_FILE } from '../src/lib/content-files';
const PAGES = ['http://*/*', 'https://*/*'];

/** Builds the content scripts into `dist` (default dist/<target>; the bench builds elsewhere). */
export async function buildContent(target: Target, dist = path.resolve(`dist/${target}`), opts: { minify?: boolean } = {}): Promise<void> {
  const common = {
    configFile: false as const,
    logLevel: 'warn' as const,
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  const out = { outDir: path.join(dist, 'content'), emptyOutDir: false, target: 'es2022', sourcemap: false, copyPublicDir: false, minify: opts.minify ?? true };
  // The sentinel, on every page: tiny.
  await build({
    ...common,
    plugins: [knownHosts()],
    build: { ...out, lib: { entry: path.resolve('src/content/sentinel.ts'), formats: ['iife'], name: 'clausemarkSentinel', fileName: () => path.basename(SENTINEL_FILE) } },
  });
  // The loader, on addresses that may hold a policy: one classic script, small, since the browser
  // injects it in the task that parses the page. (A module would wait to load.)
  await build({
    ...common,
    plugins: [knownHosts()],
    build: { ...out, lib: { entry: path.resolve('src/content/loader.ts'), formats: ['iife'], name: 'clausemarkLoader', fileName: () => 'loader.js' } },
  });
  // The annotator (reading, highlighting, badges): put in by the background where the loader asks.
  await build({
    ...common,
    plugins: [preact()],
    build: { ...out, lib: { entry: path.resolve('src/content/annotator-entry.ts'), formats: ['iife'], name: 'clausemarkAnnotator', fileName: () => path.basename(ANNOTATOR_FILE) } },
  });
  // The page's UI beyond highlights and badges (panel, notices): loaded by the annotator on first need.
  await build({
    ...common,
    plugins: [preact()],
    build: {
      ...out,
      lib: { entry: path.resolve('src/content/ui.ts'), formats: ['es'], fileName: () => path.basename(UI_FILE) },
      rollupOptions: { output: { codeSplitting: false } },
    },
  });
  // The analysis (detector, anchoring, fingerprint): loaded by the analysis host, or by a page
  // when no host answers. The host is a page of its own that only loads it (Chrome's offscreen
  // document, opened by the background: src/background/analysis-host.ts).
  await build({
    ...common,
    build: {
      ...out,
      lib: { entry: path.resolve('src/content/engine.ts'), formats: ['es'], fileName: () => path.basename(ENGINE_FILE) },
      rollupOptions: { output: { codeSplitting: false } },
    },
  });
  const hostScript = HOST_FILE.replace(/\.html$/, '.js');
  writeFileSync(path.join(dist, hostScript), `import { serve } from './${path.basename(ENGINE_FILE)}';\nserve();\n`);
  writeFileSync(path.join(dist, HOST_FILE), `<!doctype html>\n<meta charset="utf-8">\n<title>Clausemark analysis</title>\n<script type="module" src="${path.basename(hostScript)}"></script>\n`);
  const file = path.join(dist, 'manifest.json');
  const m = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { web_accessible_resources?: Record<string, unknown>[] };
  const war: Record<string, unknown> = { resources: [UI_FILE, ENGINE_FILE], matches: PAGES };
  // Chrome: reachable only through the dynamic address, so a page cannot probe a fixed URL to
  // detect Clausemark. (Firefox already gives each install its own random moz-extension host.)
  if (target === 'chrome') war.use_dynamic_url = true;
  m.web_accessible_resources = [...(m.web_accessible_resources ?? []), war];
  if (target === 'chrome') for (const w of m.web_accessible_resources) w.use_dynamic_url = true;
  writeFileSync(file, `${JSON.stringify(m, null, 2)}\n`);
}
