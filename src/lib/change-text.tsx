// Change summaries (core/history-summary.ts) in the user's language: the sentence of each line,
// and the list the popup's banner, the History view and the in-page change notice show. Text only,
// never HTML (the phrase is quoted from the policy).
import type { ChangeLine } from '../core/change-line';
import { getCategory } from '../core/taxonomy';
import { t, tn, tMaybe } from './i18n';
import { categoryKey } from './message-keys';
import { severityLabel } from './severity-text';

/** "Now says it may train AI models on your content", in the user's language. */
export function changeText(line: Pick<ChangeLine, 'kind' | 'category' | 'stance'>): string {
  const good = line.stance === 'protective';
  const says = getCategory(line.category)?.says;
  const what = tMaybe(categoryKey(line.category, good ? 'says_good' : 'says')) || (says ? (good ? says.good : says.concern) : line.category);
  switch (line.kind) {
    case 'added':
      return t('chgAdded', what);
    case 'removed':
      return t('chgRemoved', what);
    case 'more':
      return t('chgMore', what);
    case 'less':
      return t('chgLess', what);
    case 'stronger':
      return t('chgStronger', what);
    case 'milder':
      return t('chgMilder', what);
    default:
      return t('chgReworded', what);
  }
}

/** The lines, most severe first; `max` keeps the first ones (the banner, the notice). */
export function ChangeList({ lines, max }: { lines: readonly Omit<ChangeLine, 'clauseId'>[]; max?: number }) {
  const shown = max === undefined ? lines : lines.slice(0, max);
  return (
    <ul class="chg-lines">
      {shown.map((l) => (
        <li key={`${l.kind}-${l.category}-${l.stance}`} class={`chg ${l.severity}`} data-severity={l.severity} data-kind={l.kind}>
          <span class={`pill ${l.severity}`}>{severityLabel(l.severity, false)}</span> <span class="chg-text">{changeText(l)}</span>
          {l.count > 1 && <span class="chg-count"> ({tn('chgClauses', l.count)})</span>}
          {l.phrase && <q class="chg-quote">{l.phrase}</q>}
        </li>
      ))}
    </ul>
  );
}
