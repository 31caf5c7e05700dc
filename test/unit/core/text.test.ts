import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { requireData } from '../../fixtures/data';
import fc from 'fast-check';
import { segment, htmlToText, markdownToText, normalizeForMatch, MAX_SENTENCE, type TextModel } from '../../../src/core/text';

const DATA = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'data');
const sentencesOf = (m: TextModel): string[] => m.sentences.map((s) => m.text.slice(s.start, s.end));

/** Invariants every text model must hold. */
function checkModel(m: TextModel, hardBreaks: readonly number[]): void {
  let prevEnd = 0;
  for (const s of m.sentences) {
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(m.text.length);
    expect(/^\s/.test(m.text[s.start] ?? '')).toBe(false);
    expect(/\s/.test(m.text[s.end - 1] ?? '')).toBe(false);
    const block = m.blocks[s.block];
    expect(block).toBeDefined();
    expect(s.start >= block!.start && s.end <= block!.end).toBe(true);
    prevEnd = s.end;
  }
  for (const b of hardBreaks) {
    expect(m.sentences.some((s) => s.start < b && b < s.end)).toBe(false);
  }
}

function firstFiles(dir: string, ext: string, n: number): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const service of readdirSync(dir).sort()) {
    const d = path.join(dir, service);
    if (!existsSync(d) || !readdirSync(d, { withFileTypes: true }).length) continue;
    try {
      for (const f of readdirSync(d).filter((x) => x.endsWith(ext))) out.push(path.join(d, f));
    } catch { /* not a directory */ }
    if (out.length >= n) break;
  }
  return out.slice(0, n);
}

describe('segment', () => {
  it('keeps abbreviations and clause numbers inside sentences', () => {
    const text = 'We are Example Inc. of the U.S. and serve users, e.g. you. See No. 5 below. 2.1 Fees apply. It ends here.';
    const s = sentencesOf(segment(text));
    expect(s).toEqual([
      'We are Example Inc. of the U.S. and serve users, e.g. you.',
      'See No. 5 below.',
      '2.1 Fees apply.',
      'It ends here.',
    ]);
  });

  it('does not split after a leading clause number "1."', () => {
    const s = sentencesOf(segment('1. Access to the Services. You may use them.'));
    expect(s[0]).toBe('1. Access to the Services.');
    expect(s).toHaveLength(2);
  });

  it('splits at hard breaks even without whitespace', () => {
    const text = 'Governing lawThese terms are governed by the laws of Ireland.';
    const m = segment(text, [13]);
    expect(sentencesOf(m)).toEqual(['Governing law', 'These terms are governed by the laws of Ireland.']);
    expect(m.blocks).toHaveLength(2);
    expect(m.sentences[1]!.block).toBe(1);
  });

  it('treats nbsp, soft hyphens and zero-width characters as in-text, trimming them at edges', () => {
    const text = '\u200b\u00a0We may termi\u00adnate your account.\u00a0\u00a0Then\u200b we stop.\u00ad';
    const m = segment(text);
    expect(sentencesOf(m)).toEqual(['We may termi\u00adnate your account.', 'Then\u200b we stop.']);
    expect(normalizeForMatch(sentencesOf(m)[0]!)).toBe('we may terminate your account.');
  });

  it('caps very long sentences at ; or :', () => {
    const part = 'we may share your information with our partners and affiliates for the purposes described here';
    const text = Array.from({ length: 12 }, () => part).join('; ') + '.';
    const m = segment(text);
    expect(m.sentences.length).toBeGreaterThan(1);
    for (const s of m.sentences) expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE);
    // the pieces cover the whole text: nothing dropped but the separators' whitespace
    expect(sentencesOf(m).join(' ')).toBe(text);
  });

  it('holds its invariants on arbitrary text (property)', () => {
    fc.assert(fc.property(
      fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', '\n', '\u00a0', '\u00ad', ';', '1', 'e.g.', 'Inc. ', '?', '"') , maxLength: 400 }),
      fc.array(fc.nat(400), { maxLength: 8 }),
      (text, breaks) => checkModel(segment(text, breaks), breaks.filter((b) => b > 0 && b < text.length)),
    ));
  });

  it('segments 1 MB of policy text (its speed is a benchmark figure, not a test)', () => {
    const files = firstFiles(path.join(DATA, 'ota-pga', 'versions-HEAD'), '.md', 3);
    const sample = files.length ? files.map((f) => readFileSync(f, 'utf8')).join('\n\n') : 'We may change these terms. '.repeat(100);
    const big = sample.repeat(Math.ceil(1_000_000 / sample.length)).slice(0, 1_000_000);
    const m = segment(big);
    expect(m.sentences.length).toBeGreaterThan(1000);
    // Sentences are in order, inside the text, and never empty.
    let prev = 0;
    for (const s of m.sentences) {
      expect(s.start >= prev && s.end > s.start && s.end <= big.length).toBe(true);
      prev = s.end;
    }
  });
});

