// Launches Debian's firefox-esr through puppeteer-core over WebDriver BiDi and installs the e2e
// Firefox build as a temporary add-on. Extension pages (moz-extension://) cannot be opened over
// BiDi, so tests talk to the extension through the test-only bridge (../bridge/): from any page
// of the local test server, `bridgeCall(page, type, payload)` is a typed call of the worker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { E2EMessages, E2EMessageType as MessageType } from '../../../src/shared/protocol.ts';

type Req<K extends MessageType> = E2EMessages[K]['req'];
type Res<K extends MessageType> = E2EMessages[K]['res'];
import { BRIDGE_REPLY, BRIDGE_REQUEST, type BridgeReply, type BridgeRequest } from '../bridge/bridge-protocol.ts';

export const DIST_FIREFOX_E2E = resolve(import.meta.dirname, '../../../dist-firefox-e2e');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface LaunchedFirefox {
  browser: Browser;
  addonId: string;
  profileDir: string;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<LaunchedFirefox> {
  const profileDir = mkdtempSync(join(tmpdir(), 'tabularium-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profileDir,
    extraPrefsFirefox: {
      // Containers on, as for people who use them (the extension restores them).
      'privacy.userContext.enabled': true,
      // Quiet, local-only: nothing here may reach the network.
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.newtabpage.enabled': false,
      'browser.startup.homepage': 'about:blank',
      'browser.sessionstore.resume_from_crash': false,
    },
  });
  const addonId = await browser.installExtension(DIST_FIREFOX_E2E);
  return {
    browser,
    addonId,
    profileDir,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the bridge content script has run in `page` (it marks the document). */
export async function waitForBridge(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.tabulariumBridge === 'ready', {
    timeout: timeoutMs,
    polling: 100,
  });
}

let nextId = 1;

/** A typed call of the extension's worker, made from `page` through the bridge. */
export async function bridgeCall<K extends MessageType>(
  page: Page,
  type: K,
  payload: Req<K>,
  timeoutMs = 60_000,
): Promise<Res<K>> {
  const request: BridgeRequest<K> = { kind: BRIDGE_REQUEST, id: nextId++, type, payload };
  // Plain JavaScript source on purpose: a transpiled function may carry helpers (esbuild's
  // `__name`) that do not exist in the page.
  const reply = await page.evaluate(`new Promise((done, fail) => {
    const req = ${JSON.stringify(request)};
    const timer = setTimeout(() => fail(new Error('bridge: no answer to ' + req.type + ' in ${timeoutMs} ms')), ${timeoutMs});
    window.addEventListener('message', function listener(e) {
      const d = e.data;
      if (e.origin !== location.origin || !d || d.kind !== ${JSON.stringify(BRIDGE_REPLY)} || d.id !== req.id) return;
      clearTimeout(timer);
      window.removeEventListener('message', listener);
      done(d);
    });
    window.postMessage(req, location.origin);
  })`);
  const r = reply as BridgeReply<K>;
  if (!r.ok) throw new Error(`${type}: ${r.error}`);
  return r.value;
}

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
