// "Stay logged in" in the worker, against fake browser, cookie and permission APIs: gating on the
// permission, live capture of the open sites' cookies, jars on save, restore order and rules, jars
// deleted with the trash, recovery building a jar, and no cookie value in clear at rest.
import { describe, expect, it } from 'vitest';
import {
  ACCESS_OFF_REASON,
  NEWER_COOKIE_REASON,
  SAME_COOKIE_REASON,
} from '../../../../src/core/cookie-restore-reasons.ts';
import type { CookieRecord } from '../../../../src/core/cookies/cookie-record.ts';
import type { Settings } from '../../../../src/core/settings-model.ts';
import { getCookieJar, saveCookieJar } from '../../../../src/store/cookie-jars-repo.ts';
import { openDatabase, type DB } from '../../../../src/store/db.ts';
import { liveCookieRange } from '../../../../src/store/live-cookies-repo.ts';
import {
  deleteSession,
  listSessions,
  purgeTrash,
  removeSession,
  undoDelete,
} from '../../../../src/store/sessions-repo.ts';
import { newerSkipped } from '../../../../src/shared/messages/keeping-messages.ts';
import { createStore } from '../../../../src/store/store.ts';
import { FakeCookies, FakePermissions } from '../../fakes/fake-cookies.ts';
import { english } from '../../support/english.ts';
import { FakeBrowser } from '../../fakes/fake-platform.ts';
import { fakeWorker, NOW, type FakeWorker } from '../../fakes/fake-worker.ts';
import { cookie, dumpDatabase, needles } from '../../support/cookie-helpers.ts';
import { FaultyDatabase } from '../../support/faulty-idb.ts';

/** FakeCookies that also logs reads, into the browser fake's call log (to see the order of things). */
class LoggingCookies extends FakeCookies {
  override async getAllForDomain(domain: string, storeId: string) {
    this.calls.push(`getAll ${domain} ${storeId}`);
    return super.getAllForDomain(domain, storeId);
  }
  override async getAllInPartition(site: string, storeId: string) {
    this.calls.push(`getAllInPartition ${site} ${storeId}`);
    return super.getAllInPartition(site, storeId);
  }
}

const ALL_ACCESS = ['cookies', '<all_urls>'];
const SECRET = 'c0ffee-secret-session-token-4f9a2b';

type World = FakeWorker & {
  cookies: LoggingCookies;
  perms: FakePermissions;
  keeper: FakeWorker['ctx']['keeper'];
  db(): Promise<DB>;
};

/** A worker over a fake browser whose cookie and permission fakes log into the browser's call log. */
function world(
  opts: { granted?: boolean; keep?: boolean; all?: boolean; db?: string; faults?: FaultyDatabase } = {},
): World {
  const fake = new FakeBrowser();
  const cookies = new LoggingCookies();
  cookies.calls = fake.calls;
  fake.cookies = cookies;
  if (opts.granted ?? true) for (const p of ALL_ACCESS) fake.permissions.granted.add(p);
  const settings: Partial<Settings> = { keepCookies: opts.keep ?? true, keepAllCookies: opts.all ?? false };
  fake.local.set('settings', settings);
  const name = opts.faults?.name ?? opts.db ?? `db-${Math.random()}`;
  const dbp = openDatabase(name);
  const w = fakeWorker({ fake, store: opts.faults?.store() ?? createStore(name, () => dbp) });
  return { ...w, cookies, perms: fake.permissions, keeper: w.ctx.keeper, db: () => dbp };
}

/** The same database in a new browser run (empty storage.session, a fresh browser), or a restarted worker. */
function nextRun(prev: World, sameBrowser = false): World {
  const fake = sameBrowser ? prev.fake : new FakeBrowser();
  if (!sameBrowser) {
    fake.local = prev.fake.local;
    fake.permissions = prev.perms;
    const cookies = new LoggingCookies();
    cookies.calls = fake.calls;
    fake.cookies = cookies;
  }
  const w = fakeWorker({ fake, store: prev.store, now: prev.clock.now });
  const run = Math.random().toString(36).slice(2, 8);
  let n = 0;
  w.ctx.newId = () => `${run}-${++n}`;
  return { ...w, cookies: fake.cookies as LoggingCookies, perms: fake.permissions, keeper: w.ctx.keeper, db: prev.db };
}

