// Session tokens that travel in addresses: servlet URL rewriting (`;jsessionid=…`), query
// parameters (`?PHPSESSID=…`, `?access_token=…`), OAuth's implicit flow (`#access_token=…&…`),
// signed links (`X-Amz-Signature`, `sig`) and ASP.NET's cookieless `/(S(…))/`. Whoever holds the
// address holds the session: saved sessions and exports must know them.
//
// A name alone is not enough: `?session=12` is a conference talk, `?token=` is empty, `?sig=1` is
// anything. So every match also passes the cookie rules' value check (estimateEntropyBits):
// names that can only mean a credential need a value of CREDENTIAL_MIN_BITS; everyday words
// (`session`, `token`, `sig`…) need a value that looks like an opaque token (opaqueTokenReason:
// ≥ 16 characters, ≥ 64 bits, not encoded text). A JWT counts under any name.
//
// Stripping works on the address as written: only the matched parameters go, everything else
// (order, percent-encoding, other parameters) stays byte for byte — never re-serialised by URL.
import { estimateEntropyBits } from './cookies/entropy.ts';
import { opaqueTokenReason } from './cookies/session-like.ts';
import { readJwt, safeDecodeUri } from './cookies/value-decoding.ts';

export type UrlTokenPlace = 'path' | 'query' | 'fragment';

export interface UrlToken {
  place: UrlTokenPlace;
  /** The parameter's name as written (`jsessionid`, `X-Amz-Signature`), or `(S(…))` for ASP.NET. */
  name: string;
}

/** A name that means a session ID or a credential whatever its value: a weak value still counts. */
export const CREDENTIAL_MIN_BITS = 32;

// Names compared lower-cased without `-`, `_` and `.`: access_token, accessToken, access-token.
const CREDENTIAL_NAMES = new Set([
  'jsessionid',
  'phpsessid',
  'sessionid',
  'sessid',
  'cgisessid',
  'sessiontoken',
  'sessionkey',
  'accesstoken',
  'idtoken',
  'refreshtoken',
  'authtoken',
  'oauthtoken',
  'bearertoken',
  'apikey',
  'jwt',
  'zenid',
  // Signed links: the signature (or the temporary credential's token) is what grants access.
  'xamzsignature',
  'xamzsecuritytoken',
  'xgoogsignature',
  'hdnts',
]);
// Words used for plenty else ("?session=12", "?auth=google"): only with an opaque value.
const EVERYDAY_NAMES = new Set(['sid', 'session', 'sess', 'token', 'auth', 'sig', 'signature', 'hmac', 'ticket']);
// Classic ASP's per-process cookie name, also rewritten into addresses.
const ASP_SESSION = /^aspsessionid[a-z]{8}$/;
// ASP.NET cookieless state: `/(S(lit3py55t21z5v55vlm25s55))/page.aspx`, also (A(…)) and (F(…)).
const ASPNET_SEGMENT = /^\((?:[A-Za-z]\([A-Za-z0-9_-]+\))+\)$/;
const SCHEMES = /^(?:https?|wss?|ftp):\/\//i;
// What every rule needs somewhere in the address: a piece of one of the names above, a JWT's start,
// ASP.NET's parenthesis, or a percent-escape (a name could be escaped). One test of the whole
// address skips the parsing for almost every tab of every session.
const MAYBE = /sess|sid|tok|auth|sig|hmac|ticket|jwt|key|hdnts|zenid|eyJ|\(|%/i;

function normalName(name: string): string {
  // Most names need no decoding: skip the try/catch of decodeURIComponent for them.
  const n = name.includes('%') ? safeDecodeUri(name) : name;
  return n.toLowerCase().replace(/[-_.]/g, '');
}

/** Whether `name=value` (as written in the address) carries a session token. */
export function isTokenParameter(name: string, value: string): boolean {
  if (value === '') return false;
  const n = normalName(name);
  const credential = CREDENTIAL_NAMES.has(n) || ASP_SESSION.test(n);
  // Any other name: only a readable JWT, which is a credential wherever it sits. Checked on the
  // raw value first: JWT characters need no percent-encoding, and this runs for every parameter.
  if (!credential && !EVERYDAY_NAMES.has(n)) return value.startsWith('eyJ') && readJwt(value) !== undefined;
  const v = safeDecodeUri(value).trim();
  if (v === '') return false;
  if (credential) return estimateEntropyBits(v) >= CREDENTIAL_MIN_BITS;
  return opaqueTokenReason(v) !== undefined;
}

interface Parts {
  /** scheme://authority */
  head: string;
  path: string;
  /** Without the `?`; undefined when the address has none. */
  query: string | undefined;
  /** Without the `#`; undefined when the address has none. */
  fragment: string | undefined;
}

function split(url: string): Parts | undefined {
  const scheme = SCHEMES.exec(url);
  if (!scheme) return undefined;
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? undefined : url.slice(hash + 1);
  const q = beforeHash.indexOf('?');
  const beforeQuery = q < 0 ? beforeHash : beforeHash.slice(0, q);
  const query = q < 0 ? undefined : beforeHash.slice(q + 1);
  const slash = beforeQuery.indexOf('/', scheme[0].length);
  const head = slash < 0 ? beforeQuery : beforeQuery.slice(0, slash);
  const path = slash < 0 ? '' : beforeQuery.slice(slash);
  return { head, path, query, fragment };
}

/** `name=value` pairs joined by `&`: the matched ones found, and the list without them. */
function scanParams(params: string, place: UrlTokenPlace, found: UrlToken[]): string {
  const kept: string[] = [];
  let removed = false;
  for (const pair of params.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && isTokenParameter(pair.slice(0, eq), pair.slice(eq + 1))) {
      found.push({ place, name: safeDecodeUri(pair.slice(0, eq)) });
      removed = true;
    } else {
      kept.push(pair);
    }
  }
  return removed ? kept.join('&') : params;
}

