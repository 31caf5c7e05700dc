// Privacy categories (sharing, tracking, retention, rights, …): a linear topic model and a stance
// model, both learned from Clausemark's own labelled privacy set (docs/labelling.md), over the
// same sentence features as the CLAUDETTE model (words, bigrams, heading words, rule names).
// The stance model decides whether a sentence states the practice (concern) or limits it
// (protective: "we do not sell", "you can opt out", "we will ask your consent"): a protective
// statement is shown as good practice, never as a concern. Pure: no DOM, no storage.

import privacyJson from './privacy-model.generated.json';
import { addCharFeatures, addPrefixed } from './detect-features';
import { loadModel, scoreFeatures, type LoadedModel, type ModelFile } from './detect-model';
import type { Severity } from './types';
import { RULES } from './rules';

export interface PrivacyModelFile {
  version: string;
  /** One column per privacy category; bias shifted so that 0.5 is the operating threshold. */
  topics: ModelFile;
  /** One column, `protective`: P(protective | the sentence states this category). Features are
   * the sentence's own plus category-crossed copies (see `stanceFeatures`). */
  stance: ModelFile;
  /** Per category: P(concern) a sentence needs for the category's default severity when that
   * severity is high; below it a concern is shown as medium (a wrong high costs most). */
  highConcern: number;
  /** P(category), on the 0.5-at-threshold scale, a high flag needs; below it, medium. */
  highTopic?: number;
  /** Categories too rare in the labelled set for a topic model (no operating point reached the
   * precision floor): their rules find the clauses and the stance model sets the severity. */
  ruleCategories?: string[];
  /** Categories whose topic model marks a sentence only when one of the category's rules also
   * matches it (chosen in training where that is more precise than the model alone). */
  gated?: string[];
  /** Features added to the shared sentence features for these models: word prefixes (`c:`, the
   * labelled set is small, so inflections must generalise) and the previous sentence of the same
   * block (`pv:`, "For example, we use…" takes its topic from the sentence before). */
  extra?: PrivacyExtra;
  /** Categories scored jointly with the pooled `any` column ("states some privacy practice"),
   * with their threshold: score = sqrt(P(category) × P(any)). The pooled column has all
   * categories' examples behind it, so it knows lead-ins, pointers and generic promises better. */
  joint?: Record<string, number>;
  meta?: Record<string, unknown>;
}

export interface PrivacyExtra { prefix?: boolean; prev?: boolean }

/** The privacy models' features: the shared sentence features plus `extra`. */
export function privacyFeatures(base: readonly number[], toks: readonly string[], prevToks: readonly string[] | null, extra: PrivacyExtra | undefined): readonly number[] {
  if (!extra || (!extra.prefix && !(extra.prev && prevToks))) return base;
  const set = new Set<number>(base);
  if (extra.prefix) addCharFeatures(set, toks, 'prefix');
  if (extra.prev && prevToks) addPrefixed(set, 'pv:', prevToks);
  return [...set];
}

export interface LoadedPrivacyModel {
  file: PrivacyModelFile;
  topics: LoadedModel;
  stance: LoadedModel;
  index: Map<string, number>;
  /** Categories the topic model decides (rules are only its features there). */
  learned: Set<string>;
  gated: Set<string>;
}

/** Categories whose rules find the clauses whatever training chose: sensitive data reaches no
 * operating point of its own (148 labelled sentences spread over location, health, biometrics, ID
 * numbers), while its rule, with a practice verb (detect-veto.ts), is right on about 0.8 of the
 * labelled sentences it marks — better a medium flag there than none. */
export const RULE_DECIDED: ReadonlySet<string> = new Set(['sensitive-data']);

export function loadPrivacyModel(file: PrivacyModelFile): LoadedPrivacyModel {
  const topics = loadModel(file.topics);
  const rules = new Set([...(file.ruleCategories ?? []), ...RULE_DECIDED]);
  return {
    file, topics, stance: loadModel(file.stance), index: new Map(topics.categories.map((c, i) => [c, i])),
    learned: new Set(topics.categories.filter((c) => !rules.has(c) && c !== 'any')),
    gated: new Set(file.gated ?? []),
  };
}

