// Tabularium's own file format: lossless, so a backup re-imports to exactly the sessions it was
// made from (same ids, kinds, dates, windows, tabs, groups). Versioned so a later Tabularium can
// read old files and an old one can say clearly that a file is too new.
//
//   { format: 'tabularium', version: 1, exportedAt: <epoch ms>,
//     sessions: [{ session: Session, body: SessionBody }],
//     cookieJars?: EncryptedBlob }   // encrypted JSON of { [sessionId]: CookieRecord[] }, see cookie-jars.ts
import * as v from 'valibot';
import { ImportError, issueToError, jsonPath } from './import-error.ts';
import { shortenText, type FileContext } from './import-context.ts';
import { MAX_ID_CHARS, MAX_SESSIONS_PER_FILE, MAX_TAG_CHARS, MAX_TAGS, MAX_URL_CHARS } from './limits.ts';
import { EncryptedBlobSchema, type EncryptedBlob } from './passphrase-crypto.ts';
import {
  countTabs,
  GROUP_COLORS,
  type GroupRecord,
  type Session,
  type SessionWithBody,
  type TabRecord,
  type WindowRecord,
} from '../model.ts';

export const TABULARIUM_FORMAT = 'tabularium';
export const TABULARIUM_VERSION = 1;

export interface TabulariumFile {
  format: typeof TABULARIUM_FORMAT;
  version: typeof TABULARIUM_VERSION;
  exportedAt: number;
  sessions: SessionWithBody[];
  cookieJars?: EncryptedBlob;
}

const timestamp = (what: string) =>
  v.pipe(
    v.number(`${what}: expected a number (epoch milliseconds)`),
    v.check((n) => Math.abs(n) <= 8.64e15, `${what}: not a date`),
  );
const bool = (what: string) => v.boolean(`${what}: expected true or false`);
const id = (what: string) =>
  v.pipe(
    v.string(`${what}: expected a string`),
    v.minLength(1, `${what}: empty`),
    v.maxLength(MAX_ID_CHARS, `${what}: too long`),
  );

const TabSchema = v.object(
  {
    url: v.string('url: expected a string'),
    title: v.string('title: expected a string'),
    favIconUrl: v.optional(v.string('favIconUrl: expected a string')),
    pinned: v.optional(bool('pinned')),
    active: v.optional(bool('active')),
    groupIndex: v.optional(
      v.pipe(
        v.number('groupIndex: expected a number'),
        v.integer('groupIndex: expected a whole number'),
        v.minValue(0, 'groupIndex: negative'),
      ),
    ),
    muted: v.optional(bool('muted')),
    lastAccessed: v.optional(timestamp('lastAccessed')),
    cookieStoreId: v.optional(id('cookieStoreId')),
  },
  'expected a tab object',
);

const GroupSchema = v.object(
  {
    title: v.pipe(v.string('title: expected a string')),
    color: v.picklist(GROUP_COLORS, `color: expected one of ${GROUP_COLORS.join(', ')}`),
    collapsed: bool('collapsed'),
  },
  'expected a group object',
);

const finite = (what: string) => v.number(`${what}: expected a number`);

const WindowSchema = v.object(
  {
    type: v.picklist(['normal', 'popup'], 'type: expected "normal" or "popup"'),
    state: v.picklist(
      ['normal', 'minimized', 'maximized', 'fullscreen'],
      'state: expected normal, minimized, maximized or fullscreen',
    ),
    bounds: v.optional(
      v.object(
        { left: finite('left'), top: finite('top'), width: finite('width'), height: finite('height') },
        'bounds: expected an object',
      ),
    ),
    incognito: bool('incognito'),
    focused: bool('focused'),
    tabs: v.pipe(v.array(TabSchema, 'tabs: expected an array')),
    groups: v.array(GroupSchema, 'groups: expected an array'),
  },
  'expected a window object',
);

const SessionSchema = v.object(
  {
    id: id('id'),
    name: v.string('name: expected a string'),
    kind: v.picklist(
      ['manual', 'autosave', 'window-closed', 'recovered', 'imported'],
      'kind: expected manual, autosave, window-closed, recovered or imported',
    ),
    createdAt: timestamp('createdAt'),
    updatedAt: timestamp('updatedAt'),
    tags: v.pipe(
      v.array(
        v.pipe(
          v.string('tag: expected a string'),
          v.maxLength(MAX_TAG_CHARS, `tag: longer than ${MAX_TAG_CHARS} characters`),
        ),
        'tags: expected an array',
      ),
      v.maxLength(MAX_TAGS, `tags: more than ${MAX_TAGS}`),
    ),
    // Recomputed from the windows on import: a hand-edited file may not agree with itself.
    counts: v.optional(v.unknown()),
    cookieJarId: v.optional(id('cookieJarId')),
    sourceId: v.optional(id('sourceId')),
  },
  'expected a session object',
);

const ItemSchema = v.object(
  {
    session: SessionSchema,
    body: v.object(
      { id: id('id'), windows: v.array(WindowSchema, 'windows: expected an array') },
      'body: expected an object',
    ),
  },
  'expected {session, body}',
);

export const TabulariumFileSchema = v.object(
  {
    format: v.literal(TABULARIUM_FORMAT, 'format: expected "tabularium"'),
    version: v.literal(TABULARIUM_VERSION, `version: expected ${TABULARIUM_VERSION}`),
    exportedAt: timestamp('exportedAt'),
    sessions: v.pipe(
      v.array(ItemSchema, 'sessions: expected an array'),
      v.maxLength(MAX_SESSIONS_PER_FILE, `sessions: more than ${MAX_SESSIONS_PER_FILE.toLocaleString('en')}`),
    ),
    cookieJars: v.optional(EncryptedBlobSchema),
  },
  'expected an object',
);

