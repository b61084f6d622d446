// The part of a tab's address worth showing in a search result: the site, then the words around
// the match, so a word found only deep in a URL is seen (the box cuts long addresses at its end).

/** "github.com/org/repo/…/pull/12?ref=quokka": at most `max` characters, the first match inside. */
export function urlSnippet(url: string, words: readonly string[], max = 56): string {
  const short = url.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  if (short.length <= max) return short;
  const lower = short.toLowerCase();
  let at = -1;
  let len = 0;
  for (const w of words) {
    const i = w ? lower.indexOf(w.toLowerCase()) : -1;
    if (i >= 0 && (at < 0 || i < at)) [at, len] = [i, w.length];
  }
  if (at < 0 || at + len <= max - 1) return `${short.slice(0, max - 1)}…`;
  // The site stays in front when there is room for it and the match.
  const slash = short.indexOf('/');
  const host = slash > 0 && slash <= max / 3 ? short.slice(0, slash) : '';
  const room = max - (host ? host.length + 1 : 0) - 2;
  const before = Math.max(0, Math.floor((room - len) / 3));
  let start = Math.max(host.length, at - before);
  const end = Math.min(short.length, start + room);
  start = Math.max(host.length, end - room);
  return `${host}${host ? '/' : ''}…${short.slice(start, end)}${end < short.length ? '…' : ''}`;
}

/** The words of a query as the search matches them: lower case, split on spaces. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export interface Segment {
  text: string;
  hit: boolean;
}

/**
 * Splits text into plain and matching parts, for <mark>ing matches as text (never as HTML). Here
 * rather than beside the search index, so a page that only shows results does not load the index.
 */
export function highlight(text: string, words: readonly string[]): Segment[] {
  if (words.length === 0 || !text) return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const marks = new Uint8Array(text.length);
  for (const w of words) {
    for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) marks.fill(1, i, i + w.length);
  }
  const out: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marks[i] !== marks[start]) {
      out.push({ text: text.slice(start, i), hit: marks[start] === 1 });
      start = i;
    }
  }
  return out;
}
