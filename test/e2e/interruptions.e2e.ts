// Interrupted in the middle: the worker stopped (as Chrome stops it, CDP ServiceWorker.stopAllWorkers)
// and the browser SIGKILLed during a save, an import and a restore. Each ends with nothing
// half-written — every session has its body and its counts, an import is all there or not at all —
// and nothing lost: what was open is tracked (and recovered after a kill), what was saved stays.
//
// A save or an import commit shows nothing from outside while it runs, so those are cut at half
// their measured duration (the diagnostics probe times each handler); a restore is cut when a
// given number of its tabs exist.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allWindows,
  crash,
  launch,
  mainBrowserPid,
  newProfileDir,
  openWindow,
  realUrl,
  removeProfileDir,
  stopServiceWorkers,
  waitFor,
  type Launched,
} from './support/browser.ts';
import { seedSession } from './support/seed-session.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
const profiles: string[] = [];

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const p of profiles) removeProfileDir(p);
  await server?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freshBrowser(): Promise<Launched> {
  const dir = newProfileDir();
  profiles.push(dir);
  return launch(dir);
}

interface Reply<T> {
  ok: boolean;
  value: T;
  error?: { message: string; code?: string };
}

/** A message to the worker from the driver page; the reply as it comes, failures included. */
async function send<T = Record<string, unknown>>(page: Page, type: string, payload: unknown = {}): Promise<Reply<T>> {
  return page.evaluate(
    async ({ type, payload }) => {
      try {
        return await chrome.runtime.sendMessage({ tabularium: 1, type, payload });
      } catch (e) {
        return { ok: false, error: { message: String(e) } };
      }
    },
    { type, payload },
  ) as Promise<Reply<T>>;
}

async function value<T = Record<string, unknown>>(page: Page, type: string, payload: unknown = {}): Promise<T> {
  const r = await send<T>(page, type, payload);
  if (!r.ok) throw new Error(`${type}: ${r.error?.message}`);
  return r.value;
}

/** Sends a message without waiting for its answer (the worker may die before it answers). */
async function fire(page: Page, type: string, payload: unknown = {}): Promise<void> {
  await page.evaluate(
    ({ type, payload }) => void chrome.runtime.sendMessage({ tabularium: 1, type, payload }).catch(() => undefined),
    { type, payload },
  );
}

/** How long the worker's last handler of that message took (the e2e build's probe). */
async function handlerMs(page: Page, type: string): Promise<number> {
  const stats = await value<{ handlerMs: Record<string, number> }>(page, 'diagnostics.tracker');
  return stats.handlerMs[type] ?? 0;
}

interface StoredSession {
  id: string;
  name: string;
  kind: string;
  counts: { windows: number; tabs: number };
}

/**
 * Nothing half-written: every listed session can be read whole, and its body holds the windows
 * and tabs its summary counts. Returns the sessions, with their URLs except for imported ones
 * (ids `imp-…`, thousands of tabs). Read in the page: hundreds of sessions, one message each.
 */
async function wholeSessions(page: Page): Promise<(StoredSession & { urls: string[] })[]> {
  const read = await page.evaluate(async () => {
    const ask = (type: string, payload: unknown) => chrome.runtime.sendMessage({ tabularium: 1, type, payload });
    const list = await ask('sessions.list', {});
    if (!list.ok) throw new Error(`sessions.list: ${list.error.message}`);
    const out = [];
    for (const s of list.value.sessions) {
      const got = await ask('sessions.get', { id: s.id });
      const windows: { tabs: { url: string }[] }[] = got.ok ? got.value.body.windows : [];
      const urls = windows.flatMap((w) => w.tabs.map((t) => t.url));
      out.push({
        id: s.id,
        name: s.name,
        kind: s.kind,
        counts: s.counts,
        body: got.ok ? { windows: windows.length, tabs: urls.length } : got.error.message,
        urls: s.id.startsWith('imp-') ? [] : urls,
      });
    }
    return out;
  });
  for (const s of read) expect({ name: s.name, body: s.body }).toEqual({ name: s.name, body: s.counts });
  return read;
}

/** The URLs of the test server open now (placeholders seen through), sorted. */
async function openServerUrls(b: Launched): Promise<string[]> {
  return (await allWindows(b.driver))
    .flatMap((w) => w.tabs.map((t) => realUrl(b.extId, t.url)))
    .filter((u) => u.startsWith(server.origin))
    .sort();
}

