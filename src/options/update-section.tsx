// Options → Updates: the knowledge-base update feed (off by default). Saving an address asks for
// the host permission of that one server, in the click itself (browsers only show the prompt
// during a user gesture); the address is stored only once it is granted. "Check now" asks the
// background, which verifies everything before swapping (src/kb/update.ts, storage/kb-swap.ts).
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../lib/rpc';
import type { KbStatus } from '../messages';
import { feedAddress, feedOriginPattern, type UpdateCheck } from '../kb/update';
import { formatDateTime, t } from '../lib/i18n';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

const OUTCOME: Record<UpdateCheck['outcome'], string> = { updated: t('updOutcomeUpdated'), 'up-to-date': t('updOutcomeUpToDate'), failed: t('updOutcomeFailed') };

export function UpdateSection() {
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [granted, setGranted] = useState<boolean | null>(null);
  const [last, setLast] = useState<UpdateCheck | null>(null);
  const [status, setStatus] = useState<KbStatus | null>(null);
  const [busy, setBusy] = useState<'' | 'save' | 'check' | 'off'>('');
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);

  async function refresh(): Promise<void> {
    const s = await send('kb/update-status', {});
    setFeedUrl(s.feedUrl);
    setLast(s.last);
    setStatus(s.status);
    if (s.feedUrl) {
      setDraft((d) => d || s.feedUrl!);
      try {
        setGranted(await browser.permissions.contains({ origins: [feedOriginPattern(feedAddress(s.feedUrl))] }));
      } catch {
        setGranted(false);
      }
    } else {
      setGranted(null);
    }
  }

  useEffect(() => {
    refresh().catch((e: unknown) => setNote({ error: true, text: t('updReadError', message(e)) }));
  }, []);

  function save(e: Event): void {
    e.preventDefault();
    let url: URL;
    try {
      url = feedAddress(draft);
    } catch (err) {
      setNote({ error: true, text: message(err) }); // the typed address stays in the field
      return;
    }
    const origin = feedOriginPattern(url);
    setBusy('save');
    setNote(null);
    // First thing in the click handler: the permission prompt needs the user gesture.
    browser.permissions
      .request({ origins: [origin] })
      .then(async (ok) => {
        if (!ok) {
          setNote({ error: true, text: t('updPermDenied', url.host) });
          return;
        }
        const previous = feedUrl;
        // The background keeps the address in its own database (not storage.local, which
        // content scripts can write).
        await send('kb/feed-set', { url: url.href });
        if (previous && feedOriginPattern(feedAddress(previous)) !== origin) await dropPermission(previous);
        setNote({ error: false, text: t('updSaved', url.host) });
        await refresh();
      })
      .catch((err: unknown) => setNote({ error: true, text: t('updSaveError', message(err)) }))
      .finally(() => setBusy(''));
  }

  async function turnOff(): Promise<void> {
    if (!feedUrl) return;
    setBusy('off');
    setNote(null);
    try {
      // Off: the background forgets the address and restores the shipped knowledge base.
      await send('kb/feed-set', { url: null });
      await dropPermission(feedUrl);
      setDraft('');
      setNote({ error: false, text: t('updTurnedOff') });
      await refresh();
    } catch (err) {
      setNote({ error: true, text: t('updOffError', message(err)) });
    } finally {
      setBusy('');
    }
  }

  async function checkNow(): Promise<void> {
    setBusy('check');
    setNote(null);
    try {
      setLast(await send('kb/update-check', {}));
      await refresh();
    } catch (err) {
      setNote({ error: true, text: message(err) });
    } finally {
      setBusy('');
    }
  }

  return (
    <section class="update-section">
      <h2>{t('updTitle')}</h2>
      <p>{t('updIntro')}</p>
      <form class="row" onSubmit={save}>
        <label for="feed-url">{t('updAddress')}</label>
        <input
          id="feed-url"
          type="url"
          placeholder="https://example.org/clausemark/manifest.json"
          value={draft}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          disabled={busy !== ''}
        />
        <button type="submit" disabled={busy !== '' || draft.trim() === '' || (draft.trim() === feedUrl && granted !== false)}>
          {busy === 'save' ? t('updSaving') : t('updSave')}
        </button>
      </form>
      {note && <p class={note.error ? 'error' : 'status'} role="status">{note.text}</p>}
      {feedUrl ? (
        <>
          <p class="row">
            <span>
              {t('updCheckingLabel')} <code>{feedUrl}</code>
            </span>
            <button type="button" onClick={() => void checkNow()} disabled={busy !== ''}>
              {busy === 'check' ? t('updChecking') : t('updCheckNow')}
            </button>
            <button type="button" class="danger" onClick={() => void turnOff()} disabled={busy !== ''}>
              {t('updTurnOff')}
            </button>
          </p>
          {granted === false && <p class="error">{t('updPermMissing')}</p>}
        </>
      ) : (
        <p class="muted">{t('updAreOff')}</p>
      )}
      {status?.state === 'ready' && (
        <p class="status">
          {status.source === 'update'
            ? status.loadedAt ? t('updInstalledFeedSince', status.version ?? '', formatDateTime(status.loadedAt)) : t('updInstalledFeed', status.version ?? '')
            : status.loadedAt ? t('updInstalledShippedSince', status.version ?? '', formatDateTime(status.loadedAt)) : t('updInstalledShipped', status.version ?? '')}
        </p>
      )}
      {last && (
        <div class={`last-check ${last.outcome}`}>
          <strong>
            {t('updLastCheck', OUTCOME[last.outcome])}
          </strong>{' '}
          <span class="muted small">
            {formatDateTime(last.at)} · {last.feedUrl}
          </span>
          <p>{last.message}</p>
        </div>
      )}
    </section>
  );
}

/** Gives back the host permission of a feed address no longer used. */
async function dropPermission(feedUrl: string): Promise<void> {
  try {
    await browser.permissions.remove({ origins: [feedOriginPattern(feedAddress(feedUrl))] });
  } catch {
    // An address saved by an older build may not parse: nothing to remove then.
  }
}
