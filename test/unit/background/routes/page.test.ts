// The page's routes (background/routes/page.ts) as the loader meets them: page/annotator puts the
// annotator into the sending frame (the browser's record of the sender, never the payload) and
// says whether it could; the lookup puts nothing in.
import { describe, expect, it, vi } from 'vitest';
import { handle, validateRequest, type HandlerDeps, type Sender } from '../../../../src/background/routes';
import type { KbService } from '../../../../src/background/kb-service';
import type { BackgroundMessage, Req, Res } from '../../../../src/messages';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const content: Sender = { id: EXT, url: 'https://example.org/legal/privacy', tab: { id: 7 }, frameId: 3 };

function setup(inject: (tabId: number, frameId: number) => Promise<void>) {
  const injected: [number, number][] = [];
  const deps: HandlerDeps = {
    extensionId: EXT,
    extensionOrigin: `chrome-extension://${EXT}/`,
    db: () => {
      throw new Error('no database here');
    },
    kb: { lookup: async () => null } as unknown as KbService,
    tabVisits: { get: async () => undefined, set: async () => undefined },
    revealInTab: async () => true,
    injectAnnotator: async (tabId, frameId) => {
      injected.push([tabId, frameId]);
      await inject(tabId, frameId);
    },
  };
  const call = <N extends BackgroundMessage>(name: N, payload: unknown) => handle(name, validateRequest(name, payload as Req<N>), content, deps) as Promise<Res<N>>;
  return { injected, call };
}

describe('page/annotator', () => {
  it('puts the annotator into the sending frame, and only when asked', async () => {
    const { injected, call } = setup(async () => undefined);
    expect(await call('page/lookup', {})).toEqual({ match: null, texts: undefined });
    expect(injected).toEqual([]);
    expect(await call('page/annotator', {})).toEqual({ ok: true });
    expect(injected).toEqual([[7, 3]]);
  });

  it('says so where the annotator cannot be put in', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { call } = setup(async () => {
      throw new Error('Frame with ID 3 was removed.');
    });
    expect(await call('page/annotator', {})).toEqual({ ok: false });
    warn.mockRestore();
  });
});
