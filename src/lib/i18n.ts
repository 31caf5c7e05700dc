// UI text through the extension's own i18n (public/_locales/<lang>/messages.json): the browser
// picks the user's language, English is the default. The English file is bundled as the fallback
// for when getMessage is missing (unit tests, pages outside the extension) or answers '' (a key
// the browser's copy does not know yet), and its keys are the type of every message name, so a
// missing key is a compile error. Date and number formats follow the browser's UI language.
import browser from 'webextension-polyfill';
import en from '../../public/_locales/en/messages.json';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> };

export type MessageKey = keyof typeof en;
/** Keys with a "_one" and an "_other" form, named without the suffix (see tn). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_one` ? B : never) : never;
export type Substitution = string | number;

const EN = en as Record<string, Entry>;

/** Chrome's substitution rules: $NAME$ is the placeholder's content, in which (and in the
 * message itself) $1…$9 are the substitutions; $$ is a literal $. */
export function formatMessage(entry: Entry, subs: readonly string[]): string {
  const numbered = (s: string) => s.replace(/\$(\$|[1-9])/g, (_m, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
  const named = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  return entry.message
    .split(/(\$[A-Za-z0-9_@]+\$)/)
    .map((part) => {
      const m = /^\$([A-Za-z0-9_@]+)\$$/.exec(part);
      if (m) {
        const content = named.get((m[1] as string).toLowerCase());
        if (content !== undefined) return numbered(content);
      }
      return numbered(part);
    })
    .join('');
}

function getMessage(key: string, subs: string[]): string {
  try {
    return browser.i18n.getMessage(key, subs) || '';
  } catch {
    return ''; // no extension API here (unit tests, a page outside the extension)
  }
}

/** The message `key` in the user's language, English if the browser has none. */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  const subs = substitutions.map(String);
  const got = getMessage(key, subs);
  if (got) return got;
  const entry = EN[key];
  return entry ? formatMessage(entry, subs) : key;
}

/** `<key>_one` or `<key>_other` by the UI language's plural rules; `n` is the first substitution. */
export function tn(key: PluralKey, n: number, ...more: Substitution[]): string {
  const form = pluralRules().select(n) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, formatNumber(n), ...more);
}

/** A message that may not exist (e.g. generated per category): '' when it does not. */
export function tMaybe(key: string, ...substitutions: Substitution[]): string {
  const subs = substitutions.map(String);
  const got = getMessage(key, subs);
  if (got) return got;
  const entry = EN[key];
  return entry ? formatMessage(entry, subs) : '';
}

const canonical = (tag: string | undefined): string | undefined => {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
};
const primary = (tag: string) => tag.split('-')[0]?.toLowerCase();

let locale: string | undefined | null = null;
/**
 * The browser's UI language (e.g. "de", "fr-FR"), for dates and numbers; undefined when unknown
 * (Intl then uses its default). When the messages are in another language (a UI language we have
 * no translation for, so English; or Chromium's --lang switch, which getUILanguage and
 * @@ui_locale do not follow), the messages' own language wins (each file names it in
 * `messagesLocale`), so that dates read in the language of the sentence around them.
 */
export function uiLocale(): string | undefined {
  if (locale === null) {
    let ui: string | undefined;
    let messages: string | undefined;
    try {
      ui = canonical(browser.i18n.getUILanguage());
      messages = canonical(browser.i18n.getMessage('messagesLocale'));
    } catch {
      // no extension API: Intl's default
    }
    locale = ui && messages && primary(ui) !== primary(messages) ? messages : (ui ?? messages);
  }
  return locale ?? undefined;
}

let rules: Intl.PluralRules | null = null;
function pluralRules(): Intl.PluralRules {
  return (rules ??= new Intl.PluralRules(uiLocale()));
}

// toLocaleString builds a formatter on every call (a badge each on a big policy): keep them.
const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  const key = options ? JSON.stringify(options) : '';
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(uiLocale(), options)));
  return f.format(n);
}

/** 0.87 → "87%" ("87 %" in German and French). */
export function formatPercent(share: number): string {
  return formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
}

const toDate = (d: string | number | Date) => (d instanceof Date ? d : new Date(d));

/** A day, e.g. "23 Nov 2026" / "23. Nov. 2026"; the input as given when it is not a date. */
export function formatDay(d: string | number | Date | undefined): string {
  if (d === undefined || d === '') return '';
  const date = toDate(d);
  return Number.isNaN(date.getTime()) ? String(d) : date.toLocaleDateString(uiLocale(), { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A day with the time, to the minute. */
export function formatDateTime(d: string | number | Date | undefined): string {
  if (d === undefined || d === '') return '';
  const date = toDate(d);
  return Number.isNaN(date.getTime()) ? String(d) : date.toLocaleString(uiLocale(), { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Bytes as B, kB or MB with the locale's decimal mark. */
export function formatBytes(n: number): string {
  if (n < 1024) return t('unitBytes', formatNumber(n));
  if (n < 1048576) return t('unitKilobytes', formatNumber(n / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  return t('unitMegabytes', formatNumber(n / 1048576, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
}

/** Gives an extension page its language (for screen readers and hyphenation) and, optionally, a title. */
export function localizePage(title?: string): void {
  const lang = uiLocale();
  if (lang) document.documentElement.lang = lang;
  if (title) document.title = title;
}
