// npm run i18n:sync — writes the taxonomy's English texts (category titles, meanings, why it
// matters, consumer impact; regulation notes and short names) into public/_locales/en/messages.json
// as cat_* and reg_* messages, so the English UI never drifts from src/core/taxonomy.ts. The keys
// written by hand are kept as they are, in their order. Then it reports, for German and French,
// the keys missing or extra and the translations made from older English: every translated
// entry's "description" is the English message it translates.
//   --check   change nothing; exit 1 when the English file is out of date or a locale lags.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CATEGORIES, REGULATIONS, type RegulationId } from '../src/core/taxonomy';
import { categoryKey, isGeneratedKey, regulationNoteKey, regulationShortKey } from '../src/lib/message-keys';

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LOCALES = ['en', 'de', 'fr'] as const;
export const localeFile = (locale: string) => path.join(root, 'public/_locales', locale, 'messages.json');

export function readMessages(locale: string): Messages {
  return JSON.parse(readFileSync(localeFile(locale), 'utf8')) as Messages;
}

/** The English messages taxonomy.ts implies, in taxonomy order. */
export function generatedMessages(): Messages {
  const out: Messages = {};
  const add = (key: string, message: string, description: string) => {
    if (out[key]) throw new Error(`i18n-sync: ${key} generated twice`);
    if (message.includes('$')) throw new Error(`i18n-sync: ${key} contains "$" (write $$ in messages)`);
    out[key] = { message, description };
  };
  for (const c of CATEGORIES) {
    add(categoryKey(c.id, 'title'), c.title, `Title of the clause category "${c.id}" (taxonomy.ts).`);
    add(categoryKey(c.id, 'meaning'), c.meaning, `What a "${c.id}" clause does, one sentence (taxonomy.ts).`);
    add(categoryKey(c.id, 'why'), c.whyItMatters, `Why a "${c.id}" clause matters (taxonomy.ts).`);
    add(categoryKey(c.id, 'impact'), c.consumerImpact, `What a "${c.id}" clause can mean in practice (taxonomy.ts).`);
    add(categoryKey(c.id, 'says'), c.says.concern, `Change summaries: what the document says about "${c.id}" when the clause is a concern; fits the change templates (chgAdded…) of this language (taxonomy.ts).`);
    add(categoryKey(c.id, 'says_good'), c.says.good, `Change summaries: what the document says about "${c.id}" when the clause protects the user; fits the change templates (chgAdded…) of this language (taxonomy.ts).`);
    for (const r of c.regulations) {
      add(regulationNoteKey(c.id, r.regulation), r.note, `Why ${REGULATIONS[r.regulation].short} ${r.provision} may apply to "${c.id}"; say "may", never "is illegal" (taxonomy.ts).`);
    }
  }
  for (const id of Object.keys(REGULATIONS) as RegulationId[]) {
    const r = REGULATIONS[id];
    add(regulationShortKey(id), r.short, `Short name of ${r.name}: its official short name or abbreviation in the language (taxonomy.ts).`);
  }
  return out;
}

/** The English file with its generated part replaced: hand-written keys first, as they were. */
export function syncedEnglish(current: Messages): Messages {
  const out: Messages = {};
  for (const [k, v] of Object.entries(current)) if (!isGeneratedKey(k)) out[k] = v;
  return { ...out, ...generatedMessages() };
}

export const serialise = (m: Messages): string => `${JSON.stringify(m, null, 2)}\n`;

export interface LocaleLag {
  locale: string;
  missing: string[];
  extra: string[];
  /** Keys whose translation was made from other English than today's. */
  stale: string[];
}

export function localeLag(en: Messages, locale: string, messages: Messages): LocaleLag {
  const missing = Object.keys(en).filter((k) => !messages[k]);
  const extra = Object.keys(messages).filter((k) => !en[k]);
  const stale = Object.keys(en).filter((k) => messages[k] && messages[k].description !== en[k]!.message);
  return { locale, missing, extra, stale };
}

function main(): void {
  const check = process.argv.includes('--check');
  const current = readMessages('en');
  const next = syncedEnglish(current);
  let failed = false;
  if (serialise(next) !== serialise(current)) {
    if (check) {
      console.error('public/_locales/en/messages.json is out of date with src/core/taxonomy.ts: run `npm run i18n:sync`.');
      failed = true;
    } else {
      writeFileSync(localeFile('en'), serialise(next));
      console.log('public/_locales/en/messages.json: updated from taxonomy.ts.');
    }
  }
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    const messages = readMessages(locale);
    const lag = localeLag(next, locale, messages);
    // Translations in the English order, so the files compare line by line.
    const ordered: Messages = {};
    for (const k of [...Object.keys(next), ...Object.keys(messages)]) if (messages[k] && !ordered[k]) ordered[k] = messages[k];
    if (!check && serialise(ordered) !== serialise(messages)) {
      writeFileSync(localeFile(locale), serialise(ordered));
      console.log(`public/_locales/${locale}/messages.json: put in the English order.`);
    }
    for (const [what, keys] of [['missing', lag.missing], ['not in English', lag.extra], ['translated from older English', lag.stale]] as const) {
      if (keys.length === 0) continue;
      failed = true;
      console.error(`${locale}: ${keys.length} ${what}: ${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ', …' : ''}`);
    }
  }
  console.log(`${Object.keys(next).length} messages (${Object.keys(generatedMessages()).length} from the taxonomy).`);
  if (failed && check) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
