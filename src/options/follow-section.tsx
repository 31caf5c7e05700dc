// Options › Followed documents: the list (add, unfollow, check now), how often they are checked,
// and system notifications (off by default). Following asks for the host permission of that one
// document's origin, first thing in the click (browsers only prompt during a user gesture); so does
// turning notifications on. A follow asked from the clause panel, whose page cannot ask, waits here
// for the user's click.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { FollowedDocument, FollowListing } from '../messages';
import { send } from '../lib/rpc';
import { formatDateTime, formatNumber, t } from '../lib/i18n';
import { FollowAddressError, followAddress, originPattern } from '../core/follow';
import { loadSettings, saveSettings } from '../settings/store';

const message = (e: unknown) => (e instanceof Error ? e.message.replace(/^follow\/[\w-]+: /, '') : String(e));
const INTERVALS: [number, string][] = [
  [6, t('followInterval6')],
  [12, t('followInterval12')],
  [24, t('followInterval24')],
  [168, t('followInterval168')],
];
const OUTCOME: Record<NonNullable<FollowedDocument['lastCheck']>['outcome'], string> = {
  first: t('followOutcomeFirst'),
  unchanged: t('followOutcomeUnchanged'),
  changed: t('followOutcomeChanged'),
  failed: t('followOutcomeFailed'),
};

type Note = { error: boolean; text: string } | null;

