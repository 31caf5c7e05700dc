// Per-change summaries of the archived documents' history: for each real change, the sentences
// added and removed (set difference against the version just before, artefacts included) and the
// clause categories the detector finds in those sentences. Versions are read from the collections'
// git bundles (git-blobs.ts); without git or a writable .cache/ the build goes on without them.
import path from 'node:path';
import { detectSentences } from '../../src/core/detect';
import { markdownToText, normalizeForMatch, segment } from '../../src/core/text';
import type { HistoryChange } from '../../src/kb/schema';
import type { DocumentSet } from './documents';
import { BlobReader, ensureBareClone } from './git-blobs';
import { isRealChange, rowsByDocument, type SummaryFn } from './history';
import { dataPath, REPO_ROOT, SUMMARY_COLLECTIONS } from './paths';
import type { IndexRow } from './sources';

export type ChangeSummary = NonNullable<HistoryChange['summary']>;

/** A version as a set of sentences: normalised wording → the sentence as read. */
export interface VersionSentences {
  byKey: Map<string, string>;
}

const HAS_WORD = /[\p{L}\p{N}]/u;
const BLANK = /\n[ \t]*\r?\n/;

type Pieces = [key: string, raw: string][];

function piecesOf(markdown: string): Pieces {
  const { text, hardBreaks } = markdownToText(markdown);
  const out: Pieces = [];
  for (const s of segment(text, hardBreaks).sentences) {
    const raw = text.slice(s.start, s.end);
    const key = normalizeForMatch(raw);
    // Table rules and lone bullets are layout, not wording.
    if (HAS_WORD.test(key)) out.push([key, raw]);
  }
  return out;
}

/**
 * Sentences of a markdown version. A blank line always ends a block in markdownToText, so the
 * paragraphs can be segmented one by one and remembered in `cache`: consecutive versions share
 * almost all of them, which makes a long history cheap. A fenced block may hold blank lines: such
 * a text is segmented whole.
 */
export function versionSentences(markdown: string, cache?: Map<string, Pieces>): VersionSentences {
  const byKey = new Map<string, string>();
  const add = (pieces: Pieces) => {
    for (const [key, raw] of pieces) if (!byKey.has(key)) byKey.set(key, raw);
  };
  if (!cache || markdown.includes('```') || markdown.includes('~~~')) {
    add(piecesOf(markdown));
    return { byKey };
  }
  for (const para of markdown.split(BLANK)) {
    let pieces = cache.get(para);
    if (!pieces) cache.set(para, (pieces = piecesOf(para)));
    add(pieces);
  }
  return { byKey };
}

/** Categories the detector finds in one sentence, remembered per document in `cache` (a sentence
 * added by one change is often removed by a later one). */
function categoriesOf(raws: readonly string[], into: Set<string>, cache?: Map<string, string[]>): void {
  for (const raw of raws) {
    let cats = cache?.get(raw);
    if (!cats) {
      cats = [...new Set(detectSentences(raw, [{ start: 0, end: raw.length, block: 0 }]).map((c) => c.category))];
      cache?.set(raw, cats);
    }
    for (const c of cats) into.add(c);
  }
}

function missing(from: VersionSentences, to: VersionSentences): string[] {
  const out: string[] = [];
  for (const [key, raw] of from.byKey) if (!to.byKey.has(key)) out.push(raw);
  return out;
}

/** What changed from `prev` to `next`: distinct sentences added and removed, categories touched. */
export function summariseChange(prev: VersionSentences, next: VersionSentences, cache?: Map<string, string[]>): ChangeSummary {
  const added = missing(next, prev);
  const removed = missing(prev, next);
  const categories = new Set<string>();
  categoriesOf(added, categories, cache);
  categoriesOf(removed, categories, cache);
  return { sentencesAdded: added.length, sentencesRemoved: removed.length, categories: [...categories].sort() };
}

