// @vitest-environment happy-dom
// A fetched page's text must be what the content script reads from the same page in a tab, so a
// followed document's version has the same SHA-256 as the user's own reading of it. The reference
// here is the content script's own reader (content/dom-text.ts) over the DOM a parser builds from
// the same HTML: on real archived policy pages, and on the parser's corner cases.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pageTextFromHtml } from '../../../src/core/text-page-html';
import { readPageText } from '../../../src/content/dom-text';
import { fingerprint } from '../../../src/core/fingerprint';
import { SHARED_DATA } from '../../fixtures/pages';

/** The DOM a browser builds from `html`, read by the content script's reader. happy-dom parses
 * <noscript> content as markup, as a browser with scripting off would; pages run with scripting
 * on, where it is raw text the walk skips: it is taken out here. */
function domReading(html: string): { text: string; hardBreaks: number[] } {
  const doc = new DOMParser().parseFromString(html.replace(/<noscript[\s>][\s\S]*?<\/noscript\s*>/gi, ''), 'text/html');
  const r = readPageText(doc.body);
  return { text: r.text, hardBreaks: r.hardBreaks };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? htmlFiles(p) : p.endsWith('.html') ? [p] : [];
  });
}

describe('pageTextFromHtml', () => {
  it('reads what the content script reads: navigation, page footer, code, form fields and editable areas skipped', () => {
    const html = `<!doctype html><html><head><title>Terms &amp; more</title><style>p{}</style></head>
<body><nav><a>Home</a></nav><div role="navigation"><span>Menu</span></div>
<h1>Terms</h1><p>We may <strong>change</strong> these&nbsp;terms.<br>Second line</p>
<script>var x = "<p>no</p>";</script><button>Accept</button><button><span>Inner</span></button>
<div contenteditable="false"><p>Editable</p></div><svg><text>Drawing</text></svg>
<select><option>One</option></select><textarea>Typed</textarea><template><p>Later</p></template>
<main><footer>Article footer</footer></main><footer>Site footer</footer><div role="contentinfo">Info</div></body></html>`;
    const got = pageTextFromHtml(html);
    expect(got.title).toBe('Terms & more');
    expect(got.text.replace(/\s+/g, ' ').trim()).toBe('TermsWe may change these terms.Second line Inner Article footer');
    expect(got).toMatchObject(domReading(html));
  });

  it('closes what the parser closes: p by a block, li by li, cells by cells', () => {
    const html = `<body><p>One<div>Two</div><ul><li>A<li>B</ul><dl><dt>T<dd>D</dl><table><tr><td>1<td>2<tr><td>3</table><p>Last`;
    expect(pageTextFromHtml(html)).toMatchObject(domReading(html));
  });

  it('takes the body as implied, and text after </body> as part of it (as the HTML parsing rules say)', () => {
    // happy-dom drops text before an implied <body>; browsers keep it.
    const html = `<html><head><meta charset="utf-8"></head>  Policy text <b>here</b></body> trailing</html>`;
    expect(pageTextFromHtml(html)).toEqual({ text: 'Policy text here trailing', hardBreaks: [], title: '' });
  });

  it('decodes every named reference a policy page uses, including those the shared table lacks', () => {
    expect(pageTextFromHtml('<p>mise en &oelig;uvre &amp;oelig; &eacute;t&eacute; &#233; &unknownname;</p>').text).toBe('mise en \u0153uvre &oelig; \u00e9t\u00e9 \u00e9 &unknownname;');
  });

  it('skips <noscript> content, which a browser running scripts parses as raw text', () => {
    expect(pageTextFromHtml('<body><p>Policy</p><noscript><p>Enable JavaScript</p></noscript></body>').text).toBe('Policy');
  });

  it('gives the same text, breaks and SHA-256 as the DOM reading on real archived policy pages', async () => {
    const files = htmlFiles(path.join(SHARED_DATA, 'ota-genai-eu/snapshots-HEAD')).sort();
    expect(files.length).toBeGreaterThan(40);
    let same = 0;
    const differ: string[] = [];
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      const want = domReading(html);
      const got = pageTextFromHtml(html);
      const sameBreaks = got.hardBreaks.length === want.hardBreaks.length && got.hardBreaks.every((b, k) => b === want.hardBreaks[k]);
      if (got.text === want.text && sameBreaks && (await fingerprint(got.text)) === (await fingerprint(want.text))) same++;
      else differ.push(path.relative(SHARED_DATA, f));
    }
    console.log(`text-page-html: ${same} of ${files.length} pages hash as the DOM reading; differ: ${differ.join(', ')}`);
    expect(differ).toEqual([]);
  }, 120_000);
});
