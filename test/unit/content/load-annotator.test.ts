// The annotator's own script and the loader that waits for it (content/load-annotator.ts): the
// loader asks the background for it once, is answered when the script runs in the frame, and
// fails (rather than waiting forever) where the background cannot, asking afresh the next time.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ANNOTATOR_GLOBAL } from '../../../src/lib/content-files';

// The background answers page/annotator once the script has run in the frame: `answered` lets a
// test run the script first (provideAnnotator), then let the answer through.
const h = vi.hoisted(() => ({ asked: 0, answer: { ok: true } as { ok: boolean } | Error, answered: Promise.resolve() }));
vi.mock('../../../src/lib/rpc', () => ({
  send: async (name: string) => {
    if (name !== 'page/annotator') throw new Error(`unexpected ${name}`);
    h.asked++;
    await h.answered;
    if (h.answer instanceof Error) throw h.answer;
    return h.answer;
  },
}));

const { loadAnnotator, provideAnnotator } = await import('../../../src/content/load-annotator');
type Annotator = Parameters<typeof provideAnnotator>[0];
const fake = (name: string) => ({ name }) as unknown as Annotator;
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

beforeEach(() => {
  delete (globalThis as Record<string, unknown>)[ANNOTATOR_GLOBAL];
  h.asked = 0;
  h.answer = { ok: true };
  h.answered = Promise.resolve();
});
/** Holds the background's answers until the returned function is called. */
const holdAnswers = () => {
  let release!: () => void;
  h.answered = new Promise<void>((r) => (release = r));
  return release;
};

describe('loadAnnotator', () => {
  it('asks the background once and answers every caller when the script runs', async () => {
    const release = holdAnswers();
    const a = loadAnnotator();
    const b = loadAnnotator();
    await settle();
    expect(h.asked).toBe(1);
    const annotator = fake('first');
    provideAnnotator(annotator);
    release();
    expect(await a).toBe(annotator);
    expect(await b).toBe(annotator);
    // A second copy of the script changes nothing; later callers are answered at once.
    provideAnnotator(fake('second'));
    expect(await loadAnnotator()).toBe(annotator);
    expect(h.asked).toBe(1);
  });

  it('fails whoever waits where the background cannot put it in, and asks afresh next time', async () => {
    h.answer = { ok: false };
    await expect(loadAnnotator()).rejects.toThrow(/could not be put/);
    h.answer = new Error('no background');
    await expect(loadAnnotator()).rejects.toThrow(/could not be put/);
    expect(h.asked).toBe(2);
    // The background put it in but the script never said so (it failed): no one waits forever.
    h.answer = { ok: true };
    await expect(loadAnnotator()).rejects.toThrow(/could not be put/);
  });
});
