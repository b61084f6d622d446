// A WebDAV folder in memory behind an injected fetch, for unit tests of the client and the sync
// engine: PROPFIND Depth 0/1, GET, PUT with If-Match / If-None-Match, DELETE, MKCOL, Basic auth,
// ETags that change on every write. `fail` makes chosen requests fail (a status, offline, a hang,
// garbage). The end-to-end tests use a real Apache httpd with mod_dav instead.
import type { Fetch } from '../../../src/background/sync/webdav-client.ts';

export const DAV_BASE = 'https://dav.test/remote.php/dav/files/me/Tabularium/';

export type Failure = number | 'offline' | 'hang' | 'garbage';

export interface DavRequest {
  method: string;
  name: string;
  headers: Record<string, string>;
}

export class FakeDav {
  files = new Map<string, { bytes: Uint8Array; etag: string }>();
  folder = true;
  user = 'me';
  password = 'app-password';
  requests: DavRequest[] = [];
  /** A failure for this request, or undefined to answer it. */
  fail: (r: DavRequest) => Failure | undefined = () => undefined;
  private n = 0;

  constructor(readonly base = DAV_BASE) {}

  count(method?: string): number {
    return method ? this.requests.filter((r) => r.method === method).length : this.requests.length;
  }

  text(name: string): string {
    return new TextDecoder().decode(this.files.get(name)?.bytes ?? new Uint8Array());
  }

  fetch: Fetch = async (url, init) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const path = new URL(url).href;
    if (!path.startsWith(this.base.slice(0, -1))) return new Response('', { status: 404 });
    const name = decodeURIComponent(path.slice(this.base.length));
    const req = { method, name, headers };
    this.requests.push(req);
    const failure = this.fail(req);
    if (failure === 'offline') throw new TypeError('Failed to fetch');
    if (failure === 'hang') {
      return new Promise<Response>((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    if (failure === 'garbage')
      return new Response('<html>Welcome to nginx</html>', { status: method === 'PROPFIND' ? 207 : 200 });
    if (typeof failure === 'number') return new Response('', { status: failure });
    const expected = `Basic ${btoa(`${this.user}:${this.password}`)}`;
    if (headers.authorization !== expected) return new Response('', { status: 401 });
    return this.answer(method, name, headers, init.body);
  };

  private async answer(
    method: string,
    name: string,
    headers: Record<string, string>,
    body: unknown,
  ): Promise<Response> {
    const file = this.files.get(name);
    if (method === 'MKCOL') {
      if (this.folder) return new Response('', { status: 405 });
      this.folder = true;
      return new Response('', { status: 201 });
    }
    if (!this.folder) return new Response('', { status: name ? 409 : 404 });
    if (method === 'PROPFIND') {
      if (name) return new Response('', { status: file ? 207 : 404 });
      const depth1 = headers.depth === '1';
      const path = new URL(this.base).pathname;
      const rows = [
        `<D:response><D:href>${path}</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>`,
        ...(depth1 ? [...this.files] : []).map(
          ([n, f]) =>
            `<D:response xmlns:lp1="DAV:"><D:href>${path}${encodeURIComponent(n)}</D:href><D:propstat><D:prop>` +
            `<lp1:resourcetype/><lp1:getetag>${f.etag}</lp1:getetag><lp1:getcontentlength>${f.bytes.length}</lp1:getcontentlength>` +
            `</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>`,
        ),
      ];
      return new Response(
        `<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">${rows.join('')}</D:multistatus>`,
        {
          status: 207,
          headers: { 'Content-Type': 'text/xml; charset="utf-8"' },
        },
      );
    }
    if (method === 'GET') {
      if (!file) return new Response('', { status: 404 });
      return new Response(new Uint8Array(file.bytes), { status: 200, headers: { ETag: file.etag } });
    }
    if (method === 'PUT') {
      if (headers['if-none-match'] === '*' && file) return new Response('', { status: 412 });
      if (headers['if-match'] !== undefined && headers['if-match'] !== file?.etag)
        return new Response('', { status: 412 });
      const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body as Uint8Array);
      this.files.set(name, { bytes, etag: `"e${++this.n}"` });
      return new Response(null, { status: file ? 204 : 201 });
    }
    if (method === 'DELETE') {
      if (!file) return new Response('', { status: 404 });
      if (headers['if-match'] !== undefined && headers['if-match'] !== file.etag)
        return new Response('', { status: 412 });
      this.files.delete(name);
      return new Response(null, { status: 204 });
    }
    return new Response('', { status: 405 });
  }
}
