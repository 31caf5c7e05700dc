// The privacy topic + stance models on the sentence kinds a careful reader found wrong in the
// regular-expression detector (issue 13), and on plain statements each category must find.
import { describe, it, expect } from 'vitest';
import { segment } from '../../../src/core/text';
import { detect } from '../../../src/core/detect';
import { headingLike, notAClause, shippedPrivacyModel, stanceSeverity } from '../../../src/core/detect-privacy';
import { normalizeForMatch } from '../../../src/core/text-chars';
import { tokens } from '../../../src/core/detect-features';
import type { FoundClause } from '../../../src/core/types';

/** Clauses of `sentence` as the second paragraph of a small policy section under `heading`. */
function found(sentence: string, heading = 'Privacy Policy'): FoundClause[] {
  const text = `${heading}\n\nThis policy explains how we handle your information when you use our services.\n\n${sentence}\n`;
  const breaks = [...text.matchAll(/\n/g)].map((m) => (m.index as number) + 1);
  const start = text.indexOf(sentence);
  return detect(segment(text, breaks)).filter((c) => c.start < start + sentence.length && c.end > start);
}
const concerns = (s: string, h?: string) => found(s, h).filter((c) => c.severity === 'high' || c.severity === 'medium');
/** The stance the shipped privacy model gives `s` as a statement of `category` (sentence words only). */
const sev = (category: string, s: string, fallback: 'high' | 'medium' | 'low' | 'good'): string => {
  const norm = normalizeForMatch(s);
  return stanceSeverity(shippedPrivacyModel(), [], tokens(norm), norm, category, fallback);
};
/** Whether `t` is never a clause (heading, pointer, definition, fragment…). */
const isNotAClause = (t: string): boolean => { const norm = normalizeForMatch(t); return notAClause(norm, tokens(norm)); };

describe('protective and negated statements are never a concern', () => {
  const cases: [string, string?][] = [
    ['Mistral AI has not “sold”, “shared” or engaged in targeted advertising of personal data in the preceding 12 months.', 'Your California privacy rights'],
    ["We don't show you personalised ads based on sensitive categories, such as your health, religion or sexual orientation.", 'Advertising'],
    ["We'll ask for your explicit consent before we share any sensitive personal information with a third party.", 'Sharing your information'],
    ['We do not sell your personal information to anyone.', 'Sale of personal information'],
    ['You can opt out of personalised advertising at any time in your account settings.', 'Your choices'],
    ['Temporary Chats are not used to train our models.', 'How we use your content'],
    ['Our services are not directed to children under 13, and we do not knowingly collect personal information from them.', "Children's privacy"],
    ['You can control or delete cookies through your browser settings.', 'Cookies'],
  ];
  for (const [s, h] of cases) it(s.slice(0, 70), () => expect(concerns(s, h).map((c) => `${c.category}/${c.severity}`)).toEqual([]));
});

describe('definitions, headings and lists are never clauses', () => {
  it('glossary definitions', () => {
    expect(found('Pixel tags are small blocks of code on a web page that allow a site to read and place cookies.', 'Glossary')).toEqual([]);
    expect(found('Sensitive personal information: this is a particular category of personal information that requires extra protection.', 'Definitions')).toEqual([]);
    expect(found('"Sale" means selling, renting or otherwise making available personal information to a third party for monetary consideration.', 'Definitions')).toEqual([]);
  });
  it('changelog lines (what was edited, not what the service does)', () => {
    for (const s of [
      'On November 3, 2025, we updated this notice to provide information about our reliance on Legitimate Interests as a legal basis to train AI models.',
      'We have added more details on how we train the models that support our products and services including those using generative artificial intelligence.',
    ]) {
      expect(isNotAClause(s), s).toBe(true);
    }
    expect(isNotAClause('We may use your personal data to develop and train artificial intelligence models.')).toBe(false);
  });
  it('sentences that map the document (what a section or table holds)', () => {
    for (const s of [
      'This section describes with whom we might share your personal information, why, and which categories of information.',
      'The table below describes the categories of personal information we collected in the past 12 months, the purposes for which we collect and disclose this information, and whether we sell it.',
      'Table 2 below describes the entities to whom we may sell your personal information.',
      'Below, we identify the categories of personal information and sensitive personal information that we collect.',
    ]) {
      expect(isNotAClause(s), s).toBe(true);
    }
    expect(isNotAClause('This section applies to residents of California: we sell identifiers to advertising networks.')).toBe(false);
  });
  it('headings and list items the section detector does not take', () => {
    expect(headingLike('How long we keep your data', 6, true)).toBe(true);
    expect(headingLike('4. Protecting the security of our Services.', 7, true)).toBe(true);
    expect(headingLike('We keep your data for 30 days.', 7, true)).toBe(false);
    expect(headingLike('How long we keep your data', 6, false)).toBe(false);
    expect(isNotAClause('* Account Data* Profile Data* Content* Purchase Data* Usage Data')).toBe(true);
    expect(found('How long we keep your data')).toEqual([]);
  });
});