/** `n` sessions of `tabs` tabs each, as a Tabularium import would send them. */
function importParts(prefix: string, n: number, tabs: number) {
  return Array.from({ length: n }, (_, i) => ({
    session: {
      id: `imp-${prefix}-${i}`,
      name: `${prefix} ${i}`,
      kind: 'manual',
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
      tags: [],
      counts: { windows: 1, tabs },
    },
    windows: [
      {
        type: 'normal',
        state: 'normal',
        incognito: false,
        focused: false,
        groups: [],
        tabs: Array.from({ length: tabs }, (_, t) => ({
          url: `https://${prefix}.test/${i}/${t}`,
          title: `${prefix} ${i}.${t}`,
        })),
      },
    ],
  }));
}

/** Begins an import and sends its sessions in parts of 10; returns the import's id. */
async function beginImport(page: Page, parts: ReturnType<typeof importParts>): Promise<string> {
  const { importId } = await value<{ importId: string }>(page, 'import.begin', { format: 'tabularium' });
  for (let i = 0; i < parts.length; i += 10)
    await value(page, 'import.chunk', { importId, parts: parts.slice(i, i + 10) });
  return importId;
}

/** The real URLs of the tabs of the window a restore opened (the first window not in `before`). */
async function restoredTabs(b: Launched, before: Set<number>): Promise<string[]> {
  const w = (await allWindows(b.driver)).find((x) => !before.has(x.id));
  return (w?.tabs ?? []).map((t) => realUrl(b.extId, t.url));
}

/** Waits until the number of tabs holds still for 1 s (tabs asked for before a stop still arrive). */
async function tabsHoldStill(b: Launched): Promise<void> {
  let last = -1;
  let since = Date.now();
  await waitFor(
    async () => {
      const n = (await allWindows(b.driver)).reduce((s, w) => s + w.tabs.length, 0);
      if (n !== last) [last, since] = [n, Date.now()];
      return Date.now() - since >= 1000;
    },
    'the tabs to hold still',
    60_000,
  );
}

const LONG = Array.from({ length: 300 }, (_, i) => ({
  url: '',
  title: `Long ${i}`,
  ...(i === 0 ? { active: true } : {}),
}));

