// Cookie-Editor-compatible JSON: an array of the browser's Cookie objects (sameSite null for
// unspecified, storeId null; Firefox adds firstPartyDomain). Reading is lenient about the
// look-alikes people paste (EditThisCookie, Playwright/Puppeteer `expires` and "Lax"/"None").
import type { CookieRecord, PartitionKey, SameSite } from './cookie-record.ts';
import { CookieFormatError } from './cookie-format-error.ts';
import type { ParsedCookies, SerializedCookies } from './cookie-format-common.ts';
import { reportedDomain, storeLossNote } from './cookie-format-common.ts';
import { bareHost } from './cookie-domain.ts';
import { findJsonError, lineColumn } from '../formats/json-text.ts';
import { counted, msg, type UserMessage } from '../user-error.ts';

function fail(problem: UserMessage, path: string): never {
  throw new CookieFormatError(problem, { format: 'json', path });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optionalBoolean(o: Record<string, unknown>, key: string, path: string): boolean | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  return fail(msg('cookieJsonBoolean', key, JSON.stringify(v)), `${path}.${key}`);
}

function sameSiteOf(v: unknown, path: string, warnings: UserMessage[]): SameSite {
  if (v === undefined || v === null) return 'unspecified';
  const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
  if (s === 'no_restriction' || s === 'none') return 'no_restriction';
  if (s === 'lax' || s === 'strict' || s === 'unspecified') return s;
  warnings.push(msg('cookieJsonSameSite', `${path}.sameSite`, JSON.stringify(v)));
  return 'unspecified';
}

function expiryOf(o: Record<string, unknown>, path: string): number | undefined {
  const key = o['expirationDate'] !== undefined && o['expirationDate'] !== null ? 'expirationDate' : 'expires';
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n))
    return fail(msg('cookieJsonExpiry', key, JSON.stringify(v)), `${path}.${key}`);
  // Playwright and Puppeteer write -1 for a session cookie.
  return n > 0 ? n : undefined;
}

function partitionKeyOf(v: unknown, path: string): PartitionKey | undefined {
  if (v === undefined || v === null) return undefined;
  // Playwright writes the top-level site as a plain string.
  if (typeof v === 'string') return { topLevelSite: v };
  if (!isObject(v)) return fail(msg('cookieJsonPartitionKey'), `${path}.partitionKey`);
  const pk: PartitionKey = {};
  const site = v['topLevelSite'];
  if (site !== undefined) {
    if (typeof site !== 'string') return fail(msg('cookieJsonTopLevelSite'), `${path}.partitionKey.topLevelSite`);
    pk.topLevelSite = site;
  }
  const cross = v['hasCrossSiteAncestor'];
  if (cross !== undefined) {
    if (typeof cross !== 'boolean')
      return fail(msg('cookieJsonCrossSite'), `${path}.partitionKey.hasCrossSiteAncestor`);
    pk.hasCrossSiteAncestor = cross;
  }
  return pk;
}

function cookieOf(item: unknown, path: string, warnings: UserMessage[]): CookieRecord {
  if (!isObject(item)) return fail(msg('cookieJsonNotCookie'), path);
  const name = item['name'];
  if (typeof name !== 'string') return fail(msg('cookieJsonName'), `${path}.name`);
  let value = item['value'];
  if (typeof value === 'number' || typeof value === 'boolean') {
    warnings.push(msg('cookieJsonValueText', `${path}.value`, JSON.stringify(value), String(value)));
    value = String(value);
  }
  if (typeof value !== 'string') return fail(msg('cookieJsonValue'), `${path}.value`);

  let rawDomain = item['domain'];
  if ((rawDomain === undefined || rawDomain === null) && typeof item['url'] === 'string') {
    try {
      rawDomain = new URL(item['url']).hostname;
    } catch {
      return fail(msg('cookieJsonUrl'), `${path}.url`);
    }
  }
  if (typeof rawDomain !== 'string' || bareHost(rawDomain) === '')
    return fail(msg('cookieJsonDomain'), `${path}.domain`);
  const hostOnly = optionalBoolean(item, 'hostOnly', path) ?? !rawDomain.trim().startsWith('.');
  if (hostOnly && rawDomain.trim().startsWith('.')) warnings.push(msg('cookieJsonHostOnlyDot', path, rawDomain));

  const rawPath = item['path'];
  if (rawPath !== undefined && rawPath !== null && typeof rawPath !== 'string')
    return fail(msg('cookieJsonPath'), `${path}.path`);
  const cookiePath = typeof rawPath === 'string' && rawPath !== '' ? rawPath : '/';

  const expirationDate = expiryOf(item, path);
  const session = optionalBoolean(item, 'session', path);
  if (session === true && expirationDate !== undefined) {
    // The expiry is the more specific statement; dropping it would cut the login short.
    warnings.push(msg('cookieJsonSessionWithExpiry', path));
  } else if (session === false && expirationDate === undefined) {
    warnings.push(msg('cookieJsonNoExpiry', path));
  }

  const storeId = item['storeId'];
  if (storeId !== undefined && storeId !== null && typeof storeId !== 'string')
    return fail(msg('cookieJsonStoreId'), `${path}.storeId`);
  const fpd = item['firstPartyDomain'];
  if (fpd !== undefined && fpd !== null && typeof fpd !== 'string')
    return fail(msg('cookieJsonFirstPartyDomain'), `${path}.firstPartyDomain`);

  const cookie: CookieRecord = {
    name,
    value,
    domain: reportedDomain(rawDomain, hostOnly),
    hostOnly,
    path: cookiePath,
    secure: optionalBoolean(item, 'secure', path) ?? false,
    httpOnly: optionalBoolean(item, 'httpOnly', path) ?? false,
    sameSite: sameSiteOf(item['sameSite'], path, warnings),
    session: expirationDate === undefined,
    storeId: typeof storeId === 'string' ? storeId : '',
  };
  if (expirationDate !== undefined) cookie.expirationDate = expirationDate;
  const pk = partitionKeyOf(item['partitionKey'], path);
  if (pk) cookie.partitionKey = pk;
  if (typeof fpd === 'string') cookie.firstPartyDomain = fpd;
  return cookie;
}

