// Two (or more) devices for the sync tests: each a Chromium with its own profile, whose Settings ›
// Sync section is driven as a person does it (server address, user name, password, sync
// passphrase, Turn on sync, Sync now), with the worker's sync status and the local trash read
// beside it to wait on conditions rather than time.
import type { Page } from 'playwright-core';
import { launch, newProfileDir, openPopup, removeProfileDir, waitFor, workerCall, type Launched } from './browser.ts';
import type { WebDavServer } from './webdav-server.ts';

/** What the tests read of `sync.status` (src/shared/messages/sync-messages.ts). */
export interface SyncStatusView {
  state: 'off' | 'idle' | 'syncing' | 'failing' | 'ask' | 'locked';
  lastSyncAt?: number;
  problem?: { code: string };
  retryAt?: number;
  last?: { up: number; down: number; trashed: number };
}

export interface SessionView {
  id: string;
  name: string;
  kind: string;
  updatedAt: number;
}

export interface TrashView {
  id: string;
  deletedAt: number;
  session: SessionView;
}

export interface Device {
  b: Launched;
  label: string;
  /** The options page, kept open once sync is set up from it. */
  settings?: Page;
}

const launched: Device[] = [];

export async function newDevice(label: string): Promise<Device> {
  const d: Device = { b: await launch(newProfileDir()), label };
  launched.push(d);
  return d;
}

export async function closeDevices(): Promise<void> {
  for (const d of launched.splice(0)) {
    await d.b.ctx.close().catch(() => undefined);
    removeProfileDir(d.b.profileDir);
  }
}

export const syncStatus = (d: Device) => workerCall<SyncStatusView>(d.b, 'sync.status');

export async function sessions(d: Device): Promise<SessionView[]> {
  return (await workerCall<{ sessions: SessionView[] }>(d.b, 'sessions.list')).sessions;
}

export async function names(d: Device): Promise<string[]> {
  return (await sessions(d)).map((s) => s.name).sort();
}

/** The local trash, read from IndexedDB as it is stored (no message lists it). */
export async function trash(d: Device): Promise<TrashView[]> {
  return d.b.driver.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('tabularium');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = await new Promise<unknown[]>((res, rej) => {
      const r = db.transaction('trash').objectStore('trash').getAll();
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return all as TrashView[];
  });
}

export async function openSettings(d: Device): Promise<Page> {
  if (d.settings && !d.settings.isClosed()) return d.settings;
  const page = await d.b.ctx.newPage();
  await page.goto(d.b.extUrl('src/ui/options/index.html'));
  d.settings = page;
  return page;
}

/** The Sync section's status text: the text that starts with "Synced", or else what it says. */
export function syncedText(page: Page) {
  return page.getByText(/^Synced/);
}

/**
 * Settings › Sync: the four textboxes and Turn on sync, as a person fills them. Resolves once the
 * click was made; `turnOnSync` also waits for the first good sync.
 */
export async function fillSyncForm(d: Device, dav: WebDavServer, passphrase: string): Promise<Page> {
  const page = await openSettings(d);
  await page.getByRole('textbox', { name: 'Server address' }).fill(dav.url);
  await page.getByRole('textbox', { name: 'User name' }).fill(dav.user);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(dav.password);
  await page.getByRole('textbox', { name: 'Sync passphrase' }).fill(passphrase);
  await page.getByRole('button', { name: 'Turn on sync' }).click();
  return page;
}

export async function turnOnSync(d: Device, dav: WebDavServer, passphrase: string): Promise<void> {
  const page = await fillSyncForm(d, dav, passphrase);
  // The first sync derives the key (PBKDF2, 600,000 rounds) and lists the folder.
  await syncedText(page).first().waitFor({ timeout: 60_000 });
  await waitFor(async () => (await syncStatus(d)).state === 'idle', `${d.label}: sync idle after turning on`);
}

/** Sync now, clicked; waits for a good sync that ended after the click. */
export async function syncNow(d: Device, timeoutMs = 60_000): Promise<SyncStatusView> {
  const page = await openSettings(d);
  const before = Date.now();
  await page.getByRole('button', { name: 'Sync now' }).click();
  let last: SyncStatusView | undefined;
  await waitFor(
    async () => {
      last = await syncStatus(d);
      return last.state === 'idle' && (last.lastSyncAt ?? 0) >= before;
    },
    `${d.label}: a good sync after Sync now (last status ${JSON.stringify(last)})`,
    timeoutMs,
  );
  await syncedText(page).first().waitFor();
  return last!;
}

