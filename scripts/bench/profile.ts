// CPU-profile attribution: which main-thread time belongs to the extension. A sample counts as the
// extension's when any frame of its stack is a chrome-extension:// script (so DOM calls, forced
// layouts and mark.js made by our code count too); garbage collection right after our own
// samples counts as ours. Timestamps are converted to the page's performance.now() clock with a
// marker function the page runs at a known instant (see MARKER_SCRIPT).
import type { CDPSession } from 'playwright-core';

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export const MARKER_NAME = '__clausemarkBenchMarker';

/** Runs in the page's main world: spins a named function for 5 ms at DOMContentLoaded, keeps the
 * performance.now() of that instant, and records the page's long tasks and each batch of our
 * changes (marks added or removed, badges added) with the frame after it. With `scrollY`, the page
 * is scrolled there at DOMContentLoaded (the viewport the first highlight must reach). */
export function markerScript(scrollY = 0): string {
  return `(() => {
  const w = window;
  w.__bench = { longtasks: [], batches: [], marks: new Map(), markerAt: null };
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__bench.longtasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  function ${MARKER_NAME}() { const t = performance.now(); while (performance.now() - t < 5) {} return t; }
  const ours = (n) => n.nodeType === 1 && ((n.tagName === 'MARK' && n.hasAttribute('data-clausemark-clause')) || (n.previousSibling && n.previousSibling.nodeType === 1 && n.previousSibling.tagName === 'MARK' && n.previousSibling.hasAttribute('data-clausemark-clause')));
  const mo = new MutationObserver(function __clausemarkBenchObserver(records) {
    let batch = null;
    const open = () => { if (!batch) { batch = { inserted: performance.now(), frame: null, marks: 0 }; w.__bench.batches.push(batch); } return batch; };
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 && n.tagName === 'MARK' && n.hasAttribute('data-clausemark-clause')) { open().marks++; w.__bench.marks.set(n, batch); }
        else if (ours(n)) open();
      }
      for (const n of r.removedNodes) if (n.nodeType === 1 && n.tagName === 'MARK' && n.hasAttribute('data-clausemark-clause')) open();
    }
    if (batch) { const b = batch; requestAnimationFrame(function __clausemarkBenchFrame() { b.frame = performance.now(); }); }
  });
  document.addEventListener('DOMContentLoaded', () => {
    w.__bench.markerAt = ${MARKER_NAME}();
    mo.observe(document.body, { childList: true, subtree: true });
    if (${scrollY} > 0) scrollTo(0, ${scrollY});
  }, { once: true });
})();`;
}

export const MARKER_SCRIPT = markerScript();

export async function startProfiler(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
}

export async function stopProfiler(cdp: CDPSession): Promise<CpuProfile> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.send('Profiler.disable');
  return profile;
}

export interface Sample {
  /** Page clock (ms since navigation start) once aligned, else profile µs / 1000. */
  t: number;
  dur: number;
  /** bench: the benchmark's own observer in the page, left out of every figure. */
  kind: 'ext' | 'idle' | 'gc' | 'program' | 'bench' | 'other';
  /** Set when the sample is the page's marker function. */
  marker?: boolean;
}

export function samplesOf(profile: CpuProfile): Sample[] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ext = new Map<number, boolean>();
  const isExt = (id: number): boolean => {
    const hit = ext.get(id);
    if (hit !== undefined) return hit;
    const n = byId.get(id);
    const p = parent.get(id);
    const v = !!n && (n.callFrame.url.startsWith('chrome-extension://') || (p !== undefined && isExt(p)));
    ext.set(id, v);
    return v;
  };
  const out: Sample[] = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const next = profile.timeDeltas[i + 1] ?? 0;
    const id = profile.samples[i] as number;
    const name = byId.get(id)?.callFrame.functionName ?? '';
    const kind: Sample['kind'] = isExt(id) ? 'ext' : name === '(idle)' ? 'idle' : name === '(garbage collector)' ? 'gc' : name === '(program)' ? 'program' : 'other';
    let marker = false;
    let bench = false;
    for (let n: number | undefined = id; n !== undefined && !marker && !bench; n = parent.get(n)) {
      const f = byId.get(n)?.callFrame.functionName ?? '';
      marker = f === MARKER_NAME;
      bench = f.startsWith('__clausemarkBench');
    }
    out.push({ t: t / 1000, dur: Math.max(0, next) / 1000, kind: bench && !marker ? 'bench' : kind, marker: marker || undefined });
  }
  return out;
}

/** Shifts samples onto the page clock, given the page's performance.now() at the marker. */
/** Shifts samples onto the page clock, given the page's performance.now() at the marker; returns
 * the offset subtracted (profile clock ms − page clock ms), or null when there is no marker. */
export function alignToPage(samples: Sample[], markerAt: number | null): number | null {
  const first = samples.find((s) => s.marker);
  if (!first || markerAt === null) return null;
  const offset = first.t - markerAt;
  for (const s of samples) s.t -= offset;
  return offset;
}

/** Extension samples (and the garbage collection right after them) inside the given windows. */
export function extWithin(samples: readonly Sample[], windows: readonly { start: number; dur: number }[]): number {
  let ms = 0;
  let afterExt = false;
  for (const s of samples) {
    const inside = windows.some((w) => s.t >= w.start && s.t < w.start + w.dur);
    if (s.kind === 'ext') {
      if (inside) ms += s.dur;
      afterExt = true;
    } else if (s.kind === 'gc' && afterExt) {
      if (inside) ms += s.dur;
    } else afterExt = false;
  }
  return ms;
}

export interface Attribution {
  /** JavaScript on an extension stack (with what it calls: DOM, forced layout). */
  extJsMs: number;
  /** extJsMs plus garbage collection right after our samples. */
  extMs: number;
  /** Page-clock span of our activity, first to last sample. */
  firstMs: number | null;
  lastMs: number | null;
  /** Longest run of consecutive extension samples: a lower bound of our longest task. */
  longestRunMs: number;
}

export function attribute(samples: readonly Sample[]): Attribution {
  let extJsMs = 0;
  let gcMs = 0;
  let firstMs: number | null = null;
  let lastMs: number | null = null;
  let run = 0;
  let longestRunMs = 0;
  let afterExt = false;
  for (const s of samples) {
    if (s.kind === 'ext') {
      extJsMs += s.dur;
      run += s.dur;
      firstMs ??= s.t;
      lastMs = s.t + s.dur;
      afterExt = true;
    } else if (s.kind === 'gc' && afterExt) {
      gcMs += s.dur;
      run += s.dur;
    } else {
      longestRunMs = Math.max(longestRunMs, run);
      run = 0;
      afterExt = false;
    }
  }
  longestRunMs = Math.max(longestRunMs, run);
  return { extJsMs, extMs: extJsMs + gcMs, firstMs, lastMs, longestRunMs };
}

/** Main-thread busy time (anything but idle) within a page-clock window. */
export function busyWithin(samples: readonly Sample[], from: number, to: number): number {
  let ms = 0;
  for (const s of samples) if (s.kind !== 'idle' && s.kind !== 'bench' && s.t >= from && s.t < to) ms += s.dur;
  return ms;
}
