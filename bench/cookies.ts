// "Stay logged in" figures: capture and encrypt 1,000 cookies (≤ 100 ms) and restore 200 cookies
// (≤ 1 s), both timed inside the worker by the router's handler timing (diagnostics.tracker's
// handlerMs), so the message round trip to the bench page is not counted.
//
// Where the cookies live: Chrome keeps at most ~180 cookies per registrable domain, so the 1,000
// session cookies are 100 on each of ten sites (s0.bench.test … s9.bench.test → ten registrable
// domains b0.test … b9.test). Each site has an open tab (the host does not resolve, so the tab
// shows an error page, but its URL — all the capture looks at — is the site's).
import type { Launched } from '../test/e2e/support/browser.ts';
import { waitFor } from '../test/e2e/support/browser.ts';
import type { TestServer } from '../test/e2e/support/server.ts';
import { workerCall } from '../test/e2e/support/browser.ts';

const SITES = 10;
const PER_SITE = 100;
const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const site = (i: number) => `b${i}.test`;

const call = workerCall;

async function handlerMs(b: Launched, type: string): Promise<number> {
  const d = await call<{ handlerMs: Record<string, number> }>(b, 'diagnostics.tracker');
  return d.handlerMs[type] ?? NaN;
}

/** 100 session cookies on each of the given sites, values like real session ids. */
async function setCookies(b: Launched, sites: number[]): Promise<void> {
  await b.driver.evaluate(
    async ({ sites, perSite }) => {
      for (const s of sites) {
        const jobs: Promise<unknown>[] = [];
        for (let i = 0; i < perSite; i++) {
          jobs.push(
            chrome.cookies.set({
              url: `https://app.b${s}.test/`,
              name: `sess_${s}_${i}`,
              value: crypto.randomUUID().replace(/-/g, ''),
              secure: true,
              httpOnly: true,
              sameSite: 'lax',
              // Half host-only, half for the whole site, as logins mix both.
              ...(i % 2 ? { domain: `b${s}.test` } : {}),
            }),
          );
        }
        await Promise.all(jobs);
      }
    },
    { sites, perSite: PER_SITE },
  );
}

async function removeCookies(b: Launched, sites: number[]): Promise<void> {
  await b.driver.evaluate(async (domains) => {
    for (const d of domains) {
      const all = await chrome.cookies.getAll({ domain: d });
      await Promise.all(
        all.map((c) =>
          chrome.cookies.remove({
            url: `https://${c.domain.replace(/^\./, '')}${c.path}`,
            name: c.name,
            storeId: c.storeId,
          }),
        ),
      );
    }
  }, sites.map(site));
}

async function openSites(b: Launched, sites: number[]): Promise<number> {
  const urls = sites.map((s) => `https://app.${site(s)}/`);
  return b.driver.evaluate(async (u) => (await chrome.windows.create({ url: u, focused: false }))!.id!, urls);
}

export async function benchCookies(
  b: Launched,
  _server: TestServer,
  row: (metric: string, value: number, unit: string, target: number) => void,
): Promise<void> {
  const all = Array.from({ length: SITES }, (_, i) => i);
  const windows: number[] = [];
  try {
    await setCookies(b, all);
    // Two sites in a window of their own: saved, they make a session with a jar of 200 cookies.
    windows.push(await openSites(b, [0, 1]));
    windows.push(await openSites(b, all.slice(2)));
    await call(b, 'keeping.set', { keep: true, all: false });
    await waitFor(
      async () => (await call<{ cookies: number }>(b, 'diagnostics.captureCookies', {})).cookies >= SITES * PER_SITE,
      '1,000 cookies kept',
      30_000,
    );

    // The saved-session capture: read the open sites' cookies, encrypt them, commit the jar (and
    // the session's tabs, a few records more).
    const saves: number[] = [];
    const saved: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { session } = await call<{ session: { id: string; cookieJarId?: string } }>(b, 'sessions.saveAll', {});
      if (!session.cookieJarId) throw new Error('the saved session has no cookie jar');
      saved.push(session.id);
      saves.push(await handlerMs(b, 'sessions.saveAll'));
    }
    row(
      'capture and encrypt 1,000 cookies (save: read, encrypt, commit the jar; median of 7)',
      median(saves),
      'ms',
      100,
    );
    for (const id of saved) await call(b, 'sessions.delete', { id });

    // The live copy keeps one record per cookie, so one later change writes one record; the first
    // catch-up of 1,000 cookies pays IndexedDB's per-record cost 1,000 times (informational).
    const rewrite: number[] = [];
    const unchanged: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await call<{ written: number }>(b, 'diagnostics.captureCookies', { rewrite: true });
      if (r.written < SITES * PER_SITE) throw new Error(`capture wrote ${r.written} cookies`);
      rewrite.push(await handlerMs(b, 'diagnostics.captureCookies'));
      await call(b, 'diagnostics.captureCookies', {});
      unchanged.push(await handlerMs(b, 'diagnostics.captureCookies'));
    }
    row('  live copy: encrypt and write 1,000 cookies as 1,000 records', median(rewrite), 'ms', Infinity);
    row('  live copy: worker-start catch-up, 1,000 cookies, nothing changed', median(unchanged), 'ms', Infinity);

    const { session } = await call<{ session: { id: string; cookieJarId?: string } }>(b, 'sessions.saveWindow', {
      windowId: windows[0],
    });
    if (!session.cookieJarId) throw new Error('the saved window has no cookie jar');
    const restore: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await removeCookies(b, [0, 1]);
      const r = await call<{ restored: number; failed: unknown[] }>(b, 'keeping.restoreCookies', {
        sessionId: session.id,
      });
      if (r.restored !== 2 * PER_SITE) throw new Error(`restored ${r.restored} cookies, ${r.failed.length} failed`);
      restore.push(await handlerMs(b, 'keeping.restoreCookies'));
    }
    row('restore 200 cookies (median of 7)', median(restore), 'ms', 1000);
    await call(b, 'sessions.delete', { id: session.id });
  } finally {
    await call(b, 'keeping.set', { keep: false, all: false }).catch(() => undefined);
    for (const id of windows)
      await b.driver.evaluate(async (id) => chrome.windows.remove(id), id).catch(() => undefined);
    await removeCookies(b, all).catch(() => undefined);
  }
}
