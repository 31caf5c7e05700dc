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
