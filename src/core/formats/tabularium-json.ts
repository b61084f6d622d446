// Tabularium's own file format: lossless, so a backup re-imports to exactly the sessions it was
// made from (same ids, kinds, dates, windows, tabs, groups). Versioned so a later Tabularium can
// read old files and an old one can say clearly that a file is too new.
//
//   { format: 'tabularium', version: 1, exportedAt: <epoch ms>,
//     sessions: [{ session: Session, body: SessionBody }],
//     cookieJars?: EncryptedBlob }   // encrypted JSON of { [sessionId]: CookieRecord[] }, see cookie-jars.ts
import * as v from 'valibot';
import { ImportError, issueToError, jsonPath, schemaMessage } from './import-error.ts';
import { shortenText, type FileContext } from './import-context.ts';
import { MAX_ID_CHARS, MAX_SESSIONS_PER_FILE, MAX_TAG_CHARS, MAX_TAGS, MAX_URL_CHARS } from './limits.ts';
import { EncryptedBlobSchema, type EncryptedBlob } from './passphrase-crypto.ts';
import { EMPTY, exactly, EXPECTED, NEGATIVE, NOT_A_DATE, oneOf, TOO_LONG } from './schema-messages.ts';
import {
  AUTOMATIC_KINDS,
  countTabs,
  GROUP_COLORS,
  type GroupRecord,
  type Session,
  type SessionWithBody,
  type TabRecord,
  type WindowRecord,
} from '../model.ts';
import { charactersText, counted, msg } from '../user-error.ts';

export const TABULARIUM_FORMAT = 'tabularium';
export const TABULARIUM_VERSION = 1;

export interface TabulariumFile {
  format: typeof TABULARIUM_FORMAT;
  version: typeof TABULARIUM_VERSION;
  exportedAt: number;
  sessions: SessionWithBody[];
  cookieJars?: EncryptedBlob;
}

const timestamp = () =>
  v.pipe(
    v.number(EXPECTED.timestamp),
    v.check((n) => Math.abs(n) <= 8.64e15, NOT_A_DATE),
  );
const bool = () => v.boolean(EXPECTED.boolean);
const str = () => v.string(EXPECTED.string);
const id = () => v.pipe(str(), v.minLength(1, EMPTY), v.maxLength(MAX_ID_CHARS, TOO_LONG));

const TabSchema = v.object(
  {
    url: str(),
    title: str(),
    favIconUrl: v.optional(str()),
    pinned: v.optional(bool()),
    active: v.optional(bool()),
    groupIndex: v.optional(v.pipe(v.number(EXPECTED.number), v.integer(EXPECTED.wholeNumber), v.minValue(0, NEGATIVE))),
    muted: v.optional(bool()),
    lastAccessed: v.optional(timestamp()),
    cookieStoreId: v.optional(id()),
  },
  EXPECTED.tab,
);

const GroupSchema = v.object(
  {
    title: str(),
    color: v.picklist(GROUP_COLORS, oneOf(GROUP_COLORS)),
    collapsed: bool(),
  },
  EXPECTED.group,
);

const finite = () => v.number(EXPECTED.number);

const WINDOW_TYPES = ['normal', 'popup'] as const;
const WINDOW_STATES = ['normal', 'minimized', 'maximized', 'fullscreen'] as const;
const KINDS = ['manual', 'autosave', 'window-closed', 'recovered', 'imported'] as const;

const WindowSchema = v.object(
  {
    type: v.picklist(WINDOW_TYPES, oneOf(WINDOW_TYPES)),
    state: v.picklist(WINDOW_STATES, oneOf(WINDOW_STATES)),
    bounds: v.optional(v.object({ left: finite(), top: finite(), width: finite(), height: finite() }, EXPECTED.object)),
    incognito: bool(),
    focused: bool(),
    tabs: v.array(TabSchema, EXPECTED.array),
    groups: v.array(GroupSchema, EXPECTED.array),
  },
  EXPECTED.window,
);

