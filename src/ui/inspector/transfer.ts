// Export and import through the core formats. Exports always come with the format's notes (what
// it could not carry, where session cookies went), so nothing is dropped silently.
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import type { SerializedCookies } from '../../core/cookies/cookie-format-common.ts';
import { toCookieEditorJson } from '../../core/cookies/cookie-editor-format.ts';
import { toHeaderString } from '../../core/cookies/header-string-format.ts';
import { toNetscape } from '../../core/cookies/netscape-format.ts';
import { parseCookies, type ParsedCookieFile } from '../../core/cookies/cookie-formats.ts';
import { counted } from '../../core/user-error.ts';

export type ExportFormat = 'netscape' | 'json' | 'header';

export interface ExportResult extends SerializedCookies {
  filename: string;
  mime: string;
  count: number;
}

export function exportCookies(cookies: readonly CookieRecord[], format: ExportFormat, host: string): ExportResult {
  const base = (host || 'cookies').replace(/[^\w.-]/g, '_');
  const s: SerializedCookies =
    format === 'netscape'
      ? toNetscape(cookies)
      : format === 'json'
        ? toCookieEditorJson(cookies)
        : toHeaderString(cookies);
  const file =
    format === 'netscape'
      ? { filename: `${base}-cookies.txt`, mime: 'text/plain' }
      : format === 'json'
        ? { filename: `${base}-cookies.json`, mime: 'application/json' }
        : { filename: `${base}-cookie-header.txt`, mime: 'text/plain' };
  const sessions = cookies.filter((c) => c.session).length;
  // People's worst import surprise is a session cookie coming back as a 1-day cookie: say plainly
  // where they went.
  if (sessions > 0 && format === 'netscape') {
    s.notes.push(counted(sessions, 'inspSessionsAsExpiry0One', 'inspSessionsAsExpiry0Other'));
  } else if (sessions > 0 && format === 'json') {
    s.notes.push(counted(sessions, 'inspSessionsAsSessionOne', 'inspSessionsAsSessionOther'));
  }
  return { ...s, notes: [...s.notes], ...file, count: cookies.length };
}

/** Reads pasted or loaded text; a header string gets the page's URL as its site. Throws CookieFormatError. */
export function importText(text: string, pageUrl: string): ParsedCookieFile {
  return parseCookies(text, { defaultUrl: pageUrl });
}
