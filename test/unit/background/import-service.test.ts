import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DecryptError, exportSessions, parseImport, type ImportPreview } from '../../../src/core/formats/index.ts';
import type { SessionWithBody } from '../../../src/core/model.ts';
import { getCookieJar, saveCookieJar } from '../../../src/store/cookie-jars-repo.ts';
import type { DB } from '../../../src/store/db.ts';
import * as repo from '../../../src/store/sessions-repo.ts';
import { chunkSessions } from '../../../src/shared/messages/import-export-messages.ts';
import { cookie } from '../support/cookie-helpers.ts';
import { fixture, session, window } from '../support/format-helpers.ts';
import { startWorker, type Worker } from '../support/routed-worker.ts';
import { english, rejectionText } from '../support/english.ts';

// The page's flows talk to whichever worker the test started, through the real router.
let current: Worker;
vi.mock('../../../src/shared/client.ts', () => ({
  call: (type: never, payload: never) => current.call(type, payload),
  RemoteError: Error,
}));

const { previewImport, storeImport, unlockCookies } =
  await import('../../../src/ui/options/import-export/import-flow.ts');
const { buildExport, readSessions } = await import('../../../src/ui/options/import-export/export-flow.ts');

const noProgress = () => undefined;

function tsmPreview(): ImportPreview {
  let n = 0;
  return parseImport([{ name: 'tsm-export.json', text: fixture('tsm-export.json') }], {
    newId: () => `p${++n}`,
    now: 1,
  });
}

async function stored(w: Worker): Promise<SessionWithBody[]> {
  const db = await w.dbp;
  const list = await repo.listSessions(db);
  return Promise.all(list.map(async (s) => (await repo.getSession(db, s.id))!));
}

beforeEach(() => {
  current = startWorker();
});

