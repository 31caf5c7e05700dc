// The page's side of an analysis (content/engine-client.ts) against the host's (content/engine.ts,
// handle()), joined by an in-memory port pair as the browser would join them: a revisit of the same
// text at the same address asks for its analysis by the text's key and never sends the text, and
// gets detectClauses over that text; a changed text at that address is sent and analysed afresh;
// a reviewed quote the host never anchored for the reused analysis is still found (the text is
// sent for it then).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { markdownToText, segment } from '../../../src/core/text';
import { detectClauses } from '../../../src/core/detect';
import { anchorSpans } from '../../../src/core/page-analysis';
import type { FromHost, ToHost } from '../../../src/content/engine';
import { SHARED_DATA } from '../../fixtures/pages';

const h = vi.hoisted(() => ({
  address: 'https://a.example/terms',
  sent: [] as ToHost[],
  engine: null as null | typeof import('../../../src/content/engine'),
  connects: 0,
  disconnects: 0,
  /** The host goes away: the last connection closes from its side. */
  closeLast: () => undefined as void,
}));

/** runtime.connect as the browser gives it: the host's side is engine.ts's serve(), with the
 * sender's address from the browser (here: h.address). */
vi.mock('../../../src/lib/ext', () => {
  type Listener<M> = (m: M) => void;
  return {
    ext: {
      runtime: {
        connect() {
          h.connects++;
          const engine = h.engine as typeof import('../../../src/content/engine');
          const toPage: Listener<FromHost>[] = [];
          const onDisconnect: (() => void)[] = [];
          let open = true;
          const hostPort = {
            name: 'clausemark-analysis',
            sender: { url: h.address, id: 'x' },
            postMessage: (m: FromHost) => void Promise.resolve().then(() => open && toPage.forEach((l) => l(structuredClone(m)))),
            onMessage: { addListener() {} },
            disconnect() {
              open = false;
            },
          };
          const state = engine.newPortState();
          let queue = Promise.resolve();
          engine.hello(hostPort);
          h.closeLast = () => {
            open = false;
            onDisconnect.forEach((l) => l());
          };
          return {
            postMessage(m: ToHost) {
              if (!open) throw new Error('disconnected');
              h.sent.push(m);
              const copy = structuredClone(m);
              queue = queue.then(() => engine.handle(hostPort, state, copy));
            },
            onMessage: { addListener: (l: Listener<FromHost>) => void toPage.push(l) },
            onDisconnect: { addListener: (l: () => void) => void onDisconnect.push(l) },
            disconnect() {
              h.disconnects++;
              open = false;
            },
          };
        },
      },
    },
  };
});

const doc = (rel: string) => markdownToText(readFileSync(path.join(SHARED_DATA, rel), 'utf8'));
const key = (c: { start: number; end: number; category: string; severity: string }) => `${c.start}:${c.end}:${c.category}:${c.severity}`;

