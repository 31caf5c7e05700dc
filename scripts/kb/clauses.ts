// Known clauses: ToS;DR points with a quote, mapped to a category and severity, and checked
// against the latest archived OTA text of the document they quote.
import { readFileSync } from 'node:fs';
import { anchorQuotes } from '../../src/core/anchor';
import { caseSeverity, mapCase } from '../../src/core/case-map';
import type { KbDocument, KnownClause } from '../../src/kb/schema';
import type { DocumentSet } from './documents';
import { htmlToText } from './html-text';
import { dataPath } from './paths';
import type { PlatformSet } from './platforms';
import type { TosdrPoint } from './sources';
import { termsTypeForDocName } from './terms-types';

/** Long quotes are cut (at a word) to keep the bundle small; the prefix still anchors the clause. */
const MAX_QUOTE = 1200;

export function trimQuote(text: string): string {
  if (text.length <= MAX_QUOTE) return text;
  const cut = text.lastIndexOf(' ', MAX_QUOTE);
  return `${text.slice(0, cut > MAX_QUOTE * 0.8 ? cut : MAX_QUOTE)}`;
}

export function buildClauses(points: TosdrPoint[], ps: PlatformSet, docs: DocumentSet): KnownClause[] {
  const clauses: KnownClause[] = [];
  const wanted = new Map<string, { clause: KnownClause; order: KbDocument[]; staleIfMissing: boolean }>();
  // A few points are listed under two ToS;DR services (a renamed or discontinued duplicate):
  // keep one clause per point, preferring the live service.
  const seen = new Set<string>();
  const ordered = [...points].sort((a, b) => dupRank(a.slug) - dupRank(b.slug) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  for (const p of ordered) {
    if (seen.has(p.pointId)) continue;
    seen.add(p.pointId);
    const platformId = ps.byTosdrSlug.get(p.slug);
    const category = mapCase(p.caseTitle);
    const quote = trimQuote(htmlToText(p.quoteHtml));
    if (!platformId || !category || quote.length < 10) continue;
    const type = termsTypeForDocName(p.quoteDoc);
    const platformDocs = docs.byPlatform.get(platformId) ?? [];
    const sameType = type ? platformDocs.find((d) => d.termsType === type) : undefined;
    const clause: KnownClause = {
      id: `tosdr-${p.pointId}`,
      platformId,
      category,
      severity: caseSeverity(p.classification, p.score, category),
      caseTitle: p.caseTitle,
      classification: p.classification,
      quote,
      anchor: { status: 'unchecked' },
      source: 'tosdr',
      pointUrl: `https://tosdr.org/en/point/${p.pointId}`,
    };
    if (p.score !== undefined) clause.caseScore = p.score;
    if (sameType) clause.documentId = sameType.id;
    // Try the quoted document first, then the platform's other archived texts (ToS;DR's
    // document names do not always say which OTA document holds the quote today).
    const withText = platformDocs.filter((d) => d.latest?.path);
    const order = [...(sameType?.latest ? [sameType] : []), ...withText.filter((d) => d !== sameType)];
    // Stale when the quoted document is archived and the quote is no longer in it; when ToS;DR
    // does not say which document it quoted, any archived text of the platform counts.
    const staleIfMissing = sameType?.latest !== undefined || (type === null && withText.length > 0);
    wanted.set(clause.id, { clause, order, staleIfMissing });
    clauses.push(clause);
  }

  // Anchor per text file so each text's skeleton is built once.
  const pending = new Set(wanted.keys());
  for (let round = 0; pending.size > 0; round++) {
    const perDoc = new Map<KbDocument, KnownClause[]>();
    for (const id of pending) {
      const w = wanted.get(id)!;
      const doc = w.order[round];
      if (!doc) {
        pending.delete(id);
        continue;
      }
      const list = perDoc.get(doc);
      if (list) list.push(w.clause);
      else perDoc.set(doc, [w.clause]);
    }
    for (const [doc, list] of [...perDoc.entries()].sort((a, b) => (a[0].id < b[0].id ? -1 : 1))) {
      const text = readFileSync(dataPath(doc.latest!.path!), 'utf8');
      const spans = anchorQuotes(text, list.map((c) => c.quote));
      list.forEach((c, i) => {
        const s = spans[i];
        if (!s) return;
        c.anchor = { status: 'found', start: s.start, end: s.end };
        c.documentId = doc.id;
        pending.delete(c.id);
      });
    }
  }
  for (const { clause, staleIfMissing } of wanted.values()) {
    if (clause.anchor.status !== 'found' && staleIfMissing) clause.anchor = { status: 'stale' };
  }
  return clauses.sort((a, b) => Number(a.id.slice(6)) - Number(b.id.slice(6)));
}

function dupRank(slug: string): number {
  return /duplicate|discontinued|defunct|old/.test(slug) ? 1 : 0;
}
