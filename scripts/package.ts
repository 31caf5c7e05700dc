// `npm run package`: builds both targets and zips each for its store:
// dist/clausemark-chrome-<version>.zip and dist/clausemark-firefox-<version>.zip.
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, statSync } from 'node:fs';

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

run('npx', ['tsx', 'scripts/build.ts']);
const { version } = JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string };
for (const target of ['chrome', 'firefox']) {
  const out = `dist/clausemark-${target}-${version}.zip`;
  rmSync(out, { force: true });
  const tmp = `dist/.pkg-${target}`;
  rmSync(tmp, { recursive: true, force: true });
  run('npx', ['web-ext', 'build', '--source-dir', `dist/${target}`, '--artifacts-dir', tmp, '--overwrite-dest', '--filename', 'ext.zip', '--no-input']);
  renameSync(`${tmp}/ext.zip`, out);
  rmSync(tmp, { recursive: true, force: true });
  console.log(`${out}: ${(statSync(out).size / 1024).toFixed(0)} KB`);
}
