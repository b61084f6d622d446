// The worker's edge: every request is checked against its message's schema before a handler sees
// it. Pages are our own code, but a page of another version (an update while it stays open) or a
// bug would otherwise reach IndexedDB and the browser APIs with whatever shape it sent.
//
// The schemas check shape (types, required fields, ids, counts, indexes), not policy: what the
// handlers already refuse with their own words (an empty session name, a cookie the browser would
// refuse, an out-of-range setting they clamp) still reaches them, so the person reads those words.
import * as v from 'valibot';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import { MAX_ID_CHARS, MAX_TAG_CHARS, MAX_TAGS } from '../../core/formats/limits.ts';
import { AUTOMATIC_KINDS, type WindowRecord } from '../../core/model.ts';
import { UserError } from '../../core/user-error.ts';
import { CHUNK_CHARS } from '../../shared/messages/import-export-messages.ts';
import type { MessageType, Req } from '../../shared/protocol.ts';

/** One schema per message, whose output fits that message's request. */
export type RequestSchemas = { [K in MessageType]: v.GenericSchema<unknown, Req<K>> };

// `satisfies RequestSchemas` alone lets a schema leave out an optional field (an object without it
// still fits the request), and v.object drops the fields it does not name: the field would vanish
// here without a compile error. So the fields are compared too, all the way down, optional or not.
type Field<T, P extends keyof T> =
  Partial<Pick<T, P>> extends Pick<T, P> ? { optional: Fields<Exclude<T[P], undefined>> } : { required: Fields<T[P]> };
type Fields<T> = T extends readonly (infer E)[]
  ? Fields<E>[]
  : T extends object
    ? { [P in keyof T]-?: Field<T, P> }
    : T;
type SameFields<A, B> = [Fields<A>] extends [Fields<B>] ? ([Fields<B>] extends [Fields<A>] ? true : false) : false;

/** The messages whose schema does not produce exactly its request's fields: never, when all do. */
export type MismatchedSchemas<S extends RequestSchemas> = {
  [K in MessageType]: SameFields<v.InferOutput<S[K]>, Req<K>> extends true ? never : K;
}[MessageType];

// Every id is the worker's or a page's randomUUID, or came in through an import, which refuses ids
// longer than MAX_ID_CHARS.
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID_CHARS));
const flag = v.boolean();
const finite = v.pipe(v.number(), v.finite());
/** Indexes and counts. */
const whole = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
/** The browser's window and tab ids: its own numbers, any sign (WINDOW_ID_CURRENT is -2). */
const browserId = v.pipe(v.number(), v.safeInteger());

const empty = v.object({});
const passphrase = v.pipe(v.string(), v.maxLength(4096));

const CookieSchema = v.object({
  // Empty strings pass: a name or a value may be empty, an empty storeId means the current store,
  // and a cookie without a domain is refused by the handler alone, with its reason, not the import.
  name: v.string(),
  value: v.string(),
  domain: v.string(),
  hostOnly: flag,
  path: v.string(),
  secure: flag,
  httpOnly: flag,
  sameSite: v.picklist(['no_restriction', 'lax', 'strict', 'unspecified']),
  session: flag,
  expirationDate: v.optional(finite),
  storeId: v.string(),
  partitionKey: v.optional(v.object({ topLevelSite: v.optional(v.string()), hasCrossSiteAncestor: v.optional(flag) })),
  firstPartyDomain: v.optional(v.string()),
}) satisfies v.GenericSchema<unknown, CookieRecord>;

const RestoreModeSchema = v.variant('kind', [
  v.object({ kind: v.literal('new-windows') }),
  v.object({ kind: v.literal('current-window'), windowId: browserId }),
  // Empty: every window open now (the popup does not know them).
  v.object({ kind: v.literal('replace'), windowIds: v.array(browserId) }),
  v.object({ kind: v.literal('one-window'), windowIndex: whole }),
  v.object({ kind: v.literal('one-tab'), windowIndex: whole, tabIndex: whole, intoWindowId: v.optional(browserId) }),
]);

// The person's input goes through as typed: the worker clamps it (normalizeSettings), and the
// options page's number fields send whatever was typed, negative or zero included.
const SettingsPatchSchema = v.object({
  autosaveMinutes: v.optional(finite),
  retention: v.optional(finite),
  autoRecover: v.optional(flag),
  lazyRestore: v.optional(flag),
  keepCookies: v.optional(flag),
  keepAllCookies: v.optional(flag),
  keepPrivateWindows: v.optional(flag),
  journalDays: v.optional(finite),
  journalCapMb: v.optional(finite),
});

