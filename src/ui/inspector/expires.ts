// The Expires cell: "Session" for session cookies, otherwise a date and "in 3 days".
import { absoluteTime, relativeTime } from '../../core/format-time.ts';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';

export interface ExpiresText {
  session: boolean;
  /** Absolute date and time, empty for session cookies. */
  date: string;
  /** "in 3 days" style, empty for session cookies. */
  relative: string;
}

export function expiresText(
  c: Pick<CookieRecord, 'session' | 'expirationDate'>,
  now: number,
  locale?: string,
): ExpiresText {
  if (c.session || c.expirationDate === undefined) return { session: true, date: '', relative: '' };
  const at = c.expirationDate * 1000;
  return { session: false, date: absoluteTime(at, locale), relative: relativeTime(at, now, locale) };
}
