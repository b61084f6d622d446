// Line-level helpers shared by the text formats (OneTab, Session Buddy text, URL lists).
import { lineAt } from './import-error.ts';
import type { UserMessage } from '../user-error.ts';

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Lines without their terminators; CRLF, LF and lone CR all count (files cross operating systems). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

// Schemes a URL line may carry even with a space in it (`javascript:alert('a b')`). For other
// schemes a space means a sentence, not a URL ("Re:Zero - Wikipedia" is a title).
const KNOWN_SCHEMES = new Set([
  'http',
  'https',
  'ftp',
  'file',
  'about',
  'javascript',
  'vbscript',
  'data',
  'blob',
  'mailto',
  'chrome',
  'chrome-extension',
  'chrome-untrusted',
  'chrome-search',
  'devtools',
  'edge',
  'brave',
  'opera',
  'vivaldi',
  'moz-extension',
  'resource',
  'view-source',
]);

/** Does this line (trimmed) read as a URL rather than as a title? */
export function looksLikeUrl(line: string): boolean {
  const m = /^([a-z][a-z0-9+.-]*):(\S)/i.exec(line);
  if (!m) return false;
  return !/\s/.test(line) || KNOWN_SCHEMES.has((m[1] ?? '').toLowerCase());
}

/** Line breaks cannot live inside one line of a line-based format: they become spaces. */
export function oneLine(s: string): string {
  return s.replace(/\r\n|\n|\r/g, ' ');
}

/**
 * "line N" for offsets met in increasing order, in linear total time (counting from the start for
 * every tab of a big file would be quadratic).
 */
export function lineCounter(text: string): (offset: number) => UserMessage {
  let scanned = 0;
  let line = 1;
  return (offset) => {
    if (offset < scanned) {
      scanned = 0;
      line = 1;
    }
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      scanned = i + 1;
    }
    return lineAt(line);
  };
}