async function live(w: { store: World['store'] }): Promise<CookieRecord[]> {
  return w.store.liveCookies.read();
}

const names = (cs: readonly { name: string }[]) => cs.map((c) => c.name).sort();
const cookieCalls = (calls: string[]) => calls.filter((c) => /^(getAll|set|remove)/.test(c));

/**
 * A login on app.example.test: host-only __Host- session cookie, a domain cookie, a persistent
 * preference, a CHIPS cookie from an embedded site.
 */
function logIn(cookies: FakeCookies) {
  cookies.add(cookie({ name: '__Host-session', value: SECRET, domain: 'app.example.test' }));
  cookies.add(cookie({ name: 'site', value: 'wide', domain: '.example.test', hostOnly: false, httpOnly: false }));
  cookies.add(
    cookie({
      name: 'pref',
      value: 'preference-value-long-1234',
      domain: 'app.example.test',
      session: false,
      expirationDate: NOW / 1000 + 86400,
    }),
  );
  cookies.add(
    cookie({
      name: 'chips',
      value: 'embedded-partitioned-value-5678',
      domain: 'widget.test',
      sameSite: 'no_restriction',
      partitionKey: { topLevelSite: 'https://example.test', hasCrossSiteAncestor: false },
    }),
  );
  cookies.add(cookie({ name: 'elsewhere', value: 'x', domain: 'closed.test' }));
}

describe('permission gating', () => {
  it('denied: no cookie call anywhere, tabs still save and restore, and the status says why it is off', async () => {
    const w = world({ granted: false });
    w.fake.addWindow(['https://app.example.test/']);
    logIn(w.cookies);
    await w.keeper.flush();
    const { session } = await w.handlers['sessions.saveAll']({});
    expect(session.cookieJarId).toBeUndefined();
    // A session saved earlier with a jar: its tabs come back, its cookies are reported as not put back.
    const db = await w.db();
    await saveCookieJar(db, 'jar1', [cookie({ value: SECRET })], NOW);
    const withJar = await w.ctx.sessions.store(
      [
        {
          type: 'normal',
          state: 'normal',
          incognito: false,
          focused: false,
          groups: [],
          tabs: [{ url: 'https://example.test/', title: 'x' }],
        },
      ],
      'manual',
    );
    await db.put('sessions', { ...withJar, cookieJarId: 'jar1' });
    const report = await w.ctx.restores.restore(withJar.id);
    expect(report.tabs).toBe(1);
    expect(report.cookies).toEqual({
      restored: 0,
      skipped: [{ name: 'sid', domain: 'example.test', ...ACCESS_OFF_REASON }],
      failed: [],
    });
    expect(cookieCalls(w.fake.calls)).toEqual([]);
    expect(await db.count('live', liveCookieRange())).toBe(0);
    const status = await w.handlers['keeping.status']({});
    expect(status).toMatchObject({ keep: true, permission: false, active: false, off: 'permission' });
  });

  it('revoked after it ran: capture stops without errors, the status turns off', async () => {
    const w = world();
    w.fake.addWindow(['https://app.example.test/']);
    logIn(w.cookies);
    await w.keeper.flush();
    expect(await w.db().then((db) => db.count('live', liveCookieRange()))).toBe(3);
    w.perms.granted.clear();
    w.fake.calls.length = 0;
    w.keeper.refresh();
    w.cookies.emit({ removed: false, cause: 'explicit', cookie: cookie({ name: 'late', domain: 'app.example.test' }) });
    await expect(w.keeper.flush()).resolves.toMatchObject({ written: 0 });
    const { session } = await w.handlers['sessions.saveAll']({});
    expect(session.cookieJarId).toBeUndefined();
    expect(cookieCalls(w.fake.calls)).toEqual([]);
    expect(await w.handlers['keeping.status']({})).toMatchObject({ active: false, off: 'permission' });
  });

  it('off by setting: no reads, and the browser listener is removed so cookies do not wake the worker', async () => {
    const w = world({ keep: false });
    w.fake.addWindow(['https://app.example.test/']);
    w.ctx.cookiePipeline.update();
    expect(w.cookies.listeners.size).toBe(1);
    await w.keeper.flush();
    expect(w.cookies.listeners.size).toBe(0);
    expect(cookieCalls(w.fake.calls)).toEqual([]);
    expect(await w.handlers['keeping.status']({})).toMatchObject({ keep: false, active: false, off: 'setting' });
    // Switching it on subscribes again and catches up at once.
    logIn(w.cookies);
    const status = await w.handlers['keeping.set']({ keep: true });
    expect(status).toMatchObject({ active: true, liveCookies: 3 });
    expect(w.cookies.listeners.size).toBe(1);
    // Off again: the live copy is gone.
    expect(await w.handlers['keeping.set']({ keep: false })).toMatchObject({ active: false, liveCookies: 0 });
  });
});

