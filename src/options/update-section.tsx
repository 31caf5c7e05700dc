// Options → Updates: the knowledge-base update feed (off by default). Saving an address asks for
// the host permission of that one server, in the click itself (browsers only show the prompt
// during a user gesture); the address is stored only once it is granted. "Check now" asks the
// background, which verifies everything before swapping (src/kb/update.ts, storage/kb-swap.ts).
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../lib/rpc';
import type { KbStatus } from '../messages';
import { feedAddress, feedOriginPattern, FEED_URL_KEY, type UpdateCheck } from '../kb/update';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

const OUTCOME: Record<UpdateCheck['outcome'], string> = { updated: 'Updated', 'up-to-date': 'Up to date', failed: 'Not updated' };

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
    refresh().catch((e: unknown) => setNote({ error: true, text: `Could not read the update settings: ${message(e)}` }));
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
          setNote({ error: true, text: `Permission to reach ${url.host} was not granted, so the address is not saved.` });
          return;
        }
        const previous = feedUrl;
        await browser.storage.local.set({ [FEED_URL_KEY]: url.href });
        if (previous && feedOriginPattern(feedAddress(previous)) !== origin) await dropPermission(previous);
        setNote({ error: false, text: `Saved. Clausemark may now contact ${url.host}, and only when checking for updates.` });
        await refresh();
      })
      .catch((err: unknown) => setNote({ error: true, text: `Could not save the address: ${message(err)}` }))
      .finally(() => setBusy(''));
  }

  async function turnOff(): Promise<void> {
    if (!feedUrl) return;
    setBusy('off');
    setNote(null);
    try {
      await browser.storage.local.remove(FEED_URL_KEY);
      await dropPermission(feedUrl);
      setDraft('');
      setNote({ error: false, text: 'Updates are off; the permission for that server was removed. The installed knowledge base stays.' });
      await refresh();
    } catch (err) {
      setNote({ error: true, text: `Could not turn updates off: ${message(err)}` });
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
      <h2>Updates</h2>
      <p>
        Off by default: Clausemark works with the knowledge base it ships. If you trust a server that publishes newer ones, enter the address of its update manifest (a JSON
        file giving the version, schema, size, SHA-256 and address of the data). Clausemark checks the size, the SHA-256, the schema and that the version is newer before
        anything replaces the current data; if any check fails, the current data stays and the reason is shown here. Saving asks your permission to contact that one
        server; nothing about you is sent to it. Checks run when you click “Check now” and at most once a day when the browser starts.
      </p>
      <form class="row" onSubmit={save}>
        <label for="feed-url">Update manifest address</label>
        <input
          id="feed-url"
          type="url"
          placeholder="https://example.org/clausemark/manifest.json"
          value={draft}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          disabled={busy !== ''}
        />
        <button type="submit" disabled={busy !== '' || draft.trim() === '' || (draft.trim() === feedUrl && granted !== false)}>
          {busy === 'save' ? 'Saving…' : 'Save'}
        </button>
      </form>
      {note && <p class={note.error ? 'error' : 'status'} role="status">{note.text}</p>}
      {feedUrl ? (
        <>
          <p class="row">
            <span>
              Checking <code>{feedUrl}</code>
            </span>
            <button type="button" onClick={() => void checkNow()} disabled={busy !== ''}>
              {busy === 'check' ? 'Checking…' : 'Check now'}
            </button>
            <button type="button" class="danger" onClick={() => void turnOff()} disabled={busy !== ''}>
              Turn off
            </button>
          </p>
          {granted === false && <p class="error">Permission to contact this server is missing (it may have been removed in the browser’s settings). Save the address again to grant it.</p>}
        </>
      ) : (
        <p class="muted">Updates are off.</p>
      )}
      {status?.state === 'ready' && (
        <p class="status">
          Installed: version {status.version}, {status.source === 'update' ? 'from the update feed' : 'shipped with the extension'}
          {status.loadedAt ? `, since ${new Date(status.loadedAt).toLocaleString()}` : ''}.
        </p>
      )}
      {last && (
        <div class={`last-check ${last.outcome}`}>
          <strong>
            Last check: {OUTCOME[last.outcome]}
          </strong>{' '}
          <span class="muted small">
            {new Date(last.at).toLocaleString()} · {last.feedUrl}
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
