// The citation's record of a clause: a stable id derived from the document and the clause's text
// (the same document and the same clause text give the same id on every visit and every machine),
// and when the user's own readings first showed the clause and last confirmed it. Pure: the
// background passes in the readings it keeps (visits and versions), the panel and the report
// compute the id the same way.
import { normalizeForHash, sha256Hex } from './fingerprint';
import { normalizeUrl } from './url';

/** Record ids read `cm-` and 16 hex digits (64 bits of a SHA-256). */
export const RECORD_ID = /^cm-[0-9a-f]{16}$/;
const SCHEME = 'clausemark-record/1';

/** The document part of a record: the knowledge-base document when the page is a known one,
 * else its address reduced to host and path (no www., locale segment, query or fragment), so a
 * reader on another machine or another spelling of the address gets the same record. */
export function recordDocument(page: { documentId?: string; url: string }): string {
  if (page.documentId) return `doc:${page.documentId}`;
  const n = normalizeUrl(page.url);
  return n ? `url:${n.host}${n.path}` : `url:${page.url.trim()}`;
}

/** The clause text a record stands for: the clause as shown (its excerpt), Unicode and
 * whitespace normalised as the page's SHA-256 is. */
export function recordText(text: string): string {
  return normalizeForHash(text);
}

/** `cm-` + the first 16 hex digits of SHA-256("clausemark-record/1\n<document>\n<clause text>"). */
export async function recordId(page: { documentId?: string; url: string }, clauseText: string): Promise<string> {
  const hex = await sha256Hex(`${SCHEME}\n${recordDocument(page)}\n${recordText(clauseText)}`);
  return `cm-${hex.slice(0, 16)}`;
}

/** One of the user's readings of a document: a visit (from = to = when it was read) or a stored
 * version (first and last read), with the clause texts it showed. */
export interface Reading {
  from: string;
  to: string;
  texts: readonly string[];
}

export interface Seen {
  /** The earliest reading that showed the clause (ISO time). */
  firstSeen: string;
  /** The latest reading that showed it (ISO time). */
  lastVerified: string;
}

const time = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

/** For each text asked about, the first and last of the readings that showed it (null when none
 * did). Texts are compared as records are (recordText). */
export function seenRanges(readings: readonly Reading[], texts: readonly string[]): (Seen | null)[] {
  const wanted = new Map<string, Seen | null>();
  for (const t of texts) wanted.set(recordText(t), null);
  for (const r of readings) {
    const from = time(r.from);
    const to = time(r.to);
    if (from === null || to === null) continue;
    for (const raw of new Set(r.texts.map(recordText))) {
      if (!wanted.has(raw)) continue;
      const cur = wanted.get(raw);
      wanted.set(raw, {
        firstSeen: cur && (time(cur.firstSeen) ?? Infinity) <= from ? cur.firstSeen : r.from,
        lastVerified: cur && (time(cur.lastVerified) ?? -Infinity) >= to ? cur.lastVerified : r.to,
      });
    }
  }
  return texts.map((t) => wanted.get(recordText(t)) ?? null);
}

/** Adds a reading not stored yet (the one on screen) to what the store said. */
export function withReading(seen: Seen | null, at: string): Seen {
  if (!seen) return { firstSeen: at, lastVerified: at };
  const t = time(at);
  if (t === null) return seen;
  return {
    firstSeen: (time(seen.firstSeen) ?? Infinity) <= t ? seen.firstSeen : at,
    lastVerified: (time(seen.lastVerified) ?? -Infinity) >= t ? seen.lastVerified : at,
  };
}
