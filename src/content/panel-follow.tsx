// "Follow this document" in the clause panel. The page followed is this tab's page as the browser
// reports it to the background: nothing in the request names it. A content script cannot ask for
// a permission; when the site is not readable yet, the background opens Options, where the user
// allows it with a click.
import { useEffect, useState } from 'preact/hooks';
import { send } from '../lib/rpc';
import { formatNumber, t } from '../lib/i18n';

type State = { kind: 'hidden' } | { kind: 'ready'; followed: boolean; full: boolean; max: number } | { kind: 'busy' };

export function PanelFollow() {
  const [state, setState] = useState<State>({ kind: 'hidden' });
  const [note, setNote] = useState('');

  useEffect(() => {
    let live = true;
    send('follow/status', {}).then(
      (s) => live && s.url && setState({ kind: 'ready', followed: s.followed, full: s.count >= s.max, max: s.max }),
      () => undefined, // not a page that can be followed (e.g. the onboarding example)
    );
    return () => {
      live = false;
    };
  }, []);

  if (state.kind === 'hidden') return null;
  if (state.kind === 'ready' && state.followed) {
    return (
      <p class="follow-state">
        <span aria-hidden="true">✓</span> {t('followFollowing')}
        {note && <span class="muted note">{note}</span>}
      </p>
    );
  }
  const follow = (e: MouseEvent) => {
    // Only the user's own click: the page cannot script one in our closed shadow root anyway.
    if (!e.isTrusted || state.kind !== 'ready') return;
    if (state.full) {
      setNote(t('followLimit', formatNumber(state.max)));
      return;
    }
    setState({ kind: 'busy' });
    setNote('');
    send('follow/add', {}).then(
      (r) => {
        if (r.followed) {
          setState({ kind: 'ready', followed: true, full: false, max: state.max });
          setNote(t('followDone'));
        } else {
          setState(state);
          setNote(t('followConfirmInOptions', r.needsPermission ?? ''));
        }
      },
      (err: unknown) => {
        setState(state);
        setNote(t('followFailed', err instanceof Error ? err.message.replace(/^follow\/add: /, '') : String(err)));
      },
    );
  };
  return (
    <p class="follow-state">
      <button type="button" class="copy follow" disabled={state.kind === 'busy'} onClick={follow}>
        {state.kind === 'busy' ? t('followBusy') : t('followThis')}
      </button>{' '}
      <span class="muted note" role="status">
        {note}
      </span>
    </p>
  );
}
