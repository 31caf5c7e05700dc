// The route table is complete by construction: the compiler refuses a message without a route or
// a route without a message (the @ts-expect-error lines fail `npm run typecheck` if either check
// stops biting), and each route checks its sender and payload before its handler runs.
import { describe, expect, it, vi } from 'vitest';
import { ROUTES, handle, SenderRejected, InvalidMessage, type HandlerDeps } from '../../../../src/background/routes';
import type { Routes } from '../../../../src/background/routes/types';
import { pageRoutes } from '../../../../src/background/routes/page';
import { kbRoutes } from '../../../../src/background/routes/kb';
import { compareRoutes } from '../../../../src/background/routes/compare';
import { historyRoutes } from '../../../../src/background/routes/history';
import { reportRoutes } from '../../../../src/background/routes/report';
import { followRoutes } from '../../../../src/background/routes/follow';
import type { BackgroundMessage } from '../../../../src/messages';

vi.mock('webextension-polyfill', () => ({ default: {} }));

// @ts-expect-error — the history routes are missing: does not compile.
const missing: Routes<BackgroundMessage> = { ...pageRoutes, ...kbRoutes, ...compareRoutes };
const extra: Routes<BackgroundMessage> = {
  ...ROUTES,
  // @ts-expect-error — no such message in the protocol: does not compile.
  'page/steal': { from: ['content'], validate: () => ({}), handle: async () => ({}) },
};
void missing;
void extra;

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const deps = { extensionId: EXT, extensionOrigin: `chrome-extension://${EXT}/` } as HandlerDeps;

describe('route table', () => {
  it('has a sender rule and a validator for every message, and every feature table is merged', () => {
    const names = Object.keys(ROUTES);
    expect(names.length).toBe(Object.keys(pageRoutes).length + Object.keys(kbRoutes).length + Object.keys(compareRoutes).length + Object.keys(historyRoutes).length + Object.keys(reportRoutes).length + Object.keys(followRoutes).length);
    for (const [name, r] of Object.entries(ROUTES)) {
      expect(r.from.length, name).toBeGreaterThan(0);
      // Every payload must be an object, checked before the route's own validator.
      expect(() => r.validate(null as never), name).toThrow();
    }
  });

  it('checks the sender before the payload, and the payload before the handler', async () => {
    const content = { id: EXT, url: 'https://example.org/privacy', tab: { id: 1 } };
    await expect(handle('history/export', {}, content, deps)).rejects.toBeInstanceOf(SenderRejected);
    await expect(handle('version/check', { visitId: -1, sha256: 'x' }, content, deps)).rejects.toBeInstanceOf(InvalidMessage);
    await expect(handle('nope/nope' as BackgroundMessage, {}, content, deps)).rejects.toThrow(/unknown message/);
  });
});
