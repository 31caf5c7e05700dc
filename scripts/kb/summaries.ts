// Per-change summaries of the archived documents' history: for each real change, the sentences
// added and removed (set difference against the version just before, artefacts included), the
// clause categories the detector finds in those sentences, and what changed for the user as lines
// (core/history-summary.ts: the clauses of the removed and added sentences paired into rewordings,
// "now" and "no longer" checked against everything each whole version says). Versions are read from
// the collections' git bundles (git-blobs.ts); without git or a writable .cache/ the build goes on
// without them.
import path from 'node:path';
import { detectSentences } from '../../src/core/detect';
import { clauseChanges, type ClauseLike } from '../../src/core/history-clauses';
import { passageIndex, ruleConcerns, summariseChanges } from '../../src/core/history-summary';
import { markdownToText, normalizeForMatch, segment } from '../../src/core/text';
import { ARCHIVE_LINES, type HistoryChange } from '../../src/kb/schema';
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

/** What the detector finds in one sentence (category and severity of each clause) and the concerns
 * it states in a rule's wording, remembered per document in `cache` (consecutive versions share
 * almost every sentence, and a sentence added by one change is often removed by a later one). */
interface SentenceFacts {
  clauses: { category: string; severity: string }[];
  /** `category\u0000stance` of each clause and each rule concern: what the sentence says. */
  topics: string[];
}

export type FactsCache = Map<string, SentenceFacts>;

function factsOf(raw: string, cache?: FactsCache): SentenceFacts {
  let f = cache?.get(raw);
  if (f) return f;
  const seen = new Set<string>();
  const clauses: SentenceFacts['clauses'] = [];
  for (const c of detectSentences(raw, [{ start: 0, end: raw.length, block: 0 }])) {
    const key = `${c.category}\u0000${c.severity}`;
    if (seen.has(key)) continue;
    seen.add(key);
    clauses.push({ category: c.category, severity: c.severity });
  }
  const topics = new Set(clauses.map((c) => `${c.category}\u0000${c.severity === 'good' ? 'protective' : 'concern'}`));
  for (const t of ruleConcerns(raw)) topics.add(t);
  f = { clauses, topics: [...topics] };
  cache?.set(raw, f);
  return f;
}

function missing(from: VersionSentences, to: VersionSentences): string[] {
  const out: string[] = [];
  for (const [key, raw] of from.byKey) if (!to.byKey.has(key)) out.push(raw);
  return out;
}

/** Everything a whole version says (category and stance), from its sentences' facts. */
function topicsOf(v: VersionSentences, cache?: FactsCache): Set<string> {
  const out = new Set<string>();
  for (const raw of v.byKey.values()) for (const t of factsOf(raw, cache).topics) out.add(t);
  return out;
}

function clausesOf(raws: readonly string[], cache?: FactsCache): ClauseLike[] {
  return raws.flatMap((raw) => factsOf(raw, cache).clauses.map((c) => ({ id: `${c.category}\u0000${c.severity}\u0000${raw}`, category: c.category, severity: c.severity, source: 'detector', excerpt: raw })));
}

/** What changed from `prev` to `next`: distinct sentences added and removed, categories touched,
 * and the lines saying what changed for the user (at most ARCHIVE_LINES, most severe first). */
export function summariseChange(prev: VersionSentences, next: VersionSentences, cache?: FactsCache): ChangeSummary {
  const added = missing(next, prev);
  const removed = missing(prev, next);
  const gone = clausesOf(removed, cache);
  const fresh = clausesOf(added, cache);
  const categories = [...new Set([...gone, ...fresh].map((c) => c.category))].sort();
  const out: ChangeSummary = { sentencesAdded: added.length, sentencesRemoved: removed.length, categories };
  if (gone.length + fresh.length === 0) return out;
  const says = (v: VersionSentences) => ({ topics: topicsOf(v, cache), echoes: passageIndex([...v.byKey.values()]) });
  const all = summariseChanges(clauseChanges(gone, fresh), [], [], { before: says(prev), after: says(next) });
  const lines = all.slice(0, ARCHIVE_LINES).map(({ clauseId: _id, ...line }) => line);
  if (lines.length) out.lines = lines;
  if (all.length > lines.length) out.moreLines = all.length - lines.length;
  return out;
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
  const detected: FactsCache = new Map();
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