export function isTabulariumJson(data: unknown): data is { format: 'tabularium' } {
  return typeof data === 'object' && data !== null && (data as { format?: unknown }).format === TABULARIUM_FORMAT;
}

// The record rebuilt field by field: only model fields survive, and `false` flags are dropped the
// way a capture stores them, so export → import is exact.
function tabRecord(t: v.InferOutput<typeof TabSchema>): TabRecord {
  const r: TabRecord = { url: t.url, title: t.title };
  if (t.favIconUrl !== undefined) r.favIconUrl = t.favIconUrl;
  if (t.pinned) r.pinned = true;
  if (t.active) r.active = true;
  if (t.groupIndex !== undefined) r.groupIndex = t.groupIndex;
  if (t.muted) r.muted = true;
  if (t.lastAccessed !== undefined) r.lastAccessed = t.lastAccessed;
  if (t.cookieStoreId !== undefined) r.cookieStoreId = t.cookieStoreId;
  return r;
}

function windowRecord(w: v.InferOutput<typeof WindowSchema>, tabs: TabRecord[]): WindowRecord {
  const groups: GroupRecord[] = w.groups.map((g) => ({ title: g.title, color: g.color, collapsed: g.collapsed }));
  const r: WindowRecord = { type: w.type, state: w.state, incognito: w.incognito, focused: w.focused, tabs, groups };
  if (w.bounds) r.bounds = { left: w.bounds.left, top: w.bounds.top, width: w.bounds.width, height: w.bounds.height };
  return r;
}

function sessionRecord(s: v.InferOutput<typeof SessionSchema>, name: string, windows: WindowRecord[]): Session {
  const r: Session = {
    id: s.id,
    name,
    kind: s.kind,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    tags: [...s.tags],
    counts: countTabs(windows),
  };
  if (s.cookieJarId !== undefined) r.cookieJarId = s.cookieJarId;
  if (s.sourceId !== undefined) r.sourceId = s.sourceId;
  return r;
}

export interface TabulariumImport {
  sessions: SessionWithBody[];
  cookieJars: EncryptedBlob | undefined;
}

export function importTabulariumJson(ctx: FileContext, data: unknown): TabulariumImport {
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > TABULARIUM_VERSION) {
    throw new ImportError(
      ctx.file,
      '$.version',
      `made by a newer Tabularium (format version ${version}); update the extension to import it`,
    );
  }
  const parsed = v.safeParse(TabulariumFileSchema, data, { abortEarly: true });
  if (!parsed.success) throw issueToError(ctx.file, parsed.issues[0]);
  const seen = new Set<string>();
  const sessions: SessionWithBody[] = [];
  parsed.output.sessions.forEach((item, i) => {
    const place = jsonPath(['sessions', i]);
    ctx.countSession(place);
    if (item.body.id !== item.session.id) {
      throw new ImportError(
        ctx.file,
        jsonPath(['sessions', i, 'body', 'id']),
        `does not match the session id ${JSON.stringify(item.session.id)}`,
      );
    }
    if (seen.has(item.session.id)) {
      ctx.notes.add(
        `session ${JSON.stringify(item.session.name)} at ${ctx.where(place)}`,
        'the same session id appears earlier in the file',
      );
      return;
    }
    seen.add(item.session.id);
    const windows = item.body.windows.map((w, wi) => {
      const tabs: TabRecord[] = [];
      w.tabs.forEach((t, ti) => {
        const tplace = jsonPath(['sessions', i, 'body', 'windows', wi, 'tabs', ti]);
        if (t.groupIndex !== undefined && t.groupIndex >= w.groups.length) {
          throw new ImportError(ctx.file, `${tplace}.groupIndex`, `points past the window's ${w.groups.length} groups`);
        }
        if (t.url.length > MAX_URL_CHARS) {
          ctx.notes.add(
            `tab at ${ctx.where(tplace)}`,
            `URL longer than ${MAX_URL_CHARS.toLocaleString('en')} characters`,
          );
          return;
        }
        ctx.countTab(tplace);
        tabs.push(tabRecord({ ...t, title: shortenText(ctx, t.title, tplace, 'title') }));
      });
      return windowRecord(w, tabs);
    });
    const name = shortenText(ctx, item.session.name, `${place}.session.name`, 'session name');
    sessions.push({ session: sessionRecord(item.session, name, windows), body: { id: item.session.id, windows } });
  });
  return { sessions, cookieJars: parsed.output.cookieJars };
}

export function exportTabulariumJson(
  items: readonly SessionWithBody[],
  opts: { now: number; cookieJars?: EncryptedBlob },
): string {
  const file: TabulariumFile = {
    format: TABULARIUM_FORMAT,
    version: TABULARIUM_VERSION,
    exportedAt: opts.now,
    // Rebuilt through the same normalisers the import uses: no stray fields leave the store.
    sessions: items.map(({ session, body }) => {
      const windows = body.windows.map((w) =>
        windowRecord(
          w,
          w.tabs.map((t) => tabRecord(t)),
        ),
      );
      return { session: sessionRecord(session, session.name, windows), body: { id: session.id, windows } };
    }),
  };
  if (opts.cookieJars) file.cookieJars = opts.cookieJars;
  // One session per line: a big backup stays diffable without the size of full indentation.
  const lines = file.sessions.map((s) => JSON.stringify(s));
  const head = JSON.stringify({ format: file.format, version: file.version, exportedAt: file.exportedAt });
  const tail = file.cookieJars ? `,\n"cookieJars":${JSON.stringify(file.cookieJars)}` : '';
  return `${head.slice(0, -1)},\n"sessions":[\n${lines.join(',\n')}\n]${tail}\n}\n`;
}