/** Names in the popup's list of saved sessions, as a person sees them. */
export async function popupNames(d: Device): Promise<string[]> {
  const popup = await openPopup(d.b);
  try {
    const list = popup.getByRole('list', { name: 'Saved sessions' });
    const expected = (await sessions(d)).length;
    if (expected > 0) await waitFor(async () => (await list.getByRole('listitem').count()) >= 1, 'popup list');
    const out: string[] = [];
    for (const s of await sessions(d)) {
      if (await list.getByRole('button', { name: s.name, exact: true }).count()) out.push(s.name);
    }
    return out.sort();
  } finally {
    await popup.close();
  }
}

/** Saves all windows from the popup under a name. */
export async function saveAllAs(d: Device, name: string): Promise<SessionView> {
  const before = new Set((await sessions(d)).map((s) => s.id));
  const popup = await openPopup(d.b);
  await popup.getByRole('button', { name: 'Save all windows' }).click();
  // The popup names a save after it is made: the status line's Rename, as a person would.
  await popup.getByRole('status').getByRole('button', { name: 'Rename' }).click();
  const box = popup.getByRole('textbox', { name: /^New name for / });
  await box.fill(name);
  await box.press('Enter');
  let made: SessionView | undefined;
  await waitFor(async () => {
    made = (await sessions(d)).find((s) => !before.has(s.id) && s.name === name);
    return !!made;
  }, `${d.label}: saved "${name}"`);
  await popup.close();
  return made!;
}

/** Renames a session from the popup's detail. */
export async function renameInPopup(d: Device, from: string, to: string): Promise<void> {
  const popup = await openPopup(d.b);
  await popup.getByRole('button', { name: from, exact: true }).click();
  await popup.getByRole('textbox', { name: 'Session name' }).fill(to);
  await popup.getByRole('button', { name: 'Save name' }).click();
  await waitFor(async () => (await names(d)).includes(to), `${d.label}: renamed to "${to}"`);
  await popup.close();
}

/** Deletes a session from the popup's list. */
export async function deleteInPopup(d: Device, name: string): Promise<void> {
  const popup = await openPopup(d.b);
  const item = popup
    .getByRole('list', { name: 'Saved sessions' })
    .getByRole('listitem')
    .filter({ has: popup.getByRole('button', { name, exact: true }) });
  await item.getByRole('button', { name: /^Delete/ }).click();
  await waitFor(async () => !(await names(d)).includes(name), `${d.label}: deleted "${name}"`);
  await popup.close();
}

/**
 * Imports `count` sessions of `tabs` tabs each in one import (ids `<prefix>-<n>`, names
 * `<Name> <n>`), 100 per chunk: one commit, so sync sees one change, not one per session.
 */
export async function seedMany(
  d: Device,
  opts: { prefix: string; name: string; count: number; tabs: number; origin: string },
): Promise<void> {
  await d.b.driver.evaluate('globalThis.__name = (f) => f');
  await d.b.driver.evaluate(async ({ prefix, name, count, tabs, origin }) => {
    const send = async (type: string, payload: unknown) => {
      const r = (await chrome.runtime.sendMessage({ tabularium: 1, type, payload })) as {
        ok: boolean;
        value: Record<string, unknown>;
        error?: { message: string };
      };
      if (!r.ok) throw new Error(`${type}: ${r.error?.message}`);
      return r.value;
    };
    const { importId } = (await send('import.begin', { format: 'tabularium' })) as { importId: string };
    const now = Date.now();
    for (let start = 0; start < count; start += 100) {
      const parts = [];
      for (let s = start; s < Math.min(count, start + 100); s++) {
        const list = [];
        for (let i = 0; i < tabs; i++)
          list.push({ url: `${origin}/page/${prefix}-${s}-${i}`, title: `Page ${prefix}-${s}-${i}`, active: i === 0 });
        const session = {
          id: `${prefix}-${s}`,
          name: `${name} ${s}`,
          kind: 'manual',
          createdAt: now,
          updatedAt: now,
          tags: [],
          counts: { windows: 1, tabs },
        };
        const windows = [{ type: 'normal', state: 'normal', incognito: false, focused: true, groups: [], tabs: list }];
        parts.push({ session, windows });
      }
      await send('import.chunk', { importId, parts });
    }
    await send('import.commit', { importId });
  }, opts);
}

/**
 * Sync now on each device in turn, round after round, until `done` holds (within `timeoutMs`), as a
 * person clicks again when the other device's change is not there yet. One round is not always
 * enough on a real server: Apache's ETag is weak for the second after a write, and If-Match never
 * matches a weak ETag, so a write just after another device's is refused (412) and goes again.
 * Returns the number of rounds it took.
 */
export async function syncUntil(
  devices: Device[],
  done: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<number> {
  const end = Date.now() + timeoutMs;
  for (let round = 1; ; round++) {
    for (const d of devices) await syncNow(d);
    if (await done()) return round;
    if (Date.now() > end) throw new Error(`still not ${what} after ${round} rounds of Sync now`);
  }
}
