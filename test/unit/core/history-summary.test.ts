// Change summaries (core/history-summary.ts) on real consecutive versions from the Open Terms
// Archive history (ota-pga bundle in ../shared/data). Each version's clauses are found as the
// extension finds them (detector, overlaps resolved, one primary clause per highlight). The
// expected lines were written by reading the two archived texts side by side (the word diff and
// the passages quoted below), not taken from the generator's output.
import { describe, expect, it } from 'vitest';
import { bareRepo, showVersion } from '../../fixtures/ota-versions';
import { markdownToText, segment } from '../../../src/core/text';
import { detectClauses } from '../../../src/core/detect';
import { clauseId } from '../../../src/core/ids';
import { resolveOverlaps } from '../../../src/core/resolve';
import type { ClauseLike } from '../../../src/core/history-clauses';
import { changeSentence, leadPhrase, rewordPhrase, summariseVersions, type ChangeLine } from '../../../src/core/history-summary';
import { CATEGORIES } from '../../../src/core/taxonomy';

const repo = bareRepo();

function version(commit: string, path: string): { clauses: ClauseLike[]; text: string } {
  const { text, hardBreaks } = markdownToText(showVersion(repo, { commit, path }));
  const found = detectClauses(segment(text, hardBreaks)).map((d) => ({ ...d, id: d.id || clauseId(d.category, text.slice(d.start, d.end)), excerpt: text.slice(d.start, d.end).replace(/\s+/g, ' ').trim() }));
  return { clauses: resolveOverlaps(found).map((h) => h.primary), text };
}

function summary(path: string, from: string, to: string): ChangeLine[] {
  const a = version(from, path);
  const b = version(to, path);
  return summariseVersions(a.clauses, b.clauses, { before: a.text, after: b.text });
}

/** What a reader checks: the sentence, its severity, and the words quoted. */
const said = (lines: ChangeLine[]) => lines.map((l) => ({ sentence: changeSentence(l), severity: l.severity, phrase: l.phrase }));

