// The analysis (content/engine.ts) as the host runs it: the sections on screen from the beginning
// of a long text (before the rest has arrived) equal the whole-document clauses there; the port
// protocol answers focus then final; a revisit of the same text at the same address reuses the
// analysis, another address does not; and the final clauses are detectClauses over the whole text.
// The host also answers the background's followed-document checks (the one offscreen document).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { markdownToText, segment } from '../../../src/core/text';
import { detectClauses } from '../../../src/core/detect';
import { answerFollowed, handle, TextAnalysis, warmUp, type FromHost, type ToHost } from '../../../src/content/engine';
import { analyseText } from '../../../src/core/page-analysis';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { SHARED_DATA } from '../../fixtures/pages';

const doc = (rel: string) => markdownToText(readFileSync(path.join(SHARED_DATA, rel), 'utf8'));
const key = (c: { start: number; end: number; category: string; severity: string }) => `${c.start}:${c.end}:${c.category}:${c.severity}`;

function port(url: string) {
  const out: FromHost[] = [];
  return { out, p: { name: 'clausemark-analysis', sender: { url, id: 'x' }, postMessage: (m: FromHost) => out.push(m), onMessage: { addListener() {} }, disconnect() {} } };
}

async function analyse(url: string, text: string, hardBreaks: number[], focus: [number, number] | null, early: boolean) {
  const { out, p } = port(url);
  const state = { parts: [] as string[], size: 0, analysis: null, focused: false };
  const send = (m: ToHost) => handle(p, state, m);
  const cut = focus ? hardBreaks.find((b) => b >= focus[1] + 30_000) : undefined;
  if (early && focus && cut !== undefined) {
    await send({ t: 'text', part: text.slice(0, cut) });
    await send({ t: 'focus', focus, hardBreaks: hardBreaks.filter((b) => b < cut), threshold: 0.5, known: true });
    await send({ t: 'text', part: text.slice(cut) });
  } else await send({ t: 'text', part: text });
  await send({ t: 'analyse', hardBreaks, threshold: 0.5, focus, known: true });
  return out;
}

describe('engine', () => {
  it('warms the detector when the host opens with a short text that both models read', () => {
    const found = warmUp().map((c) => c.category);
    for (const category of ['data-sharing', 'retention', 'unilateral-change', 'arbitration']) expect(found, category).toContain(category);
  });

  const terms = doc('ota-contrib/versions-HEAD/Roblox/Terms of Service.md');
  const whole = detectClauses(segment(terms.text, terms.hardBreaks));

  it('finds the sections on screen from the beginning of a long text, as the whole text has them', () => {
    for (const at of [0, 20_000, 150_000]) {
      const cut = terms.hardBreaks.find((b) => b >= at + 4000 + 30_000) as number;
      const beginning = new TextAnalysis(terms.text.slice(0, cut), terms.hardBreaks.filter((b) => b < cut));
      const early = beginning.focus(at, at + 4000, 0.5, true);
      const full = new TextAnalysis(terms.text, terms.hardBreaks).focus(at, at + 4000, 0.5) ?? [];
      expect(early?.map(key)).toEqual(full.map(key));
      const inFull = new Set(whole.map(key));
      for (const c of full) expect(inFull.has(key(c))).toBe(true);
    }
  });

  it('answers focus, then final (detectClauses over the whole text); a revisit reuses it, another address does not', async () => {
    const first = await analyse('https://a.example/terms', terms.text, terms.hardBreaks, [20_000, 24_000], true);
    expect(first.map((m) => m.t)).toEqual(['focus', 'final']);
    const final = first[1] as Extract<FromHost, { t: 'final' }>;
    expect(final.cached).toBe(false);
    expect(final.screening.policy).toBe(true);
    expect(final.clauses.map(key)).toEqual(whole.map(key));
    const again = await analyse('https://a.example/terms#section-3', terms.text, terms.hardBreaks, [20_000, 24_000], false);
    expect(again.map((m) => m.t)).toEqual(['final']);
    expect((again[0] as Extract<FromHost, { t: 'final' }>).cached).toBe(true);
    expect((again[0] as Extract<FromHost, { t: 'final' }>).clauses.map(key)).toEqual(whole.map(key));
    const elsewhere = await analyse('https://b.example/terms', terms.text, terms.hardBreaks, null, false);
    expect((elsewhere[0] as Extract<FromHost, { t: 'final' }>).cached).toBe(false);
  });

  it('screens out a text that does not read like a policy, and refuses a text past the limit', async () => {
    const { out, p } = port('https://c.example/');
    const state = { parts: [] as string[], size: 0, analysis: null };
    await handle(p, state, { t: 'text', part: 'Lentil soup. Soften the onion and carrots in olive oil for ten minutes, then add the lentils and stock and simmer for twenty-five minutes.' });
    await handle(p, state, { t: 'analyse', hardBreaks: [], threshold: 0.5, focus: [0, 100], known: false });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ t: 'final', clauses: [], screening: { policy: false } });
    await expect(handle(p, { parts: [], size: 0, analysis: null }, { t: 'text', part: 'x'.repeat(2_000_001) })).rejects.toThrow(/too long/);
  });

  it('answers a followed-document check from this extension with analyseText’s clauses, and nothing else', () => {
    const request = { text: terms.text, hardBreaks: terms.hardBreaks, known: [], settings: DEFAULT_SETTINGS };
    const answer = answerFollowed({ clausemarkOffscreen: 1, request }, { id: 'ext' }, 'ext');
    expect(answer?.ok).toBe(true);
    expect(answer?.clauses?.length).toBeGreaterThan(10);
    expect(answer?.clauses).toEqual(analyseText(terms.text, terms.hardBreaks, { known: [], settings: DEFAULT_SETTINGS }));
    // Another extension, or any other message (the background's own), gets no answer from the host.
    expect(answerFollowed({ clausemarkOffscreen: 1, request }, { id: 'other' }, 'ext')).toBeUndefined();
    expect(answerFollowed({ name: 'page/lookup' }, { id: 'ext' }, 'ext')).toBeUndefined();
    expect(answerFollowed(null, { id: 'ext' }, 'ext')).toBeUndefined();
    // A malformed request is answered with the error, not left hanging.
    expect(answerFollowed({ clausemarkOffscreen: 1, request: { text: 5 } }, { id: 'ext' }, 'ext')).toMatchObject({ ok: false });
  });
});
