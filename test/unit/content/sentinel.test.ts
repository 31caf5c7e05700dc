// @vitest-environment happy-dom
// The sentinel (content/sentinel.ts), the one script on every page in automatic mode: on an
// ordinary page it never touches the extension API; a page whose title reads like a policy, an
// address the loader's own registration missed, or a page on a host the knowledge base knows gets
// the loader by asking the background (page/inject), once; where the loader already runs it does nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import unmarkedHosts from 'virtual:unmarked-hosts';
import { bloomTester } from '../../../src/core/bloom';
import { mayBePolicyPage } from '../../../src/core/page';
import { hostChain, normalizeHost } from '../../../src/core/url';

const sent: unknown[] = [];
let touched = 0;

beforeEach(() => {
  vi.resetModules();
  sent.length = 0;
  touched = 0;
  for (const k of ['__clausemarkSentinel', '__clausemarkLoaded']) delete (globalThis as Record<string, unknown>)[k];
  Object.defineProperty(globalThis, 'chrome', {
    configurable: true,
    get() {
      touched++;
      return { runtime: { sendMessage: async (m: unknown) => void sent.push(m) } };
    },
  });
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>).chrome;
});

/** Opens an address with this title; `parsed()` then fires DOMContentLoaded (the sentinel runs at
 * document_start, before it). */
function open(url: string, title: string) {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  document.title = title;
}
const parsed = () => document.dispatchEvent(new Event('DOMContentLoaded', { bubbles: true }));

const kb = () => JSON.parse(readFileSync('src/kb/generated/kb.json', 'utf8')) as { documents: { id: string; patterns: { host: string; path: string }[] }[] };
/** A host where the knowledge base knows a document whose address does not read like a policy. */
const unmarkedHost = () => kb().documents.flatMap((d) => d.patterns).find((p) => !mayBePolicyPage(`https://${p.host}${p.path}`, ''))?.host as string;
/** A host whose known documents all have addresses that read like a policy. */
const markedHost = () => {
  const patterns = kb().documents.flatMap((d) => d.patterns);
  const unmarked = new Set(patterns.filter((p) => !mayBePolicyPage(`https://${p.host}${p.path}`, '')).map((p) => p.host));
  return patterns.find((p) => !unmarked.has(p.host) && !p.host.includes('-') && hostChain(normalizeHost(p.host)).length === 1)?.host as string;
};

describe('content sentinel', () => {
  it('leaves an ordinary page alone: no extension API at all', async () => {
    open('https://notes.example.org/datasets/handbook', 'Dataset handbook');
    await import('../../../src/content/sentinel');
    parsed();
    await Promise.resolve();
    expect(touched).toBe(0);
    expect(sent).toEqual([]);
  });

  it('asks for the loader once on a page whose title reads like a policy', async () => {
    open('https://shop.example/help/article-7', 'Privacy Policy – Example Shop');
    await import('../../../src/content/sentinel');
    parsed();
    await Promise.resolve();
    expect(sent).toEqual([{ clausemark: 1, name: 'page/inject', payload: {} }]);
  });

  it('asks at once on a host where the knowledge base knows a document by an address that does not read like a policy', async () => {
    open(`https://${unmarkedHost()}/some/page`, 'Welcome');
    await import('../../../src/content/sentinel');
    parsed();
    await Promise.resolve();
    expect(sent).toEqual([{ clausemark: 1, name: 'page/inject', payload: {} }]);
  });

  it('leaves an ordinary page alone on a host whose known documents all have policy addresses', async () => {
    const host = markedHost();
    expect(hostChain(normalizeHost(host)).some(bloomTester(unmarkedHosts))).toBe(false); // (this host is no false positive)
    open(`https://${host}/some/page`, 'Welcome');
    await import('../../../src/content/sentinel');
    parsed();
    await Promise.resolve();
    expect(touched).toBe(0);
  });

  it('does nothing where the loader already runs', async () => {
    (globalThis as Record<string, unknown>).__clausemarkLoaded = true;
    open('https://shop.example/privacy-policy', 'Privacy Policy');
    await import('../../../src/content/sentinel');
    parsed();
    await Promise.resolve();
    expect(touched).toBe(0);
  });
});
