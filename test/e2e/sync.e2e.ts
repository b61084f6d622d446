// End-to-end encrypted sync through a real WebDAV server (issue 18): Debian's Apache httpd with
// mod_dav_fs and Basic auth on 127.0.0.1 (support/webdav-server.ts), and two Chromium profiles,
// each set up from Settings › Sync as a person does it. Proven here:
// - save in A → appears in B; rename in B → seen in A; delete in A → gone in B, in its trash;
// - the same session edited in A and B before either syncs → one version wins on both, the other
//   is in a trash, nothing lost;
// - the server stopped in the middle of a sync → a clear status; once it is back, the retry
//   completes with no duplicate on the server or on the other device;
// - a server that refuses (401, 403, 507) or comes back empty → a clear status each time, a retry
//   planned, nothing changed here; emptied, the device asks and uploads again when told;
// - a wrong passphrase on B → refused, nothing changed on A, on B or on the server;
// - the server's files, read from its disk, hold no session name, tab title or URL in clear, and
//   session tokens in addresses do not travel (stripped by default). Cookie jars never travel
//   (the engine uploads sessions without their jar), so no cookie can be on the server.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openWindow, waitFor, workerCall } from './support/browser.ts';
import { seedSession } from './support/seed-session.ts';
import { startServer, type TestServer } from './support/server.ts';
import {
  closeDevices,
  deleteInPopup,
  fillSyncForm,
  names,
  newDevice,
  popupNames,
  renameInPopup,
  saveAllAs,
  seedMany,
  sessions,
  syncNow,
  syncUntil,
  syncStatus,
  syncedText,
  trash,
  turnOnSync,
  type Device,
} from './support/sync-devices.ts';
import { startWebDav, type WebDavServer } from './support/webdav-server.ts';

const PASS = 'correct horse battery staple for sync';
/** A session token in an address: 40 random hex digits. */
const TOKEN = createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 40);

let web: TestServer;
let dav: WebDavServer;

beforeAll(async () => {
  web = await startServer();
});

afterAll(async () => {
  await web?.close();
});

afterEach(async () => {
  await closeDevices();
  await dav?.close();
});

/** Session files on the server (not the key file, not device manifests). */
const sessionFiles = () => dav.files().filter((f) => /(^|\/)s-[^/]+$/.test(f));
const writes = () => dav.requests().filter((r) => !['GET', 'HEAD', 'PROPFIND', 'OPTIONS'].includes(r.method));

/** Name, size and content hash of every file on the server. */
function serverSnapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of dav.files()) {
    const bytes = readFileSync(join(dav.dataDir, f));
    out[f] =
      `${bytes.length}:${createHash('sha256').update(bytes).digest('hex')}:${statSync(join(dav.dataDir, f)).mtimeMs}`;
  }
  return out;
}

async function twoDevices(): Promise<[Device, Device]> {
  dav = await startWebDav();
  return [await newDevice('A'), await newDevice('B')];
}