describe('the worker stopped in the middle', () => {
  let b: Launched;
  beforeAll(async () => {
    b = await freshBrowser();
  });
  afterAll(async () => {
    await b?.ctx.close();
  });

  it('of a 300-tab restore: the session stays whole, the tabs that came are tracked, no restore hangs', async () => {
    const urls = LONG.map((_, i) => server.url(`/page/ws-long-${i}`));
    await seedSession(
      b.driver,
      'ws-long',
      'Long one',
      LONG.map((t, i) => ({ ...t, url: urls[i]! })),
    );
    const before = new Set((await allWindows(b.driver)).map((w) => w.id));
    await fire(b.driver, 'sessions.restore', { id: 'ws-long' });
    await waitFor(async () => (await restoredTabs(b, before)).length >= 60, '60 restored tabs', 60_000);
    await stopServiceWorkers(b.driver);
    await tabsHoldStill(b);
    const open = await openServerUrls(b);
    expect(open.length).toBeGreaterThanOrEqual(60);
    expect(open.length).toBeLessThan(300);
    // The worker, started again: no restore left under way, the session untouched.
    expect((await value<{ restores: unknown[] }>(b.driver, 'sessions.restoresUnderway')).restores).toEqual([]);
    const long = (await wholeSessions(b.driver)).find((s) => s.id === 'ws-long')!;
    expect(long.urls).toEqual(urls);
    // Every tab that came is tracked: a save holds exactly the tabs open, each once.
    const { session } = await value<{ session: { id: string } }>(b.driver, 'sessions.saveAll', { name: 'after stop' });
    const saved = (await wholeSessions(b.driver)).find((s) => s.id === session.id)!;
    expect(saved.urls.filter((u) => u.startsWith(server.origin)).sort()).toEqual(open);
  });

  it('of a save: the save is whole or absent, and the next save holds every open tab', async () => {
    const open = await openServerUrls(b);
    await value(b.driver, 'sessions.saveAll', { name: 'measure' });
    const ms = await handlerMs(b.driver, 'sessions.saveAll');
    const countBefore = (await wholeSessions(b.driver)).length;
    await fire(b.driver, 'sessions.saveAll', { name: 'cut' });
    await sleep(ms / 2);
    await stopServiceWorkers(b.driver);
    const after = await wholeSessions(b.driver);
    expect(after.length - countBefore).toBeLessThanOrEqual(1);
    const cut = after.find((s) => s.name === 'cut');
    if (cut) expect(cut.urls.filter((u) => u.startsWith(server.origin)).sort()).toEqual(open);
    const { session } = await value<{ session: { id: string } }>(b.driver, 'sessions.saveAll', { name: 'again' });
    const again = (await wholeSessions(b.driver)).find((s) => s.id === session.id)!;
    expect(again.urls.filter((u) => u.startsWith(server.origin)).sort()).toEqual(open);
    console.log(
      `[interruptions] save of ${open.length} tabs (${ms.toFixed(0)} ms) cut: ${cut ? 'stored' : 'not stored'}`,
    );
  });

  it('of an import: between parts it stores nothing and says so; during the commit all or nothing', async () => {
    const sessionsBefore = (await wholeSessions(b.driver)).length;
    // Between parts: the parts were in the stopped worker's memory.
    const parts = importParts('wsa', 30, 40);
    const { importId } = await value<{ importId: string }>(b.driver, 'import.begin', { format: 'tabularium' });
    await value(b.driver, 'import.chunk', { importId, parts: parts.slice(0, 10) });
    await stopServiceWorkers(b.driver);
    await value(b.driver, 'import.chunk', { importId, parts: parts.slice(10, 20) }).catch(() => undefined);
    const commit = await send(b.driver, 'import.commit', { importId });
    expect(commit).toMatchObject({ ok: false, error: { code: 'interrupted' } });
    expect((await wholeSessions(b.driver)).length).toBe(sessionsBefore);
    // Imported again from the start, it is all there.
    const again = await beginImport(b.driver, parts);
    expect((await value<{ stored: number }>(b.driver, 'import.commit', { importId: again })).stored).toBe(30);
    expect((await wholeSessions(b.driver)).filter((s) => s.id.startsWith('imp-wsa-'))).toHaveLength(30);

    // During the commit of 200 sessions × 100 tabs, cut at a fifth, half and four fifths of its
    // measured time: each is all there or not at all, and search agrees with the list.
    const measure = await beginImport(b.driver, importParts('wsm', 200, 100));
    await value(b.driver, 'import.commit', { importId: measure });
    const ms = await handlerMs(b.driver, 'import.commit');
    const outcomes: string[] = [];
    for (const [k, fraction] of [0.2, 0.5, 0.8].entries()) {
      const prefix = `wsc${k}`;
      const id = await beginImport(b.driver, importParts(prefix, 200, 100));
      await fire(b.driver, 'import.commit', { importId: id });
      await sleep(ms * fraction);
      await stopServiceWorkers(b.driver);
      const stored = (await wholeSessions(b.driver)).filter((s) => s.id.startsWith(`imp-${prefix}-`)).length;
      outcomes.push(`${fraction}: ${stored}`);
      expect([0, 200]).toContain(stored);
      const found = await value<{ results: unknown[] }>(b.driver, 'sessions.search', { query: prefix, limit: 500 });
      expect(found.results.length).toBe(stored);
    }
    console.log(`[interruptions] import commit (${ms.toFixed(0)} ms) cut at ${outcomes.join(', ')} of 200 stored`);
  });
});

