// Character classes shared by the text model. Pages hide layout in invisible characters (soft
// hyphens, zero-width joiners, BOMs) and in non-breaking spaces; offsets must survive them, so we
// classify instead of deleting.

/** Whitespace as a reader sees it: ASCII space/tab/newlines, nbsp, the Unicode spaces, and the
 * invisible format characters that carry no text. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c || c === 0x0b ||
    c === 0xa0 || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 ||
    c === 0x3000 || c === 0xfeff
  );
}

/** Invisible characters that join rather than separate (soft hyphen, zero-width). */
export function isInvisibleCode(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

export function isUpperStart(c: number): boolean {
  // A sentence may begin with a capital, a digit, an opening quote/bracket or a bullet.
  return (
    (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x22 || c === 0x27 ||
    c === 0x28 || c === 0x5b || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x2022 ||
    c === 0x2a || c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0xa7 ||
    (c >= 0xc0 && c <= 0xde && c !== 0xd7)
  );
}

/**
 * Normalised view of a piece of text for matching and features: invisible characters dropped,
 * words broken by a hyphen at a line end joined, typographic quotes/dashes folded, whitespace
 * collapsed, lower-cased. The result has different offsets: never use it to locate spans.
 */
export function normalizeForMatch(s: string): string {
  return s
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/([a-z])-[ \t]*\r?\n[ \t]*([a-z])/gi, '$1$2')
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim()
    .toLowerCase();
}