const rowKey = (collection: string, r: IndexRow) => `${collection}\u0000${r.commit}\u0000${r.service}\u0000${r.termsType}`;
const NO_BLOB = /^0{40}$/;

/** Summaries of one document's real changes, keyed by rowKey. */
async function summariseDocument(collection: string, rows: IndexRow[], reader: BlobReader, out: Map<string, ChangeSummary>): Promise<void> {
  // Ask for every version at once (answers come in order) and walk them as they arrive.
  const texts: (Promise<string | null> | null)[] = rows.map((r) => (r.status === 'D' || NO_BLOB.test(r.blob) ? Promise.resolve('') : reader.read(r.blob)));
  // If git fails, every pending read rejects; the first awaited one reports it, the rest must not
  // surface as unhandled rejections.
  for (const t of texts) t?.catch(() => {});
  const cache = new Map<string, Pieces>();
  const detected = new Map<string, string[]>();
  let prev: VersionSentences | null = null;
  let prevBlob = '';
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as IndexRow;
    const md = await texts[i];
    texts[i] = null;
    const cur: VersionSentences | null = md === null || md === undefined ? null : row.blob === prevBlob && prev ? prev : versionSentences(md, cache);
    if (prev && cur && isRealChange(row.title)) out.set(rowKey(collection, row), summariseChange(prev, cur, detected));
    prev = cur;
    prevBlob = row.blob;
  }
}

export interface SummaryFigures {
  collections: string[];
  documents: number;
  summaries: number;
  notes: string[];
}

/**
 * Computes every summary up front (reading the bundles is asynchronous; buildHistory is not) and
 * returns the lookup buildHistory calls per change.
 */
export async function prepareSummaries(
  indexes: Map<string, IndexRow[]>,
  docs: DocumentSet,
  opts: {
    cacheDir?: string;
    collections?: readonly string[];
    /** Only these documents' histories (the ones the knowledge base keeps); all when absent. */
    keep?: (collection: string, documentId: string) => boolean;
    log?: (line: string) => void;
  } = {},
): Promise<{ summarise: SummaryFn | undefined; figures: SummaryFigures }> {
  const cacheDir = opts.cacheDir ?? path.join(REPO_ROOT, '.cache', 'ota-bundles');
  const collections = opts.collections ?? SUMMARY_COLLECTIONS;
  const figures: SummaryFigures = { collections: [], documents: 0, summaries: 0, notes: [] };
  const out = new Map<string, ChangeSummary>();
  const perDoc = rowsByDocument(indexes, docs);
  for (const collection of collections) {
    const bundle = dataPath(collection, `${collection.replace(/^ota-/, '')}-versions.main.bundle`);
    const dir = path.join(cacheDir, `${collection}.git`);
    const clone = ensureBareClone(bundle, dir);
    if (!clone.ok) {
      figures.notes.push(`no change summaries for ${collection}: ${clone.reason}`);
      continue;
    }
    const reader = new BlobReader(dir);
    const before = out.size;
    try {
      let n = 0;
      for (const d of perDoc) {
        if (d.collection !== collection) continue;
        if (opts.keep && !opts.keep(collection, docs.byOtaText.get(d.key) ?? '')) continue;
        await summariseDocument(collection, d.rows, reader, out);
        n++;
      }
      figures.documents += n;
      figures.collections.push(collection);
    } catch (err) {
      // A broken cache must not leave half a collection summarised: drop what it gave.
      for (const d of perDoc) if (d.collection === collection) for (const r of d.rows) out.delete(rowKey(collection, r));
      figures.notes.push(`no change summaries for ${collection}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      await reader.close();
    }
    opts.log?.(`summaries ${collection}: ${out.size - before} changes`);
  }
  figures.summaries = out.size;
  for (const n of figures.notes) opts.log?.(`note: ${n}`);
  if (out.size === 0) return { summarise: undefined, figures };
  return { summarise: (collection, rows, i) => out.get(rowKey(collection, rows[i] as IndexRow)), figures };
}