describe('markdownToText on Open Terms Archive documents', () => {
  const files = firstFiles(path.join(DATA, 'ota-pga', 'versions-HEAD'), '.md', 12);
  it('produces clean text whose sentences respect block breaks', () => {
    requireData(path.join(DATA, 'ota-pga', 'versions-HEAD'));
    expect(files.length).toBe(12);
    for (const f of files) {
      const { text, hardBreaks } = markdownToText(readFileSync(f, 'utf8'));
      expect(text.length).toBeGreaterThan(100);
      expect(text).not.toMatch(/\]\(https?:/); // links reduced to their text
      expect(text).not.toMatch(/^#{1,6} /m);
      const m = segment(text, hardBreaks);
      checkModel(m, hardBreaks);
      expect(m.sentences.length).toBeGreaterThan(3);
    }
  });

  it('turns headings, lists and tables into separate blocks', () => {
    const md = '# Terms\n\nIntro line one\ncontinues here.\n\n- First item\n- Second item\n\n| A | B |\n|---|---|\n| cell one | cell two |\n\nTitle\n=====\nBody.';
    const { text, hardBreaks } = markdownToText(md);
    const s = sentencesOf(segment(text, hardBreaks));
    expect(s).toEqual(['Terms', 'Intro line one\ncontinues here.', 'First item', 'Second item', 'A', 'B', 'cell one', 'cell two', 'Title', 'Body.']);
  });

  it('breaks the block at <br>, in table cells and in paragraphs, as a page does', () => {
    const md = '| Purpose | Data |\n|---|---|\n| Verify you | Name<br><br>Year of birth<br/>City |\n\nFirst line<BR>second line.';
    const { text, hardBreaks } = markdownToText(md);
    expect(sentencesOf(segment(text, hardBreaks))).toEqual(['Purpose', 'Data', 'Verify you', 'Name', 'Year of birth', 'City', 'First line', 'second line.']);
    // The labelled set's text (its SHA-256 is pinned): <br> dropped as before.
    expect(markdownToText(md, { br: 'drop' }).text).toContain('NameYear of birthCity');
  });
});

describe('htmlToText', () => {
  it('skips hidden containers, decodes entities and breaks at block elements', () => {
    const html = '<html><head><title>Terms &amp; Conditions</title><style>p{}</style></head><body>' +
      '<script>var x = "<p>HIDDEN</p>";</script><h2>Privacy</h2><p>We&nbsp;collect <b>data</b>&#8212;a lot.</p>' +
      '<ul><li>one</li><li>two</li></ul><table><tr><td>x</td><td>y</td></tr></table><svg><text>HIDDEN</text></svg>' +
      '<p>Line<br>break &unknown; 5 &lt; 6</p><!-- comment --><noscript>HIDDEN</noscript></body></html>';
    const r = htmlToText(html);
    expect(r.title).toBe('Terms & Conditions');
    expect(r.text).not.toContain("HIDDEN");
    expect(r.text).toContain('We\u00a0collect data\u2014a lot.');
    const s = sentencesOf(segment(r.text, r.hardBreaks));
    expect(s).toEqual(['Privacy', 'We\u00a0collect data\u2014a lot.', 'one', 'two', 'x', 'y', 'Line', 'break &unknown; 5 < 6']);
  });

  const files = firstFiles(path.join(DATA, 'ota-genai-eu', 'snapshots-HEAD'), '.html', 10);
  it('handles real policy pages', () => {
    requireData(path.join(DATA, 'ota-genai-eu', 'snapshots-HEAD'));
    expect(files.length).toBe(10);
    for (const f of files) {
      const r = htmlToText(readFileSync(f, 'utf8'));
      expect(r.text).not.toMatch(/<script|function\s*\(|<\/?div/);
      const m = segment(r.text, r.hardBreaks);
      checkModel(m, r.hardBreaks);
    }
  });
});
