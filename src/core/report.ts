// The exported report of one analysed page, as a self-contained HTML page (inline CSS, nothing
// loaded from anywhere, no script: a Content-Security-Policy forbids every fetch and script even
// if a text slipped through; printable to PDF by the browser) and as Markdown. Pure: the popup
// assembles the model in the user's language (lib/report-model.ts), these functions only lay it
// out, escaping every text that came from a page, the knowledge base or the user's history.
import type { Severity } from './types';
import { isHttpUrl } from './checks';

/** Headings and field names, in the user's language. */
export interface ReportLabels {
  document: string;
  platform: string;
  documentType: string;
  url: string;
  readAt: string;
  sha256: string;
  detection: string;
  generated: string;
  summary: string;
  clauses: string;
  noClauses: string;
  record: string;
  category: string;
  severity: string;
  rarity: string;
  source: string;
  confidence: string;
  firstSeen: string;
  lastVerified: string;
  regulations: string;
  regulationsNone: string;
  changes: string;
  changesNone: string;
  versions: string;
  lastChange: string;
  changeSummaries: string;
  archive: string;
  credits: string;
  notAdvice: string;
}

export interface ReportClause {
  /** Stable record id (core/record.ts). */
  recordId: string;
  category: string;
  categoryTitle: string;
  severity: Severity;
  severityLabel: string;
  /** "3 of 142 reviewed platforms (rare)", or what stands in for it when there is no data. */
  rarity: string;
  /** Who says so: the ToS;DR case, or Clausemark's detector. */
  source: string;
  /** The ToS;DR point, for reviewed clauses. */
  sourceUrl?: string;
  /** "87%". */
  confidence: string;
  excerpt: string;
  firstSeen?: string;
  lastVerified?: string;
}

export interface ReportRegulation {
  short: string;
  name: string;
  region: string;
  url: string;
  provisions: { provision: string; note: string; categories: string[] }[];
}

export interface ReportChangeClause {
  kind: string;
  severity: Severity;
  severityLabel: string;
  categoryTitle: string;
  excerpt: string;
}

/** One dated sentence per changed clause (the change summaries), when they are available. */
export interface ReportChangeSummary {
  heading: string;
  sentences: { text: string; severity: Severity; severityLabel: string }[];
}

export interface ReportChanges {
  /** The user's own recorded versions, oldest first, each one line. */
  versions: string[];
  /** The last real change the user saw: a title ("12 Jun 2025 → 3 Aug 2025"), figures, clauses. */
  lastChange?: { title: string; lines: string[]; clauses: ReportChangeClause[] };
  summaries: ReportChangeSummary[];
  /** The Open Terms Archive record of the document: one line per recorded change. */
  archive: string[];
}

export interface ReportCredit {
  name: string;
  text: string;
  url: string;
}

export interface ReportModel {
  /** BCP 47 language of the texts, for the HTML page. */
  lang: string;
  title: string;
  labels: ReportLabels;
  document: {
    title: string;
    platform?: string;
    type?: string;
    url: string;
    readAt: string;
    readAtIso: string;
    sha256: string;
    detection: string;
  };
  /** "Clausemark 0.1.0, knowledge base 2026.08.22, 30 Nov 2026, 14:05". */
  generated: string;
  counts: { severity: Severity; label: string; count: number }[];
  clauses: ReportClause[];
  regulations: ReportRegulation[];
  /** Null when the user's history has nothing on this document. */
  changes: ReportChanges | null;
  credits: ReportCredit[];
  /** Said under the credits (the documents remain their providers' copyright). */
  creditsNote: string;
}

// ---- Escaping ---------------------------------------------------------------------------------

const HTML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a double-quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESC[c] as string);
}

/** Text for Markdown: one line, every character Markdown or inline HTML could read as syntax
 * backslash-escaped, and a leading list or heading marker made literal. */