/** Path parameters (`/a;jsessionid=…/b`) and ASP.NET's cookieless segments. */
function scanPath(path: string, found: UrlToken[]): string {
  if (!path.includes(';') && !path.includes('(')) return path;
  let changed = false;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (ASPNET_SEGMENT.test(segment)) {
      const ids = [...segment.matchAll(/([A-Za-z])\(([^()]+)\)/g)];
      if (ids.some((m) => estimateEntropyBits(m[2] ?? '') >= CREDENTIAL_MIN_BITS)) {
        found.push({ place: 'path', name: `(${ids.map((m) => `${m[1]}(…)`).join('')})` });
        changed = true;
        continue;
      }
    }
    if (!segment.includes(';')) {
      segments.push(segment);
      continue;
    }
    const [first = '', ...params] = segment.split(';');
    const kept = params.filter((p) => {
      const eq = p.indexOf('=');
      if (eq <= 0 || !isTokenParameter(p.slice(0, eq), p.slice(eq + 1))) return true;
      found.push({ place: 'path', name: safeDecodeUri(p.slice(0, eq)) });
      return false;
    });
    if (kept.length !== params.length) changed = true;
    segments.push([first, ...kept].join(';'));
  }
  return changed ? segments.join('/') : path;
}

/**
 * The fragment's parameters: all of it when it reads `a=1&b=2` (OAuth's implicit flow), or what
 * follows a `?` in a script-routed fragment (`#/callback?token=…`). Other fragments are anchors.
 */
function scanFragment(fragment: string, found: UrlToken[]): string {
  if (!fragment.includes('=')) return fragment;
  const q = fragment.indexOf('?');
  if (q >= 0) {
    const rest = scanParams(fragment.slice(q + 1), 'fragment', found);
    return rest === '' ? fragment.slice(0, q) : `${fragment.slice(0, q + 1)}${rest}`;
  }
  if (!/^[^/=&]+=/.test(fragment)) return fragment;
  return scanParams(fragment, 'fragment', found);
}

function scan(url: string): { tokens: UrlToken[]; stripped: string } {
  const tokens: UrlToken[] = [];
  if (!MAYBE.test(url)) return { tokens, stripped: url };
  const parts = split(url);
  if (!parts) return { tokens, stripped: url };
  const path = scanPath(parts.path, tokens);
  const query = parts.query === undefined ? undefined : scanParams(parts.query, 'query', tokens);
  const fragment = parts.fragment === undefined ? undefined : scanFragment(parts.fragment, tokens);
  if (tokens.length === 0) return { tokens, stripped: url };
  // A query or fragment left empty by the stripping goes with its `?` or `#`; one empty before stays.
  const q = query === undefined || (query === '' && parts.query !== '') ? '' : `?${query}`;
  const f = fragment === undefined || (fragment === '' && parts.fragment !== '') ? '' : `#${fragment}`;
  return { tokens, stripped: `${parts.head}${path}${q}${f}` };
}

/** Every session token in the address, in the order path, query, fragment. */
export function findUrlTokens(url: string): UrlToken[] {
  return scan(url).tokens;
}

export function hasUrlToken(url: string): boolean {
  return scan(url).tokens.length > 0;
}

/** The address without its session tokens; the same string when it carries none. */
export function stripUrlTokens(url: string): string {
  return scan(url).stripped;
}
