// Change history of each archived document: the real changes of versions-index.csv (engine
// artefacts such as refilters and declaration upgrades are not changes of the terms).
import type { DocumentHistory, HistoryChange } from '../../src/kb/schema';
import { isoUtc, otaKey, type DocumentSet } from './documents';
import type { IndexRow } from './sources';

export function isRealChange(commitTitle: string): boolean {
  return /^Record new changes of /.test(commitTitle) || /^Update /.test(commitTitle);
}

export type SummaryFn = (collection: string, rows: IndexRow[], i: number) => HistoryChange['summary'] | undefined;

/** Rows of each archived document (artefacts included) in date order: a change is diffed against the row before it. */
export function rowsByDocument(indexes: Map<string, IndexRow[]>, docs: DocumentSet): { collection: string; key: string; rows: IndexRow[] }[] {
  const out: { collection: string; key: string; rows: IndexRow[] }[] = [];
  for (const [collection, rows] of indexes) {
    const perDoc = new Map<string, IndexRow[]>();
    for (const r of rows) {
      const key = otaKey(collection, r.service, r.termsType);
      if (!docs.byOtaText.has(key)) continue;
      const list = perDoc.get(key);
      if (list) list.push(r);
      else perDoc.set(key, [r]);
    }
    for (const [key, list] of perDoc) {
      list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.commit < b.commit ? -1 : 1));
      out.push({ collection, key, rows: list });
    }
  }
  return out;
}

/**
 * One history per document (the store is keyed by document id): when several collections track a
 * document they record the same changes at different times, so keep the collection its latest
 * text comes from, else the one with most changes.
 */
function onePerDocument(all: DocumentHistory[], docs: DocumentSet): DocumentHistory[] {
  const best = new Map<string, DocumentHistory>();
  const rank = (h: DocumentHistory) => [docs.byId.get(h.documentId)?.latest?.collection === h.collection ? 1 : 0, h.changes.length];
  for (const h of all) {
    const prev = best.get(h.documentId);
    if (!prev) {
      best.set(h.documentId, h);
      continue;
    }
    const [a, b] = [rank(h), rank(prev)] as [number[], number[]];
    if (a[0]! > b[0]! || (a[0] === b[0] && (a[1]! > b[1]! || (a[1] === b[1] && h.collection < prev.collection)))) best.set(h.documentId, h);
  }
  return [...best.values()];
}

export function buildHistory(indexes: Map<string, IndexRow[]>, docs: DocumentSet, summarise?: SummaryFn): DocumentHistory[] {
  const out: DocumentHistory[] = [];
  for (const { collection, key, rows: list } of rowsByDocument(indexes, docs)) {
    const changes: HistoryChange[] = [];
    list.forEach((r, i) => {
      if (!isRealChange(r.title)) return;
      const change: HistoryChange = { date: isoUtc(r.date) };
      const summary = summarise?.(collection, list, i);
      if (summary) change.summary = summary;
      changes.push(change);
    });
    if (changes.length > 0) out.push({ documentId: docs.byOtaText.get(key)!, collection, changes });
  }
  return onePerDocument(out, docs).sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.collection < b.collection ? -1 : 1));
}
