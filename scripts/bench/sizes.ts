// Bundle sizes from the built extension: each entry point with the chunks it loads statically.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { ANNOTATOR_FILE, ENGINE_FILE, LOADER_FILE, SENTINEL_FILE, UI_FILE } from '../../src/lib/content-files';

export interface BundleSize {
  name: string;
  files: string[];
  raw: number;
  gz: number;
}

/** Static imports of a built chunk (and the crxjs wrapper's chrome.runtime.getURL import). */
function importsOf(dist: string, file: string): string[] {
  const src = readFileSync(path.join(dist, file), 'utf8');
  const out = new Set<string>();
  for (const m of src.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
    out.add(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1] as string)));
  }
  for (const m of src.matchAll(/getURL\(\s*["']([^"']+)["']\s*\)/g)) out.add(m[1] as string);
  return [...out].filter((f) => existsSync(path.join(dist, f)));
}

function closure(dist: string, entries: string[], exclude = new Set<string>()): string[] {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const f = stack.pop() as string;
    if (seen.has(f) || exclude.has(f)) continue;
    seen.add(f);
    stack.push(...importsOf(dist, f));
  }
  return [...seen];
}

function measure(dist: string, name: string, files: string[]): BundleSize {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = readFileSync(path.join(dist, f));
    raw += buf.length;
    gz += f.endsWith('.gz') ? buf.length : gzipSync(buf).length;
  }
  return { name, files, raw, gz };
}

function htmlAssets(dist: string, html: string): string[] {
  const src = readFileSync(path.join(dist, html), 'utf8');
  return [...src.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
}

export function bundleSizes(dist: string): BundleSize[] {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
  // The loader is registered at run time (background/content-registration.ts), not in the manifest.
  const sentinel = closure(dist, manifest.content_scripts?.flatMap((c: { js: string[] }) => c.js) ?? [SENTINEL_FILE]);
  const loader = closure(dist, [LOADER_FILE]);
  const annotator = closure(dist, [ANNOTATOR_FILE]);
  const popup = closure(dist, htmlAssets(dist, 'src/popup/index.html').filter((f) => f.endsWith('.js'))).concat(htmlAssets(dist, 'src/popup/index.html').filter((f) => f.endsWith('.css')));
  const background = closure(dist, [manifest.background.service_worker]);
  return [
    measure(dist, 'content sentinel (every page)', sentinel),
    measure(dist, 'content loader (addresses that may hold a policy; injected in the page\'s parsing task)', loader),
    measure(dist, 'annotator (reading, highlighting, badges; put in by the background on a likely policy)', annotator),
    measure(dist, 'page UI (panel and notices, on a policy page at the first click or notice)', [UI_FILE]),
    // The analysis: loaded by the analysis host (Chrome's offscreen document), or by a page where no host answers.
    measure(dist, 'analysis engine (the analysis host; a page only where none answers)', [ENGINE_FILE]),
    measure(dist, 'popup', [...new Set(popup)]),
    measure(dist, 'background', background),
    measure(dist, 'knowledge base (kb.json.gz)', ['kb.json.gz']),
  ];
}