export function parseCookieEditorJson(text: string): ParsedCookies {
  const source = text.replace(/^\uFEFF/, '');
  let root: unknown;
  try {
    root = JSON.parse(source);
  } catch {
    // The engine's own message is English and often without a position: find both ourselves.
    const { offset, problem } = findJsonError(source);
    throw new CookieFormatError(msg('cookieJsonInvalid', problem), { format: 'json', ...lineColumn(source, offset) });
  }
  const warnings: UserMessage[] = [];
  let items: unknown[];
  let base = '$';
  if (Array.isArray(root)) items = root;
  else if (isObject(root) && Array.isArray(root['cookies'])) {
    items = root['cookies'];
    base = '$.cookies';
  } else if (isObject(root) && 'name' in root) {
    warnings.push(msg('cookieJsonSingle'));
    return { cookies: [cookieOf(root, '$', warnings)], warnings };
  } else {
    return fail(msg('cookieJsonNotList'), '$');
  }
  const cookies = items.map((item, i) => cookieOf(item, `${base}[${i}]`, warnings));
  return { cookies, warnings };
}

/** The browser Cookie object shape Cookie-Editor writes, keys in its order. */
export interface CookieEditorCookie {
  domain: string;
  expirationDate?: number;
  hostOnly: boolean;
  httpOnly: boolean;
  name: string;
  path: string;
  sameSite: Exclude<SameSite, 'unspecified'> | null;
  secure: boolean;
  session: boolean;
  storeId: null;
  value: string;
  firstPartyDomain?: string;
  partitionKey?: PartitionKey;
}

export function toCookieEditorJson(cookies: readonly CookieRecord[]): SerializedCookies {
  const notes: UserMessage[] = [];
  const out = cookies.map((c): CookieEditorCookie => {
    const persistent = !c.session && c.expirationDate !== undefined;
    const o: CookieEditorCookie = {
      domain: reportedDomain(c.domain, c.hostOnly),
      hostOnly: c.hostOnly,
      httpOnly: c.httpOnly,
      name: c.name,
      path: c.path,
      sameSite: c.sameSite === 'unspecified' ? null : c.sameSite,
      secure: c.secure,
      session: !persistent,
      storeId: null,
      value: c.value,
    };
    if (persistent) o.expirationDate = c.expirationDate;
    if (c.firstPartyDomain !== undefined) o.firstPartyDomain = c.firstPartyDomain;
    if (c.partitionKey) o.partitionKey = { ...c.partitionKey };
    return orderKeys(o);
  });
  const stores = storeLossNote(cookies, msg('cookieEditorJsonNoStores'));
  if (stores) notes.push(stores);
  const partitioned = cookies.filter((c) => c.partitionKey).length;
  if (partitioned > 0) notes.push(counted(partitioned, 'cookieEditorPartitionOne', 'cookieEditorPartitionOther'));
  return { text: `${JSON.stringify(out, null, 4)}\n`, notes };
}

const KEY_ORDER: (keyof CookieEditorCookie)[] = [
  'domain',
  'expirationDate',
  'hostOnly',
  'httpOnly',
  'name',
  'path',
  'sameSite',
  'secure',
  'session',
  'storeId',
  'value',
  'firstPartyDomain',
  'partitionKey',
];

// The browser's own key order (expirationDate right after domain), so exports diff cleanly.
function orderKeys(o: CookieEditorCookie): CookieEditorCookie {
  const sorted: Partial<Record<keyof CookieEditorCookie, unknown>> = {};
  for (const k of KEY_ORDER) if (o[k] !== undefined) sorted[k] = o[k];
  return sorted as CookieEditorCookie;
}
