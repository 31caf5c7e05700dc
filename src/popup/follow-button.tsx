// "Follow this document" in the popup: the tab's analysed page is followed at its address (without
// query string), after the user allows reading its site (asked in the click itself, the only time
// browsers show the prompt). Options › Followed documents lists, checks and unfollows.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../lib/rpc';
import { formatNumber, t } from '../lib/i18n';
import { originPattern } from '../core/follow';

const message = (e: unknown) => (e instanceof Error ? e.message.replace(/^follow\/[\w-]+: /, '') : String(e));

export function FollowButton({ tabId, notify }: { tabId: number; notify(message: string): void }) {
  const [status, setStatus] = useState<{ followed: boolean; url: string | null; count: number; max: number } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    send('follow/status', { tabId }).then(setStatus, () => setStatus(null));
  }, [tabId]);

  if (!status?.url) return null;
  const url = status.url;
  if (status.followed) {
    return (
      <p class="follow followed small">
        <span aria-hidden="true">✓</span> {t('followFollowing')}
      </p>
    );
  }
  const full = status.count >= status.max;
  const follow = () => {
    if (full) {
      notify(t('followLimit', formatNumber(status.max)));
      return;
    }
    setBusy(true);
    notify('');
    // First thing in the click: the permission prompt needs the user's gesture.
    browser.permissions
      .request({ origins: [originPattern(url)] })
      .then(async (ok) => {
        if (!ok) {
          notify(t('followPermDenied', new URL(url).host));
          return;
        }
        await send('follow/add', { tabId });
        setStatus({ ...status, followed: true, count: status.count + 1 });
        notify(t('followDone'));
      })
      .catch((err: unknown) => notify(t('followFailed', message(err))))
      .finally(() => setBusy(false));
  };
  return (
    <p class="follow small">
      <button type="button" class="follow-btn" disabled={busy} aria-disabled={full} onClick={follow}>
        {busy ? t('followBusy') : t('followThis')}
      </button>
    </p>
  );
}

/** Followed documents whose change the user has not looked at yet (what the toolbar mark is
 * about), each with a link to its History. Opening one counts as having seen them. */
export function FollowedChanges() {
  const [changed, setChanged] = useState<{ title: string; docKey: string }[]>([]);

  useEffect(() => {
    send('follow/list', {}).then(
      (l) => setChanged(l.documents.filter((d) => d.unseen).map((d) => ({ title: d.title, docKey: d.docKey }))),
      () => setChanged([]),
    );
  }, []);

  if (changed.length === 0) return null;
  return (
    <ul class="followed-changes">
      {changed.slice(0, 3).map((d) => (
        <li key={d.docKey}>
          {t('followChangedBanner', d.title)}{' '}
          <a
            href={`${browser.runtime.getURL('src/popup/index.html')}?doc=${encodeURIComponent(d.docKey)}&view=history`}
            target="_blank"
            rel="noopener"
            onClick={() => void send('follow/seen', {}).catch(() => undefined)}
          >
            {t('followSeeChange')}
          </a>
        </li>
      ))}
    </ul>
  );
}
