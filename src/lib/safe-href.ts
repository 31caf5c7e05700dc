// Links the panels and popup render come from the knowledge base, which an update feed can
// replace: only http(s) addresses become links (no javascript:, data: or extension URLs), whatever
// got past the feed's own checks (src/kb/update.ts checkKnowledgeBase).
import { isHttpUrl } from '../core/checks';

export function safeHref(url: string | undefined | null): string | undefined {
  return url && isHttpUrl(url) ? url : undefined;
}
