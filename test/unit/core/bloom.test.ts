// The Bloom filter of hosts (src/core/bloom.ts; the sentinel and the loader carry one of the hosts
// whose known documents they cannot tell by their address), here over every known host: no host
// put in may be missed (that would hide a known policy), and few others may pass.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bloomTester, createBloom } from '../../../src/core/bloom';
import { hostChain, normalizeHost } from '../../../src/core/url';
import type { KnowledgeBase } from '../../../src/kb/schema';
import { PROJECT_ROOT } from '../../fixtures/pages';

const kb = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'src/kb/generated/kb.json'), 'utf8')) as KnowledgeBase;
const hosts = [...new Set(kb.documents.flatMap((d) => d.patterns.map((p) => p.host)))];
const bloom = createBloom(hosts);
const has = bloomTester(bloom);

describe('hosts Bloom filter', () => {
  it('contains every host of every knowledge-base document', () => {
    expect(hosts.length).toBeGreaterThan(5000);
    expect(hosts.filter((h) => !has(h))).toEqual([]);
  });

  it('lets about 1% of unknown hosts through, and is small', () => {
    const unknown = Array.from({ length: 20_000 }, (_, i) => `site-${i}-${(i * 7919) % 10007}.example-unknown.net`);
    const passed = unknown.filter(has).length / unknown.length;
    expect(passed).toBeLessThan(0.02);
    expect(bloom.bits.length).toBeLessThan(20_000);
  });

  it('finds the real addresses of known policies through the host chain, as the loader does', () => {
    const may = (url: string) => hostChain(normalizeHost(new URL(url).hostname)).some(has);
    expect(may('https://policies.google.com/privacy?hl=en-GB&gl=IE')).toBe(true);
    expect(may('https://www.anthropic.com/legal/consumer-terms')).toBe(true);
    expect(may('https://m.facebook.com/privacy/policy/')).toBe(true);
  });

  it('is deterministic: same hosts in any order give the same filter', () => {
    expect(createBloom([...hosts].reverse())).toEqual(bloom);
  });
});
