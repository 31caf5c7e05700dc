// The browser's extension API for code on every page (lib/ext.ts): looked up at each use, not
// when the module loads (an ordinary page's loader never touches it), and every namespace the
// content scripts and their shared libraries use is there (rpc.ts sends to tabs from the background).
import { afterEach, describe, expect, it } from 'vitest';

const g = globalThis as { chrome?: unknown; browser?: unknown };
afterEach(() => {
  delete g.chrome;
  delete g.browser;
});

describe('ext', () => {
  it('reads the API at each use, not when loaded, Firefox’s `browser` first', async () => {
    const { ext } = await import('../../../src/lib/ext');
    // Loaded before any API exists: nothing was read.
    const chrome = { runtime: { id: 'c' }, storage: { id: 's' }, i18n: { id: 'i' }, tabs: { id: 't' } };
    g.chrome = chrome;
    expect([ext.runtime, ext.storage, ext.i18n, ext.tabs]).toEqual([chrome.runtime, chrome.storage, chrome.i18n, chrome.tabs]);
    const browser = { runtime: { id: 'b' }, storage: {}, i18n: {}, tabs: {} };
    g.browser = browser;
    expect(ext.runtime).toBe(browser.runtime);
  });

  it('has every namespace the code that imports it uses', async () => {
    const { readFileSync, readdirSync, statSync } = await import('node:fs');
    const path = await import('node:path');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = path.join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f)) files.push(p);
      }
    };
    walk('src');
    const used = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      const m = /import \{[^}]*\bext(?: as (\w+))?[^}]*\} from '[./]*(?:lib\/)?ext'/.exec(src);
      if (!m) continue;
      const name = m[1] ?? 'ext';
      for (const u of src.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, 'g'))) used.add(u[1] as string);
    }
    expect(used.size).toBeGreaterThan(2);
    const { ext } = await import('../../../src/lib/ext');
    g.chrome = Object.fromEntries([...used].map((n) => [n, { name: n }]));
    for (const n of used) expect((ext as unknown as Record<string, unknown>)[n], n).toEqual({ name: n });
  });
});
