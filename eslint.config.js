// Lint: TypeScript rules, plus the architecture boundary of DESIGN.md: src/core is pure and may
// not import browser, storage or shell code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
);
