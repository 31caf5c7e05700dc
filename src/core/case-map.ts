// ToS;DR case titles → Clausemark taxonomy ids, plus the severity rule.
// The table is written by hand for every case that has points in the 2021 export (the ones that
// become known clauses); the keyword rules only cover the long tail of 2019 cases, whose titles
// are free-form ("[Bad] Uber amendments to their TOS-bad-undefined"). A case that fits no
// category is reported by the build (KnowledgeBase.unmappedCases) instead of being forced.

import type { Severity } from './types';

/** Category → the exact (normalised) ToS;DR case titles it covers. */
const TABLE: Record<string, readonly string[]> = {
  'data-sale': [
    'The service can sell or otherwise transfer your personal data as part of a bankruptcy proceeding or other type of financial transaction.',
    'The service may sell your data unless you opt out',
    'This service does not sell your personal data',
    'may sell your data in merger',
    'Promises will be kept after a merger or acquisition',
  ],
  'data-sharing': [
    'Many third parties are involved in operating the service',
    'Only aggregate data is given to third parties',
    'The service allows you to opt out of providing personal information to third parties',
    'The service does not share user information with third parties',
    'The service explains how to prevent disclosure of personal information to third parties',
    'The service will not allow third parties to access your personal information without a legal basis',
    'The service warns you of the potential consequences related to third-party access',
    'Third parties may be involved in operating the service',
    'Third parties used by the service are bound by confidentiality obligations',
    'This service can share your personal information to third parties',
    'This service only shares user information with third parties when given specific consent',
    'Your personal data is given to third parties',
    'You can limit how your information is used by third-parties and the service',
  ],
  retention: [
    'Only necessary user logs are kept by the service to ensure quality',
    'The service deletes tracking data after a period of time and allows you to opt out',
    "The service may keep a secure, anonymized record of users' data for analytical purposes even after the data retention period",
    "The service's data retention period is kept to the minimum necessary for fulfilling its purposes",
    'They store data on you even if you did not interact with the service',
    "This service holds onto content that you've deleted",
    'This service keeps user logs for an undefined period of time',
    'This service may keep personal data after a request for erasure for business interests or legal obligations',
    'This service will continue using anonymized user-generated content even after erasure of personal information',
    'User logs are deleted after a finite period of time',
  ],
  tracking: [
    'Blocking cookies may limit your ability to use the service',
    'Blocking first party cookies may limit your ability to use the service',
    'Device fingerprinting',
    'IP addresses of website visitors are not tracked',
    'This service collects your IP address for location use',
    'The cookies used by this service do not contain information that would personally identify you',
    'The service does not use third-party analytics or tracking platforms',
    'The service may use tracking pixels, web beacons, browser fingerprinting, and/or device fingerprinting on users.',
    'The service provides a complete list of all cookies set by its website',
    'The service uses social media cookies/pixels',
    'This service can view your browser history',
    'This service does not track you',
    'This service employs third-party cookies, but with opt-out instructions',
    'This service ignores the Do Not Track (DNT) header and tracks users anyway even if they set this header.',
    'This service only uses temporary session cookies',
    'This service requires first-party cookies',
    "This service respects your browser's Do Not Track (DNT) headers",
    'This service tracks which web page referred you to it',
    'This service tracks you on other websites',
    'This service uses third-party cookies for statistics',
    'Tracking cookies refused will not limit your ability to use the service',
    'Tracking pixels are used in service-to-user communication',
    'Tracking via third-party cookies for other purposes without your consent.',
    'This service allows tracking via third-party cookies for purposes including targeted advertising.',
  ],
  'targeted-advertising': [
    'The service uses your personal data for advertising',
    'The service uses your personal data to employ targeted third-party advertising',
    'You can opt out of targeted advertising',
    'Your identity is used in ads that are shown to other users',
  ],
  marketing: [
    'This service may use your personal information for marketing purposes',
    'You can opt out of promotional communications',
  ],
  'data-collection': [
    'App required for this service requires broad device permissions',
    'No need to register',
    'The service collects many different types of personal data',
    'The service may collect extra data about you through promotions',
    'This service gathers information about you through third parties',
    'This service uses your personal information for many different purposes',
    'Users can access most of the pages on the service\'s website without revealing any personal information',
    'You must create an account to use this service',
    'Your personal data is aggregated into statistics',
    'Your personal data is used for limited purposes',
    'The service does not index or open files that you upload',
    // What the service itself reads or combines is its use of your data, not sharing with third
    // parties (Facebook's "can read your private messages" showed under "Sharing with third parties").
    'The service can read your private messages',
    'Your private content may be accessed by people working for the service',
    'Your profile is combined across various products',
  ],
  'sensitive-data': [
    'This service does not collect, use, or share location data',
    'This service may collect, use, and share location data',
    'This service receives your location through GPS coordinates',
    'Your biometric data is collected',
  ],
  'childrens-data': ['This service is only available to users over a certain age'],
  'government-access': [
    'The service is not transparent regarding government requests or inquiries that may involve user data.',
    'The service is transparent regarding government requests or inquiries that may involve user data.',
    "The service promises to inform and/or notify users regarding government inquiries that may involve users' personal data",
    'The service will only respond to government requests that are reasonable',
    'The service will resist legal requests for user information where reasonably possible',
    'This service reserves the right to disclose your personal information without notifying you',
  ],
  'international-transfer': [
    "If the service shares personal information outside of its jurisdiction, it is processed according to the original jurisdiction's data protection standards",
    'Your data may be processed and stored anywhere in the world',
  ],
  'user-rights': [
    'The service provides a complaint mechanism for the handling of personal data',
    'This service allows you to retrieve an archive of your data',
    'This service provides a way for you to export your data',
    'You can delete your content from this service',
    'You can request access and deletion of personal data',
    'You cannot delete your account of this service',
    'You cannot delete your contributions, but it makes sense for this service',
    'You have the right to leave this service at any time',
    'You can choose with whom you share content',
  ],
  security: [
    'The service provides two factor authentification for your account',
    'The services will notify users if personal data has been affected by data breaches',
    'The user is informed about security practices',
    'User-generated content is encrypted, and this service cannot decrypt it',
    'info given about security practices',
  ],
  'content-license': [
    'Content is published under a free license instead of a bilateral one',
    'Copyright license limited for the purposes of that same service but transferable and sublicenseable',
    'If you offer suggestions to the service, they become the owner of the ideas that you give them',
    'If you offer suggestions to the service, they may use that without your approval or compensation, but they do not become the owner',
    'The copyright license maintained by the service over user data and/or content is broader than necessary.',
    "The copyright license that users grant this service is limited to the parties that make up the service's broader platform.",
    'The service can distribute your content through any media known now or in the future',
    'The service has non-exclusive use of your content',
    'This service can license user content to third parties',
    'This service can use your content for all their existing and future services',
    'This service employs a broad copyright license over user content including the right to distribute through any media',
    'This service keeps a license on user-generated content even after users close their accounts.',
    'This service retains rights to your content even after you stop using your account',
    'This service takes credit for your content',
    'Users are free to choose the type of copyright license that they want to use over their content',
    'You can choose the copyright license',
    'You grant perpetual license to anything you publish',
    'You waive your moral rights',
    'very broad',
    'legal documents published under reusable license',
    'You are allowed to quote their content with attribution',
    // Ownership is the content licence's good side ("you keep the rights to your content"), not a data right.
    'You maintain ownership of your data',
  ],
  'content-removal': [
    'If you are the target of a copyright claim, your content may be removed',
    "If you are the target of a copyright holder's take down notice, this service gives you the opportunity to defend yourself",
    'Provides instructions on how to submit a copyright claim',
    'Service can block or censor user communications',
    'The service can delete specific content without reason and may do it without prior notice',
    'This service can delete your content if you violate the terms',
  ],
  'unilateral-change': [
    'Terms may be changed any time at their discretion, without notice to the user',
    'Conditions may change, but your continued acceptance is not inferred from an earlier acceptance',
    'The service makes critical changes to its terms without user involvement',
    'The service may change its terms at any time, but the user will receive notification of the changes.',
    'User feedback is invited regarding changes to the terms.',
    'Users should revisit the terms periodically, although in case of material changes, the service will notify',
    'When the service wants to change its terms, users are notified a week or more in advance.',
    'When the service wants to make a material change to its terms, users are notified at least 30 days in advance',
  ],
  'unilateral-termination': [
    'The service can delete your account without prior notice and without a reason',
    'The service can suspend your account for several reasons',
    'The service gives 30 days of notice before closing your account',
    'They may stop providing the service at any time',
    'User accounts can be terminated after having been in breach of the terms of service repeatedly',
    'User suspension from the service will be fair and proportionate.',
    'Users who have been permanently banned from this service are not allowed to re-register under a new account',
    'Usernames can be rejected for any reason',
  ],
  'limitation-of-liability': [
    'Accessibility to this service is guaranteed at 99% or more',
    'Any liability on behalf of the service is only limited to the fees you paid as a user',
    'The service does not guarantee accuracy or reliability of the information provided',
    'The service does not guarantee that software errors will be corrected',
    "The service is not responsible for linked or (clearly) quoted content from third-party content providers",
    "The service is provided 'as is' and to be used at the users' sole risk",
    'The service provider makes no warranty regarding uninterrupted, timely, secure or error-free service',
    'This service assumes no liability for any losses or damages resulting from any matter relating to the service',
    'This service assumes no responsibility and liability for the contents of links to other websites',
    'This service cannot be held responsible for disputes that you may have with other users',
    "This service does not guarantee that it or the products obtained through it meet the users' expectations or requirements",
    'This services gives no guarantee regarding quality',
    'Users are responsible for any risks, damages, or losses they may incur by downloading materials',
    'This service will warn users about website maintenance',
    'This service does not condone any ideas contained in its user-generated contents',
    // A disclaimer of liability for breaches limits liability; it states no security practice.
    'This service assumes no liability for unauthorized access to your personal information',
    // A shorter time to sue limits the user's remedies; it is no class-action waiver.
    'Users have a reduced time period to take legal action against the service',
  ],
  indemnification: [
    'You agree to defend, indemnify, and hold the service harmless in case of a claim related to your use of the service',
    'You are solely responsible for claims made against the service and agree to indemnify and hold harmless the service.',
    'defend, indemnify, hold harmless; survives termination',
  ],
  arbitration: [
    'This service does not force users into binding arbitration',
    'This service forces users into binding arbitration in the case of disputes',
  ],
  'class-action-waiver': [
    'You waive your right to a class action.',
  ],
  jurisdiction: [
    'The court of law governing the terms is in a jurisdiction that is friendlier to user privacy protection.',
    'The court of law governing the terms is in a jurisdiction that is less friendly to user privacy protection.',
    'The court of law governing the terms is in location X',
  ],
  'choice-of-law': ["Users agree to comply with the law of the service's country"],
  // Severability, no-waiver and "other rules apply" boilerplate is not "bound just by using": shown
  // as examples of that clause it misled (Claude's terms: "found in 90 of 90 platforms", with
  // waiver quotes); they have no category of their own (NO_CATEGORY).
  'contract-by-using': [],
  'acceptable-use': [
    "Per the service's terms, users may not express negative opinions about them",
    'Prohibits political discussions or campaigning',
    'Prohibits public posting of private messages',
    'Prohibits the posting of content which promotes or glorifies violence or politically or religiously extremist values.',
    'Prohibits the posting of pornographic content',
    'Service does not allow alternative accounts',
    'Spidering or crawling is not allowed',
    'The service allows you to use pseudonyms',
    'This service fines spammers',
    'This service is only available for use individually and non-commercially.',
    'This service prohibits users from attempting to gain unauthorized access to other computer systems',
    'This service prohibits users sending chain letters, junk mail, spam or any unsolicited messages',
    'This service throttles your use',
    'Users agree not to submit illegal content',
    'Users agree not to submit libelous, harassing or threatening content',
    'Users agree not to use the service for illegal purposes',
    'Users are not allowed to use pseudonyms, as trust and transparency between users regarding their identities is relevant to the service.',
    "Users can scrape the site, as long as it doesn't impact the server too much",
    'Users cannot scrape the website of the service',
    "Users shall not interfere with another person's enjoyment of the service",
    'You cannot distribute or disclose your account to third parties',
    'You must provide your legal name, pseudonyms are not allowed',
    'only for your individual use',
    'The service disables software that you are not licensed to use.',
    // A duty on the user, not the service's security practice.
    'You are responsible for maintaining the security of your account and for the activities on your account',
  ],
  payments: [
    'The service has a no refund policy',
    'This service has a no refund policy with some exceptions',
    'Users are entitled to a refund if certain thresholds or standards are not met by the service',
    'You authorise the service to charge a credit card supplied on re-occurring basis',
    'You have the right to request lower Charges from Third Party Providers',
  ],
  transparency: [
    'The policy refers to documents that are missing or unfindable',
    'The service informs users that its privacy policy does not apply to third party websites',
    'The service provides details about what kinds of personal information they collect',
    'The service provides information about how they collect personal data',
    'The service provides information about how they intend to use your personal data',
    'The service provides information about its attitude towards ethical, social or political problems or controversies',
    'The service refers users to external documents for more information',
    'The service reviews its privacy policy on a regular basis',
    'The terms for this service are easy to read',
    'The terms for this service are translated into different languages',
    'There is a date of the last update of the terms',
    'This service employs separate policies for different parts of the service',
    'This service provides archives of their Terms of Service so that changes can be viewed over time',
    'The service informs users about the risk of publishing personal info online',
  ],
};

