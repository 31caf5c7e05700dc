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

const status: ContentStatus = {};
(globalThis as { clausemarkStatus?: ContentStatus }).clausemarkStatus = status;

export function setStatus(patch: Partial<ContentStatus>): void {
  Object.assign(status, patch);
}

export function clearStatus(): void {
  for (const k of Object.keys(status)) delete status[k as keyof ContentStatus];
}
