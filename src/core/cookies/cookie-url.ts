// `cookies.set` and `cookies.remove` locate a cookie by URL. A Secure cookie needs an https URL
// or the browser refuses it, and the path must sit inside the URL for the cookie to match.
import type { CookieRecord } from './cookie-record.ts';
import { urlHost } from './cookie-domain.ts';

export function cookieUrl(c: Pick<CookieRecord, 'secure' | 'domain' | 'path'>): string {
  const path = c.path.startsWith('/') ? c.path : `/${c.path}`;
  return `${c.secure ? 'https' : 'http'}://${urlHost(c.domain)}${path}`;
}