/** Cases reviewed on purpose as fitting no category (not about the user's rights or data). */
const NO_CATEGORY: readonly string[] = [
  'Failure to enforce any provision of the Terms of Service does not constitute a waiver of such provision',
  'Invalidity of any portion of the Terms of Service does not entail invalidity of its remainder',
  'Other applicable rules, terms, conditions or guidelines',
  'Features of the website are made available under a free software license',
  'The service provides a free help desk',
  // Mediating between users is not arbitration between the user and the service.
  'The service can intervene in user disputes',
];

/**
 * Keyword rules for free-form titles (2019 export). Order matters: the first rule that matches
 * wins, so specific topics (arbitration, class action) come before generic ones (third parties).
 */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(machine learning|artificial intelligence|train(?:ing)? (?:our |its )?(?:ai|models?))\b/, 'ai-training'],
  [/class action/, 'class-action-waiver'],
  [/arbitrat/, 'arbitration'],
  [/indemnif|hold harmless/, 'indemnification'],
  [/\bjurisdiction|court|venue/, 'jurisdiction'],
  [/governing law|\blaws? of\b|applicable law/, 'choice-of-law'],
  [/\bsell|\bsold\b|\brent\b|merger|bankruptcy|acqui/, 'data-sale'],
  [/government|law enforcement|warrant|subpoena|legal requests?/, 'government-access'],
  [/\bdnt\b|do not track|cookie|track|fingerprint|pixel|beacon|analytics|referr/, 'tracking'],
  [/advertis|\bads?\b/, 'targeted-advertising'],
  [/marketing|promotional|newsletter|e-?mails? (?:are|is) opt/, 'marketing'],
  [/location|gps|biometric|health|geoloc/, 'sensitive-data'],
  [/children|\bminors?\b|\bage\b|\b1[368]\b/, 'childrens-data'],
  [/transfer(?:red)? (?:to|and process)|outside (?:of )?(?:your|the) (?:country|eu)|anywhere in the world|jurisdiction's data/, 'international-transfer'],
  [/retain|retention|\blogs?\b|delete[sd]? after|kept forever|stored? (?:data|forever)|even after/, 'retention'],
  [/terms? (?:may |can )?change|changes? to (?:the|their) (?:terms|tos)|amendment|notice of change|notif(?:y|ied).*chang|revis|changes? (?:at any time|without notice)|change at any time/, 'unilateral-change'],
  [/terminat|suspend|suspension|delete your account|close your account|\bban(?:ned)?\b|stop providing/, 'unilateral-termination'],
  [/delete (?:specific )?content|remov(?:e|al) (?:of )?(?:your )?content|censor|take ?down|copyright (?:claim|infringement)|dmca/, 'content-removal'],
  [/licen[cs]e|copyright|moral rights|intellectual property|ownership of|own (?:the|your) content|royalt/, 'content-license'],
  [/liabil|warrant(?:y|ies)|as is|own risk|guarantee|responsib/, 'limitation-of-liability'],
  [/refund|charge|payment|billing|credit card|subscription|renew/, 'payments'],
  [/third[- ]part|share|sharing|disclos|partners?\b|affiliates?/, 'data-sharing'],
  [/export|archive of your data|access (?:and|to) (?:your )?(?:data|personal)|deletion|get your data back|right to|opt[- ]?out|remove your/, 'user-rights'],
  [/secur|encrypt|two[- ]factor|2fa|breach|https|password/, 'security'],
  [/collect|personal (?:data|information) (?:is|are) required|register|pseudonym|real name|account/, 'data-collection'],
  [/spam|scrap|crawl|prohibit|not allowed|may not|illegal|harass|pornograph|commercial use|individual use/, 'acceptable-use'],
  [/bound by|by using|continued use/, 'contract-by-using'],
  [/easy to read|readab|translat|archive|date of the last update|transparen|informs? users|info(?:rmation)? (?:given|about)|details about|external documents|clear/, 'transparency'],
];

