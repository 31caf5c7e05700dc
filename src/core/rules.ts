// Hand-written patterns for clause types where wording is formulaic enough that a regular
// expression is more precise than the learned model (class-action waivers, data sales, AI
// training on user content, ...), and for the privacy categories the CLAUDETTE data does not
// label. Patterns run on the normalised sentence (normalizeForMatch): lower case, folded quotes
// and dashes, single spaces.

import type { Severity } from './types';

export interface Rule {
  /** Stable rule name, shown as the clause label. */
  name: string;
  category: string;
  pattern: RegExp;
  /** Sentences that also match this are not this clause (e.g. a negation or a mere heading). */
  unless?: RegExp;
  /** Overrides the taxonomy default, e.g. `good` for "we do not sell your data". */
  severity?: Severity;
  confidence: number;
  /** Word stems: the pattern can only match when some token of the sentence starts with one of
   * them. Lets the detector skip most regular expressions per sentence (they dominate its cost). */
  triggers: readonly string[];
  /** Also applies where the model covers the category (the rule is more precise than the model
   * there: measured by `npm run eval`). */
  fill?: boolean;
  /** Always adds clauses, even where the model covers the category and training would not pick
   * it: for canonical wordings a reader must never miss ("disputes will be resolved by binding
   * arbitration"), at a measured cost in precision against CLAUDETTE's one-tag-per-section habit. */
  always?: boolean;
}

const W = '[a-z0-9\'-]+'; // one word
const GAP = (n: number): string => `(?:[^.;]{0,${n}})`; // up to n chars inside the same clause

const r = (s: string): RegExp => new RegExp(s);

/**
 * Not "AI training on your data": a sentence with no data word at all (unless it says something
 * "is not used"); a prohibition addressed to the user ("you may not use the Services or Output to
 * train a model", "you agree not to…", but not "user content will not be used…"); and an item of such a list, which starts with the forbidden act and names the
 * service's own output or content as what may not be reused ("using AI-generated content from our
 * services to develop machine learning models", "10.3.2 use Grounded Output to train…").
 */
const AI_TRAINING_NOT = new RegExp(
  [
    /^(?!.*\b(content|data|information|personal|conversations?|chats?|inputs?|prompts?|outputs?|messages|files|uploads|interactions|voice|images|photos|videos|music|recordings|transcripts|quer(y|ies)|inquir(y|ies)|questions|feedback|usage|activity)\b)(?!.*\b(is|are|be|was|were) (not|never) used\b)/.source,
    /\b(you|customers?|users?|licensees?|developers?)\b[^.;]{0,80}?\b(may not|shall not|will not|must not|should not|cannot|can ?not|can't|won't|mustn't|are not (permitted|allowed|authori[sz]ed)|are prohibited|agree not)\b(?! be\b)|\byou (do not|don't) use\b|\byou (may|can) (apply|use) (the |any )?(inputs?|outputs?)\b/.source,
    /\bneither you\b/.source,
    /^\W*(?:\d+(?:\.\d+)+\.?\s+|(?:\d+|[a-z]|[ivx]+)[.)]\s+|\(\w{1,4}\)\s+)*(?:or |and )?not to (use|train|develop|copy|scrape|ingest)\b/.source,
    /^\W*(?:\d+(?:\.\d+)+\.?\s+|(?:\d+|[a-z]|[ivx]+)[.)]\s+|\(\w{1,4}\)\s+)*(?:or |and )?(?:except [^,;]{0,60}, )?(use|using|utili[sz]e|utili[sz]ing|access|accessing|copy|copying|scrape|scraping|extract|extracting|collect|collecting|harvest|harvesting|mine|mining|aggregate|aggregating)\b[^.;]{0,160}\b(outputs?|ai-generated content|(our|the) (content|services?|platform|site|documentation|materials)|(data|content|information)[^.;]{0,30}?\b(obtained |received |retrieved |made available )?(from|through) (the|our|this) (site|services?|platform|website|app|api))\b/.source,
  ].join('|'),
);