describe('engine client and host', () => {
  beforeAll(async () => {
    h.engine = await import('../../../src/content/engine');
  });

  it('reuses the analysis of an unchanged text without sending it, and analyses a changed one', async () => {
    const { startAnalysis } = await import('../../../src/content/engine-client');
    const policy = doc('ota-contrib/versions-HEAD/Roblox/Privacy Policy.md');
    const req = { hardBreaks: policy.hardBreaks, threshold: 0.5, focus: [0, 4000] as [number, number], known: true };
    const run = async (text: string, hardBreaks = req.hardBreaks) => {
      h.sent = [];
      const session = startAnalysis(text, { ...req, hardBreaks }, new AbortController().signal);
      const final = await session.final;
      return { session, final, sent: h.sent.map((m) => m.t) };
    };

    const first = await run(policy.text);
    expect(first.final.cached).toBe(false);
    expect(first.sent).toContain('text');
    expect(first.final.clauses.map(key)).toEqual(detectClauses(segment(policy.text, policy.hardBreaks)).map(key));
    const quote = policy.text.slice(2000, 2200);
    const spans = anchorSpans(policy.text, [quote]);
    expect(spans[0]).not.toBeNull();
    expect(await first.session.anchor([quote])).toEqual(spans);
    first.session.close();

    // The same text again: asked for by its key, the text never sent, the same clauses.
    const again = await run(policy.text);
    expect(again.final.cached).toBe(true);
    expect(again.sent).toEqual(['reuse']);
    expect(again.final.clauses).toEqual(first.final.clauses);
    expect(again.final.sha256).toBe(first.final.sha256);
    // The reviewed quotes anchored the first time come from the host's memory…
    expect(await again.session.anchor([quote])).toEqual(spans);
    expect(h.sent.map((m) => m.t)).toEqual(['reuse', 'anchor']);
    // …and one it never anchored is found once the text is sent for it.
    const other = policy.text.slice(5000, 5150);
    const otherSpans = anchorSpans(policy.text, [other]);
    expect(otherSpans[0]).not.toBeNull();
    expect(await again.session.anchor([other])).toEqual(otherSpans);
    expect(h.sent.map((m) => m.t)).toContain('text');
    again.session.close();

    // A changed text at the same address: asked by key, missed, sent and analysed.
    const at = policy.text.indexOf('We may');
    const changed = `${policy.text.slice(0, at)}We may sell your personal information to advertisers without telling you. ${policy.text.slice(at)}`;
    const shift = changed.length - policy.text.length;
    const breaks = policy.hardBreaks.map((b) => (b > at ? b + shift : b));
    const fresh = await run(changed, breaks);
    expect(fresh.sent.slice(0, 2)).toEqual(['reuse', 'text']);
    expect(fresh.final.cached).toBe(false);
    expect(fresh.final.clauses.map(key)).toEqual(detectClauses(segment(changed, breaks)).map(key));
    expect(fresh.final.clauses.map(key)).not.toEqual(first.final.clauses.map(key));
    fresh.session.close();

    // The same text with other block breaks is another reading: analysed, not reused.
    const rebroken = await run(policy.text, policy.hardBreaks.slice(1));
    expect(rebroken.final.cached).toBe(false);
    expect(rebroken.final.clauses.map(key)).toEqual(detectClauses(segment(policy.text, policy.hardBreaks.slice(1))).map(key));
    rebroken.session.close();

    // Another address with the same text: its own analysis (the host says it has none there).
    h.address = 'https://b.example/terms';
    const elsewhere = await run(policy.text);
    expect(elsewhere.final.cached).toBe(false);
    expect(elsewhere.sent[0]).toBe('text');
    elsewhere.session.close();
  }, 60_000);

  it('sends the text and gets the sections on screen before the lookup answers; those where the page really is once laid out', async () => {
    const { startAnalysis } = await import('../../../src/content/engine-client');
    h.address = 'https://c.example/terms';
    const terms = doc('ota-contrib/versions-HEAD/Roblox/Terms of Service.md');
    const whole = detectClauses(segment(terms.text, terms.hardBreaks));
    let answerLookup!: (known: boolean) => void;
    const known = new Promise<boolean>((resolve) => (answerLookup = resolve));
    let settle!: (at: [number, number] | null) => void;
    const settled = new Promise<[number, number] | null>((resolve) => (settle = resolve));
    h.sent = [];
    const session = startAnalysis(terms.text, { hardBreaks: terms.hardBreaks, threshold: 0.5, focus: [0, 4000], known, settled }, new AbortController().signal);
    const answers: string[][] = [];
    const answered = new Promise<void>((resolve) => session.onFocus((c) => (answers.push(c.map(key)), answers.length === 2 && resolve())));
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    // Only the beginning has gone, with the request for the sections at the top.
    expect(h.sent.map((m) => m.t)).toEqual(['text', 'focus']);
    // Laid out, the page is elsewhere: its sections there are asked for, then the rest is sent.
    settle([150_000, 154_000]);
    await vi.waitFor(() => expect(h.sent.at(-1)?.t).toBe('text'), { timeout: 5000 });
    expect(h.sent.filter((m) => m.t === 'focus').map((m) => m.t === 'focus' && m.focus)).toEqual([[0, 4000], [150_000, 154_000]]);
    // The whole waits for the lookup's answer.
    expect(h.sent.some((m) => m.t === 'analyse')).toBe(false);
    answerLookup(true);
    const final = await session.final;
    expect(h.sent.at(-1)).toMatchObject({ t: 'analyse', known: true });
    expect(final.clauses.map(key)).toEqual(whole.map(key));
    // The sections where the page is were answered before the whole (from the beginning sent, or
    // with the whole text when they run past it), and every clause shown early is the whole's.
    await answered;
    expect(answers[1]?.length).toBeGreaterThan(0);
    const inWhole = new Set(whole.map(key));
    for (const k of answers.flat()) expect(inWhole.has(k)).toBe(true);
    session.close();
  }, 60_000);

  it('takes the connection opened ahead (its greeting already in), drops it unused, and connects afresh when it closed', async () => {
    const { dropPreconnected, preconnect, startAnalysis } = await import('../../../src/content/engine-client');
    const policy = doc('ota-contrib/versions-HEAD/Roblox/Privacy Policy.md');
    const req = { hardBreaks: policy.hardBreaks, threshold: 0.5, focus: [0, 4000] as [number, number], known: true };
    h.address = 'https://ahead.example/privacy';
    const expected = detectClauses(segment(policy.text, policy.hardBreaks)).map(key);

    // Opened while the page is parsed; the analysis then uses it: one connection in all.
    h.connects = 0;
    const opened = preconnect();
    expect(preconnect()).toBe(opened);
    await new Promise((r) => setTimeout(r, 0));
    const first = startAnalysis(policy.text, req, new AbortController().signal);
    expect((await first.final).clauses.map(key)).toEqual(expected);
    expect(h.connects).toBe(1);
    first.close();
    // (Taken: dropping it now closes nothing.)
    h.disconnects = 0;
    dropPreconnected(opened);
    expect(h.disconnects).toBe(0);

    // Opened, and the page was no policy after all: closed; another run's drop leaves it alone.
    const unused = preconnect();
    dropPreconnected({});
    expect(h.disconnects).toBe(0);
    dropPreconnected(unused);
    expect(h.disconnects).toBe(1);

    // Opened, then the host went away before the page was read: the analysis connects afresh.
    h.connects = 0;
    preconnect();
    h.closeLast();
    const again = startAnalysis(policy.text, req, new AbortController().signal);
    expect((await again.final).clauses.map(key)).toEqual(expected);
    expect(h.connects).toBe(2);
  });
});
