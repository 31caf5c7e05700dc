// The folder fences of eslint.config.js fire (docs/architecture.md, "What each folder may
// import"): each forbidden import, written as it would be in a file of that folder, is a lint
// error, and the allowed ones are not.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../fixtures/pages';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function fenced(file: string, spec: string): Promise<string[]> {
  const [r] = await eslint.lintText(`import { x } from '${spec}';\nexport const y = x;\n`, { filePath: path.join(PROJECT_ROOT, file) });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('folder fences', () => {
  it.each([
    ['src/storage/visits.ts', '../background/kb-service'],
    ['src/storage/visits.ts', '../popup/app'],
    ['src/storage/visits.ts', '../content/highlight'],
    ['src/content/highlight.ts', '../background/index'],
    ['src/content/highlight.ts', '../popup/views'],
    ['src/content/highlight.ts', '../storage/db'],
    ['src/popup/app.tsx', '../background/kb-service'],
    ['src/options/main.tsx', '../storage/history-io'],
    ['src/onboarding/main.tsx', '../background'],
    ['src/background/routes/page.ts', '../../content/annotator'],
    ['src/lib/rpc.ts', '../background/index'],
    ['src/core/text.ts', '../storage/db'],
  ])('%s may not import %s', async (file, spec) => {
    const errors = await fenced(file, spec);
    expect(errors.length, errors.join('; ')).toBe(1);
    expect(errors[0]).toMatch(/src\/core may not import|docs\/architecture\.md/);
  });

  it.each([
    ['src/storage/visits.ts', '../core/history-text'],
    ['src/content/highlight.ts', '../lib/rpc'],
    ['src/popup/app.tsx', '../messages'],
    ['src/background/routes/page.ts', '../../storage/visits'],
    ['src/background/routes/page.ts', '../history-versions'],
  ])('%s may import %s', async (file, spec) => {
    expect(await fenced(file, spec)).toEqual([]);
  });
});