describe('the browser SIGKILLed in the middle', () => {
  it('of a save: every session whole after the relaunch, and the open tabs recovered', async () => {
    const b = await freshBrowser();
    const urls = Array.from({ length: 30 }, (_, i) => server.url(`/page/ks-${i}`));
    await openWindow(b.driver, urls);
    await value(b.driver, 'sessions.saveAll', { name: 'measure' });
    const ms = await handlerMs(b.driver, 'sessions.saveAll');
    await sleep(1000);
    const pid = mainBrowserPid(b.profileDir);
    await fire(b.driver, 'sessions.saveAll', { name: 'cut' });
    await sleep(ms / 2);
    await crash(b, pid);
    const b2 = await launch(b.profileDir);
    try {
      await waitFor(
        async () => (await value<{ pending?: unknown }>(b2.driver, 'recovery.status')).pending !== undefined,
        'the recovery',
      );
      const sessions = await wholeSessions(b2.driver);
      console.log(
        `[interruptions] kill during a save (${ms.toFixed(0)} ms): ${sessions.map((s) => s.name).join(', ')}`,
      );
      const saves = sessions.filter((s) => s.kind === 'manual');
      expect(saves.length === 1 || saves.length === 2).toBe(true);
      for (const s of saves) expect(s.urls).toEqual(urls);
      const recovered = sessions.filter((s) => s.kind === 'recovered');
      expect(recovered).toHaveLength(1);
      expect(recovered[0]!.urls).toEqual(urls);
    } finally {
      await b2.ctx.close();
    }
  });

  it('of an import commit of 200 sessions: all of it or none of it after the relaunch', async () => {
    const b = await freshBrowser();
    await openWindow(b.driver, [server.url('/page/ki-1')]);
    const first = await beginImport(b.driver, importParts('kia', 200, 100));
    await value(b.driver, 'import.commit', { importId: first });
    const ms = await handlerMs(b.driver, 'import.commit');
    const id = await beginImport(b.driver, importParts('kib', 200, 100));
    const pid = mainBrowserPid(b.profileDir);
    await fire(b.driver, 'import.commit', { importId: id });
    await sleep(ms / 2);
    await crash(b, pid);
    const b2 = await launch(b.profileDir);
    try {
      const sessions = await wholeSessions(b2.driver);
      const stored = sessions.filter((s) => s.id.startsWith('imp-kib-')).length;
      console.log(`[interruptions] kill during an import commit (${ms.toFixed(0)} ms): ${stored} of 200 stored`);
      expect([0, 200]).toContain(stored);
      expect(sessions.filter((s) => s.id.startsWith('imp-kia-'))).toHaveLength(200);
      const found = await value<{ results: unknown[] }>(b2.driver, 'sessions.search', { query: 'kib', limit: 500 });
      expect(found.results.length).toBe(stored);
    } finally {
      await b2.ctx.close();
    }
  });

  it('of a 300-tab restore: the saved session whole, and the tabs of 1 s before the kill recovered once', async () => {
    const b = await freshBrowser();
    const urls = LONG.map((_, i) => server.url(`/page/kr-long-${i}`));
    await seedSession(
      b.driver,
      'kr-long',
      'Long one',
      LONG.map((t, i) => ({ ...t, url: urls[i]! })),
    );
    const before = new Set((await allWindows(b.driver)).map((w) => w.id));
    await fire(b.driver, 'sessions.restore', { id: 'kr-long' });
    // What the restored window held over time, until 120 of its tabs exist.
    const seen: { at: number; urls: string[] }[] = [];
    await waitFor(
      async () => {
        const now = await restoredTabs(b, before);
        seen.push({ at: Date.now(), urls: now });
        return now.length >= 120;
      },
      '120 restored tabs',
      60_000,
    );
    const killAt = Date.now();
    await crash(b);
    const b2 = await launch(b.profileDir);
    try {
      await waitFor(
        async () => (await value<{ pending?: unknown }>(b2.driver, 'recovery.status')).pending !== undefined,
        'the recovery',
      );
      const sessions = await wholeSessions(b2.driver);
      expect(sessions.find((s) => s.id === 'kr-long')!.urls).toEqual(urls);
      const recovered = sessions.filter((s) => s.kind === 'recovered');
      expect(recovered).toHaveLength(1);
      const got = recovered[0]!.urls.filter((u) => u.startsWith(server.origin));
      const secondBefore = [...seen].reverse().find((s) => s.at <= killAt - 1000)?.urls ?? [];
      console.log(
        `[interruptions] kill during a restore: ${seen.at(-1)!.urls.length} tabs at the kill, ` +
          `${secondBefore.length} 1 s before, ${got.length} recovered`,
      );
      // Each tab once, every tab of a second before, and nothing the session does not hold.
      expect(new Set(got).size).toBe(got.length);
      expect(secondBefore.filter((u) => !got.includes(u))).toEqual([]);
      expect(got.filter((u) => !urls.includes(u))).toEqual([]);
    } finally {
      await b2.ctx.close();
    }
  });
});
