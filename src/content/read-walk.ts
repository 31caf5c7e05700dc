// The walk of a reading of the page (dom-text.ts), offered to highlighting (highlight.ts) for as
// long as nothing it depends on has changed under the root since: then the marks are placed
// without walking the page a second time (3-4 ms of a visit in the profile). Any change — the
// page's or our own marks — and the walk is no longer offered: highlighting walks afresh.
import type { PageText } from './dom-text';

/** Text nodes of the page in reading order with their offsets in the text read (highlight.ts marks
 * ranges with it). */
export interface Walk {
  nodes: Text[];
  starts: number[];
  /** Where each node ended when walked (wrapping a later range shortens a node, never an earlier part of it). */
  ends: number[];
}

/** The walk of a reading of the page (dom-text.ts: the same walk, the same nodes), for a page
 * that has not changed since it was read: highlighting then does not walk the page again. */
export function walkOfReading(read: { nodes: Text[]; starts: number[]; text: string }): Walk {
  const { nodes, starts } = read;
  const ends = starts.map((_, i) => (i + 1 < starts.length ? (starts[i + 1] as number) : read.text.length));
  return { nodes, starts, ends };
}


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
