// The `Cookie:` request header form, `a=b; c=d`, as copied from DevTools or curl. It carries names
// and values only, so the site address must come from the caller and everything else is a guess.
import type { CookieRecord } from './cookie-record.ts';
import { CookieFormatError } from './cookie-format-error.ts';
import type { ParsedCookies, SerializedCookies } from './cookie-format-common.ts';
import { bareHost } from './cookie-domain.ts';
import { counted, msg, type UserMessage } from '../user-error.ts';

export interface HeaderStringOptions {
  /** The site the cookies belong to, e.g. the inspected page's URL. */
  defaultUrl?: string;
}

export function parseHeaderString(text: string, opts: HeaderStringOptions = {}): ParsedCookies {
  if (!opts.defaultUrl) {
    throw new CookieFormatError(msg('headerNeedsSite'), { format: 'header' });
  }
  let url: URL;
  try {
    url = new URL(opts.defaultUrl);
  } catch {
    throw new CookieFormatError(msg('headerBadSite', opts.defaultUrl), { format: 'header' });
  }
  const host = bareHost(url.hostname);
  if (!host) throw new CookieFormatError(msg('headerNoHost', opts.defaultUrl), { format: 'header' });
  const secure = url.protocol === 'https:';

  const warnings: UserMessage[] = [];
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
        warnings.push(msg('headerNoEquals', i + 1, pair));
        continue;
      }
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (seen.has(name)) {
        // The browser sends the most specific copy first; the others would overwrite it here.
        warnings.push(msg('headerRepeated', name));
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
    const flag = secure ? msg('headerSecure') : msg('headerNotSecure');
    warnings.push(counted(cookies.length, 'headerImportedOne', 'headerImportedOther', host, flag));
  }
  return { cookies, warnings };
}

export function toHeaderString(cookies: readonly CookieRecord[]): SerializedCookies {
  const notes: UserMessage[] = [];
  const text = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  if (cookies.length > 0) notes.push(counted(cookies.length, 'headerOnlyNamesOne', 'headerOnlyNamesOther'));
  const names = cookies.map((c) => c.name);
  const dupes = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (dupes.length > 0) notes.push(msg('headerRepeatedNames', dupes.join(', ')));
  const broken = cookies.filter(
    (c) => c.name.includes('=') || c.name.includes(';') || c.value.includes(';') || /[\r\n]/.test(c.name + c.value),
  );
  const brokenNames = broken.map((c) => c.name).join(', ');
  if (broken.length > 0)
    notes.push(counted(broken.length, 'headerUnreadableOne', 'headerUnreadableOther', brokenNames));
  const partitioned = cookies.filter((c) => c.partitionKey).length;
  if (partitioned > 0) notes.push(counted(partitioned, 'headerLosePartitionOne', 'headerLosePartitionOther'));
  return { text, notes };
}