describe('chunked import through the worker', () => {
  it('stores every session of a file sent in many small chunks, in one commit', async () => {
    const preview = tsmPreview();
    const { importId } = await current.call('import.begin', { format: preview.format });
    let chunks = 0;
    for (const parts of chunkSessions(preview.sessions, 600)) {
      await current.call('import.chunk', { importId, parts });
      chunks++;
      // Nothing lands before the commit.
      expect(await stored(current)).toEqual([]);
    }
    expect(chunks).toBeGreaterThan(3);
    const r = await current.call('import.commit', { importId });
    expect(r).toEqual({ stored: 2, skipped: [], replaced: [] });
    const got = await stored(current);
    expect(got.map((s) => s.session.name).sort()).toEqual(['Cookie research', 'Extension APIs']);
    const byId = new Map(preview.sessions.map((s) => [s.session.id, s]));
    for (const s of got) expect(s).toEqual(byId.get(s.session.id));
  });

  it('the page flow previews, then stores; the counts match', async () => {
    const preview = await previewImport([{ name: 'tsm-export.json', text: fixture('tsm-export.json') }]);
    expect(preview.counts).toEqual({ sessions: 2, windows: 3, tabs: 8, notOpenable: 0 });
    const seen: number[] = [];
    const r = await storeImport(preview, undefined, (p) => seen.push(p.done));
    expect(r.stored).toBe(2);
    expect(seen.at(-1)).toBe(8);
    expect((await stored(current)).length).toBe(2);
  });

  it('names a session that comes with a blank name after its sites, so its row is never empty', async () => {
    const tab = (url: string, title: string) => ({ url, title });
    const tabs = [
      tab('https://github.com/a', 'GitHub'),
      tab('https://github.com/b', 'x'),
      tab('https://docs.example.org/', 'd'),
    ];
    const { importId } = await current.call('import.begin', { format: 'tabularium' });
    await current.call('import.chunk', {
      importId,
      parts: [...chunkSessions([session('blank', '  ', [window(tabs)])])][0]!,
    });
    await current.call('import.commit', { importId });
    expect((await stored(current)).map((s) => s.session.name)).toEqual(['GitHub, Docs · 3 tabs']);
  });

  it('stores nothing when a chunk fails: the import is aborted and cannot be committed', async () => {
    const preview = tsmPreview();
    const { importId } = await current.call('import.begin', { format: preview.format });
    const [first] = chunkSessions(preview.sessions, 600);
    await current.call('import.chunk', { importId, parts: first! });
    // A continuation of a session never begun: refused.
    expect(
      await rejectionText(
        current.call('import.chunk', {
          importId,
          parts: [{ session: { ...preview.sessions[1]!.session, id: 'nope' }, windows: [], continues: true }],
        }),
      ),
    ).toBe('A part of session "nope" arrived without its beginning.');
    await current.call('import.abort', { importId });
    expect(await rejectionText(current.call('import.commit', { importId }))).toMatch(/interrupted.*nothing was stored/);
    expect(await stored(current)).toEqual([]);
  });

  it('fails the commit clearly when the worker restarted in between, and stores nothing', async () => {
    const preview = tsmPreview();
    const { importId } = await current.call('import.begin', { format: preview.format });
    for (const parts of chunkSessions(preview.sessions)) await current.call('import.chunk', { importId, parts });
    // A new worker on the same database: the pending chunks were in the old one's memory.
    current = startWorker(current.dbp);
    expect(await rejectionText(current.call('import.commit', { importId }))).toMatch(
      /background worker restarted.*nothing was stored/,
    );
    expect(await stored(current)).toEqual([]);
  });

  it('stores nothing, cookie jars included, when the commit transaction aborts', async () => {
    // The sessions transaction aborts after its writes are queued, as a full disk does.
    const wrap = (db: DB): DB =>
      new Proxy(db, {
        get(target, prop, recv) {
          if (prop !== 'transaction') return Reflect.get(target, prop, recv);
          return (stores: string | string[], mode?: IDBTransactionMode, opts?: IDBTransactionOptions) => {
            const tx = target.transaction(stores as never, mode, opts);
            if (mode === 'readwrite' && [stores].flat().includes('sessions')) queueMicrotask(() => tx.abort());
            return tx;
          };
        },
      });
    current = startWorker(undefined, wrap);
    const preview = tsmPreview();
    const jars = { [preview.sessions[0]!.session.id]: [cookie({ value: 'secret' })] };
    expect(await rejectionText(storeImport(preview, jars, noProgress))).toMatch(/nothing was changed/);
    const db = await current.dbp;
    expect(await repo.listSessions(db)).toEqual([]);
    expect(await db.count('cookieJars')).toBe(0);
  });
});