describe('the right category', () => {
  it('a merger or sale of company assets is not a sale of personal data', () => {
    const c = found('If we are involved in a merger, acquisition or sale of all or a portion of our assets, your information may be transferred as part of that transaction.', 'Sharing your information');
    expect(c.map((x) => x.category)).not.toContain('data-sale');
    expect(c.filter((x) => x.severity === 'high')).toEqual([]);
  });
  it('data received from third parties is not sharing', () => {
    expect(found('We receive information about you from our partners, such as advertisers and measurement providers.', 'Information from other sources').map((x) => x.category)).not.toContain('data-sharing');
  });
  it('a licence granted to the user is not a licence to their content', () => {
    expect(found('Subject to these Terms, we grant you a limited, non-exclusive, non-transferable, revocable licence to use the Services.', 'Licence').map((x) => x.category)).not.toContain('content-license');
    expect(found('By submitting content, you grant us a worldwide, royalty-free, sublicensable licence to use, copy and distribute your content.', 'Your content').map((x) => x.category)).toContain('content-license');
  });
  it('a warranty disclaimer is neither sharing nor disclosure to authorities', () => {
    const c = found('The services are provided "as is", and we disclaim all warranties, express or implied, to the fullest extent permitted by law.', 'Disclaimer');
    expect(c.map((x) => x.category).filter((x) => x === 'data-sharing' || x === 'government-access')).toEqual([]);
  });
});

describe('plain statements of each practice are found, with the right stance', () => {
  const cases: [string, string, string, 'good' | 'concern'][] = [
    ['We may share your personal information with our service providers, business partners and affiliates.', 'How we share information', 'data-sharing', 'concern'],
    ['We share your information with advertising partners, who use it to show you ads on other websites.', 'How we share information', 'targeted-advertising', 'concern'],
    ['We retain your personal data for as long as necessary for our business purposes, including after you close your account.', 'How long we keep your information', 'retention', 'concern'],
    // Kept until the user acts is the practice itself, not a protection (a reader's check, LINE).
    ['Unless you request the deletion of your account, in principle, we will retain most of your Personal Data.', 'How long we keep your information', 'retention', 'concern'],
    ['Subsequent to account deletion, aggregated registration data is retained for spam prevention and systems security purposes.', 'How long we keep your information', 'retention', 'concern'],
    // A short, stated period is the protective side of retention (docs/labelling.md).
    ['We delete your search history automatically after 30 days.', 'How long we keep your information', 'retention', 'good'],
    ['You have the right to access, correct or delete the personal data we hold about you.', 'Your rights', 'user-rights', 'good'],
    ['We use encryption in transit and at rest, and strict access controls, to protect your personal data.', 'Security', 'security', 'good'],
    ['We may update this Privacy Policy from time to time, and the updated version will be effective when posted.', 'Changes to this policy', 'unilateral-change', 'concern'],
    ['We may disclose your information to law enforcement agencies or government authorities in response to a valid legal request.', 'Legal requests', 'government-access', 'concern'],
    ['Your personal data may be transferred to, and processed in, the United States and other countries outside the European Economic Area.', 'International transfers', 'international-transfer', 'concern'],
    ['We use cookies and similar technologies to remember your preferences and to understand how you use our website.', 'Cookies', 'tracking', 'concern'],
  ];
  for (const [s, h, cat, stance] of cases) {
    it(`${cat}: ${s.slice(0, 60)}`, () => {
      const c = found(s, h).find((x) => x.category === cat);
      expect(c, `no ${cat} clause`).toBeDefined();
      expect(c?.severity === 'good' ? 'good' : 'concern').toBe(stance);
    });
  }
});

