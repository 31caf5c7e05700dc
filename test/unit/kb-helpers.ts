// Shared by the kb-*.test.ts data tests: the shipped KB and the archived texts it was built from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../../src/kb/schema';
import { DATA_ROOT, KB_OUT } from '../../scripts/kb/paths';

export const kbRaw = readFileSync(KB_OUT, 'utf8');
export const kb = JSON.parse(kbRaw) as KnowledgeBase;

const texts = new Map<string, string>();
export function otaText(relPath: string): string {
  let t = texts.get(relPath);
  if (t === undefined) texts.set(relPath, (t = readFileSync(path.join(DATA_ROOT, relPath), 'utf8')));
  return t;
}