describe('duplicates', () => {
  it('skips sessions already imported from the same source, and says so', async () => {
    const first = await previewImport([{ name: 'tsm-export.json', text: fixture('tsm-export.json') }]);
    await storeImport(first, undefined, noProgress);
    // The preview already knows…
    const again = await previewImport([{ name: 'tsm-export.json', text: fixture('tsm-export.json') }]);
    expect(again.counts.sessions).toBe(0);
    expect(again.skipped.map((s) => english(s.reason))).toEqual([
      'already imported, and this copy is not newer',
      'already imported, and this copy is not newer',
    ]);
    // …and the worker checks again at commit (another page may have imported meanwhile).
    const r = await storeImport(tsmPreview(), undefined, noProgress);
    expect(r.stored).toBe(0);
    expect(r.skipped).toHaveLength(2);
    expect((await stored(current)).length).toBe(2);
  });

  it('keeps Tabularium ids: an older copy is skipped, a newer one replaces it', async () => {
    const s = session('keep-me', 'Original', [window([{ url: 'https://a.test/', title: 'A' }])], { updatedAt: 1000 });
    await repo.saveSessions(await current.dbp, [s]);
    const older = exportSessions([{ ...s, session: { ...s.session, name: 'Older', updatedAt: 500 } }], 'tabularium', {
      now: 1,
    });
    const r1 = await storeImport(
      parseImport([{ name: 'old.json', text: older }], { newId: () => 'x', now: 1 }),
      undefined,
      noProgress,
    );
    expect(r1.stored).toBe(0);
    const newer = exportSessions([{ ...s, session: { ...s.session, name: 'Newer', updatedAt: 2000 } }], 'tabularium', {
      now: 1,
    });
    // The preview says so before anything is stored.
    const preview = await previewImport([{ name: 'new.json', text: newer }]);
    expect(preview.replaces.map((r) => [r.id, r.storedName, r.changes.map(english)])).toEqual([
      ['keep-me', 'Original', ['name “Original” → “Newer”']],
    ]);
    const r2 = await storeImport(preview, undefined, noProgress);
    expect(r2.stored).toBe(1);
    expect(r2.replaced.map((r) => r.name)).toEqual(['Original']);
    const got = await stored(current);
    expect(got.map((x) => [x.session.id, x.session.name])).toEqual([['keep-me', 'Newer']]);
    // The replaced version went to the trash: Undo brings it back beside the new one.
    const back = await current.call('sessions.undoDelete', { id: r2.replaced[0]!.id });
    expect(back.session.name).toBe('Original');
    const both = await stored(current);
    expect(both.map((x) => x.session.name).sort()).toEqual(['Newer', 'Original']);
    expect(both.find((x) => x.session.name === 'Original')!.body.windows).toEqual(s.body.windows);
  });

  it("keeps the replaced version's cookies with it in the trash", async () => {
    const db = await current.dbp;
    const s = session('jarred', 'Old', [window([{ url: 'https://a.test/', title: 'A' }])], {
      updatedAt: 1000,
      cookieJarId: 'jar-old',
    });
    await saveCookieJar(db, 'jar-old', [cookie({ value: 'old' })], 1);
    await repo.saveSessions(db, [s]);
    const newer = { ...s, session: { ...s.session, name: 'New', updatedAt: 2000 } };
    const preview = parseImport([{ name: 'n.json', text: exportSessions([newer], 'tabularium', { now: 1 }) }], {
      newId: () => 'x',
      now: 1,
    });
    const r = await storeImport(preview, { jarred: [cookie({ value: 'new' })] }, noProgress);
    const now = (await repo.getSession(db, 'jarred'))!;
    expect(await getCookieJar(db, now.session.cookieJarId!)).toEqual([cookie({ value: 'new' })]);
    const old = await current.call('sessions.undoDelete', { id: r.replaced[0]!.id });
    expect(old.session.cookieJarId).toBe('jar-old');
    expect(await getCookieJar(db, 'jar-old')).toEqual([cookie({ value: 'old' })]);
  });

  it('does not let the trashed version take the cookie jar the new one still uses', async () => {
    const db = await current.dbp;
    const s = session('shared', 'Old', [window([{ url: 'https://a.test/', title: 'A' }])], {
      updatedAt: 1000,
      cookieJarId: 'jar-1',
    });
    await saveCookieJar(db, 'jar-1', [cookie({ value: 'v' })], 1);
    await repo.saveSessions(db, [s]);
    // The newer copy names the same jar and brings no cookies of its own.
    const newer = { ...s, session: { ...s.session, name: 'New', updatedAt: 2000 } };
    const preview = parseImport([{ name: 'n.json', text: exportSessions([newer], 'tabularium', { now: 1 }) }], {
      newId: () => 'x',
      now: 1,
    });
    const r = await storeImport(preview, undefined, noProgress);
    expect((await repo.getSession(db, 'shared'))!.session.cookieJarId).toBe('jar-1');
    // Purging the trash must not delete a jar a stored session points at.
    const trashed = await db.get('trash', r.replaced[0]!.id);
    expect(trashed?.session.cookieJarId).toBeUndefined();
  });
});

