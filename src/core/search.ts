// Search over every saved session: names, tags, tab titles and URLs. Each session becomes one
// compact text (a line for the name and tags, a line per tab), lower-cased once, so a keystroke
// over 50,000 tabs is a string scan, not an object walk.
import type { Session, SessionBody } from './model.ts';

export interface SearchRecord {
  id: string;
  /** Line 0: name and tags; then one `title\turl` line per tab, windows in order. */
  text: string;
  /** Tabs per window, to turn a line number back into (window, tab). */
  windowSizes: number[];
}

export interface TabHit {
  windowIndex: number;
  tabIndex: number;
  title: string;
  url: string;
}

export interface SearchResult {
  id: string;
  score: number;
  nameHit: boolean;
  tabHits: TabHit[];
  /** All matching tabs, of which tabHits holds the first few. */
  tabHitCount: number;
}

const clean = (s: string) => s.replace(/[\n\t]/g, ' ');

export function buildSearchRecord(session: Pick<Session, 'id' | 'name' | 'tags'>, body: SessionBody): SearchRecord {
  const lines = [clean([session.name, ...session.tags.map((t) => `#${t}`)].join(' '))];
  const windowSizes: number[] = [];
  for (const w of body.windows) {
    windowSizes.push(w.tabs.length);
    for (const t of w.tabs) lines.push(`${clean(t.title)}\t${clean(t.url)}`);
  }
  return { id: session.id, text: lines.join('\n'), windowSizes };
}

export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

interface Entry {
  rec: SearchRecord;
  lower: string;
  lineStarts: Uint32Array;
  createdAt: number;
}

function lineStarts(text: string): Uint32Array {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  const out = new Uint32Array(n);
  let k = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out[k++] = i + 1;
  return out;
}

/**
 * The lines (0 = name and tags) that hold every word. Walks the occurrences of the rarest-looking
 * (longest) word and jumps to the next line after each hit, so a line is looked at once at most.
 */
function matchingLines(e: Entry, words: readonly string[]): number[] {
  const lead = words.reduce((a, b) => (b.length > a.length ? b : a));
  const others = words.filter((w) => w !== lead);
  const out: number[] = [];
  const text = e.lower;
  const starts = e.lineStarts;
  for (let i = text.indexOf(lead); i >= 0;) {
    const line = lineOf(starts, i);
    const end = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
    if (others.length === 0 || others.every((w) => lineHas(text, starts[line]!, end, w))) out.push(line);
    i = end + 1 < text.length ? text.indexOf(lead, end + 1) : -1;
  }
  return out;
}

function lineHas(text: string, start: number, end: number, word: string): boolean {
  // A slice, not indexOf from `start`: that would scan on past the line's end.
  return text.slice(start, end).includes(word);
}

function lineOf(starts: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class SearchIndex {
  private readonly entries = new Map<string, Entry>();

  get size(): number {
    return this.entries.size;
  }

  upsert(rec: SearchRecord, createdAt: number): void {
    this.entries.set(rec.id, { rec, lower: rec.text.toLowerCase(), lineStarts: lineStarts(rec.text), createdAt });
  }

  remove(id: string): void {
    this.entries.delete(id);
  }

  /**
   * Sessions where every word appears, on one tab or in the name and tags: a word of the name
   * holds for each of its tabs ("holiday lisbon" finds the Lisbon tab of "Holiday plans"). Ranked
   * name hits (every word in the name) first, then by matching tabs, then newest.
   */
  search(query: string, opts: { limit: number; tabsPerSession: number }): SearchResult[] {
    const words = queryWords(query);
    if (words.length === 0) return [];
    const found: { e: Entry; nameHit: boolean; lines: number[] }[] = [];
    for (const e of this.entries.values()) {
      if (!words.every((w) => e.lower.includes(w))) continue;
      const nameLine = e.lower.slice(0, e.lineStarts.length > 1 ? e.lineStarts[1]! - 1 : e.lower.length);
      const rest = words.filter((w) => !nameLine.includes(w));
      const nameHit = rest.length === 0;
      // With every word in the name, the tabs listed are those that hold every word themselves.
      const lines = matchingLines(e, nameHit ? words : rest);
      if (lines[0] === 0) lines.shift();
      if (nameHit || lines.length) found.push({ e, nameHit, lines });
    }
    const score = (f: (typeof found)[number]) => (f.nameHit ? 1e6 : 0) + Math.min(f.lines.length, 999) * 1e3;
    found.sort((a, b) => score(b) - score(a) || b.e.createdAt - a.e.createdAt);
    // Only the results shown pay for cutting their tab lines into titles and URLs.
    return found.slice(0, opts.limit).map((f) => ({
      id: f.e.rec.id,
      score: score(f),
      nameHit: f.nameHit,
      tabHits: f.lines.slice(0, opts.tabsPerSession).map((line) => this.hit(f.e, line)),
      tabHitCount: f.lines.length,
    }));
  }

  private hit(e: Entry, line: number): TabHit {
    const start = e.lineStarts[line]!;
    const end = line + 1 < e.lineStarts.length ? e.lineStarts[line + 1]! - 1 : e.rec.text.length;
    const [title = '', url = ''] = e.rec.text.slice(start, end).split('\t');
    let flat = line - 1;
    let windowIndex = 0;
    while (windowIndex < e.rec.windowSizes.length && flat >= e.rec.windowSizes[windowIndex]!)
      flat -= e.rec.windowSizes[windowIndex++]!;
    return { windowIndex, tabIndex: flat, title, url };
  }
}
