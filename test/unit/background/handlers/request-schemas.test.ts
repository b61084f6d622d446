// The worker's edge: one schema per message, strict about shape, and never in the way of what the
// pages really send (the samples below are built the way the pages build them).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  requestSchemas,
  validateRequest,
  type MismatchedSchemas,
  type RequestSchemas,
} from '../../../../src/background/handlers/request-schemas.ts';
import type { CookieRecord } from '../../../../src/core/cookies/cookie-record.ts';
import { parseCookies } from '../../../../src/core/cookies/cookie-formats.ts';
import { exportSessions, parseImport, type ImportFile } from '../../../../src/core/formats/index.ts';
import type { TabRecord } from '../../../../src/core/model.ts';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings-model.ts';
import { UserError } from '../../../../src/core/user-error.ts';
import { chunkSessions, sessionParts } from '../../../../src/shared/messages/import-export-messages.ts';
import type { MessageType, Req } from '../../../../src/shared/protocol.ts';
import { cookieFromDraft, draftFromCookie, newDraft } from '../../../../src/ui/inspector/cookie-draft.ts';
import { fixture, idOptions, NOW, session, window } from '../../support/format-helpers.ts';
import { english } from '../../support/english.ts';

const root = join(import.meta.dirname, '../../../..');

/** The message names declared in src/shared/messages, read as the project-contracts meta-test reads them. */
function declaredMessages(): string[] {
  const dir = join(root, 'src/shared/messages');
  const names = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/^\s*'([a-z]+\.[A-Za-z]+)':\s*\{\s*req:/gm)) {
      names.add(m[1]!);
    }
  }
  return [...names].sort();
}

const chromeCookie: CookieRecord = {
  name: '__Host-sid',
  value: 'a1b2c3',
  domain: 'app.example.test',
  hostOnly: true,
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
  session: false,
  expirationDate: 1_790_000_123.456,
  storeId: '0',
  partitionKey: { topLevelSite: 'https://example.test', hasCrossSiteAncestor: false },
};
const firefoxCookie: CookieRecord = {
  name: 'theme',
  value: '',
  domain: '.example.test',
  hostOnly: false,
  path: '/',
  secure: false,
  httpOnly: false,
  sameSite: 'unspecified',
  session: true,
  storeId: 'firefox-container-1',
  firstPartyDomain: '',
};
// The inspector's editor: a new cookie, and an edit that moved one (it sends the old one along).
const drafted = cookieFromDraft(newDraft('https://example.test/account', '0', NOW), undefined);
const edited = cookieFromDraft({ ...draftFromCookie(chromeCookie, NOW), name: '__Host-sid2' }, chromeCookie);
// What "Import" in the inspector sends: the cookies a pasted file parses to.
const fileCookies = [
  ...parseCookies(fixture('cookies.txt')).cookies,
  ...parseCookies(fixture('cookie-editor.json')).cookies,
  ...parseCookies('a=1; b=2', { defaultUrl: 'https://example.test/' }).cookies,
];

function tabs(n: number, grouped = false): TabRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    url: `https://example.test/${i}/${'x'.repeat(i % 40)}`,
    title: `Page ${i}`,
    ...(i === 0 ? { active: true as const, pinned: true as const } : {}),
    ...(grouped && i % 5 === 1 ? { groupIndex: 0 } : {}),
  }));
}

// A session too big for one part: its later parts continue a window of the one before.
const big = session(
  'big',
  'Big',
  [
    window(tabs(120, true), { groups: [{ title: 'Work', color: 'blue', collapsed: false }], focused: true }),
    window(tabs(3)),
  ],
  { tags: ['work'], cookieJarId: 'jar-1', kind: 'autosave' },
);
const bigParts = sessionParts(big, 2_000);

