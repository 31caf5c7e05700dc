// `npm run build:kb`: builds src/kb/generated/kb.json from ../shared/data. Deterministic: the same
// inputs give a byte-identical file (sorted listings, no timestamps; version = newest input date).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { mapCase } from '../src/core/case-map';
import { KB_SCHEMA_VERSION, type KnowledgeBase } from '../src/kb/schema';
import { kbContentHash } from './kb/canonical';
import { buildCategoryStats } from './kb/category-stats';
import { buildClauses } from './kb/clauses';
import { buildCredits } from './kb/credits';
import { buildDocuments, latestVersionDates } from './kb/documents';
import { buildHistory } from './kb/history';
import { KB_OUT, REPO_ROOT, TEXT_COLLECTIONS } from './kb/paths';
import { collectSourceServices, mergePlatforms } from './kb/platforms';
import {
  listOtaTexts,
  readDeclaredUrls,
  readTosdr2019Cases,
  readTosdrPoints,
  readTosdrServices,
  readVersionsIndex,
  type IndexRow,
} from './kb/sources';
import { prepareSummaries } from './kb/summaries';

export async function buildKb(log: (line: string) => void = () => {}): Promise<KnowledgeBase> {
  const t0 = Date.now();
  const tosdr = readTosdrServices();
  const points = readTosdrPoints();
  const declared = readDeclaredUrls();
  const texts = listOtaTexts();
  const indexes = new Map<string, IndexRow[]>(TEXT_COLLECTIONS.map((c) => [c, readVersionsIndex(c)]));
  log(`read inputs in ${Date.now() - t0} ms`);

  const ps = mergePlatforms(collectSourceServices(tosdr, declared, texts));
  const latestDates = latestVersionDates(indexes);
  const docs = buildDocuments(ps, declared, texts, tosdr, latestDates);
  log(`platforms and documents in ${Date.now() - t0} ms`);
  const clauses = buildClauses(points, ps, docs);
  log(`clauses anchored in ${Date.now() - t0} ms`);
  // Summaries only for the histories kept (one collection per document): a first pass picks them.
  const kept = new Set(buildHistory(indexes, docs).map((h) => `${h.collection}\u0000${h.documentId}`));
  const { summarise } = await prepareSummaries(indexes, docs, { log, keep: (c, id) => kept.has(`${c}\u0000${id}`) });
  const history = buildHistory(indexes, docs, summarise);
  log(`history and change summaries in ${Date.now() - t0} ms`);

  const allCases = [...new Set([...points.map((p) => p.caseTitle), ...readTosdr2019Cases()].map((t) => t.trim()))];
  const unmappedCases = allCases.filter((t) => t && mapCase(t) === null).sort();

  const version = [...latestDates.values()].sort().at(-1)?.slice(0, 10).replaceAll('-', '.') ?? '0';
  const kb: KnowledgeBase = {
    schemaVersion: KB_SCHEMA_VERSION,
    version,
    contentHash: '',
    sources: buildCredits(),
    platforms: ps.platforms,
    documents: docs.documents,
    clauses,
    categoryStats: buildCategoryStats(clauses),
    history,
    unmappedCases,
  };
  kb.contentHash = kbContentHash(kb as unknown as Record<string, unknown>);
  return kb;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const kb = await buildKb((l) => process.stdout.write(`  ${l}\n`));
  const json = JSON.stringify(kb);
  mkdirSync(path.dirname(KB_OUT), { recursive: true });
  writeFileSync(KB_OUT, json);
  const gz = gzipSync(Buffer.from(json), { level: 9 }).length;
  const count = (s: string) => kb.clauses.filter((c) => c.anchor.status === s).length;
  const lines = [
    `Knowledge base written to ${path.relative(REPO_ROOT, KB_OUT)} (version ${kb.version})`,
    `  platforms          ${kb.platforms.length}`,
    `  documents          ${kb.documents.length} (${kb.documents.filter((d) => d.latest).length} with an archived OTA text)`,
    `  known clauses      ${kb.clauses.length}: found ${count('found')}, stale ${count('stale')}, unchecked ${count('unchecked')}`,
    `  history            ${kb.history.length} documents, ${kb.history.reduce((n, h) => n + h.changes.length, 0)} changes, ${kb.history.reduce((n, h) => n + h.changes.filter((c) => c.summary).length, 0)} summarised`,
    `  unmapped cases     ${kb.unmappedCases.length}`,
    `  size               ${Buffer.byteLength(json)} bytes raw, ${gz} bytes gzipped`,
    `  contentHash        ${kb.contentHash}`,
    `  built in           ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(REPO_ROOT, 'scripts', 'build-kb.ts')) {
  await main();
}
