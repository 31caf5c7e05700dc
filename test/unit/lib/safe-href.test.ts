// Only web addresses become links in the panel and popup, whatever the knowledge base holds.
import { describe, expect, it } from 'vitest';
import { safeHref } from '../../../src/lib/safe-href';

describe('safeHref', () => {
  it('keeps http(s) addresses and drops everything else', () => {
    expect(safeHref('https://tosdr.org/en/point/1')).toBe('https://tosdr.org/en/point/1');
    expect(safeHref('http://example.org/terms')).toBe('http://example.org/terms');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>x</b>', 'chrome-extension://abc/x.html', '/relative', '', undefined, null]) {
      expect(safeHref(bad), String(bad)).toBeUndefined();
    }
  });
});