const samples: { [K in MessageType]: Req<K>[] } = {
  'sessions.list': [{}],
  'sessions.get': [{ id: '6f1c7d0e-2a4b-4c8e-9d3f-0a1b2c3d4e5f' }],
  'sessions.icons': [{ ids: [] }, { ids: ['s1', 's2'] }],
  'sessions.saveAll': [{}, { name: 'Trip planning' }],
  'sessions.saveWindow': [{}, { windowId: 1_234 }, { name: 'Reading', windowId: 7 }],
  'sessions.delete': [{ id: 's1' }],
  'sessions.undoDelete': [{ id: 's1' }],
  'sessions.restore': [
    { id: 's1' },
    { id: 's1', restoreId: 'r1' },
    { id: 's1', restoreId: 'r1', mode: { kind: 'new-windows' } },
    { id: 's1', restoreId: 'r1', mode: { kind: 'current-window', windowId: 3 } },
    // "Replace": an empty list means every window open now.
    { id: 's1', restoreId: 'r1', mode: { kind: 'replace', windowIds: [] } },
    { id: 's1', restoreId: 'r1', mode: { kind: 'replace', windowIds: [3, 9] } },
    { id: 's1', restoreId: 'r1', mode: { kind: 'one-window', windowIndex: 1 } },
    { id: 's1', restoreId: 'r1', mode: { kind: 'one-tab', windowIndex: 0, tabIndex: 12 } },
    { id: 's1', restoreId: 'r1', mode: { kind: 'one-tab', windowIndex: 0, tabIndex: 0, intoWindowId: 3 } },
    { id: 's1', overwriteCookies: true },
  ],
  'sessions.cancelRestore': [{ restoreId: 'r1' }],
  'sessions.restoresUnderway': [{}],
  'sessions.lastReplace': [{}],
  // The popup warms the search index up with an empty query when the field gets the focus.
  'sessions.search': [{ query: '' }, { query: 'charl', limit: 20 }],
  // An empty name is the handler's to refuse, in its own words.
  'sessions.rename': [
    { id: 's1', name: 'Renamed' },
    { id: 's1', name: '' },
  ],
  'sessions.setTags': [
    { id: 's1', tags: [] },
    { id: 's1', tags: ['work', ' spaced ', ''] },
  ],
  'sessions.removeTabs': [{ id: 's1', tabs: [{ windowIndex: 0, tabIndex: 3 }] }],
  'sessions.compare': [{ id: 's1' }],
  'sessions.promote': [{ id: 's1' }],
  'recovery.status': [{}],
  'recovery.recover': [{}, { restoreId: 'r1' }],
  'recovery.dismiss': [{}],
  'recovery.exportUnreadable': [{}],
  'recovery.forgetUnreadable': [{}],
  'health.status': [{}],
  'settings.get': [{}],
  // The options page sends one field at a time, as typed: the worker clamps it.
  'settings.set': [
    { autosaveMinutes: 0.5 },
    { autosaveMinutes: 0 },
    { retention: -3 },
    { autoRecover: true },
    { lazyRestore: false },
    {},
    { ...DEFAULT_SETTINGS },
  ],
  'cookies.access': [{ url: 'https://app.example.test/login?next=%2F' }, { url: 'about:blank' }],
  'cookies.tabUrl': [{ tabId: 42 }],
  'cookies.forUrl': [{ url: 'https://app.example.test/' }],
  'cookies.set': [{ cookie: drafted }, { cookie: edited, replaces: chromeCookie }, { cookie: firefoxCookie }],
  'cookies.remove': [{ cookie: chromeCookie }, { cookie: firefoxCookie }],
  'cookies.removeAll': [{ url: 'https://app.example.test/' }],
  'cookies.import': [{ cookies: fileCookies }, { cookies: [] }],
  'import.begin': [{ format: 'tabularium' }, { format: 'onetab' }, { format: 'mixed' }],
  'import.chunk': [
    { importId: 'i1', parts: bigParts.slice(0, 2) },
    { importId: 'i1', parts: bigParts.slice(2) },
  ],
  'import.commit': [{ importId: 'i1' }, { importId: 'i1', cookieJars: { big: [chromeCookie, firefoxCookie], s2: [] } }],
  'import.abort': [{ importId: 'i1' }],
  'export.read': [{ ids: ['s1', 's2'] }, { ids: ['s1', 's2'], cursor: { index: 1, part: 3 } }],
  'export.cookies': [{ ids: ['s1'], passphrase: 'correct horse battery staple' }],
  'keeping.status': [{}],
  'keeping.set': [{ keep: true }, { keep: false }, { all: true }, { keep: true, all: false }],
  'keeping.clearAll': [{}],
  'keeping.restoreCookies': [{ sessionId: 's1' }, { sessionId: 's1', overwrite: true }],
  'vault.status': [{}],
  // Short ones pass the edge: the worker refuses them in its own words.
  'vault.turnOn': [{ passphrase: 'correct horse battery staple' }, { passphrase: 'x' }],
  'vault.unlock': [{ passphrase: 'correct horse battery staple' }, { passphrase: '' }],
  'vault.lock': [{}],
  'vault.changePassphrase': [{ current: 'old passphrase', next: 'new passphrase ☃' }],
  'vault.turnOff': [{ passphrase: 'correct horse battery staple' }],
  'vault.forget': [{}],
  'journal.day': [{ from: 1_700_000_000_000, to: 1_700_086_400_000 }],
  'journal.moment': [{ at: 1_700_000_000_000 }],
  'journal.restore': [{ at: 1 }, { at: 1, windowIndex: 0 }, { at: 1, windowIndex: 1, tabIndex: 2, restoreId: 'r-1' }],
  'journal.save': [{ at: 1 }, { at: 1, name: 'Tuesday afternoon' }],
  'journal.search': [{ query: 'lisbon' }],
  'journal.clear': [{}],
  'manager.openTabs': [{ tabs: [{ sessionId: 's1', windowIndex: 0, tabIndex: 2, url: 'https://a.example/' }] }],
  'manager.moveTabs': [
    { tabs: [{ sessionId: 's1', windowIndex: 1, tabIndex: 0, url: 'https://a.example/' }], to: { sessionId: 's2' } },
    { tabs: [], to: { newName: 'Reading' } },
  ],
  'manager.deleteTabs': [{ tabs: [{ sessionId: 's1', windowIndex: 0, tabIndex: 0, url: '' }] }],
  'manager.undoDeleteTabs': [{ undoId: 'u-1' }],
  'sync.status': [{}],
  'sync.turnOn': [
    {
      server: 'https://cloud.example/remote.php/dav/files/me/Tabularium/',
      user: 'me',
      password: 'app-pw',
      passphrase: 'a long sync passphrase',
    },
    { server: '', user: '', password: '', passphrase: '' },
  ],
  'sync.now': [{}],
  'sync.pull': [{}],
  'sync.setOptions': [
    {},
    { autosaves: true, closedWindows: false, recovered: true, keepUrlTokens: false, intervalMinutes: 5 },
  ],
  'sync.resolve': [{ action: 'upload' }],
  'sync.turnOff': [{}],
};

