// Why a saved cookie was not put back: a code that pages act on (the popup offers "overwrite" for
// 'newer-in-browser') and a message they show. Kept apart from cookie-keeping.ts so the popup can
// read them without pulling in the Public Suffix List that module needs.
import { msg, UserError, type UserMessage } from './user-error.ts';

export type CookieRestoreCode =
  /** The browser already holds the same cookie. */
  | 'same'
  /** The browser holds a different value, set after the capture: kept unless overwriting. */
  | 'newer-in-browser'
  | 'expired'
  /** The browser would refuse it (see set-details.ts), so it was not even tried. */
  | 'not-settable'
  /** The browser refused it: its own words are in the message. */
  | 'refused'
  /** Tabularium may not set cookies (permission off). */
  | 'no-access'
  /** Reading the saved cookies, or something else around the restore, failed. */
  | 'failed';

export interface CookieRestoreReason {
  code: CookieRestoreCode;
  reason: UserMessage;
}

export const SAME_COOKIE_REASON: CookieRestoreReason = { code: 'same', reason: msg('cookieRestoreSame') };
export const NEWER_COOKIE_REASON: CookieRestoreReason = {
  code: 'newer-in-browser',
  reason: msg('cookieRestoreNewer'),
};
export const ACCESS_OFF_REASON: CookieRestoreReason = { code: 'no-access', reason: msg('cookieRestoreAccessOff') };

function words(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A failure to set or remove a cookie: our own message when we made one, else the browser's words. */
export function cookieFailure(e: unknown): UserMessage {
  return e instanceof UserError ? e.userMessage : msg('cookieBrowserRefused', words(e));
}

/** The browser refused the cookie; its words (in its own language, or English) go inside ours. */
export function browserRefused(e: unknown): CookieRestoreReason {
  return { code: 'refused', reason: cookieFailure(e) };
}

/** The restore of a session's cookies failed as a whole (its saved cookies could not be read…). */
export function restoreFailed(e: unknown): CookieRestoreReason {
  return { code: 'failed', reason: e instanceof UserError ? e.userMessage : msg('cookieRestoreFailed', words(e)) };
}