describe('the shipped privacy model', () => {
  it('was trained on the labelled set and decides most privacy categories itself', () => {
    const m = shippedPrivacyModel();
    expect(m.file.version).not.toBe('none');
    expect(m.learned.size).toBeGreaterThanOrEqual(10);
    expect((m.file.meta as { documents: number }).documents).toBeGreaterThanOrEqual(40);
  });
});

// The stance readings of the seventh reader reading (real sentences of checks 8 and 9).
describe('stance readings: hedged denials, long periods, default opt-in, opt-outs, plain statements', () => {
  it('a hedged denial of a sale is not the good side of data sale', () => {
    expect(sev('data-sale', 'We do not sell your Personal Data in the conventional sense (i.e., for money).', 'high')).toBe('medium');
    expect(sev('data-sale', 'Except for this kind of selling or sharing, Zillow doesn’t otherwise sell any of your personal data.', 'high')).toBe('medium');
    expect(sev('data-sale', 'We do not sell your personal data.', 'high')).toBe('good');
  });
  it('data kept for years, or after the account is closed, is the concern', () => {
    expect(sev('retention', '10.1 Up to 5 years on our activation code lookup service; tracking data is stored for 2 years from the time it is collected.', 'medium')).toBe('medium');
    expect(sev('retention', 'After you close your account we still keep some or all of your information for up to 9 months.', 'medium')).toBe('medium');
    expect(sev('retention', 'Your account information is kept on our systems, then legally for a further 12 months after any account closure.', 'medium')).toBe('medium');
    expect(sev('retention', 'If you have not used your account for a period of 3 years, we treat it as inactive and delete the personal data we store.', 'good')).not.toBe('medium');
  });
  it('marketing on by default is the concern; a plain statement of ads or marketing is not good practice', () => {
    expect(found('If a User signs up for a Starbucks account on the Sites, the User is, by default, opted in to receive promotional email communications from Starbucks (“Email Communications”).', 'Email communications')
      .filter((c) => c.category === 'marketing').map((c) => c.severity)).not.toContain('good');
    expect(sev('targeted-advertising', 'We also use personal information to provide personalised advertising tailored to your interests, in accordance with applicable law.', 'medium')).toBe('medium');
    expect(sev('marketing', 'To send you targeted marketing communications through email, mobile, in app, and push notifications or by SMS.', 'medium')).toBe('medium');
    expect(sev('international-transfer', 'Data is transferred to third countries outside the European Union.', 'medium')).toBe('medium');
    expect(sev('international-transfer', 'When we transfer personal data outside the EEA, we rely on the standard contractual clauses approved by the European Commission.', 'medium')).toBe('good');
  });
  it('the person may opt out: the good side', () => {
    expect(sev('targeted-advertising', 'Site Visitors may opt out of the Taboola Ad Partners that collect information on the Sites to serve ads about Taboola.', 'medium')).toBe('good');
    expect(sev('targeted-advertising', 'Your data is used for interest-based ads unless you opt out.', 'medium')).toBe('medium');
  });
});

