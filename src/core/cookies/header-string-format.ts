// The `Cookie:` request header form, `a=b; c=d`, as copied from DevTools or curl. It carries names
// and values only, so the site address must come from the caller and everything else is a guess.
import type { CookieRecord } from './cookie-record.ts';
import { CookieFormatError } from './cookie-format-error.ts';
import type { ParsedCookies, SerializedCookies } from './cookie-format-common.ts';
import { plural } from './cookie-format-common.ts';
import { bareHost } from './cookie-domain.ts';

export interface HeaderStringOptions {
  /** The site the cookies belong to, e.g. the inspected page's URL. */
  defaultUrl?: string;
}

export function parseHeaderString(text: string, opts: HeaderStringOptions = {}): ParsedCookies {
  if (!opts.defaultUrl) {
    throw new CookieFormatError(
      'a header string has only names and values: give the address of the site the cookies belong to.',
      { format: 'header' },
    );
  }
  let url: URL;
  try {
    url = new URL(opts.defaultUrl);
  } catch {
    throw new CookieFormatError(`"${opts.defaultUrl}" is not a valid address for the cookies.`, { format: 'header' });
  }
  const host = bareHost(url.hostname);
  if (!host)
    throw new CookieFormatError(`"${opts.defaultUrl}" has no host name for the cookies.`, { format: 'header' });
  const secure = url.protocol === 'https:';

  const warnings: string[] = [];
  const cookies: CookieRecord[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((rawLine, i) => {
    const line = rawLine.replace(/^\s*cookie\s*:/i, '');
    for (const rawPair of line.split(';')) {
      const pair = rawPair.trim();
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      if (eq < 0) {
        warnings.push(`Line ${i + 1}: "${pair}" has no "=", so it is not a name=value pair; skipped.`);
        continue;
      }
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (seen.has(name)) {
        // The browser sends the most specific copy first; the others would overwrite it here.
        warnings.push(`"${name}" appears more than once; kept the first.`);
        continue;
      }
      seen.add(name);
      cookies.push({
        name,
        value,
        domain: host,
        hostOnly: true,
        path: '/',
        secure,
        httpOnly: false,
        sameSite: 'unspecified',
        session: true,
        storeId: '',
      });
    }
  });
  if (cookies.length > 0) {
    warnings.push(
      `A header string has names and values only: ${plural(cookies.length, 'cookie')} imported for ${host} only, path /, ${secure ? 'Secure' : 'not Secure'}, not HttpOnly, SameSite unspecified, ending with the browser session.`,
    );
  }
  return { cookies, warnings };
}

export function toHeaderString(cookies: readonly CookieRecord[]): SerializedCookies {
  const notes: string[] = [];
  const text = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  if (cookies.length > 0) {
    notes.push(
      `A header string carries only names and values: the domain, path, expiry, Secure, HttpOnly and SameSite of ${plural(cookies.length, 'cookie')} are not included.`,
    );
  }
  const names = cookies.map((c) => c.name);
  const dupes = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (dupes.length > 0)
    notes.push(`Names used more than once (${dupes.join(', ')}) cannot be told apart in a header string.`);
  const broken = cookies.filter(
    (c) => c.name.includes('=') || c.name.includes(';') || c.value.includes(';') || /[\r\n]/.test(c.name + c.value),
  );
  if (broken.length > 0)
    notes.push(
      `${plural(broken.length, 'cookie')} (${broken.map((c) => c.name).join(', ')}) contain ";", "=" in the name, or line breaks, and will not read back the same.`,
    );
  const partitioned = cookies.filter((c) => c.partitionKey).length;
  if (partitioned > 0)
    notes.push(`${plural(partitioned, 'partitioned cookie')} lose${partitioned === 1 ? 's' : ''} the partition.`);
  return { text, notes };
}