let cached: LoadedPrivacyModel | undefined;
export function shippedPrivacyModel(): LoadedPrivacyModel {
  cached ??= loadPrivacyModel(privacyJson as unknown as PrivacyModelFile);
  return cached;
}

// Cue words of protective statements; crossed with the category so that "opt out" can mean
// protective for marketing while "you can" is the default voice of user rights.
const CUES: readonly [string, RegExp][] = [
  ['neg', /\b(not|never|no|none|nor|neither|without)\b|n't\b/],
  ['choice', /\b(opt(-| )?out|opt(-| )?in|unsubscribe|withdraw|turn off|disable|manage|control|choose|choices|settings|preferences|object)\b/],
  ['consent', /\b(your (explicit |express |prior )?consent|with your (permission|consent)|ask (you )?for|unless you|only (if|when|with) you)\b/],
  ['right', /\b(you (have|may have) the right|you (can|may) (request|ask|access|delete|correct|exercise)|right to)\b/],
  ['safe', /\b(encrypt\w*|safeguards?|protect\w*|secure\w*|confidential\w*|anonymi[sz]\w*|pseudonymi[sz]\w*|aggregated?|de-identified)\b/],
  ['limit', /\b(only|solely|strictly|limited|minimum|minimi[sz]e)\b/],
  ['may', /\b(may|might|can|could|will|reserve)\b/],
];

/** The stance model's features for sentence `toks`/`norm` as a statement of `category`. */
export function stanceFeatures(base: readonly number[], toks: readonly string[], norm: string, category: string): number[] {
  const set = new Set<number>(base);
  addPrefixed(set, 'cat:', [category]);
  addPrefixed(set, `x:${category}:`, toks);
  const cues: string[] = [];
  for (const [name, re] of CUES) if (re.test(norm)) cues.push(name);
  addPrefixed(set, 'q:', cues);
  addPrefixed(set, `q:${category}:`, cues);
  return [...set];
}

// Sentences that name a practice without stating one: glossary definitions ("Pixel tags are small
// pieces of code…", "Sensitive personal information: this is a particular category…", "'Sale'
// means…"), and short fragments (links, list items, menu entries).
const DEFINITION = [
  /^(?!(this|that|which|it|these|those|doing so|such|all of this|each of these)\b)(the term )?["'“‘]?[a-z][a-z0-9 '&/()-]{1,60}["'”’]?,? (means?|refers? to|is defined as|shall mean|has the meaning)\b/,
  /^[^:]{2,70}: (this|these|it|they|which) (is|are|means|refers?|includes?)\b/,
  /^(what (are|is) )?(cookies|pixel tags?|pixels|web beacons?|clear gifs|sdks?|software development kits?|local storage|device identifiers?|log files?|tracking technologies|personal (data|information)|sensitive (personal )?(data|information)) (are|is) (small|tiny|a|an|pieces?|files?|strings?|code|unique|any|information|data|technologies)\b/,
  /^["'“‘][^"'”’]{2,60}["'”’] (or ["'“‘][^"'”’]{2,60}["'”’] )?(means|refers to|is|are)\b/,
  // "A pixel tag is a type of technology…", "An opt-out preference signal is a signal that…".
  /^(a|an) ([a-z0-9'-]+ ){1,5}(is|are) (a|an|any|the) ([a-z0-9'-]+ ){0,4}(type|kind|form|piece|set|signal|technology|file|string|mechanism|way|category|term)s?\b/,
];
// Pointers to another document or section, and continuations of a list, state no practice of
// their own: "Conditions relating to cookies can be found in our cookie policy", "Please click
// here to read…", "Such as your IP address, browser type…".
const POINTER = [
  /^(please |you can |you may )?(click here|see (our|the|section)|refer to|read (our|more)|learn more|visit (our|the))\b/,
  /^(for (more|further|additional) (information|details)|to (learn|find out|read) more)\b/,
  /\b(can|may) be found (in|on|at) (our|the|this|section)\b/,
  /^(such as|including)\b/,
  // A map of the document ("This section describes how we share information", "The table below
  // sets out…", "Below, we identify (1) the categories…"): the practices are in what it points to.
  // Labelled in 1 of 33 such sentences of the privacy set.
  /^((the|this) )?(table|chart|section)( [0-9]+)?( (below|above))? (describes|provides|sets out|lists|identifies|summari[sz]es|explains|details|shows)\b/,
  /^below,? we (identify|describe|list|set out|explain)\b/,
];
// A changelog line tells what was edited in the document, not what the service does ("On November
// 3, 2025, we updated this notice to provide information about…", "We added more details on how we
// train the models…"): the clause it points to is elsewhere in the text.
const CHANGELOG = [
  /^(on |as of |effective |since )?([a-z]+ \d{1,2},? \d{4}|\d{1,2} [a-z]+,? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})[:,.]? (-|–|—)? ?(we )?(have )?(updated|added|changed|revised|amended|clarified|made|introduced|expanded|included|removed)\b/,
  /^we (have )?(updated|revised|amended|clarified|added (more |new )?(details|information|language|a section)) (this|our|the|to|on|about|how)\b/,
];
const NUMBERED = /^\(?[0-9]{1,3}(\.[0-9]{1,3})*[.)]?\s+/;
/** Fewer words than this and a sentence is a heading, link or list item, not a clause. */
export const MIN_WORDS = 5;

// Lead-ins to a list and pointers into the document that readers rejected as flags: never shown,
// but still training sentences — "We share information with the categories of parties described
// above" is labelled sharing, and its words teach the topic.
const REFERS_ONWARD = [
  // "…with the categories of parties described in "When and To Whom We Disclose Information" above",
  // "Through Cookies (as defined and described further below)", "please see here", "kindly use the
  // contact details in section 12 below".
  /\b(described|set (forth|out)|listed|defined|explained|outlined|detailed)( further)? (above|below)\b|\b(described|set (forth|out)|listed|explained|outlined|detailed) in "[^"]{3,80}" (above|below)\b/,
  /\b(please )?see here\b|\bcontact details (in|at) section\b/,
  // "…to the recipients described in the Sharing of Information section above."
  /\b(described|set (forth|out)|listed|explained|outlined|detailed) in the [a-z' -]{3,60} section (above|below)\b/,
  // "Learn how you can opt out by going to Your Advertising Choices."
  /^(learn|find out|read) (how|more|about)\b/,
  // "We do not share information about you except as described in this Privacy Policy."
  /\bexcept as (described|set (forth|out)|provided|explained) in this (privacy )?(policy|notice|statement)\b/,
  // "…in accordance with the time periods set forth in "Where and How Long Will Information Be Stored?"".
  /\b(in accordance with|according to|pursuant to) (the )?[a-z ]{0,40}(set (forth|out)|described|outlined|explained|detailed|listed) (in|under) (the )?(section [0-9a-z.]+|"[^"]{3,80}")/,
];

/** A sentence that states no practice: too short, a definition, a pointer, a changelog line, a run
 * of list items; never a training sentence either. */
export function statesNoPractice(norm: string, toks: readonly string[]): boolean {
  if (toks.length < MIN_WORDS) return true;
  // "11. Encrypted Content means Customer Files uploaded…": a numbered definition is a definition.
  const numbered = NUMBERED.exec(norm);
  const unnumbered = numbered ? norm.slice(numbered[0].length) : null;
  for (const re of DEFINITION) if (re.test(norm) || (unnumbered !== null && re.test(unnumbered))) return true;
  for (const re of POINTER) if (re.test(norm)) return true;
  for (const re of CHANGELOG) if (re.test(norm)) return true;
  // Bulleted run-ons of data types ("* Account Data* Profile Data* Content…").
  if ((norm.match(/[*•·▪] /g)?.length ?? 0) >= 3) return true;
  return false;
}

// More pointers and changelog lines readers rejected (detection only; training rows unchanged):
// "You can exercise rights related to this data by following the instructions in the Your Choices
// section, below", "Relevant browser-based cookie
// controls are described in our Cookies & Tracking Notice", "We added more detail about cookies…".
const NAMES_ONLY = [
  /\bin the [a-z' &-]{3,60} section,? (above|below)\b/,
  /^[^.;]{0,80}\b(are|is) (described|explained|set out|detailed|listed) in (our|the) [a-z' &-]{3,60}(notice|policy|statement)\b/,
  /^we (have )?added more (detail|details|information) (about|on|to|regarding)\b/,
  /^for information (on|about) [^.;]{0,120}\b(please )?(see|visit|refer to|read)\b/,
  // "…by exercising your rights as set out in the Exercising your rights section", "You may want to
  // visit http://…, which provides information…".
  /\b(as (set out|described|explained|detailed)|in accordance with [^.;]{0,60}) in the "?[a-z' &?-]{3,80}"? section\b/,
  /^(you may|you might) (want|wish) to (visit|read|review|see)\b/,
  // "b) Our Cookie Policy, which sets out information about the "cookies" on our Website;"
  /\b(policy|notice|statement),? which (sets out|describes|explains|contains|provides)\b/,
];
// Verbs (and the voice of the service) that make a sentence a statement rather than a label.
const VERB = /\b(we|us|our|you|your|they|it|is|are|was|were|be|been|may|might|will|would|can|could|shall|should|must|do|does|did|has|have|had|share[sd]?|sharing|disclose[sd]?|provide[sd]?|sell|sold|transfer(s|red)?|use[sd]?|collect(s|ed)?|process(es|ed)?|receive[sd]?|help[s]?|perform[s]?|support[s]?|include[sd]?|allow[s]?|enable[s]?|send[s]?|store[sd]?|keep[s]?|kept)\b/;
/** A list label naming a right ("Rights in relation to automated decision making and profiling.",
 * "(5) Right to Opt-Out of Targeted Advertising and/or "Sale"."): no statement of its own. */
const RIGHT_LABEL = /^(\(?[0-9a-z]{1,3}[.)]\s*)?(the )?rights? (to|of|in relation to|regarding|concerning|relating to)\b(?![^.;]*\b(you|we|may|can|have|has|is|are|will|must)\b)/;

/** A short lead-in to a list ("To exercise applicable privacy rights, you may submit a request
 * by:") or a sentence that sends the reader elsewhere in the document. */
export function refersOnward(norm: string, toks: readonly string[]): boolean {
  if (norm.endsWith(':') && (toks.length < 16 || /\b(following|below|these|as follows|by|us|include|includes|including|the right to)\s*:$/.test(norm))) return true;
  // "…with third parties under the following circumstances:", "…with the following categories of recipients."
  if (/\b(the following|as follows)( [a-z-]+){0,7}\s*[:.]?$/.test(norm)) return true;
  // A list label without a verb of its own: "With data processors, i.e. parties processing Personal Data on our behalf."
  if (/^with\b/.test(norm) && !/\b(we|us|may|might|will|can|share[sd]?|disclose[sd]?|provide[sd]?|transfer(s|red)?|sell|sold|is|are)\b/.test(norm)) return true;
  for (const re of REFERS_ONWARD) if (re.test(norm)) return true;
  for (const re of NAMES_ONLY) if (re.test(norm)) return true;
  if (toks.length <= 12 && RIGHT_LABEL.test(norm)) return true;
  // A list item naming recipients, without a verb ("Hosting and content delivery network services
  // (e.g., AWS, Equinix, CenturyLink, YouTube, Vimeo)."): the statement is the lead-in's.
  if (/^[•*·-]?\s*(?!(to|no|not)\b)[a-z][a-z ,&/'-]{2,80}\((e\.g\.|such as|for example)/.test(norm) && !VERB.test(norm)) return true;
  // A label defined by what it names ("Cookie Identifier: A cookie – or data file – with a unique
  // identifier that we set…").
  const label = /^([a-z][a-z0-9 '&/-]{1,40}): (a|an) ([a-z-]{3,})\b/.exec(norm);
  if (label && (label[1] as string).split(' ').includes(label[3] as string)) return true;
  // A run of glued hyphen bullets ("- Profile Data- Device data- App Usage Data- …").
  if ((norm.match(/[a-z]- [a-z]/g)?.length ?? 0) >= 3) return true;
  // A sentence cut at "…adheres to the EU-U.S." (the segmenter ends it at the abbreviation): its
  // statement is in the next sentence; the next one starts "DPF…" mid-phrase.
  if (toks.length < 20 && /\b(eu|swiss|uk)-u\.s\.$/.test(norm)) return true;
  if (/^dpf principles\)/.test(norm) || (/^dpf\b/.test(norm) && toks.length < 12)) return true;
  // "…you may have certain additional privacy rights": the lead-in to the rights, not one of them.
  if (/\bmay have (certain |some |additional |other |specific |the following )+(privacy |data protection |consumer )?rights\b/.test(norm) && !/\b(to|access|delete|correct|know|opt|object|erase|port\w*|request)\b/.test(norm)) return true;
  return false;
}

/** Whether a sentence is never highlighted as a privacy practice. */
export function notAClause(norm: string, toks: readonly string[]): boolean {
  return statesNoPractice(norm, toks) || refersOnward(norm, toks);
}

/** A line on its own that reads as a heading the section detector did not take: short, alone in
 * its block, and either without closing punctuation or numbered ("4. Protecting the security of
 * our Services."). */
export function headingLike(raw: string, words: number, aloneInBlock: boolean): boolean {
  if (!aloneInBlock || words > 10) return false;
  const t = raw.trim();
  return !/[.!?;:]["'”’)\]]?$/.test(t) || /^(\(?[0-9]{1,2}(\.[0-9]{1,2})*[.)]|\(?[a-z][.)]|[ivx]{1,4}[.)]) /i.test(t);
}

export interface PrivacyHit { category: string; confidence: number; severity: Severity }

const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * The privacy categories a sentence states, with their stance turned into a severity:
 * protective → `good`; concern → the category's default, high only with a confident concern.
 * Callers pass candidate sentences only (not headings, fragments or definitions: `notAClause`,
 * `headingLike`); `ruleHits` are the indices of the RULES the sentence matches.
 */
export function privacyHits(
  m: LoadedPrivacyModel, feats: readonly number[], toks: readonly string[], norm: string,
  defaultSeverity: (category: string) => Severity, probs: Float64Array, only: ReadonlySet<string> | null,
  ruleHits: readonly number[], threshold = 0.5,
): PrivacyHit[] {
  const out: PrivacyHit[] = [];
  scoreFeatures(m.topics, feats, probs);
  const any = m.index.get('any');
  const pAny = any === undefined ? 1 : (probs[any] as number);
  for (let c = 0; c < m.topics.categories.length; c++) {
    if (c === any) continue;
    let p = probs[c] as number;
    const jt = m.file.joint?.[m.topics.categories[c] as string];
    if (jt !== undefined) {
      // Same scale as the folded thresholds: 0.5 at the joint threshold.
      const q = Math.min(Math.max(Math.sqrt(p * pAny), 1e-9), 1 - 1e-9);
      p = 1 / (1 + Math.exp(-(logit(q) - logit(jt))));
    }
    // 0.5 is the operating point chosen in training; the user's sensitivity moves it.
    if (p < threshold) continue;
    const category = m.topics.categories[c] as string;
    if (only && !only.has(category)) continue;
    if (!m.learned.has(category)) continue;
    if (m.gated.has(category) && !ruleHits.some((r) => RULES[r]?.category === category)) continue;
    let severity = stanceSeverity(m, feats, toks, norm, category, defaultSeverity(category));
    // High also needs a confident topic: near the threshold, a concern is shown as medium.
    if (severity === 'high' && p < (m.file.highTopic ?? 0)) severity = 'medium';
    out.push({ category, confidence: p, severity });
  }
  return out;
}

// The service saying it does NOT do something ("we don't show you personalised ads based on…",
// "temporary chats are not used for training") is protective whatever the model says — except
// for the verbs of a disclaimer ("we do not guarantee", "we don't respond to Do Not Track"), and
// when the negation only leads in to an exception (below).
const WE_DO_NOT = /\b(we|us)( also| still| currently| generally| simply| otherwise)? (do|does|will|shall|would) not (?!(guarantee|control|respond|honou?r|recogni[sz]e|support|warrant|endorse|verify|have control|accept|assume|take|make any|represent|currently (respond|honou?r|recogni[sz]e|support))\b)|\bwe( also| still| currently| generally| simply| otherwise)? (don't|won't|never) (?!(guarantee|control|respond|honou?r|recogni[sz]e|support|warrant|endorse|verify|have control|accept|assume|take)\b)/;
// "While we do not sell…, we may share…", "we will not disclose … unless required by law": the
// negation is the lead-in to what the service does do, so the model decides.
// "…unless you choose to send us feedback" leaves the choice to the user: still protective.
const BUT = /\b(while|whilst|although|though|but|however|except|unless(?! you (choose|chose|decide|consent|agree|ask|request|send|turn on|enable|allow|authori[sz]e|give|opt[- ]?in|have (chosen|given|consented|opted[- ]?in)))|other than|apart from|aside from)\b/;
// On by default, off on request ("…can help train our AI models unless you opt out"): the practice
// is the statement, the opt-out its remedy — a concern, not a protection.
const UNLESS_OPT_OUT = /\b(unless|until) you (opt[- ]?out|object|turn (it )?off|disable|delete|close|request (the )?(deletion|erasure|removal))\b|\b(have|has) not opted[- ]?out\b|\bif you (do not|don't) opt[- ]?out\b/;
// A named service saying it does not do something with the data ("Meta does not train its AI models
// on Llama API Customer Content", "this license does not permit us to use your content to train").
const SERVICE_DOES_NOT = /(?<!\byou )\b(does not|doesn't|do not|don't|will not|won't|never) (train|use|sell|share|rent|disclose)\b[^.;]{0,60}\b(data|information|content|conversations|chats|inputs|prompts)\b|\bdoes not (permit|allow) us to\b|\b(restrict|prohibit|forbid|bar)s? (our |all |any )?[a-z -]{0,40}?\bfrom (training|using|selling|sharing|disclosing)\b/;
const KEPT_AFTER = /\buntil (your|the) account is (deleted|closed|terminated)\b|\b(after|following|subsequent to|beyond) ((the|your|any|an) )?(account )?(deletion|closure|termination)\b[^.;]{0,80}\b(retain\w*|kept|keep|stored|remains?)\b|\bafter you (close|delete|deactivate|terminate|cancel) your account\b[^.;]{0,60}\b(retain\w*|kept|keep|store[sd]?|remains?)\b|\b(retain\w*|kept|keep|store[sd]?|remains?)\b[^.;]{0,80}\b(after|following|subsequent to) (you (delete|close)|((the|your|any|an) )?(account )?(deletion|closure))\b/;
// Two years or more ("stored for 2 years", "up to 5 years"): a stated period, but not a short one —
// readers read it as the concern (one read "a maximum of 14 months, then deleted" as protective). (The account's lifetime is left to the model: the labelled set
// and readers are split on it.)
const LONG_KEEP = /\b(for|of|up to|at least|maximum of|minimum of|further|additional|plus|another|period of) (a period of |a maximum of |up to )?(([2-9]|\d{2,3}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)( \(\d{1,3}\))? (full |calendar )?years?|([2-9]\d|\d{3}) months)\b/;
// Kept as long as consent or a legitimate interest lasts: open-ended, not a protection.
const OPEN_ENDED = /\blegitimate (business )?interests?\b[^.;]{0,40}\b(appl\w*|exist\w*|lasts?|continu\w*|require\w*)\b|\bas long as (the |your )?consent (exists|is valid|remains|lasts)\b/;
// "…webserver logs that we usually keep 10-14 days", "deleted after 30 days".
const SHORT_KEEP = /\b(\d{1,2}(-\d{1,2})?|one|two|three|seven|ten|fourteen|thirty|ninety) (calendar |business )?(days?|hours?|weeks?)\b/;
// "Meta shall delete existing copies of Applicable Personal Data", "we will delete your data".
const WILL_DELETE = /\b(will|shall|must|we'll) (either )?(promptly |securely |permanently |immediately |then |automatically )?(delete|erase|destroy|purge|remove|anonymi[sz]e|return and delete|return or delete)\b/;
// ("Only as long as necessary" stays with the model: three readers called it protective, five
// accepted it as the concern.)
// Processors held to the service's rules, or given only what they need: a limit on sharing.
const SHARING_LIMITED = /\bensure the confidentiality\b|\bremain (responsible|liable)\b|\bcontractually (bound|obligated|required|committed)\b|\bbound by (contract|confidentiality|written agreements?)\b|\bonly (provide|share|disclose|give)\b[^.;]{0,80}\b(necessary|needed|required)\b/;
// Do Not Track ignored, opt-outs lost when cookies are cleared: the concern side of tracking.
const DNT_IGNORED = /\b(do not|don't|does not|doesn't|not|cannot) (currently )?(recogni[sz]e|respond to|honou?r|support)\b[^.;]{0,40}\bdo[- ]not[- ]track\b/;
const OPT_OUT_LOST = /\bopt[- ]?out\b[^.;]{0,80}\b(nullif\w*|eras\w*|lost|invalid\w*|no longer (work|apply))\b|\b(clearing|deleting|delete) (your )?cookies\b[^.;]{0,60}\b(eras\w*|remov\w*|nullif\w*)\b[^.;]{0,30}\bopt[- ]?out\b/;
// Sharing on the user's consent or request ("We share personal information with your consent or
// at your direction", "…in any other circumstances where we have your consent").
const CONSENT_BASIS = /\b(with your (consent|permission)|at your (direction|request)|upon your (request|consent)|where (we have|you have given|you have provided) (your )?(consent|permission)|where you have consented)\b/;
const LIMITS_SHARING = /\b(only|solely|exclusively|never|not|unless)\b|n't\b/;
const RESTRICTS_RIGHT = /\b(restrict|limit|prevent|block|remove)s? (your|the user'?s?|their) (ability|right|access)\b/;
// A long period counts when the data is kept for it, not when it is the wait before deletion.
const KEEP_VERB = /\b(retain\w*|kept|keep\w*|stor(e|ed|es|age)|hold|held|archiv\w*|maintain\w*|process\w*|use[sd]?|disclose[sd]?|preserve[sd]?)\b/;
// Hedged denials of a sale ("We do not sell your Personal Data in the conventional sense (i.e.,
// for money)", "Except for this kind of selling or sharing, Zillow doesn't otherwise sell…"): an
// admission that some disclosure counts as a sale under the law — a concern.
const HEDGED_SALE = /\bin the (conventional|traditional|ordinary|colloquial|common|usual|literal) sense\b|\b(not|n't) otherwise sell\b|\bexcept for (this|these|such) (kind|type|form)s? of (selling|sale|sharing)\b/;
// Marketing on unless refused ("the User is, by default, opted in to receive promotional email").
const DEFAULT_ON = /\bby default\b[^.;]{0,40}\b(opted[- ]?in|subscribed|enrolled|signed up)\b|\b(opted[- ]?in|subscribed|enrolled|signed up)\b[^.;]{0,20}\bby default\b|\bautomatically (opted[- ]?in|subscribed|enrolled|signed up)\b/;
// The person may refuse ("Site Visitors may opt out of the Taboola Ad Partners…"): protective.
const MAY_OPT_OUT = /^[^.;]{0,80}\b(you|users?|visitors?|members?|customers?|consumers?|individuals?) (can|may|are able to|have the (right|option|choice) to)( always| also| at any time| easily)? (opt[- ]?out|unsubscribe|withdraw (your )?consent)\b/;
// A stated protection for the categories where the model, trained on few protective sentences,
// can say "good" for a plain statement of the practice ("We also use personal information to provide
// personalised advertising tailored to your interests"; "Data is transferred to third countries
// outside the European Union"). Without one of these words, a "good" there is read as the concern.
const GOOD_NEEDS = new Map<string, RegExp>([
  ['targeted-advertising', /\b(not|never|no|none|nor|without|cannot|opt\w*|refus\w*|reject\w*|accept|rights?|adhere\w*|code of conduct|self-regulatory|principles|member|participat\w*|choices?|choose|control\w*|settings|preferences?|manage|disable|turn off|limit\w*|reset|object|withdraw|consent|contextual\w*|stop|only)\b|n't\b/],
  ['marketing', /\b(not|never|no|none|nor|without|cannot|refus\w*|agreed|opt\w*|choices?|choose|control\w*|settings|preferences?|manage|disable|turn off|unsubscrib\w*|stop|cancel\w*|adjust|prohibit|object|withdraw|reply|remove[ds]?|update|consent\w*|permission|only|right)\b|n't\b/],
  ['sensitive-data', /\b(not|never|no|none|nor|without|cannot|delete[sd]?|erase[sd]?|only|limit\w*|solely|right|opt\w*|declin\w*|free to|choose|choices?|settings)\b|n't\b|\b(ask|request|obtain|seek)\w* (for )?(your )?(explicit |express |prior )?(consent|permission)\b/],
  ['international-transfer', /\b(not|never|no|nor|cannot|safeguards?|protect\w*|secur\w*|contractual|clauses|adequa\w*|framework|shield|dpf|mechanisms?|compl(y|ies|iance|iant)|ensure[sd]?|approved|binding corporate|lawful\w*|appropriate|certif\w*|principles|responsible|liable|within the (eu|european|eea|uk)|consent|only)\b|n't\b/],
]);
const IS_NOT_USED = /\b((is|are|will|shall) (not|never)|won't|isn't|aren't) (be )?(used|shared|sold|disclosed|transferred|rented|stored|retained|kept|collected|processed|tracked)\b/;

const stanceOut = new Float64Array(1);
/** Severity of a sentence stating `category`: protective → good; a concern keeps the category's
 * default, except that high needs a confident concern (else medium) and a concern in a category
 * whose default is good (a right refused, a security limit) is low. */
export function stanceSeverity(m: LoadedPrivacyModel, feats: readonly number[], toks: readonly string[], norm: string, category: string, fallback: Severity): Severity {
  if (UNLESS_OPT_OUT.test(norm)) return fallback === 'good' ? 'low' : fallback === 'high' ? 'medium' : fallback;
  if (category === 'data-sale' && HEDGED_SALE.test(norm)) return fallback === 'high' ? 'medium' : fallback;
  if (category === 'marketing' && DEFAULT_ON.test(norm)) return fallback === 'good' ? 'low' : fallback;
  // Data not deleted ("Deactivation does not automatically delete personal data stored on your
  // Device") is kept: the concern, though the sentence is a negation.
  if (category === 'retention' && /\b(does not|doesn't|do not|don't|will not|won't|is not|are not) (automatically |necessarily |immediately )?(delete|erase|remove)d?\b/.test(norm)) return fallback === 'good' ? 'medium' : fallback;
  const inner = norm.replace(/^(however|but|nevertheless|still),? /, '');
  if ((WE_DO_NOT.test(norm) || IS_NOT_USED.test(norm) || SERVICE_DOES_NOT.test(norm)) && !BUT.test(inner)) return 'good';
  // Sharing on the user's consent or request is a basis for sharing, not a limit on it (readers,
  // three of three): minor, neither good nor a medium concern.
  if (category === 'data-sharing' && CONSENT_BASIS.test(norm) && !LIMITS_SHARING.test(norm)) return 'low';
  if (category === 'data-sharing' && SHARING_LIMITED.test(norm) && !BUT.test(inner)) return 'good';
  if (category === 'tracking' && (DNT_IGNORED.test(norm) || OPT_OUT_LOST.test(norm))) return fallback === 'good' ? 'low' : fallback;
  // An administrator restricting what the user can do with their data: a right taken away.
  if (category === 'user-rights' && RESTRICTS_RIGHT.test(norm)) return 'low';
  // Kept until the account goes, or after it has gone: the practice, not a protection.
  if (category === 'retention') {
    // The inactivity before an account is deleted is not how long data is kept.
    const kept = norm.replace(/\b(inactiv\w*|not (used|logged in|engaged))\b[^.;]{0,60}\b(years?|months)\b|\b(years?|months) of inactivity\b/g, ' ');
    if (/\breserves? the right to delete\b/.test(norm) || KEPT_AFTER.test(norm) || (LONG_KEEP.test(kept) && (KEEP_VERB.test(kept) || /^(\(?[0-9.]+\)? )?up to\b/.test(kept))) || OPEN_ENDED.test(norm)) return fallback === 'good' ? 'medium' : fallback;
    // A short stated period, or a commitment to delete: the good side.
    if (!LONG_KEEP.test(kept) && (SHORT_KEEP.test(norm) || WILL_DELETE.test(norm)) && !BUT.test(inner)) return 'good';
  }
  scoreFeatures(m.stance, stanceFeatures(feats, toks, norm, category), stanceOut);
  const protective = stanceOut[0] as number;
  if (protective >= 0.5 && !(GOOD_NEEDS.get(category)?.test(norm) === false)) return 'good';
  if (protective < 0.5 && fallback !== 'good' && MAY_OPT_OUT.test(norm) && !BUT.test(norm)) return 'good';
  if (fallback === 'good') return 'low';
  if (fallback === 'high' && 1 - protective < m.file.highConcern) return 'medium';
  return fallback;
}
