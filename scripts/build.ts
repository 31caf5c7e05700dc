// `npm run build`: the Chrome and Firefox builds from the one manifest source, then a summary of
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
// bundle sizes (raw and gzipped) so changes in weight are visible.
import { build } from 'vite';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { Target } from './manifest-for';
import { buildContent } from './build-content';

const targets: Target[] = (process.argv.slice(2).filter((a) => a === 'chrome' || a === 'firefox') as Target[]);
if (targets.length === 0) targets.push('chrome', 'firefox');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const t0 = performance.now();
for (const target of targets) {
  process.env.CLAUSEMARK_TARGET = target;
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn', mode: 'production' });
  await buildContent(target);
}
const ms = Math.round(performance.now() - t0);

const dir = `dist/${targets[0]}`;
const rows = files(dir)
  .filter((f) => /\.(js|json|css|html|gz)$/.test(f))
  .map((f) => {
    const buf = readFileSync(f);
    return { file: path.relative(dir, f), raw: buf.length, gz: gzipSync(buf).length };
  })
  .sort((a, b) => b.raw - a.raw);
console.log(`Built ${targets.map((t) => `dist/${t}`).join(' and ')} in ${ms} ms. Files of ${dir}:`);
for (const r of rows) console.log(`  ${(r.raw / 1024).toFixed(1).padStart(9)} KB  ${(r.gz / 1024).toFixed(1).padStart(8)} KB gz  ${r.file}`);
