// The annotator (reading, highlighting, badges, the analysis client: annotator.ts) is a script of
// its own, content/annotator.js (annotator-entry.ts), which the background puts into the frame
// when the loader asks (page/annotator: beside the lookup where the address reads like a policy,
// else on first need). The loader comes in the task that parses the
// page, and the browser's injection of a script costs in proportion to its size (the annotator
// was 4/5 of the loader's 57 KB); injected by the background it comes in a task of its own.
// The two scripts share only the frame's isolated world: the annotator puts itself in a slot there,
// and whoever waits for it is answered.
import { ANNOTATOR_GLOBAL } from '../lib/content-files';
import { send } from '../lib/rpc';

export type Annotator = typeof import('./annotator');

interface Slot {
  annotator?: Annotator;
  waiting: { resolve(a: Annotator): void; reject(err: unknown): void }[];
  /** The background was asked to put it in (and has not answered that it could not). */
  asked?: Promise<boolean>;
}

function slot(): Slot {
  const g = globalThis as unknown as Record<string, Slot | undefined>;
  return (g[ANNOTATOR_GLOBAL] ??= { waiting: [] });
}

/** The annotator's script, once it runs: here it is (a second copy of the script changes nothing). */
export function provideAnnotator(annotator: Annotator): void {
  const s = slot();
  if (s.annotator) return;
  s.annotator = annotator;
  for (const w of s.waiting.splice(0)) w.resolve(annotator);
}

/** Asks the background to put the annotator in; where it cannot (or put it in and the script
 * failed: it answers once the script has run), whoever waits is told, and the next call asks again. */
function ask(s: Slot): void {
  const asked = send('page/annotator', {}).then((r) => r.ok, () => false);
  s.asked = asked;
  void asked.then(() => {
    if (s.annotator || s.asked !== asked) return;
    s.asked = undefined;
    for (const w of s.waiting.splice(0)) w.reject(new Error('the annotator could not be put into this page'));
  });
}

/** The annotator, once it runs in this frame (asking the background for it if no one has). */
export function loadAnnotator(): Promise<Annotator> {
  const s = slot();
  if (s.annotator) return Promise.resolve(s.annotator);
  const ready = new Promise<Annotator>((resolve, reject) => s.waiting.push({ resolve, reject }));
  if (!s.asked) ask(s);
  return ready;
}
