// A small WebDAV client (RFC 4918) over fetch: PROPFIND Depth 1 to list the folder with ETags,
// GET, PUT with If-Match / If-None-Match: *, DELETE, MKCOL. Basic auth, no cookies, no cache, a
// timeout per request (AbortController). Every failure is a SyncProblem the person can read:
// offline, a timeout, an HTTP status, or an answer that is not WebDAV. fetch is injected so unit
// tests drive it; in the worker it is the global one (Chrome and Firefox alike).
import { bytesToBase64 } from '../../core/formats/base64.ts';
import { filesIn, parseMultistatus } from '../../core/sync/multistatus.ts';
import {
  garbageProblem,
  offlineProblem,
  problemForStatus,
  SyncProblem,
  timeoutProblem,
} from '../../core/sync/sync-problem.ts';

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface WebDavOptions {
  /** The folder's URL; a missing trailing slash is added. */
  base: string;
  user: string;
  password: string;
  fetch?: Fetch;
  timeoutMs?: number;
}

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/><d:getcontentlength/></d:prop></d:propfind>';

/** The folder URL as sync uses it: http(s), no credentials in it, ending in `/`. */
export function folderUrl(address: string): string {
  const u = new URL(address.trim());
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('not an http(s) address');
  if (u.username || u.password) throw new Error('credentials in the address');
  u.hash = '';
  u.search = '';
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u.href;
}

export class WebDavClient {
  readonly base: string;
  private readonly auth: string;
  private readonly fetch: Fetch;
  private readonly timeoutMs: number;
  /** Requests made, by method (the bench and tests count them). */
  readonly counts: Record<string, number> = {};

  constructor(o: WebDavOptions) {
    this.base = folderUrl(o.base);
    this.auth = `Basic ${bytesToBase64(new TextEncoder().encode(`${o.user}:${o.password}`))}`;
    this.fetch = o.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = o.timeoutMs ?? 30_000;
  }

  /** The folder's files and their ETags; a 404 is a SyncProblem 'not-found'. */
  async list(): Promise<Map<string, string | undefined>> {
    const res = await this.request('PROPFIND', '', {
      headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
      body: PROPFIND_BODY,
    });
    if (res.status !== 207) throw res.ok ? garbageProblem() : problemForStatus(res.status);
    const text = await this.read(res, () => res.text());
    try {
      const files = filesIn(this.base, parseMultistatus(text));
      for (const [name, etag] of files) files.set(name, etag && strongEtag(etag));
      return files;
    } catch {
      throw garbageProblem();
    }
  }

  /** Whether the folder exists (PROPFIND Depth 0). */
  async exists(): Promise<boolean> {
    const res = await this.request('PROPFIND', '', {
      headers: { Depth: '0', 'Content-Type': 'application/xml; charset=utf-8' },
      body: PROPFIND_BODY,
    });
    if (res.status === 404) return false;
    if (res.status !== 207) throw res.ok ? garbageProblem() : problemForStatus(res.status);
    await this.read(res, () => res.arrayBuffer());
    return true;
  }

  async makeFolder(): Promise<void> {
    const res = await this.request('MKCOL', '');
    // 405: it exists already (another device made it meanwhile).
    if (res.status !== 201 && res.status !== 405 && !res.ok) throw problemForStatus(res.status);
  }

  /** A file's bytes and ETag, or undefined when there is none. */
  async get(name: string): Promise<{ bytes: Uint8Array; etag?: string } | undefined> {
    const res = await this.request('GET', name);
    if (res.status === 404) return undefined;
    if (!res.ok) throw problemForStatus(res.status);
    const bytes = new Uint8Array(await this.read(res, () => res.arrayBuffer()));
    const etag = res.headers.get('ETag');
    return { bytes, ...(etag ? { etag: strongEtag(etag) } : {}) };
  }

