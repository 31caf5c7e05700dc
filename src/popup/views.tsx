// The popup's views (tabs). Each view is a component over the current tab's state; a view that
// has nothing to show for a page says so itself. `?view=<id>` opens a view directly.
import type { ComponentType } from 'preact';
import type { ViewProps } from './view-props';
import { ClausesView } from './clauses-view';
import { CompareView } from './compare-view';
import { SideBySideView } from './side-by-side-view';
import { PlatformView } from './platform-view';
import { HistoryView } from './history-view';
import { t } from '../lib/i18n';

export type { ViewProps };

export interface PopupView {
  id: string;
  label: string;
  /** Whether the view applies without an analysed page (e.g. a platform comparison). */
  needsPage: boolean;
  component: ComponentType<ViewProps>;
}

export const VIEWS: readonly PopupView[] = [
  { id: 'clauses', label: t('viewClauses'), needsPage: true, component: ClausesView },
  { id: 'compare', label: t('viewCompare'), needsPage: true, component: CompareView },
  { id: 'side-by-side', label: t('viewSideBySide'), needsPage: false, component: SideBySideView },
  { id: 'platform', label: t('viewPlatform'), needsPage: false, component: PlatformView },
  { id: 'history', label: t('viewHistory'), needsPage: true, component: HistoryView },
];
