// Settings follow the person through storage.sync to their other browsers, except the switches
// that belong to one machine; the newest choice wins, and this device's settings stand when
// storage.sync is off or refuses.
import { describe, expect, it } from 'vitest';
import { AUTOSAVE_ALARM, SETTINGS_KEY } from '../../../src/background/settings-service.ts';
import { wireWorker } from '../../../src/background/wiring.ts';
import { FakeBrowser } from '../fakes/fake-platform.ts';
import { fakeWorker } from '../fakes/fake-worker.ts';

/** Two browsers of one person: one storage.sync, each its own storage.local and database. */
function twoBrowsers() {
  const sync = new Map<string, unknown>();
  const device = (name: string) => {
    const fake = new FakeBrowser();
    fake.sync = sync;
    const w = fakeWorker({ name: `${name}-${Math.random()}`, fake });
    wireWorker(w.ctx, (() => Promise.resolve()) as never);
    return w;
  };
  return { sync, a: device('a'), b: device('b') };
}

describe('settings through storage.sync', () => {
  it('carries a change to the other browser, but not the switches that are this machine’s own', async () => {
    const { sync, a, b } = twoBrowsers();
    await b.handlers['settings.set']({ keepPrivateWindows: true });
    b.clock.now += 1000;
    a.clock.now += 2000;
    await a.handlers['settings.set']({ autosaveMinutes: 15, journalDays: 30, keepCookies: true });
    // The browser tells B that storage.sync changed.
    b.fake.handlers!.syncAreaChanged(SETTINGS_KEY, sync.get(SETTINGS_KEY));
    await expect.poll(async () => (await b.ctx.settings.load()).autosaveMinutes).toBe(15);
    expect(await b.ctx.settings.load()).toMatchObject({
      journalDays: 30,
      keepCookies: false,
      keepPrivateWindows: true,
    });
    expect(b.fake.alarms.get(AUTOSAVE_ALARM)).toBe(15);
    expect(JSON.stringify(sync.get(SETTINGS_KEY))).not.toMatch(/keepCookies|keepPrivateWindows/);
  });

  it('takes at its next start what changed while its worker slept, never over a later choice made here', async () => {
    const { a, b } = twoBrowsers();
    a.clock.now += 1000;
    await a.handlers['settings.set']({ retention: 25 });
    await b.ctx.settings.start();
    expect((await b.ctx.settings.load()).retention).toBe(25);

    b.clock.now += 5000;
    await b.handlers['settings.set']({ retention: 40 });
    a.clock.now += 1000; // A's clock is behind B's: its older choice does not win.
    await a.handlers['settings.set']({ retention: 30 });
    await b.ctx.settings.start();
    expect((await b.ctx.settings.load()).retention).toBe(40);
  });

  it('keeps a change on this device when storage.sync refuses it, or where there is none', async () => {
    const { sync, a } = twoBrowsers();
    a.fake.syncRefuses = true;
    expect(await a.handlers['settings.set']({ autosaveMinutes: 20 })).toMatchObject({ autosaveMinutes: 20 });
    expect((await a.ctx.settings.load()).autosaveMinutes).toBe(20);
    expect(sync.has(SETTINGS_KEY)).toBe(false);

    const fake = new FakeBrowser();
    fake.sync = undefined;
    const alone = fakeWorker({ name: `alone-${Math.random()}`, fake });
    await alone.ctx.settings.start();
    expect(await alone.handlers['settings.set']({ autosaveMinutes: 20 })).toMatchObject({ autosaveMinutes: 20 });
  });

  it('ignores what is not a settings record in storage.sync', async () => {
    const { sync, b } = twoBrowsers();
    for (const junk of [undefined, 'x', { at: 'soon' }, { at: Date.now() * 2 }]) {
      sync.set(SETTINGS_KEY, junk);
      await b.ctx.settings.start();
    }
    expect(await b.ctx.settings.load()).toMatchObject({ autosaveMinutes: 5, retention: 10 });
  });
});