  /**
   * Writes a file only if it is still the version `etag` names, or only if there is none (`etag`
   * undefined): a 412 (SyncProblem 'precondition') means another device wrote it meanwhile. The
   * new ETag, when the server says it.
   */
  async put(name: string, bytes: Uint8Array<ArrayBuffer>, etag: string | undefined): Promise<string | undefined> {
    const res = await this.request('PUT', name, {
      headers: {
        'Content-Type': 'application/octet-stream',
        ...(etag === undefined ? { 'If-None-Match': '*' } : { 'If-Match': etag }),
      },
      body: bytes,
    });
    if (!res.ok) throw problemForStatus(res.status);
    await this.read(res, () => res.arrayBuffer());
    const tag = res.headers.get('ETag');
    return tag ? strongEtag(tag) : undefined;
  }

  /** Writes a file whatever is there (this device's own manifest, the key file after a check). */
  async putAny(name: string, bytes: Uint8Array<ArrayBuffer> | string, contentType: string): Promise<void> {
    const res = await this.request('PUT', name, { headers: { 'Content-Type': contentType }, body: bytes });
    if (!res.ok) throw problemForStatus(res.status);
    await this.read(res, () => res.arrayBuffer());
  }

  /** Creates a file only when there is none; false when one appeared meanwhile (412). */
  async create(name: string, body: string, contentType: string): Promise<boolean> {
    const res = await this.request('PUT', name, {
      headers: { 'Content-Type': contentType, 'If-None-Match': '*' },
      body,
    });
    if (res.status === 412) return false;
    if (!res.ok) throw problemForStatus(res.status);
    await this.read(res, () => res.arrayBuffer());
    return true;
  }

  /** Deletes a file if it is still the version `etag` names; gone already counts as done. */
  async delete(name: string, etag: string | undefined): Promise<void> {
    const res = await this.request('DELETE', name, etag ? { headers: { 'If-Match': etag } } : {});
    if (res.status === 404) return;
    if (!res.ok) throw problemForStatus(res.status);
    await this.read(res, () => res.arrayBuffer());
  }

  private async request(
    method: string,
    name: string,
    init: { headers?: Record<string, string>; body?: BodyInit } = {},
  ): Promise<Response> {
    this.counts[method] = (this.counts[method] ?? 0) + 1;
    const url = name ? new URL(encodeURIComponent(name), this.base).href : this.base;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    try {
      const res = await this.fetch(url, {
        method,
        headers: { Authorization: this.auth, ...init.headers },
        ...(init.body === undefined ? {} : { body: init.body }),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
        signal: abort.signal,
      });
      return withTimer(res, timer, abort);
    } catch (e) {
      clearTimeout(timer);
      if (abort.signal.aborted) throw timeoutProblem(Math.round(this.timeoutMs / 1000));
      if (e instanceof SyncProblem) throw e;
      throw offlineProblem();
    }
  }

  /** Reads a body under the same timeout; a body that breaks off is a garbage answer. */
  private async read<T>(res: Response, body: () => Promise<T>): Promise<T> {
    const t = timers.get(res);
    try {
      return await body();
    } catch {
      if (t?.abort.signal.aborted) throw timeoutProblem(Math.round(this.timeoutMs / 1000));
      throw garbageProblem();
    } finally {
      if (t) clearTimeout(t.timer);
    }
  }
}

/**
 * The ETag without its weak mark. Apache marks a file's ETag weak for the second after it changed
 * (`W/"size-mtime"`, then `"size-mtime"`), and If-Match compares strongly: sent as the strong
 * form it matches once that second is over, and a 412 meanwhile is retried.
 */
export function strongEtag(etag: string): string {
  return etag.startsWith('W/') ? etag.slice(2) : etag;
}

const timers = new WeakMap<Response, { timer: ReturnType<typeof setTimeout>; abort: AbortController }>();

/** The request's timer runs on until its body is read (see read). */
function withTimer(res: Response, timer: ReturnType<typeof setTimeout>, abort: AbortController): Response {
  timers.set(res, { timer, abort });
  return res;
}
