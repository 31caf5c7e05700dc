// @vitest-environment happy-dom
// The clause panel's way into Compare (content/panel.tsx): "See all platforms with this clause
// type" is offered when reviewed platforms have this kind of clause, and not when none has (it
// would open an empty list; the panel says "no reviewed platform" instead).
import { describe, expect, it, vi } from 'vitest';
import type { CategoryComparison, PageClause } from '../../../src/messages';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { onMessage: { addListener: () => undefined, removeListener: () => undefined } } } }));
const { PanelHost } = await import('../../../src/content/panel');

const clause: PageClause = { id: 'c1', start: 0, end: 40, category: 'contract-by-using', severity: 'low', confidence: 0.9, source: 'detector', excerpt: 'By using the Services you agree to these Terms.' };
const page = { url: 'https://example.com/terms', title: 'Terms', sha256: 'a'.repeat(64), readAt: '2026-11-30T10:00:00.000Z', modelVersion: 'test' };
const stat = (reviewed: number) => ({ category: 'contract-by-using', platformsWith: reviewed, platformsReviewed: reviewed, platformsTotal: 595, entries: [] });

async function seeAllShown(cmp: CategoryComparison): Promise<boolean> {
  const host = new PanelHost(new AbortController().signal);
  host.show({ clause, related: [] }, page, async () => cmp, null, { openCompare: async () => true });
  const shadow = (host as unknown as { shadow: ShadowRoot }).shadow;
  // The comparison arrives after a turn of the event loop.
  await vi.waitFor(() => {
    expect(shadow.textContent).toContain('How other platforms');
    expect(shadow.textContent).not.toContain('Looking up other platforms');
  });
  const shown = !!shadow.querySelector('.seeall button');
  host.destroy();
  return shown;
}

describe('See all platforms with this clause type', () => {
  it('is offered when reviewed platforms have this kind of clause', async () => {
    expect(await seeAllShown({ stat: stat(12), others: [] } as unknown as CategoryComparison)).toBe(true);
  });
  it('is not offered when no reviewed platform has one', async () => {
    expect(await seeAllShown({ stat: stat(0), others: [] } as unknown as CategoryComparison)).toBe(false);
    expect(await seeAllShown({ stat: null, others: [] })).toBe(false);
  });
});

describe('What it means, by the clause’s stance', () => {
  async function panelText(c: PageClause): Promise<string> {
    const host = new PanelHost(new AbortController().signal);
    host.show({ clause: c, related: [] }, page, async () => ({ stat: null, others: [] }), null);
    const shadow = (host as unknown as { shadow: ShadowRoot }).shadow;
    await vi.waitFor(() => expect(shadow.textContent).toContain('What it means'));
    const text = shadow.textContent ?? '';
    host.destroy();
    return text;
  }
  const decisions = { ...clause, id: 'c2', category: 'automated-decisions' };

  it('a protective passage is not described as the practice it rules out', async () => {
    const text = await panelText({ ...decisions, severity: 'good', excerpt: 'We do not engage in profiling or automated decisions with legal effects.' });
    expect(text).toContain('A protection: this passage limits or rules out');
    // The category's own description is given as what such clauses usually say.
    expect(text).toContain('Often, a clause of this kind means: Decisions about you may be made by algorithms');
    expect(text).not.toContain('may depend on a model');
    expect(text).toContain('if this text changes, Clausemark shows you what changed');
  });

  it('a clause of concern is described as what it does, with what it can mean for you', async () => {
    const text = await panelText({ ...decisions, severity: 'high', excerpt: 'We use automated systems to decide whether to approve your application.' });
    expect(text).not.toContain('A protection');
    expect(text).toContain('What it meansDecisions about you may be made by algorithms');
    expect(text).toContain('may depend on a model');
  });
});
