// "Explain this clause" on a selection (context menu): the detector, at its most sensitive, over
// the selected text, the best category opened in the panel and the others listed as related.
import { fingerprint } from '../core/fingerprint';
import { isShown, type Settings } from '../core/settings';
import { explainText } from './engine-client';
import { send } from '../lib/rpc';
import { t } from '../lib/i18n';
import { excerpt } from './find-clauses';
import { PanelHost, type PageInfo } from './panel';
import { showToast } from './toast';

let explainPanel: { panel: PanelHost; controller: AbortController } | null = null;

/** Returns how many categories were found; none gives a notice instead of a panel. */
export async function explainSelection(text: string, settings: Settings): Promise<number> {
  const selection = text.trim();
  explainPanel?.controller.abort();
  const controller = new AbortController();
  if (!selection) return 0;
  const { clauses, modelVersion } = await explainText(selection);
  const found = clauses
    .filter((c) => isShown({ ...settings, minSeverity: 'good' }, c.category, c.severity))
    .sort((a, b) => b.confidence - a.confidence);
  const best = new Map<string, (typeof found)[number]>();
  for (const c of found) if (!best.has(c.category)) best.set(c.category, c);
  const ranked = [...best.values()];
  const [primary, ...related] = ranked.map((c) => ({ ...c, excerpt: excerpt(selection, 0, selection.length) }));
  if (!primary) {
    showToast(t('toastNoClauseInSelection'), controller.signal);
    explainPanel = { panel: new PanelHost(controller.signal), controller };
    return 0;
  }
  const panel = new PanelHost(controller.signal);
  explainPanel = { panel, controller };
  const info: PageInfo = {
    url: location.href,
    title: document.title,
    sha256: await fingerprint(selection),
    readAt: new Date().toISOString(),
    modelVersion,
  };
  panel.show({ clause: primary, related }, info, (category) => send('kb/compare', { category, limit: 6 }), document.activeElement as HTMLElement | null);
  return ranked.length;
}
