// @vitest-environment happy-dom
// Change summaries in the user's language (lib/change-text.tsx): the English UI says exactly what
// the core's sentence says, for every kind, category and stance; German and French messages are
// the ones shown when the browser speaks them; the list is text only, most severe first.
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { readMessages } from '../../../scripts/i18n-sync';
import { CATEGORIES } from '../../../src/core/taxonomy';
import { changeSentence, type ChangeKind, type ChangeLine } from '../../../src/core/history-summary';

const lang = vi.hoisted(() => ({ messages: null as Record<string, { message: string }> | null }));
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: {
      // Chrome's own lookup, reduced to the one placeholder these messages use.
      getMessage: (k: string, s?: string[]) => (lang.messages?.[k]?.message ?? '').replace(/\$[A-Z]+\$/, s?.[0] ?? ''),
      getUILanguage: () => 'en',
    },
  },
}));
const { ChangeList, changeText } = await import('../../../src/lib/change-text');

const KINDS: ChangeKind[] = ['added', 'removed', 'more', 'less', 'reworded', 'stronger', 'milder'];

describe('changeText', () => {
  it('in English is the core’s sentence, for every kind, category and stance', () => {
    lang.messages = null;
    for (const kind of KINDS) for (const c of CATEGORIES) for (const stance of ['concern', 'protective'] as const) expect(changeText({ kind, category: c.id, stance })).toBe(changeSentence({ kind, category: c.id, stance }));
  });

  it('in German and French, from their own messages', () => {
    lang.messages = readMessages('de');
    expect(changeText({ kind: 'added', category: 'ai-training', stance: 'concern' })).toBe('Neu: KI-Training mit Ihren Inhalten');
    lang.messages = readMessages('fr');
    expect(changeText({ kind: 'removed', category: 'retention', stance: 'concern' })).toBe('Retiré : durée de conservation de vos données');
    lang.messages = null;
  });
});

describe('ChangeList', () => {
  const line = (kind: ChangeKind, severity: ChangeLine['severity'], phrase: string, count = 1): ChangeLine => ({ kind, category: 'data-sharing', stance: severity === 'good' ? 'protective' : 'concern', severity, phrase, count, clauseId: `c-${kind}` });

  it('shows each line’s severity, sentence, count and quote as text, up to max', () => {
    const host = document.createElement('div');
    render(<ChangeList lines={[line('added', 'medium', '<b>We share</b> your data.', 3), line('reworded', 'low', 'partners'), line('less', 'low', 'x')]} max={2} />, host);
    const items = [...host.querySelectorAll('li')];
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toBe('Medium Now says it shares your data with third parties (3 clauses)<b>We share</b> your data.');
    expect(items[0]?.querySelector('b')).toBeNull();
    expect(items[1]?.getAttribute('data-severity')).toBe('low');
  });
});
