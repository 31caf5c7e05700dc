#!/usr/bin/env node
// `npx clausemark <command>`: runs the TypeScript command modules of scripts/cli through tsx,
// so the CLI uses exactly the same src/core as the extension.
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const commands = { scan: 'scan.ts', kb: 'kb.ts' };
const [name, ...args] = process.argv.slice(2);

if (!name || name === '--help' || name === '-h' || !(name in commands)) {
  process.stderr.write(
    [
      'Usage: clausemark <command> [options]',
      '',
      'Commands:',
      '  scan FILE [--json]   find the clauses of a .html, .md or .txt policy',
      '  kb stats [--json]    figures of the embedded knowledge base',
      '',
    ].join('\n'),
  );
  process.exit(name && name !== '--help' && name !== '-h' ? 2 : 0);
}

register();
const mod = await import(pathToFileURL(path.join(root, 'scripts', 'cli', commands[name])).href);
process.exitCode = await mod.run(args);
