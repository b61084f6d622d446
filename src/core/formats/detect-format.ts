// Which format a file is in, from its content alone: file names lie (a OneTab export is whatever
// the person called it, Session Buddy writes .txt and .csv, TSM writes .json for everything).
import { looksLikeHtml } from './html-import.ts';
import { looksLikeMarkdown } from './markdown-text.ts';
import { looksLikeSessionCsv } from './session-buddy-csv.ts';
import { looksLikeUrl, splitLines, stripBom } from './text-lines.ts';

export type ImportFormat =
  | 'tabularium'
  | 'tab-session-manager'
  | 'session-buddy-json'
  | 'session-buddy-text'
  | 'session-buddy-csv'
  | 'onetab'
  | 'url-list'
  | 'html'
  | 'markdown';

export type TextFormat = Exclude<ImportFormat, 'tabularium' | 'tab-session-manager' | 'session-buddy-json'>;

/** JSON is recognised by its first character; which JSON format it is needs the parsed value. */
export function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(stripBom(text));
}

/** The text format of a file that is not JSON, or undefined when nothing fits. */
export function detectTextFormat(text: string): TextFormat | undefined {
  const body = stripBom(text);
  const trimmed = body.trimStart();
  const lines = splitLines(body);
  if (looksLikeMarkdown(lines)) return 'markdown';
  if (looksLikeHtml(trimmed)) return 'html';
  if (looksLikeSessionCsv(trimmed)) return 'session-buddy-csv';
  let urls = 0;
  let other = 0;
  let piped = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const sep = line.indexOf(' | ');
    if (looksLikeUrl(sep < 0 ? line : line.slice(0, sep))) {
      urls++;
      if (sep >= 0) piped++;
    } else {
      other++;
    }
  }
  if (urls === 0) return undefined;
  // A line that is not a URL is a title above its URL (Session Buddy); OneTab puts titles after " | ".
  // A stray non-URL line in a OneTab file does not turn it into something else.
  if (piped > 0 && piped >= other) return 'onetab';
  return other > 0 ? 'session-buddy-text' : 'url-list';
}
