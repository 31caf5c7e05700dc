// The walk of a reading of the page (dom-text.ts), offered to highlighting (highlight.ts) for as
// long as nothing it depends on has changed under the root since: then the marks are placed
// without walking the page a second time (3-4 ms of a visit in the profile). Any change — the
// page's or our own marks — and the walk is no longer offered: highlighting walks afresh.
import { walkOfReading, type Walk } from './highlight';
import type { PageText } from './dom-text';

export interface ReadWalk {
  /** The walk of the reading while nothing under root has changed since, else null. */
  walk(): Walk | null;
  /** Stops watching (the walk is then no longer offered). */
  release(): void;
}

/** Whether anything a walk depends on changes under root from now on: text, nodes, and the
 * attributes that exclude a subtree (text-walk.ts). */
export function watchUnchanged(root: Element, page: PageText): ReadWalk {
  let changed = page.truncated;
  const observer = new MutationObserver(() => {
    changed = true;
    observer.disconnect();
  });
  if (!changed) observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['contenteditable', 'role'] });
  let walk: Walk | null = null;
  return {
    walk() {
      if (!changed && observer.takeRecords().length) changed = true;
      if (changed) {
        observer.disconnect();
        return null;
      }
      return (walk ??= walkOfReading(page));
    },
    release() {
      changed = true;
      observer.disconnect();
    },
  };
}
