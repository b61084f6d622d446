// A real web server on 127.0.0.1 for end-to-end tests: numbered pages with their own titles.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
  /** Paths requested so far, to tell which pages really loaded. */
  hits: string[];
}

export type Route = (req: IncomingMessage, res: ServerResponse) => boolean;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `/page/<name>` answers an HTML page titled "Page <name>". */
function pageRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const m = /^\/page\/([\w.-]+)/.exec(req.url ?? '');
  if (!m) return false;
  const title = `Page ${m[1]}`;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1>`);
  return true;
}

export async function startServer(routes: Route[] = []): Promise<TestServer> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    for (const r of [...routes, pageRoute]) if (r(req, res)) return;
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    hits,
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
