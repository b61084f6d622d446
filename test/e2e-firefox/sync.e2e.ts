// Chrome and Firefox builds sync with each other (issue 18): a Chromium profile sets sync up from
// its Settings page against a real WebDAV server (Debian's Apache httpd with mod_dav_fs on
// 127.0.0.1) and uploads a session; a Firefox profile joins the same folder with the same sync
// passphrase (through the e2e bridge: BiDi cannot open Firefox's extension pages) and lists that
// session with its tabs; what Firefox saves then reaches Chromium.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDevices, names, newDevice, syncNow, turnOnSync, type Device } from '../e2e/support/sync-devices.ts';
import { seedSession } from '../e2e/support/seed-session.ts';
import { startServer, type TestServer } from '../e2e/support/server.ts';
import { startWebDav, type WebDavServer } from '../e2e/support/webdav-server.ts';
import { bridgeCall, launchFirefox, waitForBridge, type LaunchedFirefox } from './support/firefox.ts';

const PASS = 'one passphrase for chromium and firefox';

let web: TestServer;
let dav: WebDavServer;
let chromium: Device;
let ff: LaunchedFirefox;
let driver: Page;

beforeAll(async () => {
  web = await startServer();
  dav = await startWebDav();
  chromium = await newDevice('Chromium');
  ff = await launchFirefox();
  driver = (await ff.browser.pages())[0] ?? (await ff.browser.newPage());
  await driver.goto(web.url('/page/sync-driver'));
  await waitForBridge(driver);
});

afterAll(async () => {
  await ff?.close();
  await closeDevices();
  await dav?.close();
  await web?.close();
});

describe('sync between Chromium and Firefox', () => {
  it('a Firefox profile joins the folder Chromium synced to and lists the same sessions', async () => {
    await turnOnSync(chromium, dav, PASS);
    await seedSession(chromium.b.driver, 'from-chromium', 'From Chromium', [
      { url: web.url('/page/chromium-one'), title: 'Chromium one', active: true },
      { url: web.url('/page/chromium-two'), title: 'Chromium two' },
    ]);
    await syncNow(chromium);

    const st = await bridgeCall(driver, 'sync.turnOn', {
      server: dav.url,
      user: dav.user,
      password: dav.password,
      passphrase: PASS,
    });
    expect(st.state).toBe('idle');
    const { sessions } = await bridgeCall(driver, 'sessions.list', {});
    const got = sessions.find((s) => s.id === 'from-chromium');
    expect(got?.name).toBe('From Chromium');
    const { body } = await bridgeCall(driver, 'sessions.get', { id: 'from-chromium' });
    expect(body.windows.flatMap((w) => w.tabs.map((t) => t.url))).toEqual([
      web.url('/page/chromium-one'),
      web.url('/page/chromium-two'),
    ]);

    const { session } = await bridgeCall(driver, 'sessions.saveAll', { name: 'From Firefox' });
    const after = await bridgeCall(driver, 'sync.now', {});
    expect(after.state).toBe('idle');
    await syncNow(chromium);
    expect(await names(chromium)).toContain('From Firefox');
    expect(await names(chromium)).toContain('From Chromium');
    expect(session.name).toBe('From Firefox');
  });
});
