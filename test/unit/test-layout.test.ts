// test/unit mirrors src (docs/architecture.md, "Where a new feature's files go"): every test file in
// a folder is named after the module it tests, at the same path under src/ (or scripts/ for
// test/unit/scripts). Files in test/unit itself test the repository as a whole.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../fixtures/pages';

const UNIT = path.join(PROJECT_ROOT, 'test', 'unit');

/** Test files that test several modules at once, and why. */
const SPREAD: Record<string, string> = {
  'core/fuzz.test.ts': 'property tests of the text model, detector, diff and anchoring together',
  'kb/generated/kb-anchors.test.ts': 'the anchors in kb.json checked against the archived texts',
};

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? testFiles(p) : /\.test\.tsx?$/.test(f) ? [path.relative(UNIT, p)] : [];
  });
}

/** The module a test file is named after, or null when there is none. */
function moduleOf(root: string, test: string): string | null {
  const [top, ...rest] = test.split(path.sep);
  const base = top === 'scripts' ? path.join(root, 'scripts', ...rest) : path.join(root, 'src', test);
  const stem = base.replace(/\.test\.tsx?$/, '');
  for (const ext of ['.ts', '.tsx', '.json']) if (existsSync(stem + ext)) return stem + ext;
  return null;
}

describe('test layout', () => {
  it('finds no module for a test named after nothing (the check itself can fail)', () => {
    expect(moduleOf(PROJECT_ROOT, path.join('core', 'no-such-module.test.ts'))).toBeNull();
    expect(moduleOf(PROJECT_ROOT, path.join('content', 'highlight.test.ts'))).toMatch(/src\/content\/highlight\.ts$/);
  });

  it('names every test in a folder after a module at the same path under src (or scripts)', () => {
    const nested = testFiles(UNIT).filter((t) => t.includes(path.sep));
    expect(nested.length).toBeGreaterThan(40);
    const orphans = nested.filter((t) => !SPREAD[t.split(path.sep).join('/')] && moduleOf(PROJECT_ROOT, t) === null);
    expect(orphans).toEqual([]);
  });
});