export function FollowSection() {
  const [list, setList] = useState<FollowListing | null>(null);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState<string>('');
  const [note, setNote] = useState<Note>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [notify, setNotify] = useState<boolean | null>(null);

  const refresh = async () => setList(await send('follow/list', {}));

  useEffect(() => {
    void (async () => {
      try {
        await refresh();
        setPending((await send('follow/pending', {})).url);
        const s = await loadSettings();
        const granted = await browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false);
        setNotify(s.systemNotifications && granted);
        // The user is looking at the list: the toolbar mark for changes found has done its job.
        await send('follow/seen', {});
      } catch (err) {
        setNote({ error: true, text: t('followError', message(err)) });
      }
    })();
  }, []);

  /** Asks for the origin's permission (in the click), then follows. */
  function follow(raw: string, onDone?: () => void): void {
    let url: URL;
    try {
      url = followAddress(raw);
    } catch (err) {
      setNote({ error: true, text: err instanceof FollowAddressError ? err.message : message(err) });
      return;
    }
    if (list && list.documents.length >= list.max && !list.documents.some((d) => d.url === url.href)) {
      setNote({ error: true, text: t('followLimit', formatNumber(list.max)) });
      return;
    }
    setBusy('add');
    setNote(null);
    browser.permissions
      .request({ origins: [originPattern(url)] })
      .then(async (ok) => {
        if (!ok) {
          setNote({ error: true, text: t('followPermDenied', url.host) });
          return;
        }
        const { followed } = await send('follow/add', { url: url.href });
        setNote({ error: false, text: t('followAdded', followed?.title ?? url.href) });
        onDone?.();
        await refresh();
      })
      .catch((err: unknown) => setNote({ error: true, text: t('followFailed', message(err)) }))
      .finally(() => setBusy(''));
  }

  async function unfollow(d: FollowedDocument): Promise<void> {
    setBusy(`rm:${d.url}`);
    setNote(null);
    try {
      const r = await send('follow/remove', { url: d.url });
      setNote({ error: false, text: r.permissionReleased ? t('followRemovedPermission', new URL(d.url).host) : t('followRemoved') });
      await refresh();
    } catch (err) {
      setNote({ error: true, text: message(err) });
    } finally {
      setBusy('');
    }
  }

  async function check(url?: string): Promise<void> {
    setBusy(url ? `check:${url}` : 'check-all');
    setNote(null);
    try {
      await send('follow/check', url ? { url } : {});
      await refresh();
    } catch (err) {
      setNote({ error: true, text: message(err) });
    } finally {
      setBusy('');
    }
  }

  async function setInterval(hours: number): Promise<void> {
    try {
      await send('follow/settings', { intervalHours: hours });
      await refresh();
    } catch (err) {
      setNote({ error: true, text: message(err) });
    }
  }

  function toggleNotifications(on: boolean): void {
    setNote(null);
    if (!on) {
      void saveSettings({ systemNotifications: false })
        .then(() => browser.permissions.remove({ permissions: ['notifications'] }).catch(() => false))
        .then(() => setNotify(false));
      return;
    }
    browser.permissions
      .request({ permissions: ['notifications'] })
      .then(async (ok) => {
        if (!ok) {
          setNotify(false);
          setNote({ error: true, text: t('followNotifDenied') });
          return;
        }
        await saveSettings({ systemNotifications: true });
        setNotify(true);
      })
      .catch((err: unknown) => setNote({ error: true, text: message(err) }));
  }

  const docs = list?.documents ?? [];
  return (
    <section class="follow-section" id="follow" aria-labelledby="follow-h">
      <h2 id="follow-h">{t('followTitle')}</h2>
      <p>{t('followIntro')}</p>
      {pending && !docs.some((d) => d.url === pending) && (
        <div class="follow-pending" role="alertdialog" aria-label={t('followTitle')}>
          <p>{t('followPendingText', pending, new URL(pending).host)}</p>
          <button type="button" class="primary" disabled={busy !== ''} onClick={() => follow(pending, () => setPending(null))}>
            {t('followPendingAllow')}
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            {t('followPendingCancel')}
          </button>
        </div>
      )}
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          follow(draft, () => setDraft(''));
        }}
      >
        <label for="follow-url">{t('followAddLabel')}</label>
        <input id="follow-url" type="url" placeholder="https://example.com/privacy" value={draft} onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} disabled={busy !== ''} />
        <button type="submit" disabled={busy !== '' || draft.trim() === ''}>
          {busy === 'add' ? t('followBusy') : t('followAdd')}
        </button>
      </form>
      {note && (
        <p class={note.error ? 'error' : 'status'} role="status">
          {note.text}
        </p>
      )}
      {list && (
        <p class="muted small">
          {t('followCount', formatNumber(docs.length), formatNumber(list.max))}
        </p>
      )}
      {list && docs.length === 0 && <p class="muted">{t('followNone')}</p>}
      {docs.length > 0 && (
        <ul class="followed">
          {docs.map((d) => (
            <li key={d.url} data-url={d.url}>
              <div>
                <strong>{d.title}</strong> {d.unseen && <span class="pill new">{t('followNew')}</span>}
                <div class="url small">{d.url}</div>
                <div class="muted small check">
                  {d.lastCheck ? t('followLastChecked', formatDateTime(d.lastCheck.at), OUTCOME[d.lastCheck.outcome]) : t('followNotChecked')}
                  {d.lastChangeAt && ` · ${t('followChangedOn', formatDateTime(d.lastChangeAt))}`}
                </div>
                {d.lastCheck?.outcome === 'failed' && d.lastCheck.message && <div class="error small">{d.lastCheck.message}</div>}
              </div>
              <div class="actions">
                <a href={`${browser.runtime.getURL('src/popup/index.html')}?doc=${encodeURIComponent(d.docKey)}&view=history`} target="_blank" rel="noopener">
                  {t('followOpenHistory')}
                </a>{' '}
                <button type="button" aria-label={t('followCheckNowAria', d.title)} disabled={busy !== ''} onClick={() => void check(d.url)}>
                  {busy === `check:${d.url}` ? t('followChecking') : t('followCheckNow')}
                </button>{' '}
                <button type="button" class="danger" aria-label={t('followRemoveAria', d.title)} disabled={busy !== ''} onClick={() => void unfollow(d)}>
                  {t('followRemove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p class="row">
        <label>
          {t('followEvery')}{' '}
          <select value={String(list?.settings.intervalHours ?? 24)} onChange={(e) => void setInterval(Number((e.currentTarget as HTMLSelectElement).value))}>
            {INTERVALS.map(([h, label]) => (
              <option key={h} value={String(h)}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {docs.length > 0 && (
          <button type="button" disabled={busy !== ''} onClick={() => void check()}>
            {busy === 'check-all' ? t('followChecking') : t('followCheckAll')}
          </button>
        )}
      </p>
      <label class="choice">
        <input type="checkbox" checked={notify === true} disabled={notify === null} onChange={(e) => toggleNotifications((e.currentTarget as HTMLInputElement).checked)} />
        <span>{t('followNotifications')}</span>
      </label>
    </section>
  );
}
