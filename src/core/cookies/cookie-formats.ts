// One entry point for imports: recognise the format, then read it.
import type { CookieFormat } from './cookie-format-error.ts';
import { CookieFormatError } from './cookie-format-error.ts';
import type { ParsedCookies } from './cookie-format-common.ts';
import { parseNetscape } from './netscape-format.ts';
import { parseCookieEditorJson } from './cookie-editor-format.ts';
import { parseHeaderString } from './header-string-format.ts';
import { msg } from '../user-error.ts';

const NETSCAPE_LINE = /^(#HttpOnly_)?[^\t#\s][^\t]*\t(TRUE|FALSE)\t[^\t]*\t(TRUE|FALSE)\t-?\d/i;
const NETSCAPE_SPACED = /^(#HttpOnly_)?\S+\s+(TRUE|FALSE)\s+\S+\s+(TRUE|FALSE)\s+-?\d+\s+\S+/i;

export function detectCookieFormat(text: string): CookieFormat | undefined {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (t === '') return undefined;
  if (t.startsWith('[') || t.startsWith('{')) return 'json';
  const lines = t
    .split(/\r\n|\n|\r/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (
    lines.some(
      (l) => /^#\s*(Netscape )?HTTP Cookie File/i.test(l) || l.startsWith('#HttpOnly_') || NETSCAPE_LINE.test(l),
    )
  )
    return 'netscape';
  if (lines.some((l) => NETSCAPE_SPACED.test(l))) return 'netscape';
  const first = lines.find((l) => !l.startsWith('#'));
  if (first !== undefined && /^(cookie\s*:\s*)?[^\s=;]+\s*=/i.test(first)) return 'header';
  return undefined;
}

export interface ParseCookiesOptions {
  /** The site for a header string, which names no domain of its own. */
  defaultUrl?: string;
  /** Skip detection. */
  format?: CookieFormat;
}

export interface ParsedCookieFile extends ParsedCookies {
  format: CookieFormat;
}

/** Reads any supported format; throws CookieFormatError (with line or JSON path) on bad input. */
export function parseCookies(text: string, opts: ParseCookiesOptions = {}): ParsedCookieFile {
  const format = opts.format ?? detectCookieFormat(text);
  if (!format) {
    throw new CookieFormatError(msg('cookieNotAFile'), { line: 1 });
  }
  const parsed =
    format === 'netscape'
      ? parseNetscape(text)
      : format === 'json'
        ? parseCookieEditorJson(text)
        : parseHeaderString(text, opts.defaultUrl === undefined ? {} : { defaultUrl: opts.defaultUrl });
  if (parsed.cookies.length === 0) parsed.warnings.push(msg('cookieNoneFound'));
  return { format, ...parsed };
}
