// Chrome's own trace of a page's main thread (CDP Tracing), for what CPU samples cannot show: the
// browser's work to inject a content script (ScriptInjection::InjectJs, which an empty content
// script costs too), the exact length of each task, and the rendering frames after our changes.
// Trace timestamps are on the same clock as CPU-profile timestamps (µs, monotonic).
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; functionName?: string }; beginData?: { url?: string } };
}

const CATEGORIES = ['devtools.timeline', 'v8.execute', 'extensions', 'toplevel', 'blink', 'cc', 'benchmark', 'loading', 'disabled-by-default-devtools.timeline'];

/** Starts tracing; the returned function stops it and returns every event. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }): void => void events.push(...(e.value as unknown as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' } as never);
  return async () => {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

export interface Span {
  /** Page clock, ms (or trace clock ms before alignment). */
  start: number;
  dur: number;
}

export interface MainThreadTrace {
  /** Content-script injections into this page (the browser's work plus the script's first run). */
  injections: Span[];
  /** Top-level tasks. */
  tasks: Span[];
  /** Rendering updates (style, layout, paint of one frame). */
  frames: Span[];
  /** Outermost JavaScript (calls, script evaluation and compilation, microtask checkpoints) outside
   * the injections. On a page without scripts of its own, all of it is the extension's. */
  js: Span[];
}

const JS = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.run', 'v8.evaluateModule', 'RunMicrotasks', 'v8.callFunction']);

/** The page's renderer main thread: where its HTML was parsed (`url`), else where a script was injected. */
export function mainThread(events: readonly TraceEvent[], url: string, offsetMs = 0): MainThreadTrace | null {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url) ?? events.find((e) => e.name === 'ScriptInjection::InjectJs');
  if (!parse) return null;
  const on = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.dur !== undefined);
  const span = (e: TraceEvent): Span => ({ start: e.ts / 1000 - offsetMs, dur: (e.dur as number) / 1000 });
  const injections = on.filter((e) => e.name === 'ScriptInjection::InjectJs').map(span);
  const tasks = on.filter((e) => e.name === 'ThreadControllerImpl::RunTask').map(span);
  const frames = on.filter((e) => e.name === 'ProxyMain::BeginMainFrame').map(span);
  const inInjection = (s: Span) => injections.some((i) => s.start >= i.start && s.start < i.start + i.dur);
  const js: Span[] = [];
  let end = -Infinity;
  for (const e of on.filter((x) => JS.has(x.name)).sort((a, b) => a.ts - b.ts)) {
    const s = span(e);
    if (s.start < end || inInjection(s)) continue;
    js.push(s);
    end = s.start + s.dur;
  }
  return { injections, tasks, frames, js };
}

export const total = (spans: readonly Span[]) => spans.reduce((n, s) => n + s.dur, 0);
