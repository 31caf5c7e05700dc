import { describe, expect, it } from 'vitest';
import { option } from '../../../../scripts/lib/cli-args';

describe('script options', () => {
  it('reads the value after an option, and nothing when it is absent or has no value', () => {
    const args = ['--runs', '3', '--doc', '--pages', 'a,b'];
    expect(option('--runs', args)).toBe('3');
    expect(option('--pages', args)).toBe('a,b');
    expect(option('--json', args)).toBeUndefined();
    expect(option('--x', ['--x'])).toBeUndefined();
  });
});
