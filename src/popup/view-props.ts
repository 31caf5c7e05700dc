// What every popup view receives (views.tsx lists the views; each view imports only this).
import type { TabState } from '../messages';

export interface ViewProps {
  tabId: number | null;
  state: TabState | null;
  notify(message: string): void;
  /** Switch the popup to another view (e.g. the banner's link to History). */
  openView?(id: string): void;
  /** A history document named by the address (`?doc=`: a followed document opened from Options). */
  docKey?: string;
}
