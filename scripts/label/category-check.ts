// A category's flags outside the labelled privacy set: every clause the shipped detector marks
// with one category in the English terms and privacy texts of ../shared/data (Open Terms Archive,
// latest versions), the independent reader's services left out (READER_HELD_OUT). With a verdict
// file (a reader's Y/N per flag, keyed by service and sentence), it prints the flags' precision;
// flags the file has no verdict for are listed so they can be judged and added. A verdict is the
// reader's class of the passage: C (states the practice: a concern), P (protective: the practice is
// ruled out, limited or left to the user's choice) or X (not about the category). A flag is right
// when its class is C and its severity is not "good", or P and "good".
//
//   npx tsx scripts/label/category-check.ts ai-training                       # list as TSV
//   npx tsx scripts/label/category-check.ts ai-training data/reader-checks/ai-training.tsv
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { markdownToText, segment } from '../../src/core/text';
import { detectClauses } from '../../src/core/detect';
import { guessLanguage } from '../../src/core/language';
import { DATA, READER_HELD_OUT } from './candidates';

export interface Flag { key: string; service: string; file: string; severity: string; text: string }

/** A flag's key: its service and its text (whitespace collapsed), hashed. */
export const flagKey = (service: string, text: string): string => createHash('sha256').update(`${service}\n${text}`).digest('hex').slice(0, 16);

export function flagsOf(category: string): Flag[] {
  const out: Flag[] = [];
  const seen = new Set<string>();
  for (const set of readdirSync(DATA).filter((d) => d.startsWith('ota-')).sort()) {
    const base = path.join(DATA, set, 'versions-HEAD');
    if (!existsSync(base)) continue;
    for (const service of readdirSync(base).sort()) {
      if (READER_HELD_OUT.test(service)) continue;
      let files: string[];
      try { files = readdirSync(path.join(base, service)); } catch { continue; }
      for (const f of files.filter((x) => x.endsWith('.md') && /privacy|terms|conditions|service|use/i.test(x)).sort()) {
        const { text, hardBreaks } = markdownToText(readFileSync(path.join(base, service, f), 'utf8'));
        if (guessLanguage(text).language !== 'en') continue;
        for (const c of detectClauses(segment(text, hardBreaks))) {
          if (c.category !== category) continue;
          const t = text.slice(c.start, c.end).replace(/\s+/g, ' ').trim();
          const key = flagKey(service, t);
          if (seen.has(key)) continue; // the same service in two collections
          seen.add(key);
          out.push({ key, service, file: f, severity: c.severity, text: t });
        }
      }
    }
  }
  return out;
}

function main(): void {
  const [category, verdictFile] = process.argv.slice(2);
  if (!category) {
    console.error('usage: category-check.ts CATEGORY [VERDICTS.tsv]');
    process.exit(2);
  }
  const flags = flagsOf(category);
  if (!verdictFile) {
    console.log('key\tservice\tfile\tseverity\ttext');
    for (const f of flags) console.log([f.key, f.service, f.file, f.severity, f.text.replace(/\t/g, ' ')].join('\t'));
    console.error(`${flags.length} ${category} flags`);
    return;
  }
  const verdicts = new Map<string, string>();
  for (const line of readFileSync(verdictFile, 'utf8').split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('key\t')) continue;
    const [key, verdict] = line.split('\t');
    if (key && verdict) verdicts.set(key, verdict.trim());
  }
  const judged = flags.filter((f) => verdicts.has(f.key));
  const right = (f: Flag): boolean => {
    const v = verdicts.get(f.key);
    return (v === 'C' && f.severity !== 'good') || (v === 'P' && f.severity === 'good');
  };
  const topic = judged.filter((f) => verdicts.get(f.key) !== 'X').length;
  const ok = judged.filter(right).length;
  const high = judged.filter((f) => f.severity === 'high');
  const pct = (n: number, d: number): string => (d ? (n / d).toFixed(3) : '–');
  console.log(`${category}: ${flags.length} flags, ${judged.length} judged; right topic ${topic} (${pct(topic, judged.length)}), fully right ${ok} (${pct(ok, judged.length)}); high fully right ${high.filter(right).length} of ${high.length}`);
  const wrong = judged.filter((f) => !right(f));
  if (wrong.length) {
    console.log(`${wrong.length} flags not right (class, severity, service, text):`);
    for (const f of wrong) console.log([verdicts.get(f.key), f.severity, f.service, f.text.slice(0, 200)].join('\t'));
  }
  const missing = flags.filter((f) => !verdicts.has(f.key));
  if (missing.length) {
    console.log(`${missing.length} flags without a verdict:`);
    for (const f of missing) console.log([f.key, f.service, f.file, f.severity, f.text].join('\t'));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