describe('eighth reading (privacy): labels, pointers, consent as a basis, restricted rights, retention periods', () => {
  it('list labels, glossary labels, pointers and changelog lines are not clauses', () => {
    expect(isNotAClause('Rights in relation to automated decision making and profiling.')).toBe(true);
    expect(isNotAClause('(5) Right to Opt-Out of Targeted Advertising and/or "Sale".')).toBe(true);
    expect(isNotAClause('The right to opt out of targeted advertising is yours and you may use it at any time.')).toBe(false);
    expect(isNotAClause('Cookie Identifier: A cookie – or data file – with a unique identifier that we set from our webpage “tribalfusion.com”.')).toBe(true);
    expect(isNotAClause('Retention: a copy of your data is kept for 30 days.')).toBe(false);
    expect(isNotAClause('- Profile Data- Device data- App Usage Data- Identification / Verification data- Cookies, SDKs, Analytics, and Third-Party Technologies Data')).toBe(true);
    expect(isNotAClause('In addition to the rights we state under this policy and subject to the exceptions found under the CCPA, Consumers have the right to:')).toBe(true);
    expect(isNotAClause('You can exercise rights related to this data by following the instructions in the Your Choices section, below.')).toBe(true);
    expect(isNotAClause('Relevant browser-based cookie controls are described in our Cookies & Tracking Notice.')).toBe(true);
    expect(isNotAClause('We added more detail about cookies, first-party advertising measurement, and your privacy choices.')).toBe(true);
    expect(isNotAClause('You can control cookies in your browser settings.')).toBe(false);
  });
  it('"however" opening a sentence does not undo its denial', () => {
    expect(sev('data-sharing', 'However, MailChimp does not use the data of our newsletter recipients to write them down or pass them on to third parties.', 'medium')).toBe('good');
  });
  it('sharing on consent is a basis, not a protection; an administrator restricting your rights is not a right', () => {
    expect(sev('data-sharing', 'We share personal information with your consent or at your direction.', 'medium')).toBe('low');
    expect(sev('data-sharing', 'We only share personal information with your consent.', 'medium')).not.toBe('low');
    expect(sev('user-rights', 'Restrict your ability to delete or edit your information or your privacy settings.', 'good')).toBe('low');
  });
  it('retention: open-ended is a concern; short periods and commitments to delete are the good side; inactivity is not a period', () => {
    expect(found('The data will then be stored as long as the consent exists or a legitimate interest applies.', 'Storage duration')
      .filter((c) => c.category === 'retention').map((c) => c.severity)).not.toContain('good');
    expect(sev('retention', 'However, this data might remain in webserver logs that we usually keep 10-14 days for diagnosis purposes.', 'medium')).toBe('good');
    expect(sev('retention', 'If Company does not provide such notification, Meta shall delete existing copies of Applicable Personal Data in its possession.', 'medium')).toBe('good');
    expect(sev('retention', '10.1 Up to 5 years on our activation code lookup service;', 'good')).toBe('medium');
    expect(sev('retention', 'Some of the Member’s data will be retained for prospecting purposes for one year after an Account has been inactive for 24 months, and then deleted.', 'good')).not.toBe('medium');
    expect(sev('retention', 'Your data is kept for 3 years after your last purchase and then we will delete it.', 'good')).toBe('medium');
  });
});

describe('ninth reading (privacy): fragments, rights lead-ins, limited sharing, Do Not Track, deletion', () => {
  it('fragments and lead-ins to rights are not clauses', () => {
    expect(isNotAClause('DPF Principles) with regard to the processing of personal data received from Switzerland in reliance on the Swiss-U.S.')).toBe(true);
    expect(isNotAClause('If you are a resident of California, or jurisdictions with similar laws, you may have certain additional privacy rights.')).toBe(true);
    expect(isNotAClause('You may have additional rights under applicable laws to access, delete, correct, or otherwise manage certain personal information.')).toBe(false);
  });
  it('processors bound by contract or given only what they need: good; Do Not Track ignored: a concern; a commitment to remove: good', () => {
    expect(sev('data-sharing', 'Third-party processors are contractually bound to handle your data in accordance with our privacy standards.', 'medium')).toBe('good');
    expect(sev('data-sharing', 'We only provide our Service Providers with the information necessary for them to perform these services on our behalf.', 'medium')).toBe('good');
    expect(found('Our systems do not recognize browser “Do Not Track” signals, but several of our Service Providers who utilize these cookies on this Website enable you to opt out of targeted advertising practices.', 'Do Not Track')
      .filter((c) => c.category === 'tracking').map((c) => c.severity)).not.toContain('good');
    expect(sev('retention', 'When we no longer need to use your personal data, we’ll either remove it from our systems or anonymise it so that we can’t identify you.', 'medium')).toBe('good');
  });
});

