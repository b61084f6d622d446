// A real HTTPS server on 127.0.0.1 for cookie tests: Secure, SameSite=None, `__Host-` and
// partitioned cookies all need a secure origin. The certificate is self-signed, made once per
// process with the `openssl` CLI (no dependency); launch the browser with
// `httpsBrowserArgs` (--ignore-certificate-errors, and *.test mapped to 127.0.0.1) so hosts such
// as `app.example.test` and `other.test` reach it. The port is not 443: use `origin(host)`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const httpsBrowserArgs = ['--ignore-certificate-errors', '--host-resolver-rules=MAP *.test 127.0.0.1'];

export interface HttpsHit {
  host: string;
  path: string;
  /** The Cookie header the browser sent. */
  cookie: string;
}

export interface TestHttpsServer {
  port: number;
  /** `https://<host>:<port>` */
  origin(host: string): string;
  url(host: string, path: string): string;
  hits: HttpsHit[];
  close(): Promise<void>;
}

/** Answers a request, or returns false to let the next route try. */
export type HttpsRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

let cert: { key: string; cert: string } | undefined;

function selfSigned(): { key: string; cert: string } {
  if (cert) return cert;
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const crt = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        crt,
        '-days',
        '2',
        '-subj',
        '/CN=example.test',
        '-addext',
        'subjectAltName=DNS:example.test,DNS:*.example.test,DNS:other.test,DNS:*.other.test,DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    cert = { key: readFileSync(key, 'utf8'), cert: readFileSync(crt, 'utf8') };
    return cert;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `GET /echo-cookies` answers the Cookie header it received, as plain text. */
export const echoCookiesRoute: HttpsRoute = (req, res, url) => {
  if (url.pathname !== '/echo-cookies') return false;
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(req.headers.cookie ?? '');
  return true;
};

/** A route that sets the given Set-Cookie lines and answers a small HTML page (extra body optional). */
export function setCookiesRoute(path: string, setCookies: string[], body = ''): HttpsRoute {
  return (_req, res, url) => {
    if (url.pathname !== path) return false;
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'set-cookie': setCookies,
    });
    res.end(`<!doctype html><title>${path}</title><p>ok</p>${body}`);
    return true;
  };
}

export async function startHttpsServer(routes: HttpsRoute[] = []): Promise<TestHttpsServer> {
  const hits: HttpsHit[] = [];
  const server = createServer(selfSigned(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'localhost'}`);
    hits.push({ host, path: url.pathname + url.search, cookie: req.headers.cookie ?? '' });
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    for (const r of [...routes, echoCookiesRoute]) if (r(req, res, url)) return;
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hits,
    origin: (host) => `https://${host}:${port}`,
    url: (host, path) => `https://${host}:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
