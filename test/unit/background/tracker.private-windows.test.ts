// Private windows stay off disk: tracked in memory while open, never in the live records, saves,
// autosaves, closed-window snapshots, recovery copies or kept cookies — unless the setting says so.
import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../fakes/fake-worker.ts';
import { cookie } from '../support/make-cookie.ts';
import { rejectionText } from '../support/english.ts';

function world(keepPrivateWindows = false) {
  const w = fakeWorker();
  w.fake.local.set('settings', { keepPrivateWindows, keepCookies: true });
  for (const p of ['cookies', '<all_urls>']) w.fake.permissions.granted.add(p);
  const normal = w.fake.addWindow(['https://open.test/']);
  const secret = w.fake.addWindow(['https://secret.test/private-page'], { incognito: true });
  w.fake.cookies.add(cookie({ name: 'sid', domain: 'secret.test', storeId: '1' }));
  w.fake.cookies.add(cookie({ name: 'sid', domain: 'open.test', storeId: '0' }));
  return { ...w, normal, secret };
}

async function everythingStored(w: ReturnType<typeof world>): Promise<string> {
  const live = await w.store.live.read();
  const sessions = await Promise.all((await w.store.sessions.list()).map((s) => w.store.sessions.get(s.id)));
  const copy = await w.store.meta.get('copy:recovery');
  const cookies = await w.store.liveCookies.read();
  return JSON.stringify({ live, sessions, copy, cookies });
}

describe('private windows', () => {
  it('never reach the store: live records, saves, autosaves, recovery copy, closed window, cookies', async () => {
    const w = world();
    await w.ctx.settings.apply();
    await w.ctx.tracker.start();
    await w.ctx.tracker.flush();
    await w.ctx.tracker.writeRecoveryCopy();
    await w.handlers['sessions.saveAll']({});
    await w.ctx.autosave.run();
    await w.ctx.keeper.flush();
    // The person can still see it is open (compare, the banner's "already open" check).
    expect([...(await w.ctx.tracker.openUrls())]).toContain('https://secret.test/private-page');
    w.ctx.tracker.windowRemoved(w.secret.id);
    await w.ctx.tracker.flush();

    const stored = await everythingStored(w);
    expect(stored).toContain('open.test');
    expect(stored).not.toContain('secret.test');
    expect((await w.store.sessions.list()).map((s) => s.kind).sort()).toEqual(['autosave', 'manual']);
  });

  it('"Save this window" on a private window says why nothing was saved', async () => {
    const w = world();
    await w.ctx.settings.apply();
    const text = await rejectionText(w.handlers['sessions.saveWindow']({ windowId: w.secret.id }));
    expect(text).toMatch(/private window/);
    expect(await w.store.sessions.list()).toEqual([]);
  });

  it('with the setting on, are kept like the others; turned off again, their live records go', async () => {
    const w = world(true);
    await w.ctx.settings.apply();
    await w.ctx.tracker.start();
    await w.ctx.tracker.flush();
    await w.ctx.keeper.flush();
    expect(await everythingStored(w)).toContain('secret.test');

    await w.handlers['settings.set']({ keepPrivateWindows: false });
    await w.ctx.tracker.flush();
    const live = JSON.stringify(await w.store.live.read());
    expect(live).toContain('open.test');
    expect(live).not.toContain('secret.test');
  });
});
