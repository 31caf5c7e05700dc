// Clausemark's clause taxonomy: the categories we highlight, in our own plain words, and the
// regulations that may bear on each. Ids are kebab-case and stable: stored data and tests use them.
// The texts inform; they never say a clause "is illegal" (see shared/REGULATIONS.md).

import type { Severity } from './types';

export type RegulationId =
  | 'gdpr'
  | 'eprivacy'
  | 'uctd'
  | 'eu-ai-act'
  | 'dsa'
  | 'ccpa'
  | 'colorado-ai-act'
  | 'ftc-act-5'
  | 'coppa'
  | 'can-spam'
  | 'tcpa'
  | 'faa'
  | 'bipa';

export interface Regulation {
  id: RegulationId;
  name: string;
  short: string;
  region: string;
  url: string;
}

export const REGULATIONS: Record<RegulationId, Regulation> = {
  gdpr: { id: 'gdpr', name: 'General Data Protection Regulation (EU) 2016/679', short: 'GDPR', region: 'EU/EEA', url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' },
  eprivacy: { id: 'eprivacy', name: 'ePrivacy Directive 2002/58/EC', short: 'ePrivacy', region: 'EU', url: 'https://eur-lex.europa.eu/eli/dir/2002/58/oj' },
  uctd: { id: 'uctd', name: 'Unfair Contract Terms Directive 93/13/EEC', short: 'Unfair Terms Directive', region: 'EU', url: 'https://eur-lex.europa.eu/eli/dir/1993/13/oj' },
  'eu-ai-act': { id: 'eu-ai-act', name: 'EU AI Act, Regulation (EU) 2024/1689', short: 'EU AI Act', region: 'EU', url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj' },
  dsa: { id: 'dsa', name: 'Digital Services Act, Regulation (EU) 2022/2065', short: 'DSA', region: 'EU', url: 'https://eur-lex.europa.eu/eli/reg/2022/2065/oj' },
  ccpa: { id: 'ccpa', name: 'California Consumer Privacy Act as amended by the CPRA (Cal. Civ. Code §1798.100 et seq.)', short: 'CCPA/CPRA', region: 'California', url: 'https://oag.ca.gov/privacy/ccpa' },
  'colorado-ai-act': { id: 'colorado-ai-act', name: 'Colorado AI Act, SB 24-205 (C.R.S. §6-1-1701 et seq.)', short: 'Colorado AI Act', region: 'Colorado', url: 'https://leg.colorado.gov/bills/sb24-205' },
  'ftc-act-5': { id: 'ftc-act-5', name: 'FTC Act Section 5, 15 U.S.C. §45', short: 'FTC Act §5', region: 'United States', url: 'https://www.law.cornell.edu/uscode/text/15/45' },
  coppa: { id: 'coppa', name: "Children's Online Privacy Protection Act, 15 U.S.C. §6501–6506; 16 CFR Part 312", short: 'COPPA', region: 'United States', url: 'https://www.ecfr.gov/current/title-16/chapter-I/subchapter-C/part-312' },
  'can-spam': { id: 'can-spam', name: 'CAN-SPAM Act, 15 U.S.C. §7701 et seq.', short: 'CAN-SPAM', region: 'United States', url: 'https://www.law.cornell.edu/uscode/text/15/chapter-103' },
  tcpa: { id: 'tcpa', name: 'Telephone Consumer Protection Act, 47 U.S.C. §227', short: 'TCPA', region: 'United States', url: 'https://www.law.cornell.edu/uscode/text/47/227' },
  faa: { id: 'faa', name: 'Federal Arbitration Act, 9 U.S.C. §1 et seq.', short: 'FAA', region: 'United States', url: 'https://www.law.cornell.edu/uscode/text/9' },
  bipa: { id: 'bipa', name: 'Illinois Biometric Information Privacy Act, 740 ILCS 14', short: 'BIPA', region: 'Illinois', url: 'https://www.ilga.gov/legislation/ilcs/ilcs3.asp?ActID=3004' },
};

export interface RegulationRef {
  regulation: RegulationId;
  /** Article or section, e.g. "Art. 5(1)(e)". */
  provision: string;
  /** Why it may apply, in plain words. */
  note: string;
}

export type CategoryGroup = 'privacy' | 'rights' | 'disputes' | 'content' | 'account' | 'ai';

export interface Category {
  id: string;
  title: string;
  group: CategoryGroup;
  defaultSeverity: Severity;
  /** One sentence: what such a clause does. */
  meaning: string;
  /** Why a reader should care. */
  whyItMatters: string;
  /** What it can mean for the person in practice. */
  consumerImpact: string;
  regulations: RegulationRef[];
  /** What a change summary says the document says (history-summary.ts), as the object of "says":
   * `concern` for a clause of this category that is a concern, `good` for a protective one
   * ("Now says it may train AI models on your content", "No longer says it limits…"). */
  says: { concern: string; good: string };
  /** CLAUDETTE tag (a, ch, cr, j, law, ltd, ter, use) when the category is one of the eight. */
  claudette?: string;
}

const ref = (regulation: RegulationId, provision: string, note: string): RegulationRef => ({ regulation, provision, note });

export const CATEGORIES: readonly Category[] = [
  {
    id: 'ai-training',
    title: 'AI training on your data',
    group: 'ai',
    defaultSeverity: 'high',
    says: { concern: 'it may train AI models on your content', good: 'it limits AI training on your content' },
    meaning: 'The service may use what you write, upload or do to train or improve its AI or machine-learning models.',
    whyItMatters: 'Once your content has shaped a model it is very hard to take back, and models can repeat what they learned.',
    consumerImpact: 'Your messages, files, voice or images may be read by reviewers and built into products used by others; look for an opt-out.',
    regulations: [
      ref('gdpr', 'Art. 6, Art. 21', 'Training on personal data needs a lawful basis, and you may object to processing based on legitimate interests.'),
      ref('eu-ai-act', 'Art. 53', 'Providers of general-purpose AI models must publish a summary of the content used for training.'),
      ref('ftc-act-5', '15 U.S.C. §45', 'The FTC has warned that quietly changing terms to use data for AI training can be unfair or deceptive.'),
      ref('ccpa', '§1798.100, §1798.121', 'Californians have a right to know how personal information is used and to limit use of sensitive information.'),
      ref('colorado-ai-act', 'C.R.S. §6-1-1701 et seq.', 'Developers and deployers of high-risk AI systems owe consumers notices and risk management.'),
    ],
  },
  {
    id: 'data-sale',
    title: 'Sale of personal data',
    group: 'privacy',
    defaultSeverity: 'high',
    says: { concern: 'it may sell your data', good: 'it does not sell your data' },
    meaning: 'The service may sell your personal data, or hand it over for money or other value.',
    whyItMatters: 'Once sold, your data is governed by someone else\'s policy, which you never read.',
    consumerImpact: 'Data brokers and unknown companies may end up holding your profile.',
    regulations: [
      ref('ccpa', '§1798.120, §1798.135', 'Californians may opt out of the sale or sharing of personal information; a "Do Not Sell or Share" link is required.'),
      ref('gdpr', 'Art. 6, Art. 13–14', 'Passing data to another controller needs a lawful basis and must be disclosed.'),
      ref('ftc-act-5', '15 U.S.C. §45', 'Selling data contrary to earlier promises may be a deceptive practice.'),
    ],
  },
  {
    id: 'data-sharing',
    title: 'Sharing with third parties',
    group: 'privacy',
    defaultSeverity: 'medium',
    says: { concern: 'it shares your data with third parties', good: 'it limits sharing your data with third parties' },
    meaning: 'The service shares your personal data with partners, advertisers, affiliates or other third parties.',
    whyItMatters: 'Each recipient is one more place your data can leak or be reused.',
    consumerImpact: 'Your data may travel to companies you have no relationship with.',
    regulations: [
      ref('gdpr', 'Art. 6, Art. 13–14', 'Each disclosure needs a lawful basis and the recipients must be named or categorised.'),
      ref('ccpa', '§1798.120', 'Californians may opt out of "sharing" for cross-context behavioural advertising.'),
    ],
  },
  {
    id: 'retention',
    title: 'Data retention',
    group: 'privacy',
    defaultSeverity: 'medium',
    says: { concern: 'how long your data is kept', good: 'it limits how long your data is kept' },
    meaning: 'How long the service keeps your data, including after you delete it or close your account.',
    whyItMatters: 'Data kept indefinitely stays exposed to breaches, subpoenas and new uses.',
    consumerImpact: 'Deleting your account may not delete your data.',
    regulations: [
      ref('gdpr', 'Art. 5(1)(e), Art. 17', 'Storage limitation: data should be kept no longer than needed; you may ask for erasure.'),
      ref('ccpa', '§1798.100, §1798.105', 'Businesses must disclose how long they keep each category of data; you may ask for deletion.'),
    ],
  },
  {
    id: 'tracking',
    title: 'Tracking, cookies and fingerprinting',
    group: 'privacy',
    defaultSeverity: 'medium',
    says: { concern: 'it tracks you with cookies or similar tools', good: 'it limits tracking or lets you refuse it' },
    meaning: 'The service uses cookies, pixels, device fingerprinting or similar tools to follow what you do, possibly across sites.',
    whyItMatters: 'Tracking builds a detailed profile of your browsing, often shared with ad networks.',
    consumerImpact: 'Your activity on this and other sites may be linked to you.',
    regulations: [
      ref('eprivacy', 'Art. 5(3)', 'Storing or reading information on your device generally needs your consent, unless strictly necessary.'),
      ref('gdpr', 'Art. 6, Art. 7', 'Consent to tracking must be freely given, specific and as easy to withdraw as to give.'),
      ref('ccpa', '§1798.120', 'Sharing for cross-context behavioural advertising can be opted out of.'),
    ],
  },
  {
    id: 'targeted-advertising',
    title: 'Targeted advertising',
    group: 'privacy',
    defaultSeverity: 'medium',
    says: { concern: 'it uses your data for targeted ads', good: 'it lets you opt out of targeted ads' },
    meaning: 'Your personal data is used to choose the ads you see, here or elsewhere.',
    whyItMatters: 'Ad targeting relies on profiling and often on sharing data with ad partners.',
    consumerImpact: 'Ads may reflect sensitive inferences about you; look for an opt-out.',
    regulations: [
      ref('gdpr', 'Art. 21(2)', 'You may object at any time to processing for direct marketing, including profiling.'),
      ref('ccpa', '§1798.120', 'Californians may opt out of sharing for cross-context behavioural advertising.'),
      ref('eprivacy', 'Art. 5(3)', 'Ad cookies and similar identifiers need consent.'),
    ],
  },
  {
    id: 'marketing',
    title: 'Marketing messages',
    group: 'privacy',
    defaultSeverity: 'low',
    says: { concern: 'it may send you marketing messages', good: 'it lets you opt out of marketing messages' },
    meaning: 'The service may use your contact details to send you promotional e-mail, texts or calls.',
    whyItMatters: 'Marketing consent is often bundled with sign-up.',
    consumerImpact: 'Expect promotional messages unless you opt out.',
    regulations: [
      ref('can-spam', '15 U.S.C. §7704', 'Commercial e-mail must offer a working opt-out that is honoured promptly.'),
      ref('tcpa', '47 U.S.C. §227', 'Autodialled or prerecorded calls and texts need prior consent; AI voices count as artificial.'),
      ref('gdpr', 'Art. 21(2)', 'You may object to direct marketing at any time.'),
    ],
  },
  {
    id: 'data-collection',
    title: 'Broad data collection',
    group: 'privacy',
    defaultSeverity: 'low',
    says: { concern: 'what data it collects about you', good: 'it limits what data it collects' },
    meaning: 'The service collects many kinds of personal data, or data from other sources about you.',
    whyItMatters: 'The more is collected, the more can be misused or leaked.',
    consumerImpact: 'Your profile may include data you never typed in yourself.',
    regulations: [
      ref('gdpr', 'Art. 5(1)(c), Art. 13–14', 'Data minimisation: only what is needed; you must be told what is collected and from where.'),
      ref('ccpa', '§1798.100, §1798.110', 'You have a right to know what is collected about you.'),
    ],
  },
  {
    id: 'sensitive-data',
    title: 'Sensitive data (location, biometrics, health)',
    group: 'privacy',
    defaultSeverity: 'high',
    says: { concern: 'it handles sensitive data such as health, biometrics or precise location', good: 'it protects sensitive data or does not collect it' },
    meaning: 'The service collects or uses precise location, biometric, health or other sensitive data.',
    whyItMatters: 'Sensitive data can reveal where you live, who you are and your health; misuse causes real harm.',
    consumerImpact: 'Location histories and face or voice prints are hard to change once exposed.',
    regulations: [
      ref('gdpr', 'Art. 9', 'Special categories (health, biometrics for identification…) need explicit consent or another narrow exception.'),
      ref('ccpa', '§1798.121', 'Californians may limit use of sensitive personal information, including precise geolocation.'),
      ref('bipa', '740 ILCS 14/15', 'Illinois requires written consent before collecting biometric identifiers.'),
    ],
  },
  {
    id: 'childrens-data',
    title: "Children's data and age limits",
    group: 'privacy',
    defaultSeverity: 'medium',
    says: { concern: 'how it handles children\'s data', good: 'it protects children\'s data' },
    meaning: 'Rules on minimum age and on collecting data from children.',
    whyItMatters: 'Children get extra legal protection; a service may still collect their data.',
    consumerImpact: 'Parents may need to give consent or ask for deletion.',
    regulations: [
      ref('coppa', '16 CFR §312.5', 'Verifiable parental consent is needed before collecting data from children under 13.'),
      ref('gdpr', 'Art. 8', 'For online services, a child\'s consent counts only from 16 (member states may lower it to 13).'),
      ref('ccpa', '§1798.120(c)', 'Data of consumers under 16 may not be sold or shared without opt-in consent.'),
    ],
  },
  {
    id: 'government-access',
    title: 'Disclosure to authorities',
    group: 'privacy',
    defaultSeverity: 'medium',
    says: { concern: 'it may give your data to authorities', good: 'it limits what it gives to authorities' },
    meaning: 'The service may hand your data to police, courts or governments, possibly without telling you.',
    whyItMatters: 'Whether and how you are told decides whether you can challenge a request.',
    consumerImpact: 'Your data may be disclosed without notice.',
    regulations: [
      ref('gdpr', 'Art. 6(1)(c), Art. 48', 'Disclosure must rest on a legal obligation; foreign orders are recognised only through international agreements.'),
    ],
  },
  {
    id: 'international-transfer',
    title: 'International data transfers',
    group: 'privacy',
    defaultSeverity: 'low',
    says: { concern: 'it may transfer your data to other countries', good: 'it safeguards transfers of your data to other countries' },
    meaning: 'Your data may be stored or processed in other countries.',
    whyItMatters: 'Other countries may offer weaker protection or broader government access.',
    consumerImpact: 'Your rights may be harder to enforce abroad.',
    regulations: [
      ref('gdpr', 'Art. 44–49', 'Transfers outside the EEA need an adequacy decision or safeguards such as standard contractual clauses.'),
    ],
  },
  {
    id: 'automated-decisions',
    title: 'Automated decisions and profiling',
    group: 'ai',
    defaultSeverity: 'medium',
    says: { concern: 'it makes automated decisions or profiles about you', good: 'it lets you contest automated decisions' },
    meaning: 'Decisions about you may be made by algorithms, without a person involved.',
    whyItMatters: 'Automated decisions can be wrong or biased and hard to contest.',
    consumerImpact: 'Your account, price or access may depend on a model\'s judgement.',
    regulations: [
      ref('gdpr', 'Art. 22', 'You have a right not to be subject to solely automated decisions with legal or similarly significant effects.'),
      ref('colorado-ai-act', 'C.R.S. §6-1-1703', 'Deployers of high-risk AI making consequential decisions owe consumers notice and a chance to appeal.'),
      ref('eu-ai-act', 'Art. 50', 'People must be told when they interact with an AI system.'),
    ],
  },
  {
    id: 'user-rights',
    title: 'Your data rights',
    group: 'rights',
    defaultSeverity: 'good',
    says: { concern: 'what rights you have over your data', good: 'you can access, correct or delete your data' },
    meaning: 'How you can access, correct, export or delete your data, or opt out.',
    whyItMatters: 'Rights you can actually use are the main check on what a service does with your data.',
    consumerImpact: 'You can ask for a copy of your data or its deletion.',
    regulations: [
      ref('gdpr', 'Art. 15–21', 'Rights of access, rectification, erasure, portability and objection.'),
      ref('ccpa', '§1798.105, §1798.106, §1798.110', 'Rights to delete, correct and know.'),
    ],
  },
  {
    id: 'security',
    title: 'Security of your data and account',
    group: 'privacy',
    defaultSeverity: 'low',
    says: { concern: 'how it protects your data', good: 'it takes measures to protect your data' },
    meaning: 'What the service promises about protecting your data, and what it makes you responsible for.',
    whyItMatters: 'Weak promises and shifted responsibility leave you carrying the risk of a breach.',
    consumerImpact: 'You may be held responsible for anything done through your account.',
    regulations: [
      ref('gdpr', 'Art. 32–34', 'Appropriate security, and notice to you of breaches likely to cause high risk.'),
    ],
  },
  {
    id: 'content-license',
    title: 'Licence to your content',
    group: 'content',
    defaultSeverity: 'medium',
    says: { concern: 'it gets a licence to use your content', good: 'you keep the rights to your content' },
    meaning: 'You grant the service a broad (often worldwide, royalty-free, sublicensable) licence to what you post.',
    whyItMatters: 'A broad licence lets the service reuse, adapt or sell access to your work.',
    consumerImpact: 'Your photos or writing may appear in ads or be licensed to others, sometimes even after you leave.',
    regulations: [
      ref('uctd', 'Art. 3', 'A term causing a significant imbalance to the consumer\'s detriment may be unfair.'),
    ],
  },
  {
    id: 'content-removal',
    title: 'Removal of your content',
    group: 'content',
    defaultSeverity: 'medium',
    says: { concern: 'it may remove your content', good: 'it tells you before removing your content' },
    meaning: 'The service may delete or hide your content at its discretion, possibly without notice or reason.',
    whyItMatters: 'Your work can disappear without a chance to save it or contest the decision.',
    consumerImpact: 'Keep your own copies; ask how to appeal.',
    regulations: [
      ref('dsa', 'Art. 14, Art. 17, Art. 20', 'Platforms must explain restrictions on content, state reasons, and offer a complaint system.'),
      ref('uctd', 'Art. 3', 'Unbalanced discretionary powers may be unfair.'),
    ],
    claudette: 'cr',
  },
  {
    id: 'unilateral-change',
    title: 'Terms or service can change unilaterally',
    group: 'account',
    defaultSeverity: 'medium',
    says: { concern: 'it may change the terms or the service on its own', good: 'it tells you before changing the terms' },
    meaning: 'The service may change these terms, or change or drop parts of the service itself, whenever it likes, sometimes without telling you; continuing to use it counts as agreement.',
    whyItMatters: 'What you agreed to today may not be what binds you tomorrow.',
    consumerImpact: 'Check for notice periods; re-read terms when told they changed.',
    regulations: [
      ref('uctd', 'Annex 1(j), 1(k)', 'Changing the terms, or the characteristics of the service, unilaterally without a valid reason specified in the contract may be unfair.'),
      ref('dsa', 'Art. 14(2)', 'Platforms must inform users of significant changes to their terms.'),
      ref('ftc-act-5', '15 U.S.C. §45', 'Retroactive, quiet changes to data practices may be unfair or deceptive.'),
    ],
    claudette: 'ch',
  },
  {
    id: 'unilateral-termination',
    title: 'Account can be terminated unilaterally',
    group: 'account',
    defaultSeverity: 'medium',
    says: { concern: 'it may close your account on its own', good: 'it warns you before closing your account' },
    meaning: 'The service may suspend or close your account or stop the service at any time, possibly without reason or notice.',
    whyItMatters: 'You can lose access to your data, purchases and contacts at once.',
    consumerImpact: 'Back up what matters; look for notice and appeal rights.',
    regulations: [
      ref('uctd', 'Annex 1(g)', 'Terminating a contract of indeterminate duration without reasonable notice may be unfair.'),
      ref('dsa', 'Art. 17, Art. 20', 'Suspensions need a statement of reasons and a way to complain.'),
    ],
    claudette: 'ter',
  },
  {
    id: 'limitation-of-liability',
    title: 'Limited liability and no warranty',
    group: 'disputes',
    defaultSeverity: 'medium',
    says: { concern: 'it limits its liability to you', good: 'it keeps its liability to you' },
    meaning: 'The service disclaims warranties or limits what it owes you if something goes wrong, often to a small sum.',
    whyItMatters: 'If the service loses your data or harms you, compensation may be capped or excluded.',
    consumerImpact: 'You may carry most of the risk of outages, data loss or errors.',
    regulations: [
      ref('uctd', 'Annex 1(a)–(b)', 'Excluding or limiting the consumer\'s legal rights, including liability, may be unfair.'),
    ],
    claudette: 'ltd',
  },
  {
    id: 'indemnification',
    title: 'You indemnify the service',
    group: 'disputes',
    defaultSeverity: 'medium',
    says: { concern: 'you must cover its costs if it is sued over your use', good: 'it limits what you must cover' },
    meaning: 'You agree to pay the service\'s costs, including lawyers\' fees, if a claim is brought over your use.',
    whyItMatters: 'It shifts legal and financial risk from the company to you.',
    consumerImpact: 'A dispute involving your account could leave you paying the company\'s legal bills.',
    regulations: [
      ref('uctd', 'Art. 3', 'A term causing a significant imbalance to the consumer\'s detriment may be unfair.'),
    ],
  },
  {
    id: 'arbitration',
    title: 'Mandatory arbitration',
    group: 'disputes',
    defaultSeverity: 'high',
    says: { concern: 'disputes go to arbitration instead of a court', good: 'you can opt out of arbitration' },
    meaning: 'Disputes must go to private arbitration instead of a court.',
    whyItMatters: 'Arbitration is private, limits appeal, and often favours repeat players such as the company.',
    consumerImpact: 'You may lose the right to sue in court; check for an opt-out window.',
    regulations: [
      ref('faa', '9 U.S.C. §2', 'US courts usually enforce arbitration agreements, which is why opt-out windows matter.'),
      ref('uctd', 'Annex 1(q)', 'Requiring consumers to take disputes exclusively to arbitration may be unfair in the EU.'),
    ],
    claudette: 'a',
  },
  {
    id: 'class-action-waiver',
    title: 'Class-action waiver',
    group: 'disputes',
    defaultSeverity: 'high',
    says: { concern: 'you give up class actions', good: 'class actions remain open to you' },
    meaning: 'You give up the right to join a class action or collective claim against the service.',
    whyItMatters: 'Small harms to many people are only worth pursuing together; alone, most are not.',
    consumerImpact: 'You may have to pursue any claim individually.',
    regulations: [
      ref('faa', '9 U.S.C. §2', 'Paired with arbitration, US courts have generally enforced class waivers.'),
      ref('uctd', 'Annex 1(q)', 'Excluding or hindering the consumer\'s right to take legal action may be unfair.'),
    ],
  },
  {
    id: 'jurisdiction',
    title: 'Court location',
    group: 'disputes',
    defaultSeverity: 'medium',
    says: { concern: 'which courts hear disputes', good: 'you can go to your local courts' },
    meaning: 'Disputes must be heard in courts the service chooses, possibly far from you.',
    whyItMatters: 'A distant forum makes it costly to bring or defend a claim.',
    consumerImpact: 'You may have to litigate in another state or country.',
    regulations: [
      ref('uctd', 'Annex 1(q)', 'Hindering the consumer\'s right to take legal action may be unfair; EU consumers can usually sue at home.'),
    ],
    claudette: 'j',
  },
  {
    id: 'choice-of-law',
    title: 'Choice of law',
    group: 'disputes',
    defaultSeverity: 'low',
    says: { concern: 'which law governs the terms', good: 'your local law still protects you' },
    meaning: 'The terms are governed by the law of a place the service chooses.',
    whyItMatters: 'Another place\'s law may give you fewer protections than your own.',
    consumerImpact: 'Consumer protections of your home country may still apply in the EU.',
    regulations: [
      ref('uctd', 'Art. 6(2)', 'Choosing a non-EU law cannot take away the Directive\'s protection.'),
    ],
    claudette: 'law',
  },
  {
    id: 'contract-by-using',
    title: 'Bound just by using',
    group: 'account',
    defaultSeverity: 'low',
    says: { concern: 'using the service means you accept the terms', good: 'it asks for your consent to the terms' },
    meaning: 'Simply visiting or using the service counts as accepting the terms.',
    whyItMatters: 'You are bound by terms you may never have seen.',
    consumerImpact: 'Browsing the site may already commit you to its terms.',
    regulations: [
      ref('uctd', 'Annex 1(i)', 'Binding consumers to terms they had no real opportunity to read may be unfair.'),
    ],
    claudette: 'use',
  },
  {
    id: 'acceptable-use',
    title: 'Rules on what you may do',
    group: 'account',
    defaultSeverity: 'low',
    says: { concern: 'what you may not do on the service', good: 'its rules for using the service are clear and limited' },
    meaning: 'Conduct rules: what you may not post or do, age or identity requirements, account obligations.',
    whyItMatters: 'Breaking these rules is the usual ground for removal or termination.',
    consumerImpact: 'Know the rules the service will enforce against you.',
    regulations: [
      ref('dsa', 'Art. 14', 'Restrictions on use must be set out clearly and applied diligently and proportionately.'),
    ],
  },
  {
    id: 'payments',
    title: 'Payments, renewals and refunds',
    group: 'account',
    defaultSeverity: 'low',
    says: { concern: 'how you are charged, renewed or refunded', good: 'it explains how to cancel or get a refund' },
    meaning: 'Automatic renewals, charges, price changes and refund rules.',
    whyItMatters: 'Recurring charges and no-refund terms cost money if missed.',
    consumerImpact: 'Note renewal dates and how to cancel.',
    regulations: [
      ref('ftc-act-5', '15 U.S.C. §45', 'Hidden recurring charges may be unfair or deceptive.'),
      ref('uctd', 'Annex 1(l)', 'Letting the seller raise the price without a right to cancel may be unfair.'),
    ],
  },
  {
    id: 'transparency',
    title: 'Transparency of the terms',
    group: 'rights',
    defaultSeverity: 'good',
    says: { concern: 'how clearly it explains its terms', good: 'it explains its terms and their changes clearly' },
    meaning: 'How clearly the service explains its terms, their changes and its data practices.',
    whyItMatters: 'Clear, dated, archived terms let you know what you agreed to.',
    consumerImpact: 'Easier to hold the service to its word.',
    regulations: [
      ref('gdpr', 'Art. 12–14', 'Information must be concise, transparent, intelligible and easily accessible.'),
      ref('dsa', 'Art. 14', 'Terms must be in clear, plain, user-friendly language.'),
    ],
  },
];

export const CATEGORY_BY_ID: ReadonlyMap<string, Category> = new Map(CATEGORIES.map((c) => [c.id, c]));

/** The eight CLAUDETTE categories, in the order of the published benchmark. */
export const CLAUDETTE_CATEGORIES = ['arbitration', 'unilateral-change', 'content-removal', 'jurisdiction', 'choice-of-law', 'limitation-of-liability', 'unilateral-termination', 'contract-by-using'] as const;

export function getCategory(id: string): Category | undefined {
  return CATEGORY_BY_ID.get(id);
}

export function isCategoryId(id: unknown): id is string {
  return typeof id === 'string' && CATEGORY_BY_ID.has(id);
}
