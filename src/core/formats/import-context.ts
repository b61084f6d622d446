// What every importer shares: the caller's options, the list of things skipped or shortened, the
// per-file budgets, and the one place that turns a foreign tab into a TabRecord.
import { ImportError, type Place } from './import-error.ts';
import {
  MAX_NOTES,
  MAX_SESSIONS_PER_FILE,
  MAX_TABS_PER_FILE,
  MAX_TAG_CHARS,
  MAX_TAGS,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
} from './limits.ts';
import { countTabs, type SessionWithBody, type TabRecord, type WindowRecord } from '../model.ts';
import { defaultSessionName } from '../session-name.ts';
import { charactersText, counted, msg, type Substitution, type UserMessage } from '../user-error.ts';

export interface ImportOptions {
  /** Fresh ids for sessions that do not carry their own (everything but Tabularium's format). */
  newId: () => string;
  /** Epoch ms: the date of sessions whose source has none. */
  now: number;
}

/** Something left out or shortened: what (a tab, a title… and where), and why. */
export interface SkipNote {
  what: UserMessage;
  reason: UserMessage;
}

/** Notes for the person: capped so a file with 100,000 odd tabs gives a readable list. */
export class Notes {
  readonly list: SkipNote[] = [];
  private extra = 0;

  add(what: UserMessage, reason: UserMessage): void {
    if (this.list.length < MAX_NOTES) this.list.push({ what, reason });
    else this.extra++;
  }

  finish(): SkipNote[] {
    if (this.extra === 0) return this.list;
    return [
      ...this.list,
      { what: counted(this.extra, 'importMoreNotesOne', 'importMoreNotesOther'), reason: msg('importMoreNotesReason') },
    ];
  }
}

export class FileContext {
  private tabs = 0;
  private sessions = 0;

  constructor(
    /** The file's name, or a message for a file without one. */
    readonly file: Substitution,
    readonly opts: ImportOptions,
    readonly notes: Notes,
  ) {}

  /** Where a note points: "tsm.json, $[0].windows.1.2". */
  where(place: Place): Substitution {
    return place ? msg('importFileAt', this.file, place) : this.file;
  }

  countTab(place: Place): void {
    if (++this.tabs > MAX_TABS_PER_FILE)
      throw new ImportError(
        this.file,
        place,
        msg('importTooManyTabs', counted(MAX_TABS_PER_FILE, 'countTabsOne', 'countTabsOther')),
      );
  }

  countSession(place: Place): void {
    if (++this.sessions > MAX_SESSIONS_PER_FILE) {
      throw new ImportError(
        this.file,
        place,
        msg('importTooManySessions', counted(MAX_SESSIONS_PER_FILE, 'countSessionsOne', 'countSessionsOther')),
      );
    }
  }
}

/** Cuts at `max` UTF-16 units without splitting a surrogate pair. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const hi = s.charCodeAt(max - 1);
  return s.slice(0, hi >= 0xd800 && hi <= 0xdbff ? max - 1 : max);
}

export function shortenText(ctx: FileContext, s: string, place: Place, what: 'title' | 'session name'): string {
  if (s.length <= MAX_TITLE_CHARS) return s;
  const where = ctx.where(place);
  const whatAt = what === 'title' ? msg('importTitleAt', where) : msg('importSessionNameAt', where);
  ctx.notes.add(whatAt, msg('importShortened', charactersText(MAX_TITLE_CHARS)));
  return cut(s, MAX_TITLE_CHARS);
}

export function cleanTags(ctx: FileContext, tags: readonly string[], place: Place): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    if (raw === '') continue;
    if (out.length === MAX_TAGS) {
      ctx.notes.add(
        msg('importTagsAt', ctx.where(place)),
        msg('importTooManyTags', counted(MAX_TAGS, 'countTagsOne', 'countTagsOther')),
      );
      break;
    }
    if (raw.length > MAX_TAG_CHARS)
      ctx.notes.add(msg('importTagAt', ctx.where(place)), msg('importShortened', charactersText(MAX_TAG_CHARS)));
    out.push(cut(raw, MAX_TAG_CHARS));
  }
  return out;
}

/** A tab as the foreign formats describe it; null is what several of them write for "none". */
export interface ForeignTab {
  url: string;
  title?: string | null | undefined;
  favIconUrl?: string | null | undefined;
  pinned?: boolean | null | undefined;
  active?: boolean | null | undefined;
  muted?: boolean | null | undefined;
  lastAccessed?: number | null | undefined;
  cookieStoreId?: string | null | undefined;
}