describe('automatic sessions from a backup', () => {
  it('are stored as imported, keep their origin as a label, and no autosave prunes them', async () => {
    const w = window([{ url: 'https://a.test/', title: 'A' }]);
    const backup = exportSessions(
      [
        session('auto', 'An autosave', [w], { kind: 'autosave' }),
        session('closed', 'A closed window', [w], { kind: 'window-closed' }),
        session('rec', 'Recovered', [w], { kind: 'recovered' }),
        session('mine', 'Mine', [w]),
      ],
      'tabularium',
      { now: 1 },
    );
    await storeImport(await previewImport([{ name: 'backup.json', text: backup }]), undefined, noProgress);
    const kinds = async () =>
      Object.fromEntries((await stored(current)).map((s) => [s.session.id, [s.session.kind, s.session.origin]]));
    expect(await kinds()).toEqual({
      auto: ['imported', 'autosave'],
      closed: ['imported', 'window-closed'],
      rec: ['imported', 'recovered'],
      mine: ['manual', undefined],
    });
    // Later autosaves and closed windows keep the newest one of each automatic kind: none of these.
    await current.call('settings.set', { retention: 1 });
    current.fake.addWindow(['https://now.test/']);
    expect((await current.ctx.autosave.run()).outcome).toBe('saved');
    await current.ctx.autosave.saveClosedWindow([window([{ url: 'https://gone.test/', title: 'Gone' }])]);
    expect(await kinds()).toMatchObject({
      auto: ['imported', 'autosave'],
      closed: ['imported', 'window-closed'],
      rec: ['imported', 'recovered'],
      mine: ['manual', undefined],
    });
    // Exported again, the label travels with the session.
    const again = parseImport(
      [{ name: 'again.json', text: exportSessions(await stored(current), 'tabularium', { now: 2 }) }],
      { newId: () => 'x', now: 2 },
    );
    expect(again.sessions.find((s) => s.session.id === 'auto')?.session).toMatchObject({
      kind: 'imported',
      origin: 'autosave',
    });
  });
});

describe('cookies and the passphrase', () => {
  async function exportWithCookies(passphrase: string): Promise<string> {
    const db = await current.dbp;
    const s = session('c1', 'With cookies', [window([{ url: 'https://example.test/', title: 'E' }])], {
      cookieJarId: 'jar1',
    });
    await saveCookieJar(db, 'jar1', [cookie({ value: 'tok-123' })], 1);
    await repo.saveSessions(db, [s, session('c2', 'Without', [window([{ url: 'https://b.test/', title: 'B' }])])]);
    const r = await buildExport(['c1', 'c2'], 'tabularium', { passphrase, keepUrlTokens: false }, noProgress);
    expect(r.withCookies).toBe(1);
    const text = await r.blob.text();
    expect(text).not.toContain('tok-123');
    return text;
  }

  it('a wrong passphrase is a clear error and nothing is stored', async () => {
    const text = await exportWithCookies('correct horse');
    current = startWorker();
    const preview = await previewImport([{ name: 'backup.json', text }]);
    expect(preview.encryptedCookies).toBeDefined();
    await expect(unlockCookies(preview.encryptedCookies!, 'wrong')).rejects.toBeInstanceOf(DecryptError);
    expect(await stored(current)).toEqual([]);
    expect(await (await current.dbp).count('cookieJars')).toBe(0);
  });

  it('the right passphrase brings the cookies back with the session', async () => {
    const text = await exportWithCookies('correct horse');
    current = startWorker();
    const preview = await previewImport([{ name: 'backup.json', text }]);
    const jars = await unlockCookies(preview.encryptedCookies!, 'correct horse');
    const r = await storeImport(preview, jars, noProgress);
    expect(r.stored).toBe(2);
    const db = await current.dbp;
    const c1 = (await repo.getSession(db, 'c1'))!;
    expect(c1.session.cookieJarId).toBeDefined();
    expect(await getCookieJar(db, c1.session.cookieJarId!)).toEqual([cookie({ value: 'tok-123' })]);
    expect((await repo.getSession(db, 'c2'))!.session.cookieJarId).toBeUndefined();
  });

  it('leaves cookies out without a passphrase', async () => {
    const db = await current.dbp;
    await saveCookieJar(db, 'jar1', [cookie({ value: 'tok-123' })], 1);
    await repo.saveSessions(db, [
      session('c1', 'With cookies', [window([{ url: 'https://example.test/', title: 'E' }])], { cookieJarId: 'jar1' }),
    ]);
    const r = await buildExport(['c1'], 'tabularium', { passphrase: '', keepUrlTokens: false }, noProgress);
    expect(r.withCookies).toBe(0);
    expect(JSON.parse(await r.blob.text()).cookieJars).toBeUndefined();
  });
});

