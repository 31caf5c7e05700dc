// `clausemark kb stats [--json]`: figures of the embedded knowledge base (src/kb/generated/kb.json).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { KnowledgeBase } from '../../src/kb/schema';
import { KB_OUT } from '../kb/paths';

export interface KbStats {
  version: string;
  schemaVersion: number;
  contentHash: string;
  platforms: number;
  documents: number;
  documentsWithText: number;
  urlPatterns: number;
  clauses: { total: number; found: number; stale: number; unchecked: number };
  categories: number;
  categoriesWithClauses: number;
  /** summarised: changes with a per-change summary (documents whose versions are in a bundle). */
  history: {
    documents: number;
    changes: number;
    summarised: number;
    documentsSummarised: number;
    withCategories: number;
    sentencesAdded: number;
    sentencesRemoved: number;
  };
  unmappedCases: number;
  size: { raw: number; gzip: number };
}

export function kbStats(raw: string): KbStats {
  const kb = JSON.parse(raw) as KnowledgeBase;
  const count = (s: string) => kb.clauses.filter((c) => c.anchor.status === s).length;
  const changes = kb.history.flatMap((h) => h.changes);
  return {
    version: kb.version,
    schemaVersion: kb.schemaVersion,
    contentHash: kb.contentHash,
    platforms: kb.platforms.length,
    documents: kb.documents.length,
    documentsWithText: kb.documents.filter((d) => d.latest).length,
    urlPatterns: kb.documents.reduce((n, d) => n + d.patterns.length, 0),
    clauses: { total: kb.clauses.length, found: count('found'), stale: count('stale'), unchecked: count('unchecked') },
    categories: kb.categoryStats.length,
    categoriesWithClauses: kb.categoryStats.filter((s) => s.platformsReviewed > 0).length,
    history: {
      documents: kb.history.length,
      changes: changes.length,
      summarised: changes.filter((c) => c.summary).length,
      documentsSummarised: kb.history.filter((h) => h.changes.some((c) => c.summary)).length,
      withCategories: changes.filter((c) => (c.summary?.categories.length ?? 0) > 0).length,
      sentencesAdded: changes.reduce((n, c) => n + (c.summary?.sentencesAdded ?? 0), 0),
      sentencesRemoved: changes.reduce((n, c) => n + (c.summary?.sentencesRemoved ?? 0), 0),
    },
    unmappedCases: kb.unmappedCases.length,
    size: { raw: Buffer.byteLength(raw), gzip: gzipSync(raw, { level: 9 }).length },
  };
}

function human(s: KbStats): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  return [
    `Clausemark knowledge base ${s.version} (schema ${s.schemaVersion})`,
    `  platforms        ${s.platforms}`,
    `  documents        ${s.documents} (${s.documentsWithText} with archived text, ${s.urlPatterns} URL patterns)`,
    `  known clauses    ${s.clauses.total}: ${s.clauses.found} found, ${s.clauses.stale} stale, ${s.clauses.unchecked} unchecked`,
    `  categories       ${s.categories} (${s.categoriesWithClauses} with reviewed clauses)`,
    `  history          ${s.history.changes} changes in ${s.history.documents} documents`,
    `  summaries        ${s.history.summarised} changes in ${s.history.documentsSummarised} documents (${s.history.withCategories} touching a clause category; ${s.history.sentencesAdded} sentences added, ${s.history.sentencesRemoved} removed)`,
    `  unmapped cases   ${s.unmappedCases}`,
    `  size             ${s.size.raw} bytes (${mb(s.size.raw)}) raw, ${s.size.gzip} bytes (${mb(s.size.gzip)}) gzipped`,
    `  contentHash      ${s.contentHash}`,
    '',
  ].join('\n');
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'stats') {
    process.stderr.write(`clausemark kb: unknown subcommand ${sub ? `"${sub}"` : '(none)'}\nUsage: clausemark kb stats [--json]\n`);
    return 2;
  }
  const unknown = rest.filter((a) => a !== '--json');
  if (unknown.length > 0) {
    process.stderr.write(`clausemark kb stats: unknown option ${unknown.join(' ')}\nUsage: clausemark kb stats [--json]\n`);
    return 2;
  }
  let raw: string;
  try {
    raw = readFileSync(KB_OUT, 'utf8');
  } catch {
    process.stderr.write(`clausemark kb: ${KB_OUT} not found; run \`npm run build:kb\` first\n`);
    return 1;
  }
  const stats = kbStats(raw);
  process.stdout.write(rest.includes('--json') ? `${JSON.stringify(stats, null, 2)}\n` : human(stats));
  return 0;
}
