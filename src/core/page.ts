// Is this page a policy? Two stages, so ordinary pages cost almost nothing:
// 1. `quickSignal` looks only at the URL and title (runs on every page, in the tiny loader);
// 2. `confirmPolicyText` looks at the text itself before anything is highlighted.

export type PolicyKind = 'privacy' | 'terms' | 'cookies' | 'legal';

export interface QuickSignal {
  candidate: boolean;
  kind?: PolicyKind;
  reason: string;
}

const PATH_RULES: readonly [RegExp, PolicyKind][] = [
  [/(^|[/_.-])(privacy|privacidad|datenschutz|confidentialite|data-?policy|privacy-?(policy|notice|statement)|gdpr|ccpa)([/_.-]|$)/, 'privacy'],
  [/(^|[/_.-])(cookies?|cookie-?policy|trackers?)([/_.-]|$)/, 'cookies'],
  [/(^|[/_.-])(terms|tos|terms-?of-?(service|use|sale)|conditions|eula|user-?agreement|legal-?terms|agb|cgu|consumer-?terms|service-?terms|terms-?and-?conditions)([/_.-]|$)/, 'terms'],
  [/(^|[/_.-])(legal|policies|policy)([/_.-]|$)/, 'legal'],
];

const TITLE_RULES: readonly [RegExp, PolicyKind][] = [
  [/\bprivacy\s+(policy|notice|statement|centre|center)\b|\bdata\s+(policy|protection)\b/i, 'privacy'],
  [/\bcookies?\s+(policy|notice|statement)\b/i, 'cookies'],
  [/\bterms\s+(of\s+(service|use|sale)|and\s+conditions|&\s+conditions)\b|\buser\s+agreement\b|\bconditions\s+of\s+use\b|\bend[-\s]user\s+licen[cs]e\b|\bservices?\s+agreement\b/i, 'terms'],
  [/\blegal\b|\bpolicies\b/i, 'legal'],
];

/** Words without which neither an address nor a title can be a candidate (quickSignal's rules,
 * loosely): one simple test, so an ordinary page never runs the rules themselves. Tested on the
 * lower-cased text (a case-insensitive pattern costs more to compile, on every page; lower-casing
 * matches whatever the case-insensitive pattern matched, and more). */
const ANY_POLICY_WORD = /priva|datensch|confiden|polic|gdpr|ccpa|cooki|track|term|tos|condition|eula|agreement|agb|cgu|legal|protect|licen/;

/** False only where quickSignal would say no candidate (the sentinel's first look, on every page). */
export function mayBeCandidate(url: string, title: string): boolean {
  return ANY_POLICY_WORD.test(url.toLowerCase()) || (!!title && ANY_POLICY_WORD.test(title.toLowerCase()));
}

/**
 * The sentinel's test (content/sentinel.ts): quickSignal's candidate, or the address without its
 * #fragment reads like a policy (a fragment right after the word, "/privacy#cookies", hides it from
 * quickSignal's path rules). Every address the knowledge base lists that this takes for a policy
 * is found this way under any spelling that leads to the same document, so the sentinel's
 * and the loader's filter of hosts need only hold the hosts of the others (scripts/vite-plugins.ts).
 */
export function mayBePolicyPage(url: string, title: string): boolean {
  if (!mayBeCandidate(url, title)) return false;
  if (quickSignal(url, title).candidate) return true;
  const hash = url.indexOf('#');
  return hash >= 0 && quickSignal(url.slice(0, hash), '').candidate;
}

/** URL and title only: cheap enough for every page. */
export function quickSignal(url: string, title: string): QuickSignal {
  let path: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return { candidate: false, reason: 'not a web page' };
    path = decodeURIComponent(u.pathname + u.hash).toLowerCase();
  } catch {
    return { candidate: false, reason: 'invalid URL' };
  }
  for (const [re, kind] of TITLE_RULES) {
    if (re.test(title)) return { candidate: true, kind, reason: `title mentions ${kind}` };
  }
  for (const [re, kind] of PATH_RULES) {
    if (re.test(path)) return { candidate: true, kind, reason: `address looks like a ${kind} page` };
  }
  return { candidate: false, reason: 'no policy words in address or title' };
}

// Phrases that are frequent in policies and rare elsewhere; counted per 1,000 words.
const LEGAL_PHRASES =
  /\b(personal (data|information)|third[- ]part(y|ies)|we (collect|use|share|may|will)|you (agree|acknowledge|may not)|these terms|this (policy|agreement)|governing law|liabilit(y|ies)|indemnif|arbitration|cookies?|data protection|privacy|terminat(e|ion)|warrant(y|ies)|consent|controller|retain|disclos(e|ure))\b/gi;

export interface TextSignal {
  policy: boolean;
  words: number;
  density: number;
  reason: string;
}

/** Confirms from the text that a candidate page reads like a policy (not a blog post about one). */
export function confirmPolicyText(text: string, known = false): TextSignal {
  const words = countWords(text);
  const hits = text.match(LEGAL_PHRASES)?.length ?? 0;
  const density = words ? (hits * 1000) / words : 0;
  if (known) return { policy: words > 0, words, density, reason: 'known policy document' };
  if (words < 250) return { policy: false, words, density, reason: `too short for a policy (${words} words)` };
  if (density < 8) return { policy: false, words, density, reason: `few legal terms (${density.toFixed(1)} per 1,000 words)` };
  return { policy: true, words, density, reason: `${density.toFixed(1)} legal terms per 1,000 words` };
}

export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c <= 32 || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200b);
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
