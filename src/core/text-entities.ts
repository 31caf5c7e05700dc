// HTML character references: numeric ones, and the named ones that occur in real policy pages.
// Unknown names are left as written (browsers do the same for unknown references).

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', ensp: '\u2002',
  emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019',
  sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e', laquo: '\u00ab',
  raquo: '\u00bb', bull: '\u2022', middot: '\u00b7', copy: '\u00a9', reg: '\u00ae',
  trade: '\u2122', sect: '\u00a7', para: '\u00b6', deg: '\u00b0', euro: '\u20ac', pound: '\u00a3',
  yen: '\u00a5', cent: '\u00a2', times: '\u00d7', divide: '\u00f7', dagger: '\u2020',
  iexcl: '\u00a1', iquest: '\u00bf', eacute: '\u00e9', egrave: '\u00e8', ecirc: '\u00ea',
  euml: '\u00eb', aacute: '\u00e1', agrave: '\u00e0', acirc: '\u00e2', auml: '\u00e4',
  aring: '\u00e5', ccedil: '\u00e7', iacute: '\u00ed', icirc: '\u00ee', iuml: '\u00ef',
  oacute: '\u00f3', ocirc: '\u00f4', ouml: '\u00f6', oslash: '\u00f8', uacute: '\u00fa',
  ugrave: '\u00f9', ucirc: '\u00fb', uuml: '\u00fc', ntilde: '\u00f1', szlig: '\u00df',
  Eacute: '\u00c9', Agrave: '\u00c0', Auml: '\u00c4', Ouml: '\u00d6', Uuml: '\u00dc',
  Ccedil: '\u00c7', rarr: '\u2192', larr: '\u2190', check: '\u2713', nbhy: '\u2011',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined || hex !== undefined) {
      const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex as string, 16);
      if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(cp);
    }
    const v = NAMED[name as string];
    return v === undefined ? whole : v;
  });
}
