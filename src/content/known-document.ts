// Could the page at this address be a document the knowledge base knows? Asked by the loader
// before the title is known, to start the lookup while the page is still parsed.
import { mayBePolicyPage } from '../core/page';
import { bloomTester } from '../core/bloom';
import { hostChain, normalizeHost } from '../core/url';
import unmarkedHosts from 'virtual:unmarked-hosts';

/** Could this address be a document the knowledge base knows? Every known document's address reads
 * like a policy in any spelling that leads to it (`mayBePolicyPage`), or its host is in the filter
 * of the others (`virtual:unmarked-hosts`, the sentinel's: 3 KB where a filter of every known host
 * was 16 KB of this script, which the browser injects in the task that parses the page). */
export function mayBeKnownDocument(href: string, hostname: string): boolean {
  return mayBePolicyPage(href, '') || hostChain(normalizeHost(hostname)).some(bloomTester(unmarkedHosts));
}
