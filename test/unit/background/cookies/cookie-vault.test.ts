// The cookie vault lock in the worker, over the fake browser: keeping under the lock, a new browser
// run (storage.session lost) locked again, keeping paused and saves without cookies while locked,
// the recovered session's jar waiting for Unlock, Recover saying so, and putting the cookies back
// after unlocking; a worker restart in the same run stays unlocked; forget keeps the sessions.
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../src/core/settings-model.ts';
import { openDatabase } from '../../../../src/store/db.ts';
import { createStore } from '../../../../src/store/store.ts';
import { FakeBrowser } from '../../fakes/fake-platform.ts';
import { fakeWorker, nextRun, type FakeWorker } from '../../fakes/fake-worker.ts';
import { cookie, dumpDatabase, needles } from '../../support/cookie-helpers.ts';
import { english } from '../../support/english.ts';
import { UserError } from '../../../../src/core/user-error.ts';

const PASS = 'correct horse battery staple';
const SECRET = 'c0ffee-vault-session-token-4f9a2b';
const NAME = '__Host-vaultsession';
const APP = 'https://app.example.test/account';

function world(): FakeWorker & { dump(): Promise<string> } {
  const fake = new FakeBrowser();
  for (const p of ['cookies', '<all_urls>']) fake.permissions.granted.add(p);
  const settings: Partial<Settings> = { keepCookies: true };
  fake.local.set('settings', settings);
  const name = `vault-${Math.random()}`;
  const dbp = openDatabase(name);
  const w = fakeWorker({ fake, store: createStore(name, () => dbp) });
  return { ...w, dump: async () => dumpDatabase(await dbp) };
}

function logIn(w: FakeWorker): void {
  w.fake.cookies.add(cookie({ name: NAME, value: SECRET, domain: 'app.example.test' }));
}

async function started(w: FakeWorker): Promise<void> {
  await w.ctx.recovery.beginRun();
  await w.ctx.tracker.start();
}

async function refusal(p: Promise<unknown>): Promise<UserError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