const SessionSchema = v.object(
  {
    id: id(),
    name: str(),
    kind: v.picklist(KINDS, oneOf(KINDS)),
    createdAt: timestamp(),
    updatedAt: timestamp(),
    tags: v.pipe(
      v.array(
        v.pipe(
          str(),
          v.maxLength(MAX_TAG_CHARS, schemaMessage(msg('schemaLongerThan', charactersText(MAX_TAG_CHARS)))),
        ),
        EXPECTED.array,
      ),
      v.maxLength(MAX_TAGS, schemaMessage(msg('schemaMoreThan', MAX_TAGS))),
    ),
    // Recomputed from the windows on import: a hand-edited file may not agree with itself.
    counts: v.optional(v.unknown()),
    cookieJarId: v.optional(id()),
    sourceId: v.optional(id()),
    origin: v.optional(v.picklist(AUTOMATIC_KINDS, oneOf(AUTOMATIC_KINDS))),
  },
  EXPECTED.session,
);

const ItemSchema = v.object(
  {
    session: SessionSchema,
    body: v.object({ id: id(), windows: v.array(WindowSchema, EXPECTED.array) }, EXPECTED.object),
  },
  EXPECTED.item,
);

export const TabulariumFileSchema = v.object(
  {
    format: v.literal(TABULARIUM_FORMAT, exactly(TABULARIUM_FORMAT)),
    version: v.literal(TABULARIUM_VERSION, exactly(TABULARIUM_VERSION)),
    exportedAt: timestamp(),
    sessions: v.pipe(
      v.array(ItemSchema, EXPECTED.array),
      v.maxLength(MAX_SESSIONS_PER_FILE, schemaMessage(msg('schemaMoreThan', MAX_SESSIONS_PER_FILE))),
    ),
    cookieJars: v.optional(EncryptedBlobSchema),
  },
  EXPECTED.object,
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
  if (s.origin !== undefined) r.origin = s.origin;
  return r;
}

export interface TabulariumImport {
  sessions: SessionWithBody[];
  cookieJars: EncryptedBlob | undefined;
}

export function importTabulariumJson(ctx: FileContext, data: unknown): TabulariumImport {
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > TABULARIUM_VERSION) {
    throw new ImportError(ctx.file, '$.version', msg('importNewerVersion', version));
  }
  const parsed = v.safeParse(TabulariumFileSchema, data, { abortEarly: true });
  if (!parsed.success) throw issueToError(ctx.file, parsed.issues[0]);
  const seen = new Set<string>();
  const sessions: SessionWithBody[] = [];
  parsed.output.sessions.forEach((item, i) => {
    const place = jsonPath(['sessions', i]);
    ctx.countSession(place);
    if (item.body.id !== item.session.id) {
      throw new ImportError(ctx.file, jsonPath(['sessions', i, 'body', 'id']), msg('importBodyId', item.session.id));
    }
    if (seen.has(item.session.id)) {
      ctx.notes.add(msg('importSessionAt', item.session.name, ctx.where(place)), msg('importRepeatedId'));
      return;
    }
    seen.add(item.session.id);
    const windows = item.body.windows.map((w, wi) => {
      const tabs: TabRecord[] = [];
      w.tabs.forEach((t, ti) => {
        const tplace = jsonPath(['sessions', i, 'body', 'windows', wi, 'tabs', ti]);
        if (t.groupIndex !== undefined && t.groupIndex >= w.groups.length) {
          const n = w.groups.length;
          throw new ImportError(
            ctx.file,
            `${tplace}.groupIndex`,
            counted(n, 'importGroupIndexOne', 'importGroupIndexOther'),
          );
        }
        if (t.url.length > MAX_URL_CHARS) {
          ctx.notes.add(msg('importTabAt', ctx.where(tplace)), msg('importUrlTooLong', charactersText(MAX_URL_CHARS)));
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