/** Lower-case, straight quotes, collapsed spaces, no trailing "-good-60" / "[Bad]" decorations. */
export function normalizeCaseTitle(title: string): string {
  return title
    .replace(/^\s*\[(?:good|bad|neutral|blocker)\]\s*/i, '')
    .replace(/-(?:good|bad|neutral|blocker)-(?:\d+|undefined)\s*$/i, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const EXACT: ReadonlyMap<string, string> = new Map(
  Object.entries(TABLE).flatMap(([category, titles]) => titles.map((t) => [normalizeCaseTitle(t), category] as const)),
);

const NONE: ReadonlySet<string> = new Set(NO_CATEGORY.map(normalizeCaseTitle));

/** How a case was mapped: the hand-written table is authoritative, rules are a fallback. */
export type CaseMapSource = 'table' | 'rule';

export function mapCaseDetailed(title: string): { category: string; source: CaseMapSource } | null {
  const key = normalizeCaseTitle(title);
  const exact = EXACT.get(key);
  if (exact) return { category: exact, source: 'table' };
  if (NONE.has(key)) return null;
  for (const [re, category] of RULES) if (re.test(key)) return { category, source: 'rule' };
  return null;
}

/** Taxonomy id for a ToS;DR case title, or null when it fits no category. */
export function mapCase(title: string): string | null {
  return mapCaseDetailed(title)?.category ?? null;
}

/** Number of hand-mapped case titles (for docs and tests). */
export const TABLE_SIZE = EXACT.size;

/** Categories whose clauses are severe by nature: a `bad` point in them is high whatever its score. */
const INHERENTLY_HIGH = new Set(['arbitration', 'class-action-waiver', 'data-sale', 'sensitive-data', 'ai-training']);

/**
 * Severity of a ToS;DR point. blocker → high; bad → high when the case weighs ≥ 60 (ToS;DR's own
 * weight) or the category is severe by nature, else medium; neutral → low; good → good.
 * Unknown classifications are treated as neutral.
 */
export function caseSeverity(classification: string, caseScore: number | undefined, category: string): Severity {
  switch (classification.trim().toLowerCase()) {
    case 'blocker':
      return 'high';
    case 'bad':
      return (caseScore ?? 0) >= 60 || INHERENTLY_HIGH.has(category) ? 'high' : 'medium';
    case 'good':
      return 'good';
    default:
      return 'low';
  }
}
