// Stable, short ids for clauses: the same category and text give the same id on every run,
// so highlights, popup rows and stored visits can refer to each other.

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Id of a clause found in a text: category plus its whitespace-collapsed, lower-cased text. */
export function clauseId(category: string, spanText: string): string {
  const key = spanText.replace(/\s+/g, ' ').trim().toLowerCase();
  return `${category}-${fnv1a(key)}`;
}
