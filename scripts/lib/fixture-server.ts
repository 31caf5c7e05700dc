// A localhost server for the bundled real policy pages: /policies/<id> serves the archived HTML,
// / lists them. Lets anyone try the extension on "unknown" sites (recognised by heuristics).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FIXTURE_PAGES, readFixture } from '../../test/fixtures/pages';

export interface FixtureServer {
  origin: string;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const id = url.pathname.match(/^\/policies\/([\w-]+)$/)?.[1];
    const page = id ? FIXTURE_PAGES.find((p) => p.id === id) : undefined;
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(readFixture(page));
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><meta charset="utf-8"><title>Clausemark: bundled pages</title><h1>Real policy pages (Open Terms Archive snapshots)</h1><ul>${FIXTURE_PAGES.map(
          (p) => `<li><a href="/policies/${p.id}">${escapeHtml(p.label)}</a> — archived from ${escapeHtml(p.url)}</li>`,
        ).join('')}</ul>`,
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