describe('live capture for the open sites', () => {
  it('keeps the session cookies of open sites (own, domain-wide and partitioned under them), not persistent ones or closed sites', async () => {
    const w = world();
    w.fake.addWindow(['https://app.example.test/login', 'chrome://newtab/']);
    logIn(w.cookies);
    await w.keeper.flush();
    expect(names(await live(w))).toEqual(['__Host-session', 'chips', 'site']);
    const chips = (await live(w)).find((c) => c.name === 'chips');
    expect(chips?.partitionKey).toEqual({ topLevelSite: 'https://example.test', hasCrossSiteAncestor: false });
  });

  it('with "all cookies" the persistent ones of the open sites come too', async () => {
    const w = world({ all: true });
    w.fake.addWindow(['https://app.example.test/']);
    logIn(w.cookies);
    await w.keeper.flush();
    expect(names(await live(w))).toEqual(['__Host-session', 'chips', 'pref', 'site']);
  });

  it('follows onChanged: an update, a deletion and a cookie of a closed site, written in one batch', async () => {
    const w = world();
    w.fake.addWindow(['https://app.example.test/']);
    logIn(w.cookies);
    w.ctx.cookiePipeline.update();
    await w.keeper.flush();
    await w.cookies.set({
      url: 'https://app.example.test/',
      name: '__Host-session',
      value: 'rotated',
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
    });
    await w.cookies.remove({ url: 'https://example.test/', name: 'site', storeId: '0' });
    await w.cookies.set({
      url: 'https://closed.test/',
      name: 'nope',
      value: '1',
      path: '/',
      secure: true,
      httpOnly: false,
    });
    await new Promise((r) => setTimeout(r, 300));
    const after = await live(w);
    expect(names(after)).toEqual(['__Host-session', 'chips']);
    expect(after.find((c) => c.name === '__Host-session')?.value).toBe('rotated');
  });

  it('keeps a cookie change that came during a failed write, and writes it once writes work', async () => {
    const faults = new FaultyDatabase();
    const w = world({ faults });
    w.fake.addWindow(['https://app.example.test/']);
    logIn(w.cookies);
    w.ctx.cookiePipeline.update();
    await w.keeper.flush();
    faults.failEvery('QuotaExceededError', { store: 'live', mode: 'readwrite' });
    await w.cookies.set({
      url: 'https://app.example.test/',
      name: '__Host-session',
      value: 'rotated',
      path: '/',
      secure: true,
      httpOnly: true,
    });
    await w.cookies.set({
      url: 'https://app.example.test/',
      name: 'brief',
      value: 'b',
      path: '/',
      secure: true,
      httpOnly: true,
    });
    await expect(w.keeper.flush()).rejects.toMatchObject({ code: 'quota' });
    // Newer changes while writes still fail: one cookie is gone again, another comes.
    await w.cookies.remove({ url: 'https://app.example.test/', name: 'brief', storeId: '0' });
    await w.cookies.set({
      url: 'https://app.example.test/',
      name: 'later',
      value: 'l',
      path: '/',
      secure: true,
      httpOnly: true,
    });
    await expect(w.keeper.flush()).rejects.toMatchObject({ code: 'quota' });
    faults.heal();
    await w.keeper.flush();
    const kept = await live(w);
    expect(names(kept)).toEqual(['__Host-session', 'chips', 'later', 'site']);
    expect(kept.find((c) => c.name === '__Host-session')?.value).toBe('rotated');
  });

  it('keeps no cookie that was set and removed again before the write', async () => {
    const w = world();
    w.fake.addWindow(['https://app.example.test/']);
    logIn(w.cookies);
    w.ctx.cookiePipeline.update();
    await w.keeper.flush();
    await w.cookies.set({
      url: 'https://app.example.test/',
      name: 'brief',
      value: 'b',
      path: '/',
      secure: true,
      httpOnly: true,
    });
    await w.cookies.remove({ url: 'https://app.example.test/', name: 'brief', storeId: '0' });
    await w.keeper.flush();
    expect(names(await live(w))).toEqual(['__Host-session', 'chips', 'site']);
  });

  it('catches up at worker start with what changed while it slept, and drops a site that closed', async () => {
    const w = world();
    const win = w.fake.addWindow(['https://app.example.test/', 'https://shop.test/']);
    logIn(w.cookies);
    w.cookies.add(cookie({ name: 'cart', value: 'c1', domain: 'shop.test' }));
    await w.keeper.flush();
    expect(names(await live(w))).toEqual(['__Host-session', 'cart', 'chips', 'site']);
    // The worker sleeps: a cookie is deleted, one added, and the shop tab closed. No events seen.
    w.cookies.jar.clear();
    w.cookies.add(cookie({ name: '__Host-session', value: SECRET, domain: 'app.example.test' }));
    w.cookies.add(cookie({ name: 'fresh', value: 'f', domain: 'app.example.test' }));
    win.tabs.splice(1, 1);
    const restarted = nextRun(w, true);
    await restarted.keeper.flush();
    expect(names(await live(w))).toEqual(['__Host-session', 'fresh']);
  });

  it('keeps each cookie store apart: with private windows kept, an incognito window’s cookies come from its store', async () => {
    const w = world();
    w.fake.local.set('settings', { ...(w.fake.local.get('settings') as object), keepPrivateWindows: true });
    w.fake.addWindow(['https://app.example.test/']);
    w.fake.addWindow(['https://private.test/'], { incognito: true });
    await w.ctx.settings.apply();
    w.cookies.add(cookie({ name: 'p', domain: 'private.test', storeId: '1' }));
    w.cookies.add(cookie({ name: 'notp', domain: 'private.test', storeId: '0' }));
    await w.keeper.flush();
    expect(w.fake.calls).toContain('getAll private.test 1');
    expect(w.fake.calls).not.toContain('getAll private.test 0');
    expect(names(await live(w))).toEqual(['p']);
  });

  it('keeps no cookie of a private window by default: private windows stay off disk', async () => {
    const w = world();
    w.fake.addWindow(['https://private.test/'], { incognito: true });
    w.cookies.add(cookie({ name: 'p', domain: 'private.test', storeId: '1' }));
    await w.keeper.flush();
    expect(w.fake.calls.filter((c) => c.startsWith('getAll'))).toEqual([]);
    expect(await live(w)).toEqual([]);
  });

  it('with several open sites, catches up with one read of the whole store instead of two per site', async () => {
    const w = world();
    w.fake.addWindow(['https://app.example.test/', 'https://a.test/', 'https://b.test/']);
    logIn(w.cookies);
    const reads: string[] = [];
    w.cookies.getAllInStore = async (store: string) => {
      reads.push(store);
      return [...w.cookies.jar.values()].filter((c) => c.storeId === store);
    };
    await nextRun(w, true).keeper.flush();
    expect(reads).toEqual(['0']);
    expect(w.fake.calls.filter((c) => c.startsWith('getAll'))).toEqual([]);
    expect(names(await live(w))).toEqual(['__Host-session', 'chips', 'site']);
  });

  it('leaves no cookie value in clear in the database after capture and save', async () => {
    const w = world({ all: true });
    w.fake.addWindow(['https://app.example.test/']);
    logIn(w.cookies);
    await w.keeper.flush();
    const { session } = await w.handlers['sessions.saveAll']({});
    expect(session.cookieJarId).toBeDefined();
    const dump = await dumpDatabase(await w.db());
    expect(dump).toContain('[cookieJars]');
    expect(dump).toContain('[live] "c:');
    for (const secret of [SECRET, 'embedded-partitioned-value-5678', 'preference-value-long-1234']) {
      for (const n of needles(secret)) expect(dump).not.toContain(n);
    }
  });
});

