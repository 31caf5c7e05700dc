// The in-page notice "this policy changed since you last read it": small, at the bottom corner,
// in its own closed shadow root (it shows when the user read the policy: the page must not read
// it), dismissible; "See" opens a tab only on the user's own click, shown at most once per version (the background decides).
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { VersionChange } from '../history-messages';
import { formatDay, formatNumber, t, tn } from '../lib/i18n';
import { ChangeList } from '../lib/change-text';
import { attachStyledShadow } from './shadow';

const CSS = `
:host { all: initial; }
.notice {
  --bg: #ffffff; --fg: #1d2330; --muted: #5b6475; --line: #d9cfe8; --accent: #6b3fa0;
  position: fixed; bottom: 16px; right: 16px; z-index: 2147483646;
  width: min(340px, calc(100vw - 32px)); box-sizing: border-box; padding: 12px 14px;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-left: 4px solid var(--accent);
  border-radius: 10px; box-shadow: 0 8px 24px rgba(16, 24, 40, .18);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left; direction: ltr;
}
@media (prefers-color-scheme: dark) { .notice { --bg: #1c2130; --fg: #e8ebf2; --muted: #a4acbd; --line: #3b3452; --accent: #b794f4; } }
.head { display: flex; align-items: flex-start; gap: 8px; }
strong { flex: 1; font-size: 14px; }
p { margin: 4px 0 0; color: var(--muted); }
.actions { margin-top: 10px; display: flex; gap: 8px; }
button { all: unset; cursor: pointer; border-radius: 7px; font-weight: 600; }
.see { padding: 5px 11px; background: var(--accent); color: var(--bg); }
.later { padding: 5px 11px; color: var(--accent); }
.close { font-size: 20px; line-height: 1; padding: 0 6px; color: var(--muted); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.chg-lines { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 6px; }
.chg { color: var(--fg); }
.chg-count { color: var(--muted); }
.chg-quote { display: block; margin-top: 1px; color: var(--muted); font-style: italic; }
.pill { display: inline-block; padding: 0 6px; border-radius: 999px; font-size: 10px; font-weight: 700; line-height: 16px; text-transform: uppercase; letter-spacing: .03em; }
.pill.high { background: #fdecea; color: #8e1c15; } .pill.medium { background: #fff1d6; color: #6b3d00; }
.pill.low { background: #e8eefb; color: #253b73; } .pill.good { background: #e3f4e6; color: #1b4d28; }
`;

/** The notice names the most telling changes; History has them all. */
export const NOTICE_LINES = 3;

export function changeLines(change: VersionChange): { title: string; detail: string } {
  const seen = formatDay(change.fromSeen);
  const c = change.clauses;
  const n = formatNumber;
  const clauseBits = [c.added && t('noticeClausesAdded', n(c.added)), c.removed && t('noticeClausesRemoved', n(c.removed)), c.changed && t('noticeClausesChanged', n(c.changed))].filter(Boolean);
  const words = tn('noticeWords', change.wordsAdded, n(change.wordsRemoved));
  return {
    title: change.pinned ? t('noticeTitlePinned', seen) : t('noticeTitleRead', seen),
    detail: clauseBits.length ? t('noticeDetailClauses', words, clauseBits.join(', ')) : t('noticeDetailNoClause', words),
  };
}

function Notice({ change, onSee, onClose }: { change: VersionChange; onSee(): void; onClose(): void }) {
  const { title, detail } = changeLines(change);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    ref.current?.addEventListener('keydown', onKey);
  }, []);
  return (
    <section ref={ref} class="notice" role="status" aria-live="polite" aria-label={t('noticeAria')}>
      <div class="head">
        <strong>{title}</strong>
        <button class="close" type="button" aria-label={t('dismiss')} onClick={onClose}>
          ×
        </button>
      </div>
      <p>{detail}</p>
      {change.lines.length > 0 && <ChangeList lines={change.lines} max={NOTICE_LINES} />}
      <div class="actions">
        <button class="see" type="button" onClick={(e) => e.isTrusted && onSee()}>
          {t('noticeSee')}
        </button>
        <button class="later" type="button" onClick={onClose}>
          {t('dismiss')}
        </button>
      </div>
    </section>
  );
}

/** Shows the notice until dismissed or the page goes away (signal). */
export function showChangeNotice(change: VersionChange, onSee: () => void, signal: AbortSignal): HTMLElement {
  const host = document.createElement('div');
  const shadow = attachStyledShadow(host, CSS);
  const mount = document.createElement('div');
  shadow.append(mount);
  document.documentElement.append(host);
  const close = () => {
    render(null, mount);
    host.remove();
  };
  render(<Notice change={change} onSee={onSee} onClose={close} />, mount);
  signal.addEventListener('abort', close);
  return host;
}
