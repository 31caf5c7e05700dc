// ToS;DR quotes are HTML fragments ("does <strong>NOT</strong> keep logs", "&nbsp;", "&amp;").
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™',
  eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', ouml: 'ö', uuml: 'ü', auml: 'ä', szlig: 'ß', bull: '•', middot: '·',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** Plain text of an HTML fragment: block tags become spaces, whitespace collapsed. */
export function htmlToText(html: string): string {
  // Quotes were cut by character offsets, so a tag may be cut too ("…purposes.</li").
  return decodeEntities(html.replace(/<[^>]*>/g, ' ').replace(/<\/?[a-z][a-z0-9]*$/i, '').replace(/^[a-z0-9]*>/i, ''))
    .replace(/\s+/g, ' ')
    .trim();
}