describe('sensitive data is found by its rule with a practice verb, never high on a rule alone', () => {
  it('a statement of collecting health data is flagged, at most medium', () => {
    const flags = found('When you use our healthcare products and services, we may collect health data such as your heart rate and blood pressure.', 'Information we collect')
      .filter((c) => c.category === 'sensitive-data');
    expect(flags.length).toBe(1);
    expect(flags[0]?.severity).not.toBe('high');
  });
});

describe('tenth reading (privacy, check 11): sensitive-data stance, pointers to FAQs, confidentiality in a sale, a right to delete backups', () => {
  it('consenting to the processing of sensitive data is not good practice; asking for consent is', () => {
    expect(found('By accessing this Website and creating an account, you consent to NKL Associates processing your personal data, including data that may reflect or concern your sex life, sexual preferences, and sexual orientation.', 'Consent')
      .filter((c) => c.category === 'sensitive-data').map((c) => c.severity)).not.toContain('good');
    expect(sev('sensitive-data', 'We will ask for your explicit consent before we process any sensitive personal information.', 'high')).toBe('good');
  });
  it('a pointer to an FAQ is not a clause; confidentiality kept in a sale is good; a right to delete backups is the concern', () => {
    expect(isNotAClause('For information on how we process personal data through “profiling” and “automated decision-making”, please see our FAQ.')).toBe(true);
    expect(sev('data-sharing', 'If Google is involved in a merger, acquisition or sale of assets, we’ll continue to ensure the confidentiality of your personal information.', 'medium')).toBe('good');
    expect(sev('retention', 'If a device has not backed up to iCloud for a period of one hundred and eighty (180) days, Apple reserves the right to delete any backups associated with that device.', 'good')).toBe('medium');
  });
});

describe('eleventh reading (privacy, check 12): pointers to sections and sites, data not deleted', () => {
  it('pointers are not clauses; data not deleted is kept', () => {
    expect(isNotAClause('You may request additional information in this respect by exercising your rights as set out in the Exercising your rights section.')).toBe(true);
    expect(isNotAClause('You may want to visit http://www.networkadvertising.org/managing/opt_out.asp, which provides information regarding targeted advertising.')).toBe(true);
    expect(isNotAClause('You may request a copy of the safeguards we rely on for international transfers.')).toBe(false);
    expect(sev('retention', 'Deactivation does not automatically delete personal or other data stored on your Device.', 'medium')).toBe('medium');
  });
});

describe('twelfth reading (privacy, check 13): recipient list items without a verb', () => {
  it('a list item naming recipients states nothing; a sentence that shares does', () => {
    expect(isNotAClause('Hosting and content delivery network services (e.g., AWS, Equinix, CenturyLink, YouTube, Vimeo).')).toBe(true);
    expect(isNotAClause('We share data with hosting providers (e.g., AWS, Equinix).')).toBe(false);
    expect(isNotAClause('No automated decision making (including profiling) takes place.')).toBe(false);
  });
});

describe('twelfth reading (privacy): accountability for onward transfers, pointers to a policy', () => {
  it('remaining responsible is good sharing; "our Cookie Policy, which sets out…" is a pointer', () => {
    expect(sev('data-sharing', 'Under the DPF Accountability for Onward Transfer Principle, we remain responsible for any of your personal data that we share with third parties acting as our agents.', 'medium')).toBe('good');
    expect(isNotAClause('b) Our Cookie Policy, which sets out information about the “cookies” on our Website;')).toBe(true);
  });
});
