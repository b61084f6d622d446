// Sync figures (issue 18), against the same real WebDAV server as the e2e tests (Debian's Apache
// httpd with mod_dav_fs, test/e2e/support/webdav-server.ts), with two Chromium profiles:
// - first sync of 1,000 sessions × 50 tabs: up from A (turning sync on with them already saved),
//   then down to B (turning sync on with the same passphrase), each ≤ 15 s;
// - one changed session → one PUT of that session's file plus one of the manifest (counted in
//   Apache's access log);
// - an idle device makes one request per sync interval (B alone, its interval set to 1 minute,
//   its requests counted over two intervals).
import {
  launch,
  newProfileDir,
  removeProfileDir,
  waitFor,
  workerCall,
  type Launched,
} from '../test/e2e/support/browser.ts';
import { seedMany, type SessionView, type SyncStatusView } from '../test/e2e/support/sync-devices.ts';
import { startWebDav, type WebDavServer } from '../test/e2e/support/webdav-server.ts';

type Row = (metric: string, value: number, unit: string, target: number) => void;

const SESSIONS = 1000;
const TABS = 50;
const PASS = 'bench passphrase for sync, long enough';
const IDLE_INTERVAL_MIN = 1;
const IDLE_INTERVALS = 2;

async function turnOn(b: Launched, dav: WebDavServer): Promise<number> {
  const t0 = performance.now();
  const st = await workerCall<SyncStatusView>(b, 'sync.turnOn', {
    server: dav.url,
    user: dav.user,
    password: dav.password,
    passphrase: PASS,
  });
  const ms = performance.now() - t0;
  if (st.state !== 'idle') throw new Error(`sync.turnOn ended ${JSON.stringify(st)}`);
  return ms;
}

const isSessionFile = (path: string) => /\/s-[^/]+$/.test(path);
const isManifest = (path: string) => /\/m-[^/]+$/.test(path);

export async function benchSync(row: Row, phase: (what: string) => void = () => undefined): Promise<void> {
  const dav = await startWebDav();
  const profiles: string[] = [];
  const open: Launched[] = [];
  const browser = async () => {
    const dir = newProfileDir();
    profiles.push(dir);
    const b = await launch(dir);
    open.push(b);
    return b;
  };
  try {
    const a = await browser();
    phase(`sync: seeding ${SESSIONS} sessions × ${TABS} tabs in A`);
    await seedMany(
      { b: a, label: 'A' },
      { prefix: 'bench', name: 'Bench', count: SESSIONS, tabs: TABS, origin: 'https://intranet.example.com' },
    );
    phase('sync: first sync up (A turns sync on)');
    dav.clearLog();
    const upMs = await turnOn(a, dav);
    const files = dav.files().filter((f) => /^s-/.test(f.split('/').pop()!)).length;
    if (files !== SESSIONS)
      throw new Error(`${files} session files on the server after the first sync, not ${SESSIONS}`);
    row(`sync: first sync up, ${SESSIONS.toLocaleString('en')} sessions × ${TABS} tabs`, upMs / 1000, 's', 15);
    row('  requests it made', dav.requests().length, '', Infinity);

    const b = await browser();
    phase('sync: first sync down (B turns sync on)');
    const downMs = await turnOn(b, dav);
    const inB = (await workerCall<{ sessions: SessionView[] }>(b, 'sessions.list')).sessions;
    const got = inB.filter((s) => s.id.startsWith('bench-')).length;
    if (got !== SESSIONS) throw new Error(`${got} sessions in B after the first sync, not ${SESSIONS}`);
    row(`sync: first sync down, ${SESSIONS.toLocaleString('en')} sessions × ${TABS} tabs`, downMs / 1000, 's', 15);

    phase('sync: one changed session');
    // The ETags of files written within the last second are weak on Apache; let them settle, as
    // they have between two real edits.
    await workerCall(a, 'sync.now');
    await workerCall(a, 'sessions.rename', { id: 'bench-500', name: 'Bench 500, renamed' });
    dav.clearLog();
    await workerCall(a, 'sync.now');
    // Apache logs a request just after answering it: wait for the sync's PUTs to be logged.
    await waitFor(
      () => dav.requests().some((r) => r.method === 'PUT' && isManifest(r.path)),
      'the manifest PUT',
      15_000,
    );
    const reqs = dav.requests();
    const puts = reqs.filter((r) => r.method === 'PUT');
    row('sync: one changed session → session PUTs', puts.filter((r) => isSessionFile(r.path)).length, '', 1);
    row('  manifest PUTs', puts.filter((r) => isManifest(r.path)).length, '', 1);
    row('  other PUTs', puts.filter((r) => !isSessionFile(r.path) && !isManifest(r.path)).length, '', 0);
    row('  requests in all', reqs.length, '', Infinity);

    phase(`sync: B idle for ${IDLE_INTERVALS} intervals of ${IDLE_INTERVAL_MIN} min`);
    // B pulls what A changed, then A goes away: only B talks to the server.
    await workerCall(b, 'sync.now');
    await a.ctx.close();
    await workerCall(b, 'sync.setOptions', { intervalMinutes: IDLE_INTERVAL_MIN });
    await workerCall(b, 'sync.now');
    dav.clearLog();
    const t0 = Date.now();
    const span = IDLE_INTERVALS * IDLE_INTERVAL_MIN * 60_000;
    // The length of the measurement is the figure itself: there is no condition to wait for.
    await new Promise((r) => setTimeout(r, span + 5_000));
    const idle = dav.requests();
    const minutes = ((Date.now() - t0) / 60_000).toFixed(1);
    row(
      `sync: idle device, requests per ${IDLE_INTERVAL_MIN}-min interval (over ${minutes} min)`,
      idle.length / IDLE_INTERVALS,
      '',
      1,
    );
  } finally {
    for (const b of open) await b.ctx.close().catch(() => undefined);
    for (const p of profiles) removeProfileDir(p);
    await dav.close();
  }
}
