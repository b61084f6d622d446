// Netscape cookies.txt (curl, wget, yt-dlp, browser add-ons): one cookie a line, 7 TAB-separated
// fields: domain, includeSubdomains, path, secure, expires (Unix seconds, 0 = session), name,
// value. `#HttpOnly_` before the domain marks HttpOnly and is NOT a comment.
import type { CookieRecord } from './cookie-record.ts';
import { CookieFormatError } from './cookie-format-error.ts';
import type { ParsedCookies, SerializedCookies } from './cookie-format-common.ts';
import { reportedDomain, storeLossNote } from './cookie-format-common.ts';
import { bareHost } from './cookie-domain.ts';
import { counted, msg, type UserMessage } from '../user-error.ts';

export const NETSCAPE_HEADER = '# Netscape HTTP Cookie File';
const HTTPONLY_PREFIX = '#HttpOnly_';

function flag(field: string, problem: (found: string) => UserMessage, line: number): boolean {
  const f = field.trim().toUpperCase();
  if (f === 'TRUE') return true;
  if (f === 'FALSE') return false;
  throw new CookieFormatError(problem(field), { format: 'netscape', line });
}

function splitFields(rest: string, line: number, warnings: UserMessage[]): string[] {
  const tabbed = rest.split('\t');
  if (tabbed.length >= 6) return tabbed;
  // Copying from a web page or a terminal often turns the tabs into spaces.
  const spaced = rest.trim().split(/\s+/);
  if (spaced.length === 7 && /^(TRUE|FALSE)$/i.test(spaced[1] ?? '') && /^(TRUE|FALSE)$/i.test(spaced[3] ?? '')) {
    warnings.push(msg('netscapeSpaces', line));
    return spaced;
  }
  throw new CookieFormatError(msg('netscapeFieldCount', tabbed.length), { format: 'netscape', line });
}

export function parseNetscape(text: string): ParsedCookies {
  const cookies: CookieRecord[] = [];
  const warnings: UserMessage[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let rest = raw;
    let httpOnly = false;
    if (rest.startsWith(HTTPONLY_PREFIX)) {
      httpOnly = true;
      rest = rest.slice(HTTPONLY_PREFIX.length);
    } else if (rest.trimStart().startsWith('#')) {
      return;
    }
    const fields = splitFields(rest, line, warnings);
    const [domainField = '', subdomainsField = '', pathField = '', secureField = '', expiresField = '', name = ''] =
      fields;
    let value = fields.slice(6).join('\t');
    if (fields.length === 6) {
      value = '';
      warnings.push(msg('netscapeNoValue', line, name));
    } else if (fields.length > 7) {
      warnings.push(msg('netscapeTabsInValue', line, name));
    }
    const domain = bareHost(domainField);
    if (!domain) throw new CookieFormatError(msg('netscapeEmptyDomain'), { format: 'netscape', line });
    const includeSubdomains = flag(subdomainsField, (found) => msg('netscapeSubdomainsFlag', found), line);
    if (domainField.trim().startsWith('.') !== includeSubdomains) {
      warnings.push(
        includeSubdomains
          ? msg('netscapeDisagreeShared', line, domainField.trim())
          : msg('netscapeDisagreeHostOnly', line, domainField.trim()),
      );
    }
    const secure = flag(secureField, (found) => msg('netscapeSecureFlag', found), line);
    const expiresText = expiresField.trim();
    if (!/^-?\d+(\.\d+)?$/.test(expiresText)) {
      throw new CookieFormatError(msg('netscapeExpires', expiresField), { format: 'netscape', line });
    }
    const expires = Number(expiresText);
    if (expires < 0) warnings.push(msg('netscapeNegativeExpiry', line, expiresText));
    let path = pathField.trim();
    if (!path.startsWith('/')) {
      warnings.push(msg('netscapePathSlash', line, path, `/${path}`));
      path = `/${path}`;
    }
    const cookie: CookieRecord = {
      name,
      value,
      domain: reportedDomain(domain, !includeSubdomains),
      hostOnly: !includeSubdomains,
      path,
      secure,
      httpOnly,
      sameSite: 'unspecified',
      session: expires <= 0,
      storeId: '',
    };
    // 0 stays a session cookie: turning it into a short-lived persistent one is a known
    // complaint about other tools.
    if (expires > 0) cookie.expirationDate = expires;
    cookies.push(cookie);
  });
  if (cookies.length > 0) warnings.push(counted(cookies.length, 'netscapeNoSameSiteOne', 'netscapeNoSameSiteOther'));
  return { cookies, warnings };
}

// A field with one of these would break the line structure on the way back in.
const BREAKS_LINE = /[\r\n]/;
const BREAKS_FIELD = /[\t\r\n]/;

export function toNetscape(cookies: readonly CookieRecord[]): SerializedCookies {
  const out = [NETSCAPE_HEADER, '# https://curl.se/docs/http-cookies.html', '# Written by Tabularium.', ''];
  const notes: UserMessage[] = [];
  const unwritable: string[] = [];
  let rounded = 0;
  for (const c of cookies) {
    if (
      BREAKS_FIELD.test(c.name) ||
      BREAKS_FIELD.test(c.domain) ||
      BREAKS_FIELD.test(c.path) ||
      BREAKS_LINE.test(c.value)
    ) {
      unwritable.push(c.name);
      continue;
    }
    let expires = 0;
    if (!c.session && c.expirationDate !== undefined) {
      expires = Math.max(1, Math.round(c.expirationDate));
      if (expires !== c.expirationDate) rounded++;
    }
    const domain = `${c.httpOnly ? HTTPONLY_PREFIX : ''}${reportedDomain(c.domain, c.hostOnly)}`;
    out.push(
      [
        domain,
        c.hostOnly ? 'FALSE' : 'TRUE',
        c.path || '/',
        c.secure ? 'TRUE' : 'FALSE',
        String(expires),
        c.name,
        c.value,
      ].join('\t'),
    );
  }
  const n = unwritable.length;
  if (n > 0) notes.push(counted(n, 'netscapeUnwritableOne', 'netscapeUnwritableOther', unwritable.join(', ')));
  const sameSite = cookies.filter((c) => c.sameSite !== 'unspecified').length;
  if (sameSite > 0) notes.push(counted(sameSite, 'netscapeLoseSameSiteOne', 'netscapeLoseSameSiteOther'));
  const partitioned = cookies.filter((c) => c.partitionKey).length;
  if (partitioned > 0) notes.push(counted(partitioned, 'netscapeLosePartitionOne', 'netscapeLosePartitionOther'));
  const fpd = cookies.filter((c) => c.firstPartyDomain).length;
  if (fpd > 0) notes.push(counted(fpd, 'netscapeLoseFirstPartyOne', 'netscapeLoseFirstPartyOther'));
  const stores = storeLossNote(cookies, 'cookies.txt');
  if (stores) notes.push(stores);
  if (rounded > 0) notes.push(counted(rounded, 'netscapeRoundedOne', 'netscapeRoundedOther'));
  return { text: `${out.join('\n')}\n`, notes };
}