describe('saved sessions and restore', () => {
  async function savedWithCookies() {
    const w = world();
    w.fake.addWindow(['https://app.example.test/account']);
    logIn(w.cookies);
    const { session } = await w.handlers['sessions.saveAll']({});
    return { w, session };
  }

  it('puts the cookies into an encrypted jar on save and sets them back before any tab is created', async () => {
    const { w, session } = await savedWithCookies();
    expect(session.cookieJarId).toBeDefined();
    expect(names((await getCookieJar(await w.db(), session.cookieJarId!))!)).toEqual([
      '__Host-session',
      'chips',
      'site',
    ]);
    w.cookies.jar.clear();
    w.fake.calls.length = 0;
    const report = await w.handlers['sessions.restore']({ id: session.id });
    expect(report.cookies).toEqual({ restored: 3, skipped: [], failed: [] });
    const firstTab = w.fake.calls.findIndex((c) => c.startsWith('windows.create') || c.startsWith('tabs.create'));
    const lastSet = w.fake.calls.findLastIndex((c) => c.startsWith('set '));
    expect(firstTab).toBeGreaterThan(lastSet);
    expect(lastSet).toBeGreaterThanOrEqual(0);
    const back = [...w.cookies.jar.values()];
    expect(back.find((c) => c.name === '__Host-session')).toMatchObject({
      value: SECRET,
      hostOnly: true,
      domain: 'app.example.test',
      secure: true,
    });
    expect(back.find((c) => c.name === 'site')).toMatchObject({ hostOnly: false, domain: '.example.test' });
    expect(back.find((c) => c.name === 'chips')?.partitionKey).toEqual({
      topLevelSite: 'https://example.test',
      hasCrossSiteAncestor: false,
    });
  });

  it('keeps a newer cookie of the browser unless asked to overwrite, and reports skips and failures', async () => {
    const { w, session } = await savedWithCookies();
    w.cookies.jar.clear();
    w.cookies.add(cookie({ name: '__Host-session', value: 'newer-login', domain: 'app.example.test' }));
    w.cookies.refuse = (d) => (d.name === 'chips' ? 'Failed to parse or set cookie named "chips".' : undefined);
    const report = await w.handlers['sessions.restore']({ id: session.id });
    expect(report.cookies.restored).toBe(1);
    expect(report.cookies.skipped).toEqual([
      {
        name: '__Host-session',
        domain: 'app.example.test',
        code: 'newer-in-browser',
        reason: NEWER_COOKIE_REASON.reason,
      },
    ]);
    expect(report.cookies.failed.map((x) => [x.name, x.domain, x.code, english(x.reason)])).toEqual([
      ['chips', 'widget.test', 'refused', 'The browser refused it: Failed to parse or set cookie named "chips".'],
    ]);
    // The popup offers "overwrite" by the code, whatever the page's language.
    expect(newerSkipped(report.cookies)).toBe(1);
    expect([...w.cookies.jar.values()].find((c) => c.name === '__Host-session')?.value).toBe('newer-login');
    const again = await w.handlers['sessions.restore']({ id: session.id, overwriteCookies: true });
    // The domain cookie put back by the first restore is the same now: nothing to do for it.
    expect(again.cookies.restored).toBe(1);
    expect(again.cookies.skipped.map((x) => [x.name, x.code, x.reason])).toEqual([
      ['site', SAME_COOKIE_REASON.code, SAME_COOKIE_REASON.reason],
    ]);
    expect(newerSkipped(again.cookies)).toBe(0);
    expect([...w.cookies.jar.values()].find((c) => c.name === '__Host-session')?.value).toBe(SECRET);
  });

  it('skips expired cookies and reports cookies toSetDetails refuses', async () => {
    const w = world();
    w.fake.addWindow(['https://example.test/']);
    const db = await w.db();
    await saveCookieJar(
      db,
      'jarX',
      [
        cookie({ name: 'old', session: false, expirationDate: NOW / 1000 - 10 }),
        cookie({ name: '__Host-bad', hostOnly: false, domain: '.example.test' }),
        cookie({ name: 'ok' }),
      ],
      NOW,
    );
    const s = await w.ctx.sessions.store(
      [
        {
          type: 'normal',
          state: 'normal',
          incognito: false,
          focused: false,
          groups: [],
          tabs: [{ url: 'https://example.test/', title: 'x' }],
        },
      ],
      'manual',
    );
    await db.put('sessions', { ...s, cookieJarId: 'jarX' });
    w.cookies.jar.clear();
    const report = await w.ctx.restores.restore(s.id);
    expect(report.cookies.restored).toBe(1);
    expect(report.cookies.skipped.map((x) => [x.name, x.code])).toEqual([['old', 'expired']]);
    expect(english(report.cookies.skipped[0]!.reason)).toMatch(/^Cookie "old" expired on \d{4}-\d\d-\d\dT/);
    expect(report.cookies.failed.map((x) => [x.name, x.code])).toEqual([['__Host-bad', 'not-settable']]);
    expect(english(report.cookies.failed[0]!.reason)).toBe(
      'Cookie "__Host-bad": A "__Host-" cookie must be Secure, host-only and have path "/", but it has a Domain attribute (not host-only).',
    );
  });

  it('deletes a session’s jar only when its trash entry is purged (Undo brings both back), and with retention removals', async () => {
    const { w, session } = await savedWithCookies();
    const db = await w.db();
    await deleteSession(db, session.id, NOW);
    expect(await db.get('cookieJars', session.cookieJarId!)).toBeDefined();
    await undoDelete(db, session.id);
    await deleteSession(db, session.id, NOW);
    expect(await purgeTrash(db, 1000, NOW + 500)).toBe(0);
    expect(await db.get('cookieJars', session.cookieJarId!)).toBeDefined();
    expect(await purgeTrash(db, 1000, NOW + 5000)).toBe(1);
    expect(await db.get('cookieJars', session.cookieJarId!)).toBeUndefined();

    const { session: other } = await w.handlers['sessions.saveAll']({});
    expect(other.cookieJarId).toBeDefined();
    await removeSession(db, other.id);
    expect(await db.get('cookieJars', other.cookieJarId!)).toBeUndefined();
  });

  it('"Clear all stored cookie values" empties every jar and the live copy; sessions stay', async () => {
    const { w, session } = await savedWithCookies();
    await w.keeper.flush();
    const db = await w.db();
    expect(await db.count('live', liveCookieRange())).toBeGreaterThan(0);
    await w.handlers['keeping.clearAll']({});
    expect(await db.count('cookieJars')).toBe(0);
    expect(await db.count('live', liveCookieRange())).toBe(0);
    expect((await listSessions(db)).map((s) => s.id)).toEqual([session.id]);
    const report = await w.handlers['sessions.restore']({ id: session.id });
    expect(report.cookies).toEqual({ restored: 0, skipped: [], failed: [] });
  });
});

