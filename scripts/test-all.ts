// `npm test`: typecheck, lint, unit tests (vitest), build, Firefox lint (web-ext), end-to-end
// tests in real Chromium. Ends with one line "N passed, N failed, N skipped" counting every test
// case (each of the checks counts as one case). A skipped test is never silent: it is counted, and
// under CI=true it fails the run (CI installs everything a test needs, so a skip there is a bug).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const skippedNames: string[] = [];
const failures: string[] = [];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function check(name: string, cmd: string, args: string[]): boolean {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const ok = run(cmd, args) === 0;
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return ok;
}

function vitest(name: string, config: string): void {
  console.log(`\n=== ${name}`);
  mkdirSync('.cache', { recursive: true });
  const out = path.join('.cache', `${name}.json`);
  rmSync(out, { force: true });
  const status = run('npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  if (!existsSync(out)) {
    failed++;
    failures.push(`${name} (no report, exit ${status})`);
    return;
  }
  const r = JSON.parse(readFileSync(out, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numTotalTestSuites: number;
    testResults: { status: string; name: string; message?: string; assertionResults?: { status: string; fullName: string }[] }[];
  };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  for (const f of r.testResults) for (const a of f.assertionResults ?? []) if (a.status === 'pending' || a.status === 'skipped' || a.status === 'todo') skippedNames.push(`${path.relative('.', f.name)}: ${a.fullName}`);
  // A file that fails to load has no test cases: count it as a failure so it cannot hide.
  const broken = r.testResults.filter((t) => t.status === 'failed' && t.message);
  failed += broken.length;
  if (r.numFailedTests || broken.length || status !== 0) failures.push(name);
  if (status !== 0 && r.numFailedTests === 0 && broken.length === 0) failed++;
}

const want = (step: string) => only.length === 0 || only.includes(step);

if (want('typecheck')) check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
if (want('lint')) check('lint', 'npx', ['eslint', '.']);
if (want('unit')) vitest('unit', 'vitest.config.ts');
if (want('e2e') || want('firefox')) {
  if (check('build', 'npx', ['tsx', 'scripts/build.ts'])) {
    if (want('firefox')) check('web-ext lint (dist/firefox, 0 errors)', 'npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--self-hosted', '--no-input']);
    if (want('e2e')) vitest('e2e', 'vitest.e2e.config.ts');
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
if (skippedNames.length) console.log(`\nSkipped:\n  ${skippedNames.join('\n  ')}`);
const ci = process.env.CI === 'true' || process.env.CI === '1';
if (ci && skipped) console.log(`\nCI=true: ${skipped} skipped test(s) fail the run.`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed || (ci && skipped) ? 1 : 0);
