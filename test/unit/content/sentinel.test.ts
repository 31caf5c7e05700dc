// @vitest-environment happy-dom
// The sentinel (content/sentinel.ts), the one script on every page in automatic mode: on an
// ordinary page it never touches the extension API; a page whose title reads like a policy, an
// address the loader's own registration missed, or a page on a host the knowledge base knows gets
// the loader by asking the background (page/inject), once; where the loader already runs it does nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';

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

/** Opens an address: the document parsed, with this title (the sentinel runs after parsing here). */
function open(url: string, title: string) {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  document.title = title;
}

const knownHost = () => {
  const kb = JSON.parse(readFileSync('src/kb/generated/kb.json', 'utf8')) as { documents: { patterns: { host: string; path: string }[] }[] };
  return kb.documents[0]?.patterns[0]?.host as string;
};

describe('content sentinel', () => {
  it('leaves an ordinary page alone: no extension API at all', async () => {
    open('https://notes.example.org/datasets/handbook', 'Dataset handbook');
    await import('../../../src/content/sentinel');
    await Promise.resolve();
    expect(touched).toBe(0);
    expect(sent).toEqual([]);
  });

  it('asks for the loader once on a page whose title reads like a policy', async () => {
    open('https://shop.example/help/article-7', 'Privacy Policy – Example Shop');
    await import('../../../src/content/sentinel');
    await Promise.resolve();
    expect(sent).toEqual([{ clausemark: 1, name: 'page/inject', payload: {} }]);
  });

  it('asks at once on a host the knowledge base knows', async () => {
    open(`https://${knownHost()}/some/page`, 'Welcome');
    await import('../../../src/content/sentinel');
    await Promise.resolve();
    expect(sent).toEqual([{ clausemark: 1, name: 'page/inject', payload: {} }]);
  });

  it('does nothing where the loader already runs', async () => {
    (globalThis as Record<string, unknown>).__clausemarkLoaded = true;
    open('https://shop.example/privacy-policy', 'Privacy Policy');
    await import('../../../src/content/sentinel');
    await Promise.resolve();
    expect(touched).toBe(0);
  });
});