describe('cookie vault lock in the worker', () => {
  it('kept cookies under the lock: no value, name or domain readable in the database', async () => {
    const w = world();
    w.fake.addWindow([APP]);
    logIn(w);
    await started(w);
    expect(await w.handlers['vault.status']({})).toEqual({ state: 'off', minChars: 8 });
    expect(await w.handlers['vault.turnOn']({ passphrase: PASS })).toEqual({ state: 'unlocked', minChars: 8 });
    await w.ctx.keeper.flush();
    expect((await w.handlers['keeping.status']({})).liveCookies).toBe(1);
    const { session, cookiesLocked } = await w.handlers['sessions.saveAll']({});
    expect(cookiesLocked).toBeUndefined();
    expect(session.cookieJarId).toBeDefined();
    const dump = await w.dump();
    expect(dump).toContain('[cookieJars]');
    // The tab's own address is a session's content, in clear by design; the cookie's names are not.
    for (const s of [SECRET, NAME, 'app.example.test\u0000']) for (const n of needles(s)) expect(dump).not.toContain(n);
  });

  it('a new browser run is locked: keeping pauses, a save keeps its tabs without cookies and says so', async () => {
    const w = world();
    w.fake.addWindow([APP]);
    logIn(w);
    await started(w);
    await w.handlers['vault.turnOn']({ passphrase: PASS });
    await w.ctx.keeper.flush();

    const r = nextRun(w);
    r.fake.addWindow([APP]);
    await started(r);
    expect((await r.handlers['vault.status']({})).state).toBe('locked');
    const writesBefore = await w.dump();
    r.fake.cookies.add(cookie({ name: 'later', value: 'later-value-1234', domain: 'app.example.test' }));
    const flushed = await r.ctx.keeper.flush();
    expect(flushed.written).toBe(0);
    expect(r.ctx.keeper.listening()).toBe(false);
    const status = await r.handlers['keeping.status']({});
    expect(status).toMatchObject({ keep: true, permission: true, active: false, off: 'locked' });

    const saved = await r.handlers['sessions.saveAll']({});
    expect(saved.cookiesLocked).toBe(true);
    expect(saved.session.cookieJarId).toBeUndefined();
    expect(saved.session.counts.tabs).toBeGreaterThan(0);
    // Nothing about cookies was written while locked: no jar, no live record, no key.
    const cookieLines = (dump: string) =>
      dump.split('\n').filter((l) => /^\[(cookieJars|keys)\]|^\[live\] "c:/.test(l));
    expect(cookieLines(await w.dump())).toEqual(cookieLines(writesBefore));
    expect(cookieLines(writesBefore).length).toBeGreaterThan(1);

    await r.handlers['vault.unlock']({ passphrase: PASS });
    expect((await r.handlers['keeping.status']({})).active).toBe(true);
    await r.ctx.keeper.flush();
    expect((await r.store.liveCookies.read()).map((c) => c.name).sort()).toEqual([NAME, 'later']);
  });

  it('after a crash: the recovered jar waits, Recover says the cookies are locked, Unlock then puts them back', async () => {
    const w = world();
    w.fake.addWindow([APP]);
    logIn(w);
    await started(w);
    await w.handlers['vault.turnOn']({ passphrase: PASS });
    await w.ctx.keeper.flush();

    // Killed: the session cookie died with the browser, storage.session too.
    const r = nextRun(w);
    r.fake.cookies.jar.clear();
    const start = await r.ctx.recovery.beginRun();
    await r.ctx.tracker.start();
    expect(start.recovered?.cookieJarId).toBeDefined();
    expect((await r.handlers['recovery.status']({})).pending).toMatchObject({ tabs: 1 });
    expect((await r.handlers['keeping.status']({})).locked).toBe(true);

    const report = await r.handlers['recovery.recover']({});
    expect(report.tabs).toBe(1);
    expect(report.cookies).toEqual({
      restored: 0,
      skipped: [],
      failed: [],
      lockedSessionId: start.recovered!.id,
    });
    expect(r.fake.cookies.jar.size).toBe(0);

    // Without the passphrase nothing puts them back.
    const locked = await r.handlers['keeping.restoreCookies']({ sessionId: start.recovered!.id });
    expect(locked.restored).toBe(0);
    expect(locked.lockedSessionId).toBe(start.recovered!.id);
    const wrong = await refusal(r.handlers['vault.unlock']({ passphrase: 'not the passphrase' }));
    expect(wrong.code).toBe('refused');
    expect(english(wrong.userMessage)).toMatch(/Nothing was changed/);

    // Unlocking puts back what the restores of this run found locked, even after a worker restart.
    const restarted = fakeWorker({ fake: r.fake, store: r.store, now: r.clock.now });
    const unlocked = await restarted.handlers['vault.unlock']({ passphrase: PASS });
    expect(unlocked).toMatchObject({ state: 'unlocked', cookies: { restored: 1, failed: [] } });
    expect([...r.fake.cookies.jar.values()].find((c) => c.name === NAME)?.value).toBe(SECRET);
    // Once: a later unlock has nothing waiting.
    await restarted.handlers['vault.lock']({});
    expect((await restarted.handlers['vault.unlock']({ passphrase: PASS })).cookies).toBeUndefined();
    const again = await restarted.handlers['keeping.restoreCookies']({ sessionId: start.recovered!.id });
    expect(again.restored + again.skipped.length).toBe(1);
  });

  it('a worker restart in the same browser run stays unlocked (storage.session); Lock now locks', async () => {
    const w = world();
    w.fake.addWindow([APP]);
    logIn(w);
    await started(w);
    await w.handlers['vault.turnOn']({ passphrase: PASS });
    // Same browser, same storage.session, a new worker context.
    const restarted = fakeWorker({ fake: w.fake, store: w.store, now: w.clock.now });
    expect((await restarted.handlers['vault.status']({})).state).toBe('unlocked');
    expect((await restarted.handlers['vault.lock']({})).state).toBe('locked');
    const again = fakeWorker({ fake: w.fake, store: w.store, now: w.clock.now });
    expect((await again.handlers['vault.status']({})).state).toBe('locked');
  });

  it('change passphrase, turn off, and forget (cookies gone, sessions kept)', async () => {
    const w = world();
    w.fake.addWindow([APP]);
    logIn(w);
    await started(w);
    await w.handlers['vault.turnOn']({ passphrase: PASS });
    await w.ctx.keeper.flush();
    const { session } = await w.handlers['sessions.saveAll']({});

    expect((await refusal(w.handlers['vault.turnOn']({ passphrase: 'short' }))).code).toBe('invalid');
    await w.handlers['vault.changePassphrase']({ current: PASS, next: 'a second passphrase' });
    const r = nextRun(w);
    r.fake.addWindow([APP]);
    await started(r);
    expect((await refusal(r.handlers['vault.unlock']({ passphrase: PASS }))).code).toBe('refused');
    await r.handlers['vault.unlock']({ passphrase: 'a second passphrase' });
    expect((await r.store.jars.get(session.cookieJarId!))?.map((c) => c.value)).toEqual([SECRET]);

    const forgotten = await r.handlers['vault.forget']({});
    expect(forgotten.state).toBe('off');
    expect(await r.store.jars.get(session.cookieJarId!)).toBeUndefined();
    expect(await r.store.liveCookies.count()).toBe(0);
    expect((await r.handlers['sessions.list']({})).sessions.map((s) => s.id)).toContain(session.id);
    // Restoring that session brings its tabs, and no cookie.
    const report = await r.handlers['sessions.restore']({ id: session.id });
    expect(report.tabs).toBe(1);
    expect(report.cookies).toEqual({ restored: 0, skipped: [], failed: [] });

    // On again, then off with the passphrase: kept cookies stay readable.
    await r.handlers['vault.turnOn']({ passphrase: PASS });
    await r.ctx.keeper.flush();
    expect((await r.handlers['vault.turnOff']({ passphrase: PASS })).state).toBe('off');
    expect((await r.store.liveCookies.read()).map((c) => c.name)).toEqual([NAME]);
  });
});