export const RULES: readonly Rule[] = [
  // --- the CLAUDETTE categories (strong, formulaic wordings only) ---
  { name: 'disputes resolved by binding arbitration', triggers: ['arbitra'], category: 'arbitration', confidence: 0.9, always: true,
    pattern: r(`\\b(disputes?|claims?|controvers(y|ies))\\b${GAP(200)}\\b(will|shall|must|are to) (only )?be (finally |exclusively |solely )?(resolved|settled|decided|determined) (exclusively |solely |only )?(by|through|in) (final (and )?)?binding arbitration\\b`) },
  { name: 'binding arbitration', triggers: ['arbitra'], category: 'arbitration', confidence: 0.9,
    pattern: r(`\\b(binding|mandatory|final and binding|individual|individualized) arbitration\\b|\\bresolved? ${GAP(40)}\\b(by|through|in) (binding |final |individual |confidential )?arbitration|\\bagree(s|d)? (to|that) ${GAP(60)}arbitrat|\\bsubmit(ted)? to ${GAP(20)}arbitration\\b`),
    unless: /\b(small claims? court) only\b/ },
  { name: 'disputes settled by arbitration', triggers: ['arbitra'], category: 'arbitration', confidence: 0.9,
    pattern: r(`\\b(disputes?|claims?|controvers(y|ies))\\b${GAP(200)}\\b(resolved|settled|determined|decided|submitted|referred)\\b${GAP(60)}\\b(by|through|in|to) ${GAP(30)}arbitration\\b|\\barbitration agreement\\b|\\bagreement to arbitrate\\b`) },
  { name: 'jury trial waiver', triggers: ['jury'], category: 'arbitration', confidence: 0.85,
    pattern: r(`\\bwaiv(e|es|ing|er of) ${GAP(40)}\\b(trial by jury|jury trial|right to a jury)`) },
  { name: 'arbitration opt-out', triggers: ['arbitra'], category: 'arbitration', confidence: 0.85,
    pattern: r(`\\bopt(-| )?out of ${GAP(40)}arbitrat|\\b(reject|decline) ${GAP(40)}arbitration (agreement|provision)`) },
  { name: 'arbitration body', triggers: ['arbitra', 'jams'], category: 'arbitration', confidence: 0.8,
    pattern: r(`\\b(american arbitration association|jams|icc arbitration|(consumer|commercial) arbitration rules|federal arbitration act)\\b`) },
  { name: 'class-action waiver', triggers: ['class', 'collective', 'representative', 'consolidated', 'individual', 'plaintiff'], category: 'class-action-waiver', confidence: 0.9,
    pattern: r(`\\b(class|collective|representative|consolidated|class-wide) (action|arbitration|proceeding|claim|lawsuit|basis)s?\\b${GAP(160)}|\\bon an individual basis\\b|\\bas a plaintiff or class member\\b`),
    unless: /^(?!.*\b(waive|not|no|only|individual|never|exclud|prohibit|may not|will not|cannot)\b)/ },
  { name: 'exclusive jurisdiction', triggers: ['jurisdiction', 'venue', 'forum'], category: 'jurisdiction', confidence: 0.85, fill: true,
    pattern: r(`\\b(exclusive|sole) (jurisdiction|venue|forum)\\b|\\bsubmit(s)? to the ${GAP(30)}jurisdiction\\b|\\bjurisdiction and venue\\b|\\bvenue ${GAP(40)}\\b(shall|will) be\\b|\\bcourts? (located )?(in|of) ${GAP(80)}\\b(shall|will) have ${GAP(20)}jurisdiction`) },
  { name: 'governing law', triggers: ['law'], category: 'choice-of-law', confidence: 0.85, fill: true,
    pattern: r(`\\b(governed by|construed (in accordance with|under)|interpreted (in accordance with|under)|subject to) ${GAP(40)}\\blaws? of\\b|\\blaws? of ${GAP(80)}\\b(shall|will|exclusively) (govern|apply)\\b`),
    unless: /\b(privacy|data protection) laws? of\b.*\b(transfer|protect)/ },
  { name: 'liability exclusion', triggers: ['liab', 'event', 'responsib'], category: 'limitation-of-liability', confidence: 0.8,
    pattern: r(`\\bin no (event|case|circumstances?)\\b${GAP(200)}\\b(liable|liability|responsible)\\b|\\b(shall|will|are|is|am|be) not (be )?(held )?(liable|responsible) (to you )?for\\b|\\bno (liability|responsibility) (for|whatsoever)\\b|\\bnot (be )?(liable|responsible) (for|to)\\b|\\bwithout (any )?liability\\b|\\bexclude[sd]? (all |any )?(our )?liability\\b|\\bdisclaims? (any and all |all |any )?(liability|responsibility)\\b`) },
  { name: 'liability cap', triggers: ['liab', 'limit', 'indirect', 'conseq', 'incident', 'punitive', 'special'], category: 'limitation-of-liability', confidence: 0.85,
    pattern: r(`\\b(aggregate|total|maximum|entire|cumulative) liability\\b|\\bliability ${GAP(60)}\\b(shall|will) (not )?(exceed|be limited)\\b|\\b(limited|limit) (to|our liability)\\b${GAP(60)}\\b(amount|fees?|paid|\\$|usd|eur|dollars)\\b|\\bindirect, incidental\\b|\\b(consequential|incidental|punitive|special) damages\\b`) },
  { name: 'as is', triggers: ['as', 'warrant', 'risk'], category: 'limitation-of-liability', confidence: 0.75,
    pattern: r(`\\b(provided|offered|available|furnished) (on an |to you )?"?as is"?|\\bdisclaims? (any and )?(all )?(warranties|representations)\\b|\\bwithout (any )?warrant(y|ies)\\b|\\bat your (own|sole) risk\\b`) },
  { name: 'change of terms', triggers: ['chang', 'modif', 'amend', 'updat', 'revis', 'alter', 'add'], category: 'unilateral-change', confidence: 0.8,
    pattern: r(`\\b(may|can|reserves? the right to|right to)${GAP(30)}\\b(change|modify|amend|update|revise|alter|add to)${GAP(20)}\\b(these|this|the|our|its) (terms|agreement|policy|conditions|tos|eula|privacy policy|terms of (use|service))|\\b(changes|modifications|amendments|updates) ${GAP(80)}\\b(become|are|will be|shall be) (effective|binding)\\b`) },
  { name: 'acceptance by continued use', triggers: ['continu'], category: 'unilateral-change', confidence: 0.85,
    pattern: r(`\\bcontinu(ed|e|ing|ation of)( to)? ${GAP(20)}\\b(use|access)${GAP(140)}\\b(accept|agree|consent|bound)${W}?${GAP(60)}\\b(change|modif|amend|revis|updat|new (terms|version))`) },
  { name: 'service changed at will', triggers: ['chang', 'modif', 'discontinu', 'suspend', 'alter'], category: 'unilateral-change', confidence: 0.75,
    pattern: r(`\\b(may|can|reserves? the right to|right to)${GAP(30)}\\b(change|modify|discontinue|alter)${GAP(30)}\\b(the |our |any )?(services?|features?|site|platform|prices?|fees?)\\b${GAP(80)}\\b(at any time|without (prior )?notice|sole discretion|for any reason)`) },
  { name: 'termination at will', triggers: ['suspend', 'terminat', 'disabl', 'deactivat', 'clos', 'cancel', 'restrict', 'block'], category: 'unilateral-termination', confidence: 0.8,
    pattern: r(`\\b(may|can|reserves? the right to|right to)${GAP(40)}\\b(suspend|terminate|disable|deactivate|close|cancel|restrict|block)${GAP(40)}\\b(your|any) (account|access|membership|use|subscription|right to use)|\\b(terminate|suspend)${GAP(80)}\\b(at any time|for any reason|without (prior )?notice|in (our|its) sole discretion)`) },
  { name: 'account suspended or terminated', triggers: ['account', 'access', 'membership', 'subscription'], category: 'unilateral-termination', confidence: 0.8,
    pattern: r(`\\b(your )?(account|access|membership|subscription)s? (may|can|will|could) (be )?(suspended|terminated|disabled|deactivated|closed|revoked|cancell?ed)\\b`) },
  { name: 'content removal', triggers: ['remov', 'delet', 'disabl', 'take', 'block', 'refus', 'edit', 'modif', 'screen'], category: 'content-removal', confidence: 0.8,
    pattern: r(`\\b(may|can|reserves? the right to|right to|will|are entitled to)${GAP(40)}\\b(remove|delete|disable access to|take down|block|refuse to (post|publish|display|accept)|edit|modify|screen)${GAP(40)}\\b(content|materials?|posts?|postings|submissions|uploads|user content|your content|videos|photos|reviews|comments)\\b`),
    unless: /\byou (may|can) (remove|delete|edit)\b/ },
  { name: 'content removed at discretion', triggers: ['remov', 'delet', 'disabl', 'taken', 'block'], category: 'content-removal', confidence: 0.8,
    pattern: r(`\\b(content|materials?|posts?|submissions|user content)${GAP(60)}\\b(may|can|will) be (removed|deleted|disabled|taken down|blocked)\\b|\\b(remove|delete)${GAP(80)}\\b(at any time|for any reason|without (prior )?notice|sole discretion)\\b`) },
  { name: 'bound by use', triggers: ['using', 'access', 'visit', 'brows', 'download', 'install', 'regist', 'click', 'continu', 'sign', 'use', 'agree'], category: 'contract-by-using', confidence: 0.85,
    pattern: r(`\\bby (using|accessing|visiting|browsing|downloading|installing|registering|clicking|continuing to use|signing up)${GAP(120)}\\b(you|user) ${GAP(30)}\\b(agree|accept|consent|acknowledge|are bound)|\\b(use|access) of (the|our|this) ${GAP(60)}\\b(constitutes|signifies|indicates|means) ${GAP(15)}\\b(acceptance|agreement|consent)\\b|\\bif you do not agree${GAP(80)}\\b(do not|may not|must not|should not|cannot) (use|access)`) },

  // --- privacy, AI and other categories (no CLAUDETTE labels: rules are the detector) ---
  { name: 'AI training on your data', triggers: ['train', 'retrain', 'fine', 'improv', 'develop', 'model', 'machine', 'ai', 'artificial', 'llm', 'algorithm', 'neural'], category: 'ai-training', confidence: 0.85,
    pattern: r(`\\b(train|training|retrain|fine-tun\\w*|improv\\w*|develop\\w*)\\b${GAP(100)}\\b(models?|machine learning|artificial intelligence|ai|llms?|algorithms|neural)\\b|\\b(models?|machine learning|ai|artificial intelligence)\\b${GAP(60)}\\b(trained|training) (on|with|using)\\b`),
    unless: AI_TRAINING_NOT },
  { name: 'no sale of data', triggers: ['sell', 'rent', 'sold'], category: 'data-sale', confidence: 0.85, severity: 'good',
    pattern: /\b((do|does|will|shall|we) not|don't|doesn't|won't) (sell|rent)\b|\bnever (sell|rent)\b|\bnot sold\b/ },
  { name: 'sale of data', triggers: ['sell', 'sold', 'sale', 'rent', 'merger', 'acquisition', 'bankruptcy'], category: 'data-sale', confidence: 0.8,
    pattern: r(`\\b(sell|sells|selling|sold|sale of|rent|rents)\\b${GAP(80)}\\b(personal (data|information)|your (data|information)|user (data|information)|data about you)|\\b(merger|acquisition|bankruptcy|sale of (all|some|substantially all))${GAP(150)}\\b(transfer|sold|assets|disclos|shar)`),
    unless: /\b((do|does|will|shall|we) not|don't|doesn't|won't) (sell|rent)\b|\bnever (sell|rent)\b|\bnot sold\b|\b(sell|sale of) (products|goods|items|tickets|services)\b/ },
  { name: 'sharing with third parties', triggers: ['share', 'sharing', 'disclos', 'provid', 'transfer', 'make'], category: 'data-sharing', confidence: 0.7,
    pattern: r(`\\b(share|shares|sharing|disclose|discloses|provide|transfer|make available)${GAP(100)}\\b(third[- ]part(y|ies)|partners|advertisers|affiliates|service providers|vendors|other companies|business partners)\\b`),
    unless: /\b(do not|don't|never|will not) (share|disclose)\b/ },
  { name: 'data retention', triggers: ['retain', 'retention', 'keep', 'store', 'delet', 'erase', 'anonymi'], category: 'retention', confidence: 0.7,
    pattern: r(`\\b(retain|retains|retained|retention|keep|keeps|store|stored)\\b${GAP(100)}\\b(as long as|for (up to )?\\d+ (days|months|years)|period|after (you|your) (delete|close|terminat))|\\b(retention period|data retention)\\b|\\b(deleted?|erased?|anonymi[sz]ed?) (within|after) \\d+`) },
  { name: 'cookies and tracking', triggers: ['cookie', 'beacon', 'pixel', 'local', 'fingerprint', 'tracking', 'similar', 'sdk', 'clear'], category: 'tracking', confidence: 0.7,
    pattern: /\b(cookies?|web beacons?|pixel tags?|tracking pixels?|pixels|local storage|device fingerprint\w*|fingerprinting|tracking technolog\w*|similar technologies|sdks?|clear gifs)\b/ },
  { name: 'targeted advertising', triggers: ['personali', 'targeted', 'interest', 'behavio', 'tailored', 'relevant', 'customi', 'show', 'serve', 'deliver', 'display', 'cross', 'ad'], category: 'targeted-advertising', confidence: 0.75,
    pattern: /\b(personali[sz]ed|targeted|interest-based|behaviou?ral|tailored|relevant|customi[sz]ed) (ads|advertising|advertisements|marketing)\b|\b(show|serve|deliver|display) (you )?(more relevant |personali[sz]ed )?(ads|advertis\w+)\b|\bcross-context behaviou?ral advertising\b|\bad (targeting|personali[sz]ation)\b/ },
  { name: "children's data", triggers: ['child', 'under', 'minor', 'parent', 'coppa'], category: 'childrens-data', confidence: 0.75,
    pattern: /\bchildren\b|\bchild's\b|\bunder (the age of )?(13|14|16|18)\b|\bminors?\b|\bparental consent\b|\bcoppa\b|\bparents? or (legal )?guardians?\b/ },
  { name: 'indemnity', triggers: ['indemnif', 'hold', 'harmless'], category: 'indemnification', confidence: 0.9,
    pattern: /\bindemnif\w*|\bhold (us|[a-z]+) (and [^.;]{0,80})?harmless\b|\bhold harmless\b/ },
  { name: 'sensitive data', triggers: ['precise', 'biometric', 'health', 'face', 'facial', 'voice', 'genetic', 'racial', 'sexual', 'religious', 'special', 'sensitive'], category: 'sensitive-data', confidence: 0.75,
    pattern: /\bprecise (geo)?location\b|\bbiometric\w*|\bhealth (data|information)\b|\bfac(e|ial) (recognition|geometry|templates?)\b|\bvoice ?prints?\b|\bgenetic\b|\bracial or ethnic\b|\bsexual (orientation|life)\b|\breligious (or philosophical )?beliefs\b|\bspecial categor(y|ies) of (personal )?data\b|\bsensitive (personal )?(data|information)\b/ },
  { name: 'disclosure to authorities', triggers: ['law', 'government', 'public', 'regulator', 'subpoena', 'court', 'legal', 'warrant'], category: 'government-access', confidence: 0.75,
    pattern: /\b(law enforcement|government(al)? (authorit\w+|agenc\w+|requests?|entities)|public authorities|regulators|subpoenas?|court orders?|legal process|warrants?)\b/,
    unless: /^(?!.*\b(disclos\w*|share|sharing|provide|respond|comply|access|request\w*|transfer)\b)/ },
  { name: 'international transfer', triggers: ['transfer', 'stored', 'processed', 'store', 'process', 'hosted', 'standard', 'adequacy', 'data', 'privacy', 'cross'], category: 'international-transfer', confidence: 0.75,
    pattern: r(`\\b(transfer\\w*|stored|processed|store|process|hosted)\\b${GAP(120)}\\b(outside (of )?(the |your )?(eea|european|country|uk|united kingdom|switzerland)|other countries|countries other than|other jurisdictions|third countries|united states|us servers)\\b|\\bstandard contractual clauses\\b|\\badequacy decisions?\\b|\\bdata privacy framework\\b|\\bprivacy shield\\b|\\bcross-border (data )?transfers?\\b`) },
  { name: 'licence to your content', triggers: ['licen'], category: 'content-license', confidence: 0.8,
    pattern: r(`\\b(worldwide|royalty-free|non-exclusive|sublicensable|sub-licensable|perpetual|irrevocable|transferable)\\b${GAP(120)}\\blicen[cs]e\\b`),
    // A licence granted TO the user (to use the service or its software) is not a licence to their content.
    unless: /\b(grants?|granting|give|gives) (to )?(you|the (user|licensee|customer|end user))\b|\byou (are|will be) (hereby )?granted\b|\b(licen[cs]e|right) to (use|access|install|download|run|stream|view)\b(?![^.;]{0,80}\b(your|user) (content|submissions|materials|posts|data)\b)/ },
  { name: 'automated decisions', triggers: ['automated', 'profiling', 'solely'], category: 'automated-decisions', confidence: 0.75,
    pattern: /\bautomated (decision|decision-making|processing|means|systems?)\b|\bprofiling\b|\bsolely (on )?automated\b/ },
  { name: 'marketing messages', triggers: ['marketing', 'promotional', 'unsubscribe', 'opt', 'newsletter'], category: 'marketing', confidence: 0.7,
    pattern: /\b(marketing|promotional) (e-?mails?|communications|messages|materials|offers|texts?|sms)\b|\bunsubscribe\b|\bopt(-| )out of (receiving )?(marketing|promotional)\b|\bnewsletters?\b/ },
  { name: 'your data rights', triggers: ['right', 'request', 'access', 'correct', 'delet', 'export', 'download'], category: 'user-rights', confidence: 0.7, severity: 'good',
    pattern: /\bright (to|of) (access|rectif\w*|erasure|delet\w*|object|data portability|portability|correct\w*|know|restrict\w*|withdraw)\b|\brequest (access to|deletion of|a copy of|that we delete)\b|\b(access|correct|delete|export|download) (a copy of )?your (personal )?(data|information)\b/ },
  { name: 'automatic renewal', triggers: ['automatic', 'auto', 'renew', 'non', 'refund', 'recurring', 'free'], category: 'payments', confidence: 0.8,
    pattern: /\bautomatically renew\w*|\bauto-?renew\w*|\bnon-refundable\b|\bno refunds?\b|\brecurring (charges?|payments?|billing|fees?)\b|\bfree trial\b[^.;]{0,120}\b(charge|bill)/ },
];

/** Indices of the rules whose triggers occur among `toks` (the sentence's word tokens). */
export function triggeredRules(toks: readonly string[], rules: readonly Rule[] = RULES): number[] {
  const index = triggerIndex(rules);
  const hit = new Uint8Array(rules.length);
  for (const t of toks) {
    for (const len of index.lengths) {
      if (t.length < len) break;
      const ids = index.stems.get(len === t.length ? t : t.slice(0, len));
      if (ids) for (const i of ids) hit[i] = 1;
    }
  }
  const out: number[] = [];
  for (let i = 0; i < hit.length; i++) if (hit[i]) out.push(i);
  return out;
}

interface TriggerIndex { stems: Map<string, number[]>; lengths: number[] }
const indexes = new WeakMap<readonly Rule[], TriggerIndex>();
function triggerIndex(rules: readonly Rule[]): TriggerIndex {
  let idx = indexes.get(rules);
  if (idx) return idx;
  const stems = new Map<string, number[]>();
  rules.forEach((r, i) => {
    for (const s of r.triggers) stems.set(s, [...(stems.get(s) ?? []), i]);
  });
  idx = { stems, lengths: [...new Set([...stems.keys()].map((s) => s.length))].sort((a, b) => a - b) };
  indexes.set(rules, idx);
  return idx;
}

/** Indices of the rules that match a normalised sentence (`toks` = its word tokens). */
export function matchingRules(norm: string, toks: readonly string[], rules: readonly Rule[] = RULES): number[] {
  const out: number[] = [];
  for (const i of triggeredRules(toks, rules)) {
    const rule = rules[i] as Rule;
    if (rule.pattern.test(norm) && !(rule.unless && rule.unless.test(norm))) out.push(i);
  }
  return out;
}
