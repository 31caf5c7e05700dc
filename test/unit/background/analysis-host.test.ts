// The analysis host's opener (background/analysis-host.ts): opens Chrome's offscreen document when
// none is open, once even when asked twice at the same time, takes "already open" as success, and
// does nothing where the browser has no offscreen documents (Firefox: pages analyse themselves).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureAnalysisHost } from '../../../src/background/analysis-host';
import { HOST_FILE } from '../../../src/lib/content-files';

const g = globalThis as { chrome?: unknown };
afterEach(() => {
  delete g.chrome;
});

function fakeOffscreen(open: boolean, fail?: Error) {
  const created: string[] = [];
  let isOpen = open;
  g.chrome = {
    offscreen: {
      hasDocument: vi.fn(async () => isOpen),
      createDocument: vi.fn(async (o: { url: string }) => {
        if (fail) throw fail;
        created.push(o.url);
        isOpen = true;
      }),
    },
  };
  return created;
}

describe('ensureAnalysisHost', () => {
  it('opens the host page once, even when two pages ask at the same time', async () => {
    const created = fakeOffscreen(false);
    await Promise.all([ensureAnalysisHost(), ensureAnalysisHost()]);
    await ensureAnalysisHost();
    expect(created).toEqual([HOST_FILE]);
  });

  it('leaves an open host alone, and takes "only a single offscreen document" as open', async () => {
    expect(fakeOffscreen(true)).toEqual([]);
    await ensureAnalysisHost();
    fakeOffscreen(false, new Error('Only a single offscreen document may be created.'));
    await expect(ensureAnalysisHost()).resolves.toBeUndefined();
    fakeOffscreen(false, new Error('disk full'));
    await expect(ensureAnalysisHost()).rejects.toThrow(/disk full/);
  });

  it('does nothing without offscreen documents', async () => {
    g.chrome = {};
    await expect(ensureAnalysisHost()).resolves.toBeUndefined();
  });
});
