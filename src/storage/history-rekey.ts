// Before the v3 database (and in version 1 export files) one version row per text hash was shared
// by every document that served the text, under keys without the origin. This gives each document
// its own rows under its per-origin key, so nothing read on one site is state of another.
import { docKeyOf } from '../core/history-text';
import type { StoredVersion, TrackedDocument } from './history-types';

export function rekeyShared<V extends StoredVersion>(versions: V[], documents: TrackedDocument[]): { versions: V[]; documents: TrackedDocument[] } {
  const bySha = new Map(versions.map((v) => [v.sha256, v]));
  const out = new Map<string, V>();
  const placed = new Set<string>();
  const docs = documents.map((t) => {
    const key = docKeyOf(t);
    const shas = new Set([...versions.filter((v) => v.docKey === t.docKey).map((v) => v.sha256), t.currentSha, t.previousSha, t.pinnedSha]);
    for (const s of shas) {
      const v = s ? bySha.get(s) : undefined;
      if (!v) continue;
      // A row borrowed from another document must not bring that document's dates or address
      // along (the cross-site leak this re-keying closes): it starts when this document did.
      const own = v.docKey === t.docKey;
      const firstSeen = own || v.firstSeen > t.firstSeen ? v.firstSeen : t.firstSeen;
      out.set(`${key}\n${v.sha256}`, own ? { ...v, docKey: key } : { ...v, docKey: key, url: t.url, title: t.title, firstSeen, lastSeen: t.lastSeen > firstSeen ? t.lastSeen : firstSeen });
      placed.add(v.sha256);
    }
    return { ...t, docKey: key };
  });
  for (const v of versions) if (!placed.has(v.sha256)) out.set(`${docKeyOf(v)}\n${v.sha256}`, { ...v, docKey: docKeyOf(v) });
  return { versions: [...out.values()], documents: docs };
}

