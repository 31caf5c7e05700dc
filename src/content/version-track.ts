// Records this reading of the page's version once the page has settled (late content triggers a
// fresh analysis first, so a half-loaded page is never taken for a new version), sends the text
// only when the background does not have it yet, and shows the change notice when told to.
import { MAX_VERSION_CHARS, type VersionAck } from '../history-messages';
import { send } from '../lib/rpc';
import { loadUi } from './load-ui';
import { setStatus } from './status';

const SETTLE_MS = 1500;

export interface TrackInput {
  visitId: number;
  sha256: string;
  text: string;
  hardBreaks: number[];
  signal: AbortSignal;
  /** The user's "in-page notices" setting (the toolbar mark and History view stay either way). */
  notices?: boolean;
}

function mark(state: string): void {
  setStatus({ history: state });
}

export async function trackVersion(input: TrackInput): Promise<void> {
  const { signal } = input;
  await new Promise<void>((resolve) => {
    const t = setTimeout(resolve, SETTLE_MS);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });
  if (signal.aborted) return;
  try {
    let ack: VersionAck = await send('version/check', { visitId: input.visitId, sha256: input.sha256 });
    if (ack.needText && !signal.aborted) {
      if (input.text.length > MAX_VERSION_CHARS) {
        mark('too-long');
        return;
      }
      ack = await send('version/store', { visitId: input.visitId, sha256: input.sha256, text: input.text, hardBreaks: input.hardBreaks });
    }
    if (signal.aborted) return;
    if (ack.error) {
      mark('error');
      console.warn('Clausemark: version history:', ack.error);
      return;
    }
    mark(ack.change ? 'changed' : 'recorded');
    if (ack.change?.noticeDue && input.notices !== false) {
      const change = ack.change;
      const ui = await loadUi();
      if (!signal.aborted) ui.showChangeNotice(change, () => void send('history/open', {}).catch(() => undefined), signal);
    }
  } catch (err) {
    mark('error');
    console.warn('Clausemark: could not record the version', err);
  }
}
