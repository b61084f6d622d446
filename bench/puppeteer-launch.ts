// Puppeteer, for the benches that read the worker's heap: it can attach to the service worker's
// own DevTools target, which playwright-core cannot. The same Chromium flags as the e2e tests.
import puppeteer, { type Browser, type CDPSession } from 'puppeteer-core';
import { CHROME, chromiumArgs, DIST } from '../test/e2e/support/browser.ts';

export function launchWithExtension(profile: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    pipe: true,
    userDataDir: profile,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: chromiumArgs(DIST),
  });
}

/** A JS heap after a full GC, in MiB. */
export async function heapMiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}
