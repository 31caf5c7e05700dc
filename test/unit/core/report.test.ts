// @vitest-environment happy-dom
// The exported report laid out as HTML and Markdown: every field of the model is there, and text
// from a page (a clause, a title, an address) can never become markup: a clause containing
// <script> comes out as inert text in the HTML page, and as literal text in the Markdown.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeHtml, escapeMarkdown, renderReportHtml, renderReportMarkdown, reportFileName, safeLink, type ReportModel } from '../../../src/core/report';

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)> *bold* _it_ [link](javascript:alert(1)) \`code\` # not a heading | pipe & &amp; ' " \\`;

function model(over: Partial<ReportModel> = {}): ReportModel {
  return {
    lang: 'en',
    title: 'Clausemark report: Example — Privacy Policy',
    labels: {
      document: 'Document', platform: 'Platform', documentType: 'Type', url: 'Address', readAt: 'Read at', sha256: 'SHA-256 of the normalised text',
      detection: 'Recognised as', generated: 'Report', summary: 'Clauses by severity', clauses: 'Clauses', noClauses: 'No clauses.', record: 'Record',
      category: 'Category', severity: 'Severity', rarity: 'Rarity', source: 'Source', confidence: 'Confidence', firstSeen: 'First seen',
      lastVerified: 'Last verified', regulations: 'Rules that may apply', regulationsNone: 'None.', changes: 'Changes', changesNone: 'No other version.',
      versions: 'Versions you read', lastChange: 'Last change', changeSummaries: 'What changed for you', archive: 'Archive record', credits: 'Data and credits',
      notAdvice: 'Information, not legal advice.',
    },
    document: {
      title: 'Example Privacy Policy',
      platform: 'Example',
      type: 'Privacy Policy',
      url: 'https://example.org/privacy',
      readAt: '30 Nov 2026, 14:05',
      readAtIso: '2026-11-30T14:05:00.000Z',
      sha256: 'a'.repeat(64),
      detection: 'Known document',
    },
    generated: 'Made by Clausemark 0.1.0 on 30 Nov 2026, 14:06',
    counts: [
      { severity: 'high', label: 'High', count: 1 },
      { severity: 'medium', label: 'Medium', count: 1 },
      { severity: 'low', label: 'Low', count: 0 },
      { severity: 'good', label: 'Good practice', count: 0 },
    ],
    clauses: [
      {
        recordId: 'cm-0123456789abcdef', category: 'ai-training', categoryTitle: 'AI training on your data', severity: 'high', severityLabel: 'High',
        rarity: '3 of 142 reviewed platforms (rare)', source: 'Reviewed: ToS;DR — “Your content trains AI” (bad) · CC BY-SA 3.0', sourceUrl: 'https://tosdr.org/en/point/123',
        confidence: '100%', excerpt: 'We use your posts to train our models.', firstSeen: '1 Mar 2026, 10:00', lastVerified: '30 Nov 2026, 14:05',
      },
      {
        recordId: 'cm-fedcba9876543210', category: 'retention', categoryTitle: 'Data retention', severity: 'medium', severityLabel: 'Medium',
        rarity: 'no comparison data', source: "Detected by Clausemark's model", confidence: '87%', excerpt: HOSTILE,
      },
    ],
    regulations: [{ short: 'GDPR', name: 'General Data Protection Regulation (EU) 2016/679', region: 'EU/EEA', url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj', provisions: [{ provision: 'Art. 5(1)(e)', note: 'Kept no longer than necessary.', categories: ['Data retention'] }] }],
    changes: {
      versions: ['1 Mar 2026 · 900 words, 12 clauses · SHA-256 ' + 'b'.repeat(64), '30 Nov 2026 (current) · 950 words, 13 clauses · SHA-256 ' + 'a'.repeat(64)],
      lastChange: { title: '1 Mar 2026 → 30 Nov 2026', lines: ['+60 words, −10 words'], clauses: [{ kind: 'Added', severity: 'high', severityLabel: 'High', categoryTitle: 'AI training on your data', excerpt: 'We use your posts to train our models.' }] },
      summaries: [{ heading: '30 Nov 2026', sentences: [{ text: 'now allows training AI models on your content', severity: 'high', severityLabel: 'High' }] }],
      archive: ['22 Aug 2026: +4 / −1 sentences · Data retention'],
    },
    credits: [{ name: 'ToS;DR', text: 'reviewed clauses. Licence: CC BY-SA 3.0. By ToS;DR contributors.', url: 'https://tosdr.org' }, { name: 'Open Terms Archive', text: 'policy texts. Licence: ODC-BY 1.0.', url: 'https://opentermsarchive.org' }],
    creditsNote: 'The policy documents remain their providers’ copyright.',
    ...over,
  };
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Every string of the model a reader must find. */
function expectedTexts(m: ReportModel): string[] {
  const d = m.document;
  return [
    m.title, m.generated, d.title, d.platform as string, d.type as string, d.url, d.readAt, d.sha256, d.detection,
    ...m.counts.map((c) => c.label),
    ...m.clauses.flatMap((c) => [c.recordId, c.category, c.categoryTitle, c.severityLabel, c.rarity, c.source, c.confidence, c.excerpt, ...(c.firstSeen ? [c.firstSeen, c.lastVerified as string] : [])]),
    ...m.regulations.flatMap((r) => [r.short, r.name, r.region, ...r.provisions.flatMap((p) => [p.provision, p.note, ...p.categories])]),
    ...(m.changes ? [...m.changes.versions, m.changes.lastChange?.title as string, ...(m.changes.lastChange?.lines ?? []), ...m.changes.summaries.flatMap((s) => [s.heading, ...s.sentences.map((x) => x.text)]), ...m.changes.archive] : []),
    ...m.credits.flatMap((c) => [c.name, c.text]),
    m.creditsNote,
    ...Object.values(m.labels).filter((l) => l !== m.labels.noClauses && l !== m.labels.regulationsNone && l !== m.labels.changesNone),
  ];
}

/** Markdown's backslash escapes undone (CommonMark: a backslash before ASCII punctuation). */
const unescapeMd = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('HTML report', () => {
  it('has every field of the model, with the hostile clause as text', () => {
    const m = model();
    const doc = parse(renderReportHtml(m));
    const text = doc.body.textContent ?? '';
    for (const want of expectedTexts(m)) expect(text, want).toContain(want);
    expect([...doc.querySelectorAll('blockquote')].map((b) => b.textContent)).toEqual(m.clauses.map((c) => c.excerpt));
    expect(doc.title).toBe(m.title);
    expect(doc.documentElement.lang).toBe('en');
  });

  it('turns a clause containing <script> into inert text: no script, no handler, no image, no javascript: link', () => {
    const html = renderReportHtml(model({ title: HOSTILE, document: { ...model().document, title: HOSTILE, url: 'javascript:alert(1)' } }));
    const doc = parse(html);
    expect(doc.querySelectorAll('script, img, iframe, object, embed, link, base, form').length).toBe(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) expect(a, el.tagName).not.toMatch(/^on/i);
    }
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('is self-contained: inline CSS only, and a Content-Security-Policy that forbids every fetch and script', () => {
    const html = renderReportHtml(model());
    const doc = parse(html);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src/);
    expect(doc.querySelectorAll('style').length).toBe(1);
    expect(doc.querySelectorAll('[src], link[href]').length).toBe(0);
    expect(doc.querySelector('style')?.textContent).not.toMatch(/url\(|@import/);
  });

  it('says so when there are no clauses, no regulations and no other version', () => {
    const text = parse(renderReportHtml(model({ clauses: [], regulations: [], changes: null }))).body.textContent ?? '';
    expect(text).toContain('No clauses.');
    expect(text).toContain('None.');
    expect(text).toContain('No other version.');
  });
});

describe('Markdown report', () => {
  it('has every field of the model', () => {
    const m = model();
    const md = unescapeMd(renderReportMarkdown(m));
    for (const want of expectedTexts(m)) expect(md, want).toContain(want.replace(/\s+/g, ' ').trim());
  });

  it('escapes the hostile clause: no raw HTML, emphasis, link, code or heading can come out of it', () => {
    const md = renderReportMarkdown(model());
    const line = md.split('\n').find((l) => l.startsWith('> ') && l.includes('script')) as string;
    expect(line).toContain('\\<script\\>alert\\("x"\\)\\</script\\>');
    expect(line).toContain('\\[link\\]\\(javascript:alert\\(1\\)\\)');
    // Outside our own links, no special character is left unescaped.
    expect(line.slice(2).replace(/\\[!-/:-@[-`{-~]/g, '')).not.toMatch(/[<>*_[\]`|#&\\]/);
    expect(md).not.toMatch(/\]\(javascript:/i);
  });

  it('escapeMarkdown: undoing the escapes gives back the text (whitespace collapsed), and nothing special is left bare', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: fc.constantFrom(...'<>*_[]`|#&\\(){}!~.-+=1 \na'), maxLength: 40 })), (s) => {
        const e = escapeMarkdown(s);
        expect(unescapeMd(e)).toBe(s.replace(/\s+/g, ' ').trim());
        expect(e.replace(/\\[!-/:-@[-`{-~]/g, '')).not.toMatch(/[<>*_[\]`|#&\\(){}!~]/);
        expect(e).not.toMatch(/^(\d+[.)]|[-+=])/);
      }),
      { numRuns: 300 },
    );
    expect(escapeMarkdown('1. Not a list')).toBe('1\\. Not a list');
    expect(escapeMarkdown('- not a bullet')).toBe('\\- not a bullet');
  });
});

describe('helpers', () => {
  it('escapeHtml escapes the five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('safeLink keeps http(s) only and encodes what could end a Markdown link', () => {
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('data:text/html,<script>')).toBeNull();
    expect(safeLink(undefined)).toBeNull();
    expect(safeLink('https://example.org/a (b)/<c>')).toBe('https://example.org/a%20%28b%29/%3Cc%3E');
  });

  it('names the file after the host and the day of the reading', () => {
    expect(reportFileName(model(), 'html')).toBe('clausemark-report-example.org-2026-11-30.html');
    expect(reportFileName(model({ document: { ...model().document, url: 'not a url' } }), 'md')).toBe('clausemark-report-page-2026-11-30.md');
  });
});
