// `clausemark scan FILE [--json]`: analyse a .html, .md or .txt policy with the same core as the
// extension. Exit codes: 0 ok, 1 unreadable/invalid input, 2 usage error. Never throws.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { htmlToText, markdownToText, plainTextBreaks, segment } from '../../src/core/text';
import { detect, MODEL_VERSION } from '../../src/core/detect';
import { getCategory } from '../../src/core/taxonomy';
import { SEVERITY_RANK, type FoundClause } from '../../src/core/types';

export const MAX_BYTES = 20 * 1024 * 1024;
const KINDS: Record<string, 'html' | 'md' | 'txt'> = {
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.md': 'md', '.markdown': 'md', '.txt': 'txt', '.text': 'txt',
};

const USAGE = 'Usage: clausemark scan FILE [--json]   (FILE: .html, .md or .txt)\n';

class InputError extends Error {}

export interface ScanResult { text: string; title?: string; clauses: FoundClause[] }

/** Analyse file content of a given kind; exported for tests and other scripts. */
export function scanText(content: string, kind: 'html' | 'md' | 'txt'): ScanResult {
  const conv: { text: string; hardBreaks: number[]; title?: string } =
    kind === 'html' ? htmlToText(content) : kind === 'md' ? markdownToText(content) : { text: content, hardBreaks: plainTextBreaks(content) };
  const model = segment(conv.text, conv.hardBreaks);
  const clauses = detect(model);
  const title = conv.title;
  return title === undefined ? { text: conv.text, clauses } : { text: conv.text, title, clauses };
}

async function readInput(file: string): Promise<{ content: string; kind: 'html' | 'md' | 'txt' }> {
  const kind = KINDS[path.extname(file).toLowerCase()];
  let st;
  try {
    st = await stat(file);
  } catch {
    throw new InputError(`cannot read ${file}: no such file`);
  }
  if (st.isDirectory()) throw new InputError(`${file} is a directory, not a file`);
  if (!st.isFile()) throw new InputError(`${file} is not a regular file`);
  if (!kind) throw new InputError(`unsupported file type "${path.extname(file) || '(none)'}": use .html, .md or .txt`);
  if (st.size > MAX_BYTES) throw new InputError(`${file} is too large (${(st.size / 1048576).toFixed(1)} MB; limit 20 MB)`);
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'read error'}`);
  }
  if (buf.length === 0) throw new InputError(`${file} is empty`);
  if (looksBinary(buf)) throw new InputError(`${file} looks like binary data, not text`);
  const content = new TextDecoder('utf-8').decode(buf).replace(/^\ufeff/, '');
  if (content.trim() === '') throw new InputError(`${file} contains only whitespace`);
  return { content, kind };
}

/** NUL bytes or many control characters in the first 8 KB mean it is not a text document. */
function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i] as number;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) ctrl++;
  }
  return ctrl > n * 0.1;
}

function excerpt(s: string, max = 220): string {
  const flat = s.replace(/[\s\u00ad\u200b-\u200d\ufeff]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function human(file: string, r: ScanResult): string {
  const out: string[] = [];
  out.push(`${r.title ?? path.basename(file)} — ${r.clauses.length} clause${r.clauses.length === 1 ? '' : 's'} found (model ${MODEL_VERSION})`);
  const sorted = [...r.clauses].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.start - b.start);
  let sev = '';
  for (const c of sorted) {
    if (c.severity !== sev) {
      sev = c.severity;
      out.push('', `== ${sev.toUpperCase()} ==`);
    }
    const title = getCategory(c.category)?.title ?? c.category;
    out.push(`- ${title} (${c.source}, ${Math.round(c.confidence * 100)}%)`, `    "${excerpt(r.text.slice(c.start, c.end))}"`);
  }
  if (r.clauses.length === 0) out.push('', 'No clauses detected.');
  return out.join('\n') + '\n';
}

export async function run(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknown = files.filter((a) => a.startsWith('--'));
  if (unknown.length || files.length !== 1) {
    process.stderr.write(unknown.length ? `clausemark scan: unknown option ${unknown[0]}\n${USAGE}` : USAGE);
    return 2;
  }
  const file = files[0] as string;
  try {
    const { content, kind } = await readInput(file);
    const r = scanText(content, kind);
    if (json) {
      const clauses = r.clauses.map(({ id, start, end, category, severity, confidence, source }) => ({ id, start, end, category, severity, confidence, source }));
      process.stdout.write(JSON.stringify({ text: r.text, clauses }) + '\n');
    } else {
      process.stdout.write(human(file, r));
    }
    return 0;
  } catch (e) {
    const msg = e instanceof InputError ? e.message : `unexpected error: ${(e as Error)?.message ?? String(e)}`;
    process.stderr.write(`clausemark scan: ${msg}\n`);
    return 1;
  }
}