const DEFAULT_CONTAINER = new Set(['firefox-default', '0']);

/**
 * The TabRecord for a foreign tab, or undefined (with a note) when it cannot be kept. A URL that
 * must not be opened (`javascript:`…) is kept as text: the restore planner makes it a placeholder.
 */
export function makeTab(ctx: FileContext, t: ForeignTab, place: Place): TabRecord | undefined {
  const url = t.url.trim();
  if (url === '') {
    ctx.notes.add(msg('importTabAt', ctx.where(place)), msg('importNoUrl'));
    return undefined;
  }
  if (url.length > MAX_URL_CHARS) {
    ctx.notes.add(msg('importTabAt', ctx.where(place)), msg('importUrlTooLong', charactersText(MAX_URL_CHARS)));
    return undefined;
  }
  ctx.countTab(place);
  const rec: TabRecord = { url, title: shortenText(ctx, t.title ?? '', place, 'title') };
  // Favicons are cosmetic and end up in an <img src>: only plain web addresses, and data: ones are
  // dropped for size, as a capture does.
  const fav = t.favIconUrl;
  if (fav && fav.length <= MAX_URL_CHARS && /^https?:\/\//i.test(fav)) rec.favIconUrl = fav;
  if (t.pinned) rec.pinned = true;
  if (t.active) rec.active = true;
  if (t.muted) rec.muted = true;
  if (typeof t.lastAccessed === 'number' && Number.isFinite(t.lastAccessed) && t.lastAccessed > 0) {
    rec.lastAccessed = Math.round(t.lastAccessed);
  }
  if (t.cookieStoreId && !DEFAULT_CONTAINER.has(t.cookieStoreId) && t.cookieStoreId.length <= 256) {
    rec.cookieStoreId = t.cookieStoreId;
  }
  return rec;
}

export function newWindow(tabs: TabRecord[] = []): WindowRecord {
  return { type: 'normal', state: 'normal', incognito: false, focused: false, tabs, groups: [] };
}

/** Epoch ms from a number or a date string as older exports wrote them; undefined when unreadable. */
export function toTimestamp(v: number | string | null | undefined): number | undefined {
  let ms: number;
  if (typeof v === 'number') ms = v;
  else if (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v)) ms = Number(v);
  else if (typeof v === 'string') ms = Date.parse(v);
  else return undefined;
  // Dates outside what Date can hold (±8.64e15) are nonsense, not sessions.
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? Math.round(ms) : undefined;
}

export interface ImportedSessionInput {
  name: string | null | undefined;
  /** Used when the source has no name: "Session Buddy" → "Session Buddy · 1 Sep 2026, 10:00 · example.com". */
  label: string;
  createdAt: number | undefined;
  updatedAt: number | undefined;
  tags?: readonly string[];
  sourceId?: string | undefined;
  windows: WindowRecord[];
  place: Place;
}

/** The imported session, or undefined (noted) when none of its tabs could be kept. */
export function makeImportedSession(ctx: FileContext, s: ImportedSessionInput): SessionWithBody | undefined {
  ctx.countSession(s.place);
  // A window whose tabs were all skipped would restore as an empty window: leave it out.
  const windows = s.windows.filter((w) => w.tabs.length > 0);
  if (windows.length === 0) {
    ctx.notes.add(msg('importSessionAt', s.name ?? '', ctx.where(s.place)), msg('importNoTabs'));
    return undefined;
  }
  const id = ctx.opts.newId();
  const createdAt = s.createdAt ?? s.updatedAt ?? ctx.opts.now;
  const updatedAt = Math.max(s.updatedAt ?? createdAt, createdAt);
  const given = (s.name ?? '').trim();
  const name = given ? shortenText(ctx, given, s.place, 'session name') : `${s.label} · ${defaultSessionName(windows)}`;
  const session: SessionWithBody['session'] = {
    id,
    name,
    kind: 'imported',
    createdAt,
    updatedAt,
    tags: cleanTags(ctx, s.tags ?? [], s.place),
    counts: countTabs(windows),
  };
  if (s.sourceId) session.sourceId = s.sourceId;
  return { session, body: { id, windows } };
}
