// The popup's views (tabs). Each view is a component over the current tab's state; a view that
// has nothing to show for a page says so itself. `?view=<id>` opens a view directly.
import type { ComponentType } from 'preact';
import type { TabState } from '../messages';
import { ClausesView } from './clauses-view';
import { CompareView } from './compare-view';
import { SideBySideView } from './side-by-side-view';
import { PlatformView } from './platform-view';
import { HistoryView } from './history-view';

export interface ViewProps {
  tabId: number | null;
  state: TabState | null;
  notify(message: string): void;
}

export interface PopupView {
  id: string;
  label: string;
  /** Whether the view applies without an analysed page (e.g. a platform comparison). */
  needsPage: boolean;
  component: ComponentType<ViewProps>;
}

export const VIEWS: readonly PopupView[] = [
  { id: 'clauses', label: 'Clauses', needsPage: true, component: ClausesView },
  { id: 'compare', label: 'Compare', needsPage: true, component: CompareView },
  { id: 'side-by-side', label: 'Side by side', needsPage: false, component: SideBySideView },
  { id: 'platform', label: 'Platform', needsPage: false, component: PlatformView },
  { id: 'history', label: 'History', needsPage: true, component: HistoryView },
];
