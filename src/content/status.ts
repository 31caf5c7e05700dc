// Where the analysis stands on this page, kept in the content script's own world (Chrome's
// isolated world, Firefox's sandbox): the page's scripts cannot read it, unlike attributes on
// <html>. The browser tests read it through the DevTools protocol in that world.
export interface ContentStatus {
  state?: 'annotated';
  /** Clauses highlighted. */
  count?: number;
  /** Version history of this reading: recorded, changed, error, too-long. */
  history?: string;
}

// (One object per frame: the loader's script and the annotator's both carry this module.)
const status: ContentStatus = ((globalThis as { clausemarkStatus?: ContentStatus }).clausemarkStatus ??= {});

export function setStatus(patch: Partial<ContentStatus>): void {
  Object.assign(status, patch);
}

export function clearStatus(): void {
  for (const k of Object.keys(status)) delete status[k as keyof ContentStatus];
}

/** The last analysis as the benchmark checks it (scripts/bench/measure.ts): the text read, its
 * block breaks, the threshold and the detector's clauses; in this isolated world only. */
export interface AnalysisDebug {
  text: string;
  hardBreaks: number[];
  threshold: number;
  detected: string[];
  hostMs?: number;
  steps?: [string, number][];
}

/** When each step of the last analysis happened (performance.now()), for the benchmark's
 * breakdown; kept in this isolated world only (a performance.mark would show in the page's timeline). */
export function step(name: string): void {
  const g = globalThis as { clausemarkSteps?: [string, number][] };
  const steps = (g.clausemarkSteps ??= []);
  if (steps.length < 64) steps.push([name, Math.round(performance.now())]);
}

export function setDebug(read: () => AnalysisDebug): void {
  (globalThis as { clausemarkDebug?: () => AnalysisDebug }).clausemarkDebug = read;
}