const ImportFormatSchema = v.picklist([
  'tabularium',
  'tab-session-manager',
  'session-buddy-json',
  'session-buddy-text',
  'session-buddy-csv',
  'onetab',
  'url-list',
  'html',
  'markdown',
  'mixed',
]);

// Tags within the limits every import keeps: the Tabularium schema refuses more, cleanTags cuts.
const SessionSummarySchema = v.object({
  id,
  name: v.string(),
  kind: v.picklist(['manual', ...AUTOMATIC_KINDS, 'imported']),
  createdAt: finite,
  updatedAt: finite,
  tags: v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_TAG_CHARS))), v.maxLength(MAX_TAGS)),
  counts: v.object({ windows: whole, tabs: whole }),
  cookieJarId: v.optional(id),
  sourceId: v.optional(id),
  origin: v.optional(v.picklist(AUTOMATIC_KINDS)),
});

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

// The outer shape only, without copying tens of thousands of tabs: enough for the part joiner, the
// tab counts and the URLs that search and restore read. The rest is checked() at the commit.
const WindowShellSchema = v.custom<WindowRecord>(
  (w) =>
    isRecord(w) &&
    Array.isArray(w['groups']) &&
    Array.isArray(w['tabs']) &&
    w['tabs'].every((t) => isRecord(t) && typeof t['url'] === 'string'),
);

// chunkSessions fills a chunk up to CHUNK_CHARS of JSON (a larger part travels alone), and a
// part's JSON is over 100 characters: its session summary alone weighs that much.
const MAX_PARTS_PER_CHUNK = CHUNK_CHARS / 100;

const SessionPartSchema = v.object({
  session: SessionSummarySchema,
  windows: v.array(WindowShellSchema),
  continues: v.optional(v.literal(true)),
});

// The manager names checked tabs by place and address; a selection may span every saved tab.
const TabRefsSchema = v.pipe(
  v.array(v.object({ sessionId: id, windowIndex: whole, tabIndex: whole, url: v.string() })),
  v.maxLength(200_000),
);