describe('crash recovery', () => {
  it('turns the previous run’s live cookies into the recovered session’s jar, clears them, and Recover sets them back first', async () => {
    const name = `db-${Math.random()}`;
    const w = world({ db: name });
    w.fake.addWindow(['https://app.example.test/account']);
    logIn(w.cookies);
    await w.ctx.recovery.beginRun();
    await w.ctx.tracker.start();
    await w.keeper.flush();
    expect(names(await live(w))).toEqual(['__Host-session', 'chips', 'site']);

    // Killed: the next run has no tabs and no session cookies.
    const r = nextRun(w);
    const start = await r.ctx.recovery.beginRun();
    expect(start.recovered?.cookieJarId).toBeDefined();
    const db = await r.db();
    const jar = await getCookieJar(db, start.recovered!.cookieJarId!);
    expect(names(jar!)).toEqual(['__Host-session', 'chips', 'site']);
    expect(await db.count('live', liveCookieRange())).toBe(0);

    await r.ctx.tracker.start();
    const report = await r.handlers['recovery.recover']({});
    expect(report.tabs).toBe(1);
    expect(report.cookies.restored).toBe(3);
    const firstWindow = r.fake.calls.findIndex((c) => c.startsWith('windows.create'));
    expect(r.fake.calls.findLastIndex((c) => c.startsWith('set '))).toBeLessThan(firstWindow);
    expect([...r.cookies.jar.values()].find((c) => c.name === '__Host-session')?.value).toBe(SECRET);
  });
});
