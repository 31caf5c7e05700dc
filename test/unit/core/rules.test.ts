import { describe, it, expect } from 'vitest';
import { RULES, triggeredRules } from '../../../src/core/rules';
import { normalizeForMatch } from '../../../src/core/text';
import { tokens } from '../../../src/core/detect-features';
import { isCategoryId } from '../../../src/core/taxonomy';

const fire = (sentence: string): string[] => {
  const n = normalizeForMatch(sentence);
  return triggeredRules(tokens(n)).map((i) => RULES[i]!).filter((r) => r.pattern.test(n) && !(r.unless?.test(n))).map((r) => r.name);
};

describe('rules', () => {
  it('use taxonomy categories and unique names', () => {
    for (const r of RULES) expect(isCategoryId(r.category)).toBe(true);
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
  });

  it('match the wordings they target', () => {
    expect(fire('You waive any right to participate in a class action lawsuit or class-wide arbitration.')).toContain('class-action waiver');
    expect(fire('Content you submit may be used to train our machine learning models.')).toContain('AI training on your data');
    expect(fire('We may sell your personal information to data brokers.')).toContain('sale of data');
    expect(fire('We don\u2019t sell your personal information.')).toEqual(expect.arrayContaining(['no sale of data']));
    expect(fire('We don\u2019t sell your personal information.')).not.toContain('sale of data');
    expect(fire('You agree to indemnify, defend and hold harmless the Company.')).toContain('indemnity');
    expect(fire('Your subscription will automatically renew each month.')).toContain('automatic renewal');
    expect(fire('ANY DISPUTE WILL BE RESOLVED BY BINDING ARBITRATION.')).toContain('disputes resolved by binding arbitration');
    expect(fire('YOU AND WE WAIVE ANY RIGHT TO A TRIAL BY JURY.')).toContain('jury trial waiver');
    expect(fire('Our total liability shall not exceed the fees you paid.')).toContain('liability cap');
    expect(fire('Your account may be terminated if you breach these terms.')).toContain('account suspended or terminated');
  });

  it('respect negations and context', () => {
    expect(fire('This is a class of products we sell in stores.')).not.toContain('class-action waiver');
    expect(fire('We train our staff to answer questions.')).not.toContain('AI training on your data');
  });

  it('AI training: the provider training on users\u2019 data, not a prohibition on the user or a product description', () => {
    const AI = 'AI training on your data';
    // Real wordings (Open Terms Archive texts of services outside the reader's set).
    for (const s of [
      'We may use your personal data to develop and enhance our machine learning models and artificial intelligence systems.',
      'Proton Scribe does not use content data or any of your data to train its models.',
      'Any new conversations and other user content will not be used to train our models.',
      'It is not used to develop or train generative AI models, and it is not used for advertising or marketing purposes.',
      'Bandcamp will not use your music to train models to generate music or allow others to do so.',
    ]) expect(fire(s), s).toContain(AI);
    for (const s of [
      'You may not use the AI services, or data from the AI services, to create, train or improve (directly or indirectly) any AI technology.',
      'As such, you are prohibited from using, accessing or aggregating data obtained from the Telegram platform to train, fine-tune or otherwise engage in the development of machine learning models.',
      'For example, neither You nor Your Applications may use or make available the EnergyKit data as part of any derived database, or to train artificial intelligence models.',
      'using AI-generated content from our services to develop machine learning models or related AI technology',
      '10.3.2 use Grounded Output to train, develop, or improve any machine learning models or artificial intelligence systems;',
      'Utilize the Services (including any AI functionality), documentation, input or Output to train, improve or have trained or improved an AI model (e.g., engage in "model scraping");',
      'Mistral AI Products are based on large language models (LLMs), a probabilistic technology that is continually evolving.',
      '(3) You may apply the Inputs and Outputs of the Services to a wide range of use cases, including personal use, academic research, derivative product development, training other models (such as model distillation), etc.',
    ]) expect(fire(s), s).not.toContain(AI);
  });

  it('a licence granted to the user is not a licence to their content', () => {
    const L = 'licence to your content';
    expect(fire('For Software not accompanied by a EULA, you are hereby granted a revocable, non-exclusive, non-transferable license by Verizon or its Licensors to use the Software.')).not.toContain(L);
    expect(fire('Google grants to the User a nonexclusive, worldwide, and perpetual license to perform, display, and use the Application.')).not.toContain(L);
    expect(fire('To the extent that you provide User Content, you grant Coursera a fully-transferable, royalty-free, perpetual, sublicensable, non-exclusive, worldwide license to copy, distribute and modify it.')).toContain(L);
  });

  it('triggers never hide a matching rule (stems cover the patterns)', () => {
    const samples = [
      'These Terms are governed by the laws of England.', 'In no event will we be liable for lost profits.',
      'We may modify these Terms at any time.', 'We may remove any content that violates these terms.',
      'By accessing the site you agree to be bound by these terms.', 'We retain your data for as long as your account is active.',
      'We transfer your data to the United States.', 'You grant us a worldwide, royalty-free licence to your content.',
      'Any dispute will be resolved by binding arbitration.', 'You waive your right to a jury trial.',
      'You may opt out of this arbitration agreement within 30 days.', 'Arbitration will be administered by JAMS.',
      'Our aggregate liability shall not exceed one hundred dollars.', 'Your account may be suspended at any time.',
      'Content may be removed without notice.', 'Your continued use of the Service after the changes means you accept the new terms.',
      'We may discontinue the Service at any time without notice.', 'The Service is provided "as is".',
    ];
    for (const s of samples) {
      const n = normalizeForMatch(s);
      const trig = new Set(triggeredRules(tokens(n)));
      RULES.forEach((r, i) => { if (r.pattern.test(n)) expect(trig.has(i)).toBe(true); });
    }
  });
});
