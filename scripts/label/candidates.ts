// Lists the English privacy policies in ../shared/data (Open Terms Archive latest texts) with
// their sentence counts: the pool the labelled privacy set (docs/labelling.md) is drawn from.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { markdownToText, segment } from '../../src/core/text';
import { guessLanguage } from '../../src/core/language';

export const DATA = path.resolve(import.meta.dirname, '../../../shared/data');

// The services whose current policies an independent reader judges our flags on (issue 13):
// never labelled, tuned on or used as training data here, so that figure stays honest.
// Open Terms Archive names two of them differently: Google's Gemini Apps notice is filed under
// "Google Generative AI Services", and Mistral's "Vibe" shares Le Chat's policies almost word for word.
export const READER_HELD_OUT = /chatgpt|openai|claude|anthropic|gemini|generative ai services|grok|\bxai\b|le chat|mistral|\bvibe\b|deepseek|tiktok|reddit|spotify|snapchat|twitch/i;

export interface Candidate { set: string; service: string; type: string; file: string; sentences: number; chars: number }

/** English Open Terms Archive documents of one kind: privacy policies (the default) or terms. */
export function candidates(kind: 'privacy' | 'terms' = 'privacy'): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const set of readdirSync(DATA).filter((d) => d.startsWith('ota-')).sort()) {
    const base = path.join(DATA, set, 'versions-HEAD');
    if (!existsSync(base)) continue;
    for (const service of readdirSync(base).sort()) {
      const dir = path.join(base, service);
      let files: string[];
      try { files = readdirSync(dir); } catch { continue; }
      const ofKind = (x: string): boolean => (kind === 'privacy' ? /privacy/i.test(x) : /terms|conditions|user agreement/i.test(x) && !/privacy|cookie|data/i.test(x));
      for (const f of files.filter((x) => ofKind(x) && x.endsWith('.md'))) {
        const md = readFileSync(path.join(dir, f), 'utf8');
        const { text, hardBreaks } = markdownToText(md, { br: 'drop' }); // the labelled set's text
        if (guessLanguage(text).language !== 'en') continue;
        const key = `${service}/${f}`.toLowerCase();
        if (seen.has(key)) continue; // the same service tracked in two collections
        seen.add(key);
        const m = segment(text, hardBreaks);
        out.push({ set, service, type: f.replace(/\.md$/, ''), file: path.join(set, 'versions-HEAD', service, f), sentences: m.sentences.length, chars: text.length });
      }
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const c of candidates()) console.log(`${c.sentences}\t${c.chars}\t${c.set}\t${c.service}\t${c.type}`);
}
