// Real Firefox ESR driven over WebDriver BiDi, the protocol Firefox speaks itself (Playwright's
// Firefox needs a patched build that cannot be downloaded here). Enough of it for the browser
// tests: install the add-on as a temporary one, open a page, run script in the page, click and
// press keys as the user does (trusted input).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** A remote value as BiDi serialises it (only what the tests read). */
type RemoteValue = { type: string; value?: unknown };

export interface FirefoxSession {
  /** The top-level browsing context of the first tab. */
  context: string;
  /** Sends one BiDi command; rejects with the browser's message on an error reply. */
  send<T = unknown>(method: string, params: object): Promise<T>;
  /** Evaluates `expression` in the page (its promise awaited) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  navigate(url: string): Promise<void>;
  /** A trusted click at a point of the viewport. */
  click(x: number, y: number): Promise<void>;
  /** A trusted key press (a WebDriver key value: "\uE00C" is Escape). */
  press(key: string): Promise<void>;
  /** What the browser wrote to its console and stderr so far. */
  output(): string;
  close(): Promise<void>;
}

// Prefs that keep a test profile quiet and local: no first-run pages, no update or telemetry traffic.
const PREFS: Record<string, string | number | boolean> = {
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'extensions.update.enabled': false,
  'devtools.console.stdout.content': true,
  'devtools.console.stdout.chrome': true,
};

/** Starts Firefox headless on a fresh profile with the unpacked add-on at `extensionDir` installed. */
export async function launchFirefox(extensionDir: string, timeoutMs = 60_000): Promise<FirefoxSession> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'clausemark-firefox-'));
  writeFileSync(path.join(profile, 'user.js'), Object.entries(PREFS).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
  const child = spawn(FIREFOX_PATH, ['-headless', '-no-remote', '-profile', profile, '--remote-debugging-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  let ws: WebSocket | null = null;
  const stop = async () => {
    ws?.close();
    try {
      process.kill(-(child.pid as number), 'SIGTERM');
    } catch {
      /* already gone */
    }
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const address = await listening(child, timeoutMs, (s) => (log += s));
    ws = new WebSocket(`${address}/session`);
    await new Promise<void>((resolve, reject) => {
      ws?.once('open', () => resolve());
      ws?.once('error', reject);
    });
    const session = client(ws, () => log, stop);
    await session.send('session.new', { capabilities: {} });
    await session.send('webExtension.install', { extensionData: { type: 'path', path: path.resolve(extensionDir) } });
    const tree = await session.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
    const context = tree.contexts[0]?.context;
    if (!context) throw new Error('Firefox has no tab');
    session.context = context;
    return session;
  } catch (err) {
    await stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}\nFirefox said:\n${log.slice(-2000)}`, { cause: err });
  }
}

/** Resolves with the BiDi address once Firefox listens; rejects if it exits or takes too long. */
function listening(child: ChildProcess, timeoutMs: number, record: (s: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its remote agent in ${timeoutMs} ms`)), timeoutMs);
    const on = (buf: Buffer) => {
      const s = buf.toString();
      record(s);
      const m = s.match(/WebDriver BiDi listening on (ws:\/\/[\w.:[\]]+)/);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', on);
    child.stderr?.on('data', on);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before its remote agent started`));
    });
  });
}

function client(ws: WebSocket, output: () => string, close: () => Promise<void>): FirefoxSession {
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as { id?: number; type: string; result?: unknown; error?: string; message?: string };
    const w = m.id === undefined ? undefined : waiting.get(m.id);
    if (!w || m.id === undefined) return;
    waiting.delete(m.id);
    if (m.type === 'error') w.reject(new Error(`${m.error}: ${m.message}`));
    else w.resolve(m.result);
  });
  ws.on('close', () => {
    for (const w of waiting.values()) w.reject(new Error('the connection to Firefox closed'));
    waiting.clear();
  });
  const session: FirefoxSession = {
    context: '',
    send: <T>(method: string, params: object) =>
      new Promise<T>((resolve, reject) => {
        const id = ++next;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        ws.send(JSON.stringify({ id, method, params }));
      }),
    async evaluate<T>(expression: string): Promise<T> {
      // JSON through a string: BiDi's own serialisation of objects is a tree of typed values.
      const r = await session.send<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>('script.evaluate', {
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        target: { context: session.context },
        awaitPromise: true,
      });
      if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text}`);
      const v = r.result?.value;
      return (typeof v === 'string' ? JSON.parse(v) : undefined) as T;
    },
    async navigate(url: string): Promise<void> {
      await session.send('browsingContext.navigate', { context: session.context, url, wait: 'complete' });
    },
    async click(x: number, y: number): Promise<void> {
      await session.send('input.performActions', {
        context: session.context,
        actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
          { type: 'pointerMove', x: Math.round(x), y: Math.round(y) },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ] }],
      });
    },
    async press(key: string): Promise<void> {
      await session.send('input.performActions', {
        context: session.context,
        actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }] }],
      });
    },
    output,
    close,
  };
  return session;
}
