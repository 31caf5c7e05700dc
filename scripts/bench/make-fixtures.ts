// Writes the large ordinary (non-policy) pages of the benchmark to test/fixtures/bench/, from
// real public text in ../shared/data (dataset READMEs, ToS;DR's grade list, OTA's change index).
// Run once (`npx tsx scripts/bench/make-fixtures.ts`); the pages are committed, so the benchmark
// measures the same bytes every time.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { BENCH_FIXTURES, SHARED_DATA } from './paths';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const data = (rel: string) => readFileSync(path.join(SHARED_DATA, rel), 'utf8');
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function inline(s: string): string {
  return esc(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, '<a href="$2">$1</a>');
}

/** A small markdown to HTML conversion: headings, fenced code, lists, tables as text, paragraphs. */
function markdown(md: string, idPrefix: string): { html: string; headings: string[] } {
  const out: string[] = [];
  const headings: string[] = [];
  const blocks = md.replace(/\r/g, '').split(/\n(?=```)|(?<=```)\n|\n\s*\n/);
  for (const raw of blocks) {
    const block = raw.trim();
    if (!block) continue;
    const h = block.match(/^(#{1,6})\s+(.*)$/);
    if (h && !block.includes('\n')) {
      const level = Math.min(6, (h[1] as string).length + 1);
      const text = h[2] as string;
      headings.push(text);
      out.push(`<h${level} id="${idPrefix}-${slug(text)}">${inline(text)}</h${level}>`);
    } else if (block.startsWith('```')) {
      out.push(`<pre><code>${esc(block.replace(/^```\w*\n?|```$/g, ''))}</code></pre>`);
    } else if (/^([-*]|\d+\.)\s/.test(block)) {
      const items = block.split(/\n(?=[-*]\s|\d+\.\s)/).map((i) => `<li>${inline(i.replace(/^([-*]|\d+\.)\s+/, ''))}</li>`);
      out.push(/^\d/.test(block) ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`);
    } else if (block.startsWith('|')) {
      const rows = block.split('\n').filter((r) => !/^\|[\s:|-]+\|$/.test(r));
      const cells = (r: string, tag: string) => r.replace(/^\||\|$/g, '').split('|').map((c) => `<${tag}>${inline(c.trim())}</${tag}>`).join('');
      out.push(`<table><thead><tr>${cells(rows[0] as string, 'th')}</tr></thead><tbody>${rows.slice(1).map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table>`);
    } else {
      out.push(`<p>${inline(block.replace(/\n/g, ' '))}</p>`);
    }
  }
  return { html: out.join('\n'), headings };
}

function page(title: string, body: string, extraCss = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;margin:0;color:#222}header.site{background:#223;color:#fff;padding:12px 24px}
header.site a{color:#cde;margin-right:16px}.layout{display:flex;gap:32px;padding:0 24px}nav.toc{flex:0 0 260px;font-size:14px}
nav.toc ol{padding-left:18px}main{flex:1;max-width:820px}pre{background:#f4f4f6;padding:12px;overflow:auto}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;font-size:14px}
footer.site{border-top:1px solid #ddd;margin-top:48px;padding:24px;color:#666}${extraCss}</style></head>
<body><header class="site"><strong>Open Data Notes</strong> <a href="/">Home</a><a href="/datasets/">Datasets</a><a href="/blog/">Blog</a><a href="/about">About</a></header>
${body}
<footer class="site"><p>Open Data Notes is a community reading list of public datasets. Texts quoted from the datasets' own documentation, under their licences.</p></footer>
</body></html>
`;
}

/** A long documentation page: every dataset README, provenance note and layout file. */
function docsPage(): string {
  const sources = [
    'README.md', 'SOURCES.md',
    'ota-pga/versions-HEAD/README.md', 'ota-pga/PROVENANCE.md', 'ota-pga/LAYOUT.txt', 'ota-pga/declarations-repo/README.md',
    'ota-contrib/versions-HEAD/README.md', 'ota-contrib/PROVENANCE.md', 'ota-contrib/LAYOUT.txt', 'ota-contrib/declarations-repo/README.md',
    'ota-genai-eu/versions-HEAD/README.md', 'ota-genai-eu/PROVENANCE.md', 'ota-genai-eu/LAYOUT.txt', 'ota-genai-eu/snapshots-HEAD/README.md',
    'ota-vlopses-us/versions-HEAD/README.md', 'ota-vlopses-us/PROVENANCE.md', 'ota-vlopses-us/LAYOUT.txt',
    'ota-france/PROVENANCE.md', 'ota-france/declarations-repo/README.md', 'ota-dating/PROVENANCE.md', 'ota-dating/declarations-repo/README.md',
    'tosdr/PROVENANCE.md', 'tosdr/export-2019-05-11/cases/README.md', 'tosdr/export-2019-05-11/services/README.md',
    'tosdr/export-2019-05-11/topics/README.md', 'claudette-dev/PROVENANCE.md',
  ];
  const sections: string[] = [];
  const toc: string[] = [];
  sources.forEach((rel, i) => {
    let text: string;
    try {
      text = data(rel);
    } catch {
      return;
    }
    const id = `s${i}`;
    const md = rel.endsWith('.txt') ? `\`\`\`\n${text}\n\`\`\`` : text;
    const { html, headings } = markdown(md, id);
    toc.push(`<li><a href="#${id}">${esc(rel)}</a>${headings.length ? `<ol>${headings.slice(0, 8).map((h) => `<li><a href="#${id}-${slug(h)}">${inline(h)}</a></li>`).join('')}</ol>` : ''}</li>`);
    sections.push(`<section id="${id}"><h2>${esc(rel)}</h2>\n${html}</section>`);
  });
  return page(
    'Dataset handbook: archives of public documents, explained',
    `<div class="layout"><nav class="toc"><h2>Contents</h2><ol>${toc.join('\n')}</ol></nav>
<main><h1>Dataset handbook</h1><p>How each folder of the reading list is laid out, where it comes from and how to cite it.</p>
${sections.join('\n')}</main></div>`,
  );
}

/** A long sortable-looking table: DuckDuckGo's 2020 grade list of ToS;DR, one row per site. */
function tablePage(): string {
  const grades = JSON.parse(data('tosdr/duckduckgo-derived-2020-11-25/tosdr.json')) as Record<string, { score: number; class: string | false; all: { bad: string[]; good: string[] } }>;
  const rows = Object.entries(grades)
    .filter(([domain]) => domain !== 'null')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([domain, g], i) => `<tr><td>${i + 1}</td><td><a href="https://${esc(domain)}/">${esc(domain)}</a></td><td>${g.class || '—'}</td><td>${g.score}</td><td>${g.all.good.length}</td><td>${g.all.bad.length}</td><td>${esc(g.all.bad[0] ?? g.all.good[0] ?? '')}</td></tr>`);
  return page(
    'Website directory: 750 sites and their ratings (2020)',
    `<main style="max-width:none;padding:0 24px"><h1>Website directory</h1><p>Every site of the 2020 list, with its class, score and counts of notes. Filter with your browser's find.</p>
<table><thead><tr><th>#</th><th>Site</th><th>Class</th><th>Score</th><th>Good</th><th>Bad</th><th>First note</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></main>`,
  );
}

/** A long activity feed (like a news or changelog page): recent entries of OTA's change index. */
function feedPage(): string {
  const lines = data('ota-contrib/versions-index.csv').trim().split('\n').slice(1);
  const recent = lines.slice(-1500).reverse();
  const items = recent.map((line) => {
    const f = line.split(',');
    const [commit, date, , , service, type, , , size] = f;
    const title = f.slice(9, f.length - 2).join(',');
    return `<article class="entry"><h3><a href="/activity/${esc((commit ?? '').slice(0, 10))}">${esc(title)}</a></h3><p class="meta"><time datetime="${esc(date ?? '')}">${esc((date ?? '').slice(0, 10))}</time> · ${esc(service ?? '')} · ${esc(type ?? '')} · ${Number(size).toLocaleString('en')} bytes</p></article>`;
  });
  return page(
    'Archive activity — the last 1,500 recorded changes',
    `<div class="layout"><nav class="toc"><h2>Filter</h2><ul><li><a href="?type=all">All</a></li><li><a href="?since=week">This week</a></li><li><a href="?since=month">This month</a></li></ul></nav>
<main><h1>Activity</h1><p>Each entry is one recorded change in the public archive, newest first.</p>
${items.join('\n')}</main></div>`,
    '.entry{border-bottom:1px solid #eee;padding:8px 0}.entry h3{margin:0;font-size:16px}.meta{margin:2px 0;color:#666;font-size:13px}',
  );
}

mkdirSync(BENCH_FIXTURES, { recursive: true });
for (const [name, html] of [['docs.html', docsPage()], ['table.html', tablePage()], ['feed.html', feedPage()]] as const) {
  writeFileSync(path.join(BENCH_FIXTURES, name), html);
  console.log(`${name}: ${(html.length / 1024).toFixed(0)} KB`);
}
