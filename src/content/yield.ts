// Cooperative scheduling for long work on the page's main thread: run in slices of a few tens of
// milliseconds and give the page a turn between them, so no task of ours blocks input for long.
// scheduler.yield() keeps our place in the queue where it exists; else a MessageChannel message
// (a new task without setTimeout's 4 ms clamp after nesting).

const BUDGET_MS = 30;

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

function viaMessage(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel?.port2.postMessage(0);
  });
}

/** Gives the page a turn (input, rendering) before continuing. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : viaMessage();
}

/** A time budget: `due()` says the current slice is used up; `next()` yields and starts a new one. */
export class Slicer {
  private start = performance.now();
  constructor(private readonly budgetMs = BUDGET_MS) {}
  due(): boolean {
    return performance.now() - this.start >= this.budgetMs;
  }
  async next(): Promise<void> {
    await yieldToPage();
    this.start = performance.now();
  }
  /** Yields only if the slice is used up. */
  async maybe(): Promise<void> {
    if (this.due()) await this.next();
  }
}