export const requestSchemas = {
  'sessions.list': empty,
  'sessions.get': v.object({ id }),
  // The rows on screen: a few dozen at most.
  'sessions.icons': v.object({ ids: v.pipe(v.array(id), v.maxLength(100)) }),
  'sessions.saveAll': v.object({ name: v.optional(v.string()) }),
  'sessions.saveWindow': v.object({ windowId: v.optional(browserId), name: v.optional(v.string()) }),
  'sessions.delete': v.object({ id }),
  'sessions.undoDelete': v.object({ id }),
  'sessions.restore': v.object({
    id,
    mode: v.optional(RestoreModeSchema),
    restoreId: v.optional(id),
    overwriteCookies: v.optional(flag),
  }),
  'sessions.cancelRestore': v.object({ restoreId: id }),
  'sessions.restoresUnderway': empty,
  'sessions.lastReplace': empty,
  // The popup warms the index up with an empty query.
  'sessions.search': v.object({ query: v.string(), limit: v.optional(whole) }),
  // An empty name gets the handler's own message ("A session needs a name").
  'sessions.rename': v.object({ id, name: v.string() }),
  // The handler trims, drops empty ones and keeps the first 50.
  'sessions.setTags': v.object({ id, tags: v.array(v.string()) }),
  'sessions.removeTabs': v.object({ id, tabs: v.array(v.object({ windowIndex: whole, tabIndex: whole })) }),
  'sessions.compare': v.object({ id }),
  'sessions.promote': v.object({ id }),

  'recovery.status': empty,
  'recovery.recover': v.object({
    restoreId: v.optional(id),
    which: v.optional(v.picklist(['latest', 'earlier', 'as-it-was'])),
  }),
  'recovery.dismiss': empty,
  'recovery.exportUnreadable': empty,
  'recovery.forgetUnreadable': empty,

  'journal.day': v.object({ from: finite, to: finite }),
  'journal.moment': v.object({ at: finite }),
  'journal.restore': v.object({
    at: finite,
    windowIndex: v.optional(whole),
    tabIndex: v.optional(whole),
    restoreId: v.optional(id),
  }),
  'journal.save': v.object({ at: finite, name: v.optional(v.string()) }),
  'journal.search': v.object({ query: v.pipe(v.string(), v.maxLength(1000)) }),
  'journal.clear': empty,

  'health.status': empty,

  'settings.get': empty,
  'settings.set': SettingsPatchSchema,

  'cookies.access': v.object({ url: v.string() }),
  'cookies.tabUrl': v.object({ tabId: browserId }),
  'cookies.forUrl': v.object({ url: v.string() }),
  'cookies.set': v.object({ cookie: CookieSchema, replaces: v.optional(CookieSchema) }),
  'cookies.remove': v.object({ cookie: CookieSchema }),
  'cookies.removeAll': v.object({ url: v.string() }),
  'cookies.import': v.object({ cookies: v.array(CookieSchema) }),

  'import.begin': v.object({ format: ImportFormatSchema }),
  'import.chunk': v.object({
    importId: id,
    parts: v.pipe(v.array(SessionPartSchema), v.maxLength(MAX_PARTS_PER_CHUNK)),
  }),
  'import.commit': v.object({
    importId: id,
    // Keyed by the session ids of the file, as decryptCookieJars reads them.
    cookieJars: v.optional(v.record(v.string(), v.array(CookieSchema))),
  }),
  'import.abort': v.object({ importId: id }),
  'export.read': v.object({ ids: v.array(id), cursor: v.optional(v.object({ index: whole, part: whole })) }),
  // An empty passphrase gets the handler's own message.
  'export.cookies': v.object({ ids: v.array(id), passphrase: v.string() }),

  'keeping.status': empty,
  'keeping.set': v.object({ keep: v.optional(flag), all: v.optional(flag) }),
  'keeping.clearAll': empty,
  'keeping.restoreCookies': v.object({ sessionId: id, overwrite: v.optional(flag) }),

  // A passphrase's length is the worker's rule, said in its own words; only absurd sizes stop here.
  'vault.status': empty,
  'vault.turnOn': v.object({ passphrase }),
  'vault.unlock': v.object({ passphrase }),
  'vault.lock': empty,
  'vault.changePassphrase': v.object({ current: passphrase, next: passphrase }),
  'vault.turnOff': v.object({ passphrase }),
  'vault.forget': empty,

  'manager.openTabs': v.object({ tabs: TabRefsSchema }),
  // An empty new name gets the handler's own message ("A session needs a name").
  'manager.moveTabs': v.object({
    tabs: TabRefsSchema,
    to: v.union([v.object({ sessionId: id }), v.object({ newName: v.string() })]),
  }),
  'manager.deleteTabs': v.object({ tabs: TabRefsSchema }),
  'manager.undoDeleteTabs': v.object({ undoId: id }),
  // The address, account and passphrase are the worker's to judge (in its own words).
  'sync.status': empty,
  'sync.turnOn': v.object({
    server: v.pipe(v.string(), v.maxLength(2048)),
    user: v.pipe(v.string(), v.maxLength(1024)),
    password: passphrase,
    passphrase,
  }),
  'sync.now': empty,
  'sync.pull': empty,
  'sync.setOptions': v.object({
    autosaves: v.optional(flag),
    closedWindows: v.optional(flag),
    recovered: v.optional(flag),
    keepUrlTokens: v.optional(flag),
    cookieJars: v.optional(flag),
    intervalMinutes: v.optional(finite),
  }),
  'sync.resolve': v.object({ action: v.literal('upload') }),
  'sync.turnOff': empty,
} satisfies RequestSchemas;

type NoneOf<T extends never> = T;
// Names the message whose schema forgot or added a field.
type _EveryFieldChecked = NoneOf<MismatchedSchemas<typeof requestSchemas>>;

/**
 * The request of a `type` message, as its schema parsed it. Throws a UserError ('invalid') that
 * names the message and the first field that is wrong, or "request" for the payload as a whole.
 */
export function validateRequest<K extends MessageType>(type: K, payload: unknown): Req<K> {
  const schemas: RequestSchemas = requestSchemas;
  // The type comes from a page too: a name that is no message (or is Object.prototype's) has no schema.
  if (!Object.hasOwn(schemas, type)) throw badRequest(String(type), 'request');
  const parsed = v.safeParse(schemas[type], payload, { abortEarly: true });
  if (parsed.success) return parsed.output;
  const first = parsed.issues[0];
  throw badRequest(type, (first && v.getDotPath(first)) || 'request');
}

function badRequest(type: string, path: string): UserError {
  return new UserError('invalid', { key: 'errBadRequest', substitutions: [type, path] });
}