describe('change summaries of real policy changes', () => {
  it('LinkedIn Privacy Policy, 1 August 2024: the sharing clause now names customer support requests', () => {
    // Reader: the added words are "(e.g., your name, title, and company)", a sentence about
    // referring queries to Bing, and "customer support," / "(e.g., the contents of a customer
    // support request)" inside the clause on sharing data with service providers. Nothing else.
    // The detector's sharing spans cover two of these passages: one line, quoting new words (the
    // sentences that only joined a wider span in the new version are never quoted).
    const lines = summary('LinkedIn/Privacy Policy.md', 'f0db5f81e3deecece207350a96a472bca206f475', '0b17f77945c03c2a13f1b6acf87599a0b26e6626');
    expect(said(lines).map(({ sentence, severity }) => ({ sentence, severity }))).toEqual([
      { sentence: 'Rewords where it says it shares your data with third parties', severity: 'low' },
    ]);
    expect(lines[0]!.phrase).toMatch(/^(\(e\.g\., the contents of a customer support request\)|When you opt to link your account with other services, personal data \(e\.g\., your…)$/);
  });

  it('LinkedIn Privacy Policy, 4 November 2025: generative AI training on member data, with an opt-out', () => {
    // Reader: a new passage says LinkedIn uses member data "To train, fine-tune, evaluate and
    // improve our Generative AI models used to create content", and "You can opt out of our use of
    // your data to train our content-generating" models. The policy already spoke of AI training
    // (since June 2025), and the September 2025 version already announced the opt-out ("You can opt
    // out any time in your settings if you’d prefer not to have your data used in this way"), so
    // both add to what it said; it never stops saying either.
    const lines = summary('LinkedIn/Privacy Policy.md', '326007fda0669f95586b5744c512704e3547c970', 'bc7d59e9d4f6f5e3b2927e9c0ec82f7283d3a9b8');
    const s = said(lines);
    expect(s[0]).toEqual({ sentence: 'Adds to where it says it may train AI models on your content', severity: 'high', phrase: 'To train, fine-tune, evaluate and improve our Generative AI models used to create content…' });
    expect(s).toContainEqual({ sentence: 'Adds to where it says it limits AI training on your content', severity: 'good', phrase: 'You can opt out of our use of your data to train our content-generating…' });
    expect(s.map((x) => x.sentence)).not.toContain('No longer says it may train AI models on your content');
  });

  it('LinkedIn Privacy Policy, 22 August 2026: age assurance', () => {
    // Reader: "ID verification providers" join the list of those LinkedIn shares data with; new
    // rows collect "Your attestation that you are over or under the age of majority in your
    // region", "To ensure the protection of children under 16 …".
    const lines = summary('LinkedIn/Privacy Policy.md', 'bc7d59e9d4f6f5e3b2927e9c0ec82f7283d3a9b8', '185513a07a9e6cdecc1d74b10da5f70f542b7881');
    expect(said(lines)).toEqual([
      { sentence: 'Rewords where it says it shares your data with third parties', severity: 'low', phrase: 'ID verification providers,' },
      // Both new rows protect children; the line quotes one of them.
      { sentence: 'Now says it protects children\'s data', severity: 'good', phrase: expect.stringMatching(/^(Your attestation that you are over or under the age of majority|To ensure the protection of children under 16)/) },
    ]);
  });

  it('Facebook Privacy Policy, 7 September 2022 (Meta’s rewrite): new security, minors and deletion passages', () => {
    // Reader: the old text never says "encrypt" nor "age of majority"; the new one says "we encrypt
    // your information when it’s in transit over public networks", has a section "For people under
    // the age of majority (under 18, in most applicable countries)", and explains "Permanently delete
    // your account" and "We keep information as long as we need it…" next to the retention text the
    // old policy already had.
    const [from, to] = ['a3689b384908fb121f6fd702fca1eedc719a0132', '610967a0d097f91263916f301d9963976480a183'];
    const s = said(summary('Facebook/Privacy Policy.md', from, to));
    // Where several new passages say it ("we encrypt…", "Detect suspicious activity and help keep
    // your account secure.", "We can't see the content of end-to-end encrypted messages…"), the line
    // quotes one of them: the quote must be new text, found in the new version and not in the old.
    const oldText = version(from, 'Facebook/Privacy Policy.md').text.replace(/\s+/g, ' ');
    const newText = version(to, 'Facebook/Privacy Policy.md').text.replace(/\s+/g, ' ');
    const quoteOf = (sentence: string): string => {
      const line = s.find((x) => x.sentence === sentence);
      expect(line, sentence).toBeDefined();
      return (line!.phrase ?? '').replace(/…$/, '');
    };
    const isNew = (q: string): void => {
      expect(newText).toContain(q);
      expect(oldText).not.toContain(q);
    };
    expect(s.find((x) => x.sentence === 'Now says it takes measures to protect your data')?.severity).toBe('good');
    isNew(quoteOf('Now says it takes measures to protect your data'));
    expect(s).toContainEqual({ sentence: 'Now says how it handles children\'s data', severity: 'medium', phrase: 'For people under the age of majority (under 18, in most applicable countries) who…' });
    expect(s.find((x) => x.sentence === 'Adds to where it says how long your data is kept')?.severity).toBe('medium');
    isNew(quoteOf('Adds to where it says how long your data is kept'));
  });

  it('Bluesky Terms of Service, June → August 2025: a promise not to sell content; arbitration and class-action waiver stay', () => {
    // Reader: new "We will never sell your Content without getting your permission first."; the
    // new terms still send "most issues … to private arbitration, not court" and still waive class
    // actions "in most cases" — so neither may be said to be gone. The licence is not new: the old
    // terms said "By sharing User Content through Bluesky Social, you grant us permission to: …
    // The license is limited, worldwide, non-exclusive, and royalty-free", in words the detector
    // does not take for a licence clause; the new "you grant us a limited, worldwide,
    // non-exclusive, royalty-free license" adds to it.
    const lines = summary('Bluesky/Terms of Service.md', 'b1a978f22b73067d9b08ea5cf37fd752fcc6139d', 'ac1067b3b597205a16bc004f436c8f000dfe604e');
    const s = said(lines);
    expect(s).toContainEqual({ sentence: 'Now says it does not sell your data', severity: 'good', phrase: 'We will never sell your Content without getting your permission first.' });
    const sentences = s.map((x) => x.sentence);
    expect(sentences).not.toContain('No longer says disputes go to arbitration instead of a court');
    expect(sentences).not.toContain('No longer says you give up class actions');
    expect(sentences).toContain('Rewords where it says you give up class actions');
    expect(s).toContainEqual({ sentence: 'Adds to where it says it gets a licence to use your content', severity: 'medium', phrase: 'By sharing Content on Bluesky, you grant us a limited, worldwide, non-exclusive, royalty-free license…' });
    expect(sentences).not.toContain('Now says it gets a licence to use your content');
    expect(lines.find((l) => l.category === 'class-action-waiver' && l.kind === 'reworded')?.phrase).toBe('in most cases.');
  });

  it('no clause change, no line', () => {
    const v = version('0b17f77945c03c2a13f1b6acf87599a0b26e6626', 'LinkedIn/Privacy Policy.md');
    expect(summariseVersions(v.clauses, v.clauses, { before: v.text, after: v.text })).toEqual([]);
  });
});

describe('the rules of a line', () => {
  const c = (id: string, category: string, severity: string, excerpt: string): ClauseLike => ({ id, category, severity, source: 'detector', excerpt });

  it('a concern that goes is in the user’s favour; a protection that goes weighs as the category; information lost is minor', () => {
    const before = [c('a', 'arbitration', 'high', 'Disputes will be resolved by binding arbitration.'), c('b', 'data-sale', 'good', 'We do not sell your data.'), c('r', 'retention', 'medium', 'Deleted messages are kept for 30 days.')];
    const lines = summariseVersions(before, []);
    expect(lines.map((l) => [changeSentence(l), l.severity])).toEqual([
      ['No longer says it does not sell your data', 'high'],
      ['No longer says how long your data is kept', 'low'],
      ['No longer says disputes go to arbitration instead of a court', 'good'],
    ]);
  });

  it('"no longer" only when the new text states it nowhere, not even in a rule’s wording the detector gave to another category', () => {
    const before = [c('a', 'arbitration', 'high', 'Disputes will be resolved by binding arbitration.')];
    const afterText = 'You and we agree that any dispute will be resolved through binding arbitration and not as a class action.';
    const [line] = summariseVersions(before, [], { before: 'Disputes will be resolved by binding arbitration.', after: afterText });
    expect(line?.kind).toBe('less');
    expect(changeSentence(line!)).toBe('Cuts from where it says disputes go to arbitration instead of a court');
  });

  it('a re-rated clause says stronger or milder; clauses of the same kind are said once', () => {
    const before = [c('x', 'tracking', 'low', 'We use cookies to remember your settings.')];
    const after = [c('y', 'tracking', 'high', 'We use cookies to remember your settings and to track you across sites.'), c('z', 'ai-training', 'high', 'We train models on your posts.'), c('w', 'ai-training', 'medium', 'We may use your content to improve our AI.')];
    const lines = summariseVersions(before, after);
    expect(lines.map((l) => [changeSentence(l), l.severity, l.count, l.phrase])).toEqual([
      ['Now says it may train AI models on your content', 'high', 2, 'We train models on your posts.'],
      ['Says it tracks you with cookies or similar tools, in stronger terms', 'high', 1, 'and to track you across sites.'],
    ]);
  });

  it('a clause the detector found on one side only is not new (or gone) when the other text has much the same passage', () => {
    const added = [c('l', 'content-license', 'medium', 'By sharing Content, you grant us a limited, worldwide, non-exclusive, royalty-free license to host it.')];
    const oldText = 'By sharing User Content, you grant us permission to host it. The license is limited, worldwide, non-exclusive, and royalty-free. You can delete it.';
    const [more] = summariseVersions([], added, { before: oldText, after: added[0]!.excerpt });
    expect(changeSentence(more!)).toBe('Adds to where it says it gets a licence to use your content');
    const [fresh] = summariseVersions([], added, { before: 'We keep your posts private. You can delete them at any time.', after: added[0]!.excerpt });
    expect(changeSentence(fresh!)).toBe('Now says it gets a licence to use your content');
  });

  it('a clause whose text the other version has word for word is no change; one with a few words changed is a rewording, unless a negation changed', () => {
    const same = c('s', 'data-sharing', 'medium', 'They will have access to your information as reasonably necessary to perform these tasks on our behalf and are obligated not to disclose or use it for other purposes.');
    const text = `We use others to help us provide our Services. ${same.excerpt} We keep records.`;
    // The detector took the sentence in the old version only; the text did not change.
    expect(summariseVersions([same], [], { before: text, after: text })).toEqual([]);
    expect(summariseVersions([], [same], { before: text, after: text })).toEqual([]);
    // The new version adds a parenthesis to it and the detector misses it there: a rewording.
    const after = text.replace('your information', 'your information (e.g., the contents of a customer support request)');
    const [line] = summariseVersions([same], [], { before: text, after });
    expect([changeSentence(line!), line!.severity, line!.phrase]).toEqual(['Rewords where it says it shares your data with third parties', 'low', '(e.g., the contents of a customer support request)']);
    // The span grew over a neighbouring sentence that both versions have: the text did not change.
    const wider = c('w', 'data-sharing', 'medium', `${same.excerpt} We keep records.`);
    expect(summariseVersions([same], [wider], { before: text, after: text })).toEqual([]);
    expect(summariseVersions([wider], [same], { before: text, after: text })).toEqual([]);
    // …but a span that grew over a sentence the new version adds is a change, and the new
    // sentence is quoted, not the unchanged one that joined the span with it.
    const added = text.replace('We keep records.', 'We keep records. We also share them with data brokers.');
    const grown = c('g', 'data-sharing', 'medium', `${same.excerpt} We keep records. We also share them with data brokers.`);
    expect(summariseVersions([same], [grown], { before: text, after: added }).map((l) => l.phrase)).toEqual(['We also share them with data brokers.']);
    // A sentence that now says the opposite is not a rewording of it.
    const share = c('n', 'data-sharing', 'medium', 'We share your personal information with advertising partners for their own marketing purposes.');
    const lines = summariseVersions([share], [], { before: share.excerpt, after: 'We never share your personal information with advertising partners for their own marketing purposes.' });
    expect(lines.map(changeSentence)).not.toContain('Rewords where it says it shares your data with third parties');
  });

  it('key phrases: the clause’s first sentence without its marker, the changed words of a rewording', () => {
    expect(leadPhrase('4. Content removal. We may remove content.')).toBe('Content removal.');
    expect(leadPhrase('(b) Where we use your data for direct marketing (e.g. to send you emails) you can object. More.')).toBe('Where we use your data for direct marketing (e.g. to send you emails) you…');
    expect(rewordPhrase('We share data with partners.', 'We share data with partners and ID verification providers.')).toEqual({ phrase: 'and ID verification providers.', from: 'after' });
    expect(rewordPhrase('We share data with partners and advertisers.', 'We share data with partners.').from).toBe('before');
    // Sentences the other version has word for word only joined the span: the changed one is quoted.
    const known = { before: (x: string) => 'We share data with partners. Excerpts of your profile appear on the services of others.'.includes(x) };
    expect(rewordPhrase('We share data with partners.', 'We share data with partners. Excerpts of your profile appear on the services of others. Personal data becomes available to them.', known).phrase).toBe('Personal data becomes available to them.');
    expect(rewordPhrase('We share data with partners.', 'We share data with partners. Excerpts of your profile appear on the services of others. Personal data becomes available to them.').phrase).toMatch(/^Excerpts/);
    // One changed word says nothing on its own: the clause is quoted instead.
    expect(rewordPhrase('You agree to the terms of service.', 'You agree to these terms of service.')).toEqual({ phrase: 'You agree to these terms of service.', from: 'after' });
  });

  it('every category has what a summary says of it, both ways', () => {
    for (const cat of CATEGORIES) {
      expect(cat.says.concern, cat.id).toMatch(/\S/);
      expect(cat.says.good, cat.id).toMatch(/\S/);
      expect(cat.says.good, cat.id).not.toBe(cat.says.concern);
    }
  });
});
