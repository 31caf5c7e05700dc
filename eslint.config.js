// Lint: TypeScript rules, plus the folder fences of docs/architecture.md ("What each folder may
// import"): src/core is pure and may not import browser, storage or shell code; storage, content,
// the extension pages, background, lib and settings each import only the folders below them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';


// A folder fence: imports of these sibling folders (from any depth under src/) are errors.
const fence = (files, folders, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message: `${why} (docs/architecture.md)` }] },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'src/kb/generated/**', 'src/core/*.generated.*', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { property: 'innerHTML', message: 'Never put page, policy or knowledge-base text into innerHTML; render text.' }, { property: 'outerHTML', message: 'Never write HTML strings into the page.' }],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML.' }],
    },
  },
  {
    files: ['bin/**/*.mjs', 'scripts/**/*.ts', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['webextension-polyfill', 'idb', 'idb/*', 'mark.js', 'preact', 'preact/*'], message: 'src/core is pure: no browser, storage or UI libraries.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/core is pure: no Node modules (it runs in the page).' },
            { group: ['../background/*', '../content/*', '../popup/*', '../options/*', '../storage/*', '../lib/*', '../messages', '../background', '../content', '../storage'], message: 'src/core may not import the shells.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'src/core is pure: no extension APIs.' }, { name: 'browser', message: 'src/core is pure: no extension APIs.' }, { name: 'window', message: 'src/core is pure: no window.' }, { name: 'document', message: 'src/core is pure: no DOM globals.' }, { name: 'indexedDB', message: 'src/core is pure: storage belongs to src/storage.' }, { name: 'localStorage', message: 'src/core is pure.' }],
    },
  },
  fence(['src/storage/**/*.ts'], ['background', 'content', 'popup', 'options', 'onboarding', 'settings', 'lib'], 'src/storage keeps records: it never imports the background, the pages, the content scripts or their helpers'),
  fence(['src/content/**/*.{ts,tsx}'], ['background', 'popup', 'options', 'onboarding', 'storage'], 'Content scripts reach the background only by messages (lib/rpc.ts); storage here would be the page’s own'),
  fence(['src/popup/**/*.{ts,tsx}', 'src/options/**/*.{ts,tsx}', 'src/onboarding/**/*.{ts,tsx}'], ['background', 'storage'], 'Extension pages reach the background and its storage only through the message protocol (messages.ts, lib/rpc.ts)'),
  fence(['src/background/**/*.ts'], ['content', 'popup', 'options', 'onboarding'], 'The background answers messages; it never imports page or content-script code'),
  fence(['src/lib/**/*.{ts,tsx}', 'src/settings/**/*.ts', 'src/kb/**/*.ts'], ['background', 'content', 'popup', 'options', 'onboarding', 'storage'], 'Shared helpers sit below every feature folder'),
);