describe('session tokens in exported addresses', () => {
  const HEX = '9f86d081884c7d659a2feaa0c55ad015';
  async function saveTokenSession(): Promise<void> {
    const db = await current.dbp;
    await repo.saveSessions(db, [
      session('t1', 'Shop', [
        window([
          { url: `https://shop.test/cart;jsessionid=${HEX}?item=3`, title: 'Cart' },
          { url: 'https://shop.test/?page=2', title: 'Page 2' },
        ]),
      ]),
    ]);
  }

  it.each(['text', 'html', 'markdown', 'onetab', 'tabularium'] as const)(
    'leaves them out of a %s export by default and counts the tabs',
    async (format) => {
      await saveTokenSession();
      const r = await buildExport(['t1'], format, { passphrase: '', keepUrlTokens: false }, noProgress);
      const text = await r.blob.text();
      expect(text).not.toContain(HEX);
      expect(text).toContain('https://shop.test/cart?item=3');
      expect(text).toContain('https://shop.test/?page=2');
      expect(r).toMatchObject({ tokenTabs: 1, tokensKept: false });
    },
  );

  it('keeps them when the person asks, and still counts them', async () => {
    await saveTokenSession();
    const r = await buildExport(['t1'], 'text', { passphrase: '', keepUrlTokens: true }, noProgress);
    expect(await r.blob.text()).toContain(`;jsessionid=${HEX}`);
    expect(r).toMatchObject({ tokenTabs: 1, tokensKept: true });
  });

  it('leaves the stored session as it was', async () => {
    await saveTokenSession();
    await buildExport(['t1'], 'tabularium', { passphrase: '', keepUrlTokens: false }, noProgress);
    const kept = await repo.getSession(await current.dbp, 't1');
    expect(kept!.body.windows[0]!.tabs[0]!.url).toContain(HEX);
  });
});

describe('export reads in chunks', () => {
  it('returns every session intact, a 10,000-tab one included, over several messages', async () => {
    const db = await current.dbp;
    const hugeTabs = Array.from({ length: 10_000 }, (_, i) => ({
      url: `https://site${i % 97}.test/path/${i}/${'p'.repeat(200)}`,
      title: `Tab ${i} ${'t'.repeat(60)}`,
    }));
    const huge = session('huge', 'Huge', [window(hugeTabs.slice(0, 6000)), window(hugeTabs.slice(6000))], {
      createdAt: 5,
    });
    const small = Array.from({ length: 30 }, (_, i) =>
      session(`s${i}`, `Small ${i}`, [window([{ url: `https://s.test/${i}`, title: `S${i}` }])], { createdAt: 10 + i }),
    );
    await repo.saveSessions(db, [huge, ...small]);
    const ids = ['huge', ...small.map((s) => s.session.id), 'gone'];
    const progress: number[] = [];
    const { items, missing } = await readSessions(ids, (p) => progress.push(p.done));
    expect(current.sent.get('export.read')).toBeGreaterThan(1);
    expect(missing).toBe(1);
    expect(items).toEqual([huge, ...small]);
    expect(progress.at(-1)).toBe(ids.length);
  });
});