function refusal(type: MessageType, payload: unknown): UserError {
  try {
    validateRequest(type, payload);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error(`${type} accepted ${JSON.stringify(payload)}`);
}

describe('request schemas', () => {
  it('exist for every message declared in src/shared/messages, and for no other', () => {
    // The e2e build's probes (diagnostics.*) are not the product's: the router does not check them.
    const declared = declaredMessages().filter((t) => !t.startsWith('diagnostics.'));
    expect(declared.length).toBeGreaterThan(35);
    expect(Object.keys(requestSchemas).sort()).toEqual(declared);
    expect(Object.keys(samples).sort()).toEqual(declared);
  });

  it('the big session travels as continued parts (the sample covers them)', () => {
    expect(bigParts.length).toBeGreaterThan(2);
    expect(bigParts.some((p) => p.continues)).toBe(true);
  });

  for (const [type, list] of Object.entries(samples) as [MessageType, unknown[]][]) {
    it(`accept what the pages send for ${type}, unchanged`, () => {
      for (const payload of list) {
        // Chrome's messaging is a JSON round trip; Firefox's a structured clone, which the sample is.
        for (const sent of [payload, JSON.parse(JSON.stringify(payload)) as unknown]) {
          // Strict: an optional field that was absent stays absent (no `key: undefined`).
          expect(validateRequest(type, sent)).toStrictEqual(payload);
        }
      }
    });
  }

  it('accept the parts and the format of every import the settings page can send', () => {
    const tabulariumFile = exportSessions([big, session('s2', 'Small', [window(tabs(2))])], 'tabularium', {
      now: NOW,
    });
    const imports: ImportFile[][] = [
      [{ name: 'onetab.txt', text: fixture('onetab.txt') }],
      [{ name: 'sb.json', text: fixture('session-buddy-v3.json') }],
      [{ name: 'tsm.json', text: fixture('tsm-export.json') }],
      [{ name: 'trap.json', text: fixture('bad-import-javascript-url.json') }],
      [{ name: 'tabularium.json', text: tabulariumFile }],
      [
        { name: 'onetab.txt', text: fixture('onetab.txt') },
        { name: 'tsm.json', text: fixture('tsm-export.json') },
      ],
    ];
    for (const files of imports) {
      const preview = parseImport(files, idOptions());
      expect(validateRequest('import.begin', { format: preview.format })).toStrictEqual({ format: preview.format });
      for (const parts of chunkSessions(preview.sessions, 3_000)) {
        expect(validateRequest('import.chunk', { importId: 'i1', parts })).toStrictEqual({ importId: 'i1', parts });
      }
    }
  });

  const bad: [MessageType, unknown, string][] = [
    ['sessions.get', {}, 'id'],
    ['sessions.get', { id: '' }, 'id'],
    ['sessions.get', { id: 7 }, 'id'],
    ['sessions.get', { id: 'x'.repeat(513) }, 'id'],
    ['sessions.get', null, 'request'],
    ['sessions.get', 'sessions.get', 'request'],
    ['sessions.icons', { ids: [''] }, 'ids.0'],
    ['sessions.icons', { ids: Array.from({ length: 101 }, (_, i) => `s${i}`) }, 'ids'],
    ['sessions.list', undefined, 'request'],
    ['sessions.saveAll', { name: 5 }, 'name'],
    ['sessions.saveWindow', { windowId: '3' }, 'windowId'],
    ['sessions.saveWindow', { windowId: 1.5 }, 'windowId'],
    ['sessions.restore', { mode: { kind: 'new-windows' } }, 'id'],
    ['sessions.restore', { id: 's1', mode: { kind: 'sideways' } }, 'mode.kind'],
    ['sessions.restore', { id: 's1', mode: { kind: 'one-tab', windowIndex: 0 } }, 'mode.tabIndex'],
    ['sessions.restore', { id: 's1', mode: { kind: 'one-window', windowIndex: -1 } }, 'mode.windowIndex'],
    ['sessions.restore', { id: 's1', mode: { kind: 'replace', windowIds: [1, null] } }, 'mode.windowIds.1'],
    ['sessions.restore', { id: 's1', overwriteCookies: 'yes' }, 'overwriteCookies'],
    ['sessions.cancelRestore', { restoreId: '' }, 'restoreId'],
    ['sessions.search', { query: 'a', limit: Infinity }, 'limit'],
    ['sessions.search', { limit: 20 }, 'query'],
    ['sessions.rename', { id: 's1' }, 'name'],
    ['sessions.setTags', { id: 's1', tags: 'work' }, 'tags'],
    ['sessions.setTags', { id: 's1', tags: ['work', 3] }, 'tags.1'],
    ['sessions.removeTabs', { id: 's1', tabs: [{ windowIndex: 0, tabIndex: 2.5 }] }, 'tabs.0.tabIndex'],
    ['sessions.removeTabs', { id: 's1', tabs: [{ tabIndex: 2 }] }, 'tabs.0.windowIndex'],
    ['settings.set', { retention: '10' }, 'retention'],
    ['settings.set', { autosaveMinutes: NaN }, 'autosaveMinutes'],
    ['settings.set', { autosaveMinutes: -Infinity }, 'autosaveMinutes'],
    ['settings.set', { lazyRestore: 1 }, 'lazyRestore'],
    ['cookies.access', { url: new URL('https://example.test/') }, 'url'],
    ['cookies.tabUrl', { tabId: '42' }, 'tabId'],
    ['cookies.set', { cookie: { ...chromeCookie, sameSite: 'Lax' } }, 'cookie.sameSite'],
    ['cookies.set', { cookie: { ...chromeCookie, expirationDate: NaN } }, 'cookie.expirationDate'],
    ['cookies.set', { cookie: chromeCookie, replaces: { ...chromeCookie, storeId: undefined } }, 'replaces.storeId'],
    [
      'cookies.remove',
      { cookie: { ...chromeCookie, partitionKey: { topLevelSite: 1 } } },
      'cookie.partitionKey.topLevelSite',
    ],
    ['cookies.import', { cookies: [chromeCookie, { name: 'a', value: 'b' }] }, 'cookies.1.domain'],
    ['import.begin', { format: 'docx' }, 'format'],
    ['import.chunk', { importId: 'i1' }, 'parts'],
    ['import.chunk', { importId: 'i1', parts: [{ windows: [] }] }, 'parts.0.session'],
    [
      'import.chunk',
      { importId: 'i1', parts: [{ ...bigParts[0], session: { ...big.session, id: '' } }] },
      'parts.0.session.id',
    ],
    [
      'import.chunk',
      { importId: 'i1', parts: [{ ...bigParts[0], session: { ...big.session, counts: { windows: -1, tabs: 0 } } }] },
      'parts.0.session.counts.windows',
    ],
    [
      'import.chunk',
      { importId: 'i1', parts: [{ session: big.session, windows: [{ tabs: [] }] }] },
      'parts.0.windows.0',
    ],
    ['import.chunk', { importId: 'i1', parts: [{ session: big.session, windows: [null] }] }, 'parts.0.windows.0'],
    [
      'import.chunk',
      { importId: 'i1', parts: [{ session: big.session, windows: [{ ...window([]), tabs: [{ title: 'no url' }] }] }] },
      'parts.0.windows.0',
    ],
    ['import.chunk', { importId: 'i1', parts: [{ ...bigParts[0], continues: false }] }, 'parts.0.continues'],
    ['import.commit', { importId: 'i1', cookieJars: { big: chromeCookie } }, 'cookieJars.big'],
    [
      'import.commit',
      { importId: 'i1', cookieJars: { big: [{ ...chromeCookie, secure: 'true' }] } },
      'cookieJars.big.0.secure',
    ],
    ['export.read', { ids: ['s1', ''] }, 'ids.1'],
    ['export.read', { ids: ['s1'], cursor: { index: 0 } }, 'cursor.part'],
    ['export.cookies', { ids: ['s1'] }, 'passphrase'],
    ['keeping.set', { keep: 'on' }, 'keep'],
    ['keeping.restoreCookies', { overwrite: true }, 'sessionId'],
    ['vault.unlock', {}, 'passphrase'],
    ['vault.turnOn', { passphrase: 42 }, 'passphrase'],
    ['vault.changePassphrase', { current: 'old passphrase' }, 'next'],
    ['sync.turnOn', { server: 'https://x/', user: 'me', password: 'pw' }, 'passphrase'],
    ['sync.resolve', { action: 'delete-everything' }, 'action'],
    ['sync.setOptions', { intervalMinutes: 'often' }, 'intervalMinutes'],
  ];

  for (const [type, payload, path] of bad) {
    it(`refuse ${type} ${inspect(payload, { breakLength: Infinity }).slice(0, 70)} at "${path}"`, () => {
      const e = refusal(type, payload);
      expect(e.code).toBe('invalid');
      expect(e.userMessage).toEqual({ key: 'errBadRequest', substitutions: [type, path] });
      expect(english(e.userMessage)).toBe(
        `The extension sent a request the background worker could not read (${type}: ${path}). Nothing was changed.`,
      );
    });
  }

  it('refuse more parts in one chunk than a chunk can weigh', () => {
    const part = bigParts.at(-1)!;
    expect(
      refusal('import.chunk', { importId: 'i1', parts: Array(20_001).fill(part) }).userMessage.substitutions,
    ).toEqual(['import.chunk', 'parts']);
  });

  it('refuse a message that has no schema, Object.prototype included', () => {
    for (const type of ['sessions.nope', 'toString', '__proto__']) {
      expect(refusal(type as MessageType, {}).userMessage.substitutions).toEqual([type, 'request']);
    }
  });

  it('do not compile without a schema for each message, nor with one that does not fit its request', () => {
    const { 'sessions.get': _left, ...withoutOne } = requestSchemas;
    // @ts-expect-error: 'sessions.get' has no schema
    const _missing: RequestSchemas = withoutOne;

    // @ts-expect-error: an id is a string, not a number
    const _wrongType: RequestSchemas = { ...requestSchemas, 'sessions.get': v.object({ id: v.number() }) };

    // @ts-expect-error: 'sessions.nope' is no message
    const _extra: RequestSchemas = { ...requestSchemas, 'sessions.nope': v.object({}) };

    // Fits the request type (an object without the optional fields still does), so `satisfies`
    // alone would let v.object drop `mode`, `restoreId` and `overwriteCookies` at the edge…
    const forgetful = { ...requestSchemas, 'sessions.restore': v.object({ id: v.string() }) } satisfies RequestSchemas;
    type NoneOf<T extends never> = T;
    // @ts-expect-error: …but its fields are not the request's
    type _Forgetful = NoneOf<MismatchedSchemas<typeof forgetful>>;

    const mandatory = {
      ...requestSchemas,
      'sessions.saveAll': v.object({ name: v.string() }),
    } satisfies RequestSchemas;
    // @ts-expect-error: a required name where the request's is optional
    type _Mandatory = NoneOf<MismatchedSchemas<typeof mandatory>>;

    // The real ones match, field for field.
    type _Real = NoneOf<MismatchedSchemas<typeof requestSchemas>>;

    // What those two would have done at run time: a field lost, a page's request refused.
    expect(v.parse(forgetful['sessions.restore'], { id: 's1', overwriteCookies: true })).toStrictEqual({ id: 's1' });
    expect(v.safeParse(mandatory['sessions.saveAll'], {}).success).toBe(false);
  });
});