export function escapeMarkdown(s: string): string {
  const line = s.replace(/\s+/g, ' ').trim();
  const escaped = line.replace(/[\\`*_{}[\]<>()#|!~&]/g, (c) => `\\${c}`);
  return escaped.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+=])/, '\\$1');
}

/** A link target: http(s) only, with the characters that could end a Markdown link encoded. */
export function safeLink(url: string | undefined): string | null {
  if (!url || !isHttpUrl(url)) return null;
  return new URL(url).href.replace(/[()<> "'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

// ---- HTML -------------------------------------------------------------------------------------

const CSS = `
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 860px; padding: 28px 24px 40px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #dfe3ea; }
h3 { font-size: 14px; margin: 14px 0 4px; }
dl.doc { display: grid; grid-template-columns: max-content 1fr; gap: 3px 14px; margin: 8px 0; }
dl.doc dt { color: #5b6475; }
dl.doc dd { margin: 0; overflow-wrap: anywhere; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; overflow-wrap: anywhere; }
.counts { display: flex; gap: 8px; flex-wrap: wrap; padding: 0; list-style: none; }
.pill { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 11px; font-weight: 700; line-height: 19px; text-transform: uppercase; letter-spacing: .03em; white-space: nowrap; }
.pill.high { background: #fdecea; color: #8e1c15; }
.pill.medium { background: #fff1d6; color: #6b3d00; }
.pill.low { background: #e8eefb; color: #253b73; }
.pill.good { background: #e3f4e6; color: #1b4d28; }
article.clause { border: 1px solid #dfe3ea; border-left-width: 4px; border-radius: 8px; padding: 10px 12px; margin: 10px 0; break-inside: avoid; }
article.clause.high { border-left-color: #c62828; }
article.clause.medium { border-left-color: #d97a00; }
article.clause.low { border-left-color: #4a66b0; }
article.clause.good { border-left-color: #2e8540; }
article.clause header { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
article.clause header strong { font-size: 15px; }
blockquote { margin: 8px 0; padding: 6px 10px; background: #f5f7fb; border-left: 3px solid #dfe3ea; white-space: pre-wrap; overflow-wrap: anywhere; }
table.fields { border-collapse: collapse; font-size: 13px; }
table.fields th { text-align: left; color: #5b6475; font-weight: 500; padding: 1px 14px 1px 0; vertical-align: top; }
table.fields td { padding: 1px 0; overflow-wrap: anywhere; }
ul.regs > li { margin: 6px 0; }
.muted { color: #5b6475; }
.small { font-size: 12px; }
a { color: #1a56db; }
@media print {
  body { padding: 0; max-width: none; font-size: 12px; }
  a { color: inherit; }
  h2 { break-after: avoid; }
}
`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'";

function link(text: string, url: string | undefined): string {
  const href = safeLink(url);
  return href ? `<a href="${escapeHtml(href)}" rel="noreferrer noopener">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function pill(severity: Severity, label: string): string {
  return `<span class="pill ${severity}">${escapeHtml(label)}</span>`;
}

export function renderReportHtml(m: ReportModel): string {
  const L = m.labels;
  const e = escapeHtml;
  const d = m.document;
  const docRows: [string, string][] = [
    [L.document, e(d.title)],
    ...(d.platform ? ([[L.platform, e(d.platform)]] as [string, string][]) : []),
    ...(d.type ? ([[L.documentType, e(d.type)]] as [string, string][]) : []),
    [L.url, link(d.url, d.url)],
    [L.readAt, `<time datetime="${e(d.readAtIso)}">${e(d.readAt)}</time>`],
    [L.sha256, `<code>${e(d.sha256)}</code>`],
    [L.detection, e(d.detection)],
    [L.generated, e(m.generated)],
  ];
  const out: string[] = [];
  out.push('<!doctype html>');
  out.push(`<html lang="${e(m.lang)}">`);
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push('<meta name="referrer" content="no-referrer">');
  out.push(`<title>${e(m.title)}</title>`);
  out.push(`<style>${CSS}</style>`);
  out.push('</head>');
  out.push('<body>');
  out.push(`<h1>${e(m.title)}</h1>`);
  out.push(`<dl class="doc">${docRows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl>`);

  out.push(`<h2>${e(L.summary)}</h2>`);
  out.push(`<ul class="counts">${m.counts.map((c) => `<li>${pill(c.severity, c.label)} ${e(String(c.count))}</li>`).join('')}</ul>`);

  out.push(`<h2>${e(L.clauses)}</h2>`);
  if (m.clauses.length === 0) out.push(`<p class="muted">${e(L.noClauses)}</p>`);
  for (const c of m.clauses) {
    const rows: [string, string][] = [
      [L.record, `<code>${e(c.recordId)}</code>`],
      [L.category, `${e(c.categoryTitle)} <span class="muted small">(${e(c.category)})</span>`],
      [L.severity, e(c.severityLabel)],
      [L.rarity, e(c.rarity)],
      [L.source, c.sourceUrl ? link(c.source, c.sourceUrl) : e(c.source)],
      [L.confidence, e(c.confidence)],
      ...(c.firstSeen ? ([[L.firstSeen, e(c.firstSeen)]] as [string, string][]) : []),
      ...(c.lastVerified ? ([[L.lastVerified, e(c.lastVerified)]] as [string, string][]) : []),
    ];
    out.push(`<article class="clause ${c.severity}" id="${e(c.recordId)}">`);
    out.push(`<header>${pill(c.severity, c.severityLabel)} <strong>${e(c.categoryTitle)}</strong></header>`);
    out.push(`<blockquote>${e(c.excerpt)}</blockquote>`);
    out.push(`<table class="fields"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`);
    out.push('</article>');
  }

  out.push(`<h2>${e(L.regulations)}</h2>`);
  if (m.regulations.length === 0) out.push(`<p class="muted">${e(L.regulationsNone)}</p>`);
  else {
    out.push('<ul class="regs">');
    for (const r of m.regulations) {
      out.push(`<li>${link(r.short, r.url)} <span class="muted">— ${e(r.name)} (${e(r.region)})</span><ul>`);
      for (const p of r.provisions) out.push(`<li><strong>${e(p.provision)}</strong>: ${e(p.note)} <span class="muted small">(${e(p.categories.join(', '))})</span></li>`);
      out.push('</ul></li>');
    }
    out.push('</ul>');
  }
  out.push(`<p class="muted small">${e(L.notAdvice)}</p>`);

  out.push(`<h2>${e(L.changes)}</h2>`);
  const ch = m.changes;
  if (!ch || (ch.versions.length === 0 && !ch.lastChange && ch.summaries.length === 0 && ch.archive.length === 0)) out.push(`<p class="muted">${e(L.changesNone)}</p>`);
  else {
    if (ch.summaries.length > 0) {
      out.push(`<h3>${e(L.changeSummaries)}</h3>`);
      for (const s of ch.summaries) {
        out.push(`<p><strong>${e(s.heading)}</strong></p><ul>`);
        for (const x of s.sentences) out.push(`<li>${pill(x.severity, x.severityLabel)} ${e(x.text)}</li>`);
        out.push('</ul>');
      }
    }
    if (ch.lastChange) {
      out.push(`<h3>${e(L.lastChange)}: ${e(ch.lastChange.title)}</h3>`);
      out.push(`<ul>${ch.lastChange.lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul>`);
      if (ch.lastChange.clauses.length > 0) {
        out.push('<ul>');
        for (const c of ch.lastChange.clauses) out.push(`<li>${e(c.kind)}: ${pill(c.severity, c.severityLabel)} <strong>${e(c.categoryTitle)}</strong> — <span class="muted">${e(c.excerpt)}</span></li>`);
        out.push('</ul>');
      }
    }
    if (ch.versions.length > 0) out.push(`<h3>${e(L.versions)}</h3><ul>${ch.versions.map((v) => `<li>${e(v)}</li>`).join('')}</ul>`);
    if (ch.archive.length > 0) out.push(`<h3>${e(L.archive)}</h3><ul>${ch.archive.map((v) => `<li>${e(v)}</li>`).join('')}</ul>`);
  }

  out.push(`<h2>${e(L.credits)}</h2><ul>`);
  for (const c of m.credits) out.push(`<li>${link(c.name, c.url)}: ${e(c.text)}</li>`);
  out.push('</ul>');
  out.push(`<p class="muted small">${e(m.creditsNote)}</p>`);
  out.push('</body>');
  out.push('</html>');
  return `${out.join('\n')}\n`;
}

// ---- Markdown ---------------------------------------------------------------------------------

function mdLink(text: string, url: string | undefined): string {
  const href = safeLink(url);
  return href ? `[${escapeMarkdown(text)}](${href})` : escapeMarkdown(text);
}

export function renderReportMarkdown(m: ReportModel): string {
  const L = m.labels;
  const x = escapeMarkdown;
  const d = m.document;
  const out: string[] = [];
  const field = (k: string, v: string) => out.push(`- **${x(k)}:** ${v}`);
  out.push(`# ${x(m.title)}`, '');
  field(L.document, x(d.title));
  if (d.platform) field(L.platform, x(d.platform));
  if (d.type) field(L.documentType, x(d.type));
  field(L.url, mdLink(d.url, d.url));
  field(L.readAt, `${x(d.readAt)} (${x(d.readAtIso)})`);
  field(L.sha256, `\`${d.sha256.replace(/[^0-9a-f]/gi, '')}\``);
  field(L.detection, x(d.detection));
  field(L.generated, x(m.generated));
  out.push('', `## ${x(L.summary)}`, '');
  for (const c of m.counts) out.push(`- ${x(c.label)}: ${c.count}`);

  out.push('', `## ${x(L.clauses)}`, '');
  if (m.clauses.length === 0) out.push(x(L.noClauses), '');
  m.clauses.forEach((c, i) => {
    out.push(`### ${i + 1}\\. ${x(c.severityLabel)} · ${x(c.categoryTitle)}`, '');
    out.push(`> ${x(c.excerpt)}`, '');
    field(L.record, `\`${c.recordId.replace(/[^0-9a-z-]/gi, '')}\``);
    field(L.category, `${x(c.categoryTitle)} (${x(c.category)})`);
    field(L.severity, x(c.severityLabel));
    field(L.rarity, x(c.rarity));
    field(L.source, c.sourceUrl ? mdLink(c.source, c.sourceUrl) : x(c.source));
    field(L.confidence, x(c.confidence));
    if (c.firstSeen) field(L.firstSeen, x(c.firstSeen));
    if (c.lastVerified) field(L.lastVerified, x(c.lastVerified));
    out.push('');
  });

  out.push(`## ${x(L.regulations)}`, '');
  if (m.regulations.length === 0) out.push(x(L.regulationsNone));
  for (const r of m.regulations) {
    out.push(`- ${mdLink(r.short, r.url)} — ${x(r.name)} (${x(r.region)})`);
    for (const p of r.provisions) out.push(`  - **${x(p.provision)}:** ${x(p.note)} (${x(p.categories.join(', '))})`);
  }
  out.push('', `*${x(L.notAdvice)}*`, '');

  out.push(`## ${x(L.changes)}`, '');
  const ch = m.changes;
  if (!ch || (ch.versions.length === 0 && !ch.lastChange && ch.summaries.length === 0 && ch.archive.length === 0)) out.push(x(L.changesNone), '');
  else {
    if (ch.summaries.length > 0) {
      out.push(`### ${x(L.changeSummaries)}`, '');
      for (const s of ch.summaries) {
        out.push(`**${x(s.heading)}**`, '');
        for (const t of s.sentences) out.push(`- ${x(t.severityLabel)}: ${x(t.text)}`);
        out.push('');
      }
    }
    if (ch.lastChange) {
      out.push(`### ${x(L.lastChange)}: ${x(ch.lastChange.title)}`, '');
      for (const l of ch.lastChange.lines) out.push(`- ${x(l)}`);
      for (const c of ch.lastChange.clauses) out.push(`- ${x(c.kind)}: ${x(c.severityLabel)} · **${x(c.categoryTitle)}** — ${x(c.excerpt)}`);
      out.push('');
    }
    if (ch.versions.length > 0) {
      out.push(`### ${x(L.versions)}`, '');
      for (const v of ch.versions) out.push(`- ${x(v)}`);
      out.push('');
    }
    if (ch.archive.length > 0) {
      out.push(`### ${x(L.archive)}`, '');
      for (const v of ch.archive) out.push(`- ${x(v)}`);
      out.push('');
    }
  }

  out.push(`## ${x(L.credits)}`, '');
  for (const c of m.credits) out.push(`- ${mdLink(c.name, c.url)}: ${x(c.text)}`);
  out.push('', `*${x(m.creditsNote)}*`);
  return `${out.join('\n')}\n`;
}

/** "clausemark-report-policies.google.com-2026-11-30.html": host and day of the reading. */
export function reportFileName(m: Pick<ReportModel, 'document'>, ext: 'html' | 'md'): string {
  let host = 'page';
  try {
    host = new URL(m.document.url).hostname || host;
  } catch {
    // keep "page"
  }
  const day = /^\d{4}-\d{2}-\d{2}/.exec(m.document.readAtIso)?.[0] ?? 'undated';
  return `clausemark-report-${host.replace(/[^a-z0-9.-]/gi, '_')}-${day}.${ext}`;
}