describe('sync between two Chromium profiles through Apache mod_dav', () => {
  it('save in A appears in B; rename in B is seen in A; delete in A is gone in B and in its trash', async () => {
    const [a, b] = await twoDevices();
    await turnOnSync(a, dav, PASS);
    await turnOnSync(b, dav, PASS);

    await openWindow(a.b.driver, [web.url('/page/lisbon-tram-28'), web.url('/page/alfama-fado')]);
    dav.clearLog();
    const madeAt = Date.now();
    const saved = await saveAllAs(a, 'Trip to Lisbon');
    // The change reaches the server by itself (debounced, ≤ 10 s), before anyone clicks anything.
    await waitFor(
      () => writes().some((r) => r.method === 'PUT' && /\/s-[^/]+$/.test(r.path) && r.status < 300),
      'A to push the new session',
      30_000,
    );
    expect(Date.now() - madeAt).toBeLessThan(15_000);

    await syncUntil([b], async () => (await names(b)).includes('Trip to Lisbon'), 'in B');
    expect(await popupNames(b)).toContain('Trip to Lisbon');
    const inB = (await sessions(b)).find((s) => s.name === 'Trip to Lisbon')!;
    expect(inB.id).toBe(saved.id);
    const detail = await workerCall<{ body: { windows: { tabs: { url: string }[] }[] } }>(b.b, 'sessions.get', {
      id: inB.id,
    });
    const urls = detail.body.windows.flatMap((w) => w.tabs.map((t) => t.url));
    expect(urls).toEqual(expect.arrayContaining([web.url('/page/lisbon-tram-28'), web.url('/page/alfama-fado')]));

    await renameInPopup(b, 'Trip to Lisbon', 'Lisbon and Porto');
    await syncUntil([b, a], async () => (await names(a)).includes('Lisbon and Porto'), 'renamed in A');
    expect(await popupNames(a)).toContain('Lisbon and Porto');
    expect(await names(a)).not.toContain('Trip to Lisbon');

    await deleteInPopup(a, 'Lisbon and Porto');
    await syncUntil([a, b], async () => !(await names(b)).includes('Lisbon and Porto'), 'deleted in B');
    expect(await names(b)).not.toContain('Lisbon and Porto');
    expect(await popupNames(b)).not.toContain('Lisbon and Porto');
    expect((await trash(b)).map((t) => t.session.name)).toContain('Lisbon and Porto');
    // One file for the session (now its tombstone), never a second one.
    expect(sessionFiles()).toHaveLength(1);
  });

  it('the same session edited in A and in B before either syncs: one version wins, the other is in the trash', async () => {
    const [a, b] = await twoDevices();
    await turnOnSync(a, dav, PASS);
    await seedSession(a.b.driver, 'shared-plan', 'Shared plan', [{ url: web.url('/page/plan'), title: 'Plan' }]);
    await syncNow(a);
    await turnOnSync(b, dav, PASS);
    expect(await names(b)).toContain('Shared plan');

    // Neither edit may reach the server before both are made.
    await dav.stop();
    await renameInPopup(a, 'Shared plan', 'Plan from A');
    await renameInPopup(b, 'Shared plan', 'Plan from B');
    const inA = (await sessions(a)).find((s) => s.id === 'shared-plan')!;
    const inB = (await sessions(b)).find((s) => s.id === 'shared-plan')!;
    // B edited last; a tie on the clock is broken by the device id, the same way on both devices.
    expect(inB.updatedAt).toBeGreaterThanOrEqual(inA.updatedAt);
    await dav.start();

    const planIn = async (d: Device) => (await sessions(d)).filter((s) => s.id === 'shared-plan').map((s) => s.name);
    await syncUntil(
      [a, b],
      async () => JSON.stringify(await planIn(a)) === JSON.stringify(await planIn(b)),
      'the same version on both',
    ).catch(async (e: Error) => {
      // What each side holds and the server's last requests, to tell a merge bug from a race.
      const st = JSON.stringify([await syncStatus(a), await syncStatus(b)]);
      const log = JSON.stringify(dav.requests().slice(-30));
      throw new Error(`${e.message}: A ${await planIn(a)}, B ${await planIn(b)}, ${st}\n${log}`);
    });
    const namesA = await planIn(a);
    const namesB = await planIn(b);
    expect(namesA).toHaveLength(1);
    expect(namesA).toEqual(namesB);
    const winner = namesA[0]!;
    // Last writer wins: B's edit, unless both carry the same time (then the device id decides).
    if (inB.updatedAt > inA.updatedAt) expect(winner).toBe('Plan from B');
    const loser = winner === 'Plan from A' ? 'Plan from B' : 'Plan from A';
    // Nothing lost: the losing version is in a trash, on one device or both.
    const trashed = [...(await trash(a)), ...(await trash(b))].map((t) => t.session.name);
    expect(trashed).toContain(loser);
    expect(sessionFiles()).toHaveLength(1);
  });

  it('the server stopped in the middle of a sync: a clear status, then the retry completes with no duplicate', async () => {
    const [a, b] = await twoDevices();
    await turnOnSync(a, dav, PASS);
    // Enough sessions that the upload takes a while on localhost, so the stop lands in its middle.
    const count = 300;
    dav.clearLog();
    await seedMany(a, { prefix: 'bulk', name: 'Bulk', count, tabs: 20, origin: web.origin });
    const settings = a.settings!;
    await settings.getByRole('button', { name: 'Sync now' }).click();
    // Stopped once part of the sessions are up, while the rest are still to go (polled tightly:
    // the whole upload takes a few seconds).
    const end = Date.now() + 60_000;
    while (writes().filter((r) => r.method === 'PUT').length < 10) {
      if (Date.now() > end) throw new Error('timed out waiting for the first PUTs');
      await new Promise((r) => setTimeout(r, 10));
    }
    await dav.stop();
    const stoppedAt = Date.now();
    let st = await syncStatus(a);
    await waitFor(
      async () => (st = await syncStatus(a)).state === 'failing',
      `A to report the failure (status ${JSON.stringify(st)})`,
      60_000,
    );
    expect(st.problem?.code).toBe('offline');
    expect(st.retryAt).toBeGreaterThan(stoppedAt);
    // The page says so in words: the server cannot be reached, and it no longer reads "Synced".
    await settings.getByText(/reach the sync server/).waitFor();
    expect(await syncedText(settings).count()).toBe(0);
    const partial = sessionFiles().length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(count);

    await dav.start();
    // The retry comes by itself (backoff), without Sync now.
    await waitFor(
      async () => {
        st = await syncStatus(a);
        return st.state === 'idle' && (st.lastSyncAt ?? 0) > stoppedAt;
      },
      `the retry to complete (status ${JSON.stringify(st)})`,
      Math.max(0, (st.retryAt ?? Date.now()) - Date.now()) + 90_000,
    );
    await syncedText(settings).first().waitFor();
    expect(sessionFiles()).toHaveLength(count);

    await turnOnSync(b, dav, PASS);
    const bulk = (await sessions(b)).filter((s) => s.name.startsWith('Bulk '));
    expect(bulk).toHaveLength(count);
    expect(new Set(bulk.map((s) => s.id)).size).toBe(count);
    expect((await sessions(a)).filter((s) => s.name.startsWith('Bulk '))).toHaveLength(count);
  });

  it('a server that refuses (401, 403, 507) or comes back empty: a clear status each time, nothing changed here', async () => {
    dav = await startWebDav();
    const a = await newDevice('A');
    await turnOnSync(a, dav, PASS);
    await seedSession(a.b.driver, 'kept', 'Kept here', [{ url: web.url('/page/kept'), title: 'Kept' }]);
    await syncNow(a);
    const before = await sessions(a);
    const page = a.settings!;

    /** Sync now, clicked; waits for the failure and the words the page shows for it. */
    const failsWith = async (code: string, words: RegExp) => {
      const clicked = Date.now();
      await page.getByRole('button', { name: 'Sync now' }).click();
      let st = await syncStatus(a);
      await waitFor(
        async () => (st = await syncStatus(a)).problem?.code === code && st.state !== 'syncing',
        `the ${code} status (last ${JSON.stringify(st)})`,
        30_000,
      );
      await page.getByText(words).waitFor();
      expect(await syncedText(page).count()).toBe(0);
      if (code !== 'server-lost') expect(st.retryAt).toBeGreaterThan(clicked);
      expect(await sessions(a)).toEqual(before);
    };

    const appPassword = dav.password;
    dav.setPassword('a changed app password');
    await failsWith('auth', /refused the user name or password \(HTTP 401\)/);
    dav.setPassword(appPassword);
    await dav.setMode('forbidden');
    await failsWith('forbidden', /does not let this account use that folder \(HTTP 403\)/);
    await dav.setMode('full');
    await failsWith('full', /no room left \(HTTP 507\)/);
    await dav.setMode('normal');
    await syncNow(a);

    // Emptied behind its back: the device asks instead of deleting what it has.
    dav.wipe();
    await failsWith('server-lost', /no longer has the sessions this device synced/);
    expect((await syncStatus(a)).state).toBe('ask');
    await page
      .getByRole('button', { name: /Upload this device.s sessions again/ })
      .first()
      .click();
    // The state reads idle for a moment before the upload's run starts: wait for the files too.
    const uploaded = before.filter((s) => s.kind === 'manual' || s.kind === 'imported').length;
    await waitFor(
      async () => sessionFiles().length === uploaded && (await syncStatus(a)).state === 'idle',
      'the upload again',
      60_000,
    );
    expect(await sessions(a)).toEqual(before);
  });

  it('a wrong passphrase on B is refused and changes nothing on A, on B or on the server', async () => {
    const [a, b] = await twoDevices();
    await turnOnSync(a, dav, PASS);
    await seedSession(a.b.driver, 'a-only', 'Only in A', [{ url: web.url('/page/a-only'), title: 'A only' }]);
    await syncNow(a);
    await seedSession(b.b.driver, 'b-only', 'Only in B', [{ url: web.url('/page/b-only'), title: 'B only' }]);
    const namesA = await names(a);
    const namesB = await names(b);
    const before = serverSnapshot();
    dav.clearLog();

    const page = await fillSyncForm(b, dav, `${PASS} but wrong`);
    await page.getByText(/not the sync passphrase/).waitFor({ timeout: 60_000 });
    const st = await syncStatus(b);
    expect(st.state).not.toBe('idle');
    expect(await syncedText(page).count()).toBe(0);
    // B read the key file and stopped there: no write of any kind.
    expect(writes()).toEqual([]);
    expect(serverSnapshot()).toEqual(before);
    expect(await names(b)).toEqual(namesB);
    expect(await names(a)).toEqual(namesA);
    await syncNow(a);
    expect(await names(a)).toEqual(namesA);
    expect(await names(b)).toEqual(namesB);
  });

  it("the server's files hold no session name, tab title or URL in clear; tokens in URLs stay home", async () => {
    const [a, b] = await twoDevices();
    await turnOnSync(a, dav, PASS);
    await seedSession(a.b.driver, 'with-token', 'Checkout', [
      { url: web.url(`/page/cart;jsessionid=${TOKEN}`), title: 'Cart' },
      { url: web.url(`/page/orders?access_token=${TOKEN}&page=2`), title: 'Orders' },
    ]);
    await openWindow(a.b.driver, [web.url('/page/zanzibar-spice-market'), web.url('/page/quetzal-ledger?q=okapi')]);
    await saveAllAs(a, 'Marrakesh itinerary');
    await syncNow(a);
    await turnOnSync(b, dav, PASS);
    expect(await names(b)).toContain('Marrakesh itinerary');
    await renameInPopup(b, 'Marrakesh itinerary', 'Marrakesh and Fes itinerary');
    await syncUntil([b, a], async () => (await names(a)).includes('Marrakesh and Fes itinerary'), 'renamed in A');

    // Session tokens in addresses are stripped before upload (the default): B gets the rest.
    const got = await workerCall<{ body: { windows: { tabs: { url: string }[] }[] } }>(b.b, 'sessions.get', {
      id: 'with-token',
    });
    expect(got.body.windows.flatMap((w) => w.tabs.map((t) => t.url))).toEqual([
      web.url('/page/cart'),
      web.url('/page/orders?page=2'),
    ]);

    expect(sessionFiles().length).toBeGreaterThan(0);
    const secrets = [
      TOKEN,
      'Checkout',
      'jsessionid',
      'Marrakesh',
      'Fes itinerary',
      'zanzibar-spice-market',
      'Page zanzibar',
      'quetzal-ledger',
      'okapi',
      '127.0.0.1',
      web.origin,
      'http://',
    ];
    for (const s of secrets) expect({ secret: s, files: dav.grep(s) }).toEqual({ secret: s, files: [] });
    // Names on the server are random-looking ids, never the session's id or name.
    for (const f of dav.files()) expect(f).not.toMatch(/marrakesh|shared|bulk/i);
  });
});
