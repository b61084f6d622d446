// Privacy you can prove. With the cookie vault lock on and cookies kept from a real HTTPS login,
// the browser is killed and only its IndexedDB folder is copied into a fresh profile with the same
// extension: no cookie value or name is in those bytes, the copy's Recover brings the tabs back but
// not the login, and the passphrase brings the login back (/me says "Hello"). And a raw scan of
// the whole profile folder after saving with kept cookies finds no cookie value in clear, with the
// lock and without it.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Launched,
  crash,
  launch,
  newProfileDir,
  openPopup,
  removeProfileDir,
  waitFor,
  workerCall,
} from './support/browser.ts';
import { httpsBrowserArgs, startHttpsServer, type HttpsRoute, type TestHttpsServer } from './support/https-server.ts';

const APP = 'app.example.test';
const SESSION_COOKIE = '__Host-vaultsid';
const CSRF_COOKIE = 'vaultcsrf';
const PASS = 'a long passphrase for the vault';

let server: TestHttpsServer;
const profiles: string[] = [];
/** Server-side sessions: token → user. */
const sessions = new Map<string, string>();
/** Every cookie value the server handed out: none may be on disk in clear. */
const handedOut: string[] = [];

function cookiesOf(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

const html = (title: string, body: string) => `<!doctype html><meta charset="utf-8"><title>${title}</title>${body}`;

const routes: HttpsRoute[] = [
  (_req, res, url) => {
    if (url.pathname !== '/login') return false;
    const user = url.searchParams.get('user') ?? 'nobody';
    const token = randomBytes(24).toString('hex');
    const csrf = randomBytes(16).toString('hex');
    sessions.set(token, user);
    handedOut.push(token, csrf);
    res.writeHead(303, {
      location: '/me',
      'cache-control': 'no-store',
      'set-cookie': [
        `${SESSION_COOKIE}=${token}; Secure; HttpOnly; SameSite=Lax; Path=/`,
        `${CSRF_COOKIE}=${csrf}; Secure; SameSite=Lax; Path=/`,
      ],
    });
    res.end();
    return true;
  },
  (req, res, url) => {
    if (url.pathname !== '/me') return false;
    const user = sessions.get(cookiesOf(req).get(SESSION_COOKIE) ?? '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html('Vault me page', user ? `<h1>Hello, ${user}</h1>` : '<h1>Please log in</h1>'));
    return true;
  },
];

beforeAll(async () => {
  server = await startHttpsServer(routes);
});

afterAll(async () => {
  for (const p of profiles) removeProfileDir(p);
  await server?.close();
});

async function browserOn(profile?: string): Promise<Launched> {
  const dir = profile ?? newProfileDir();
  if (!profile) profiles.push(dir);
  return launch(dir, httpsBrowserArgs);
}

const call = workerCall;

async function turnOnKeeping(b: Launched): Promise<void> {
  const popup = await openPopup(b);
  const box = popup.getByRole('checkbox', { name: 'Keep session cookies' });
  await box.click();
  await expect.poll(() => box.isChecked()).toBe(true);
  await popup.close();
}

/** Settings › Lock cookies with a passphrase, the passphrase twice, as a person does it. */
async function turnOnLock(b: Launched): Promise<void> {
  const page = await b.ctx.newPage();
  await page.goto(b.extUrl('src/ui/options/index.html'));
  await page.getByRole('checkbox', { name: 'Lock cookies with a passphrase' }).click();
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(PASS);
  await page.getByRole('textbox', { name: 'Confirm passphrase', exact: true }).fill(`${PASS}!`);
  await page.getByRole('button', { name: 'Turn the lock on' }).click();
  await page.getByText('The two passphrases differ.').waitFor();
  await page.getByRole('textbox', { name: 'Confirm passphrase', exact: true }).fill(PASS);
  await page.getByRole('button', { name: 'Turn the lock on' }).click();
  await page.getByText('Cookies are locked with your passphrase.').waitFor();
  expect(await page.getByRole('checkbox', { name: 'Lock cookies with a passphrase' }).isChecked()).toBe(true);
  await page.close();
}

async function logIn(b: Launched): Promise<Page> {
  const pageP = b.ctx.waitForEvent('page', { predicate: (p) => p.url().includes(APP), timeout: 15_000 });
  await b.driver.evaluate(
    async (u) => void (await chrome.windows.create({ url: u, focused: true })),
    server.url(APP, '/login?user=alice'),
  );
  const page = await pageP;
  await page.getByText('Hello, alice').waitFor();
  return page;
}

async function keptCookies(b: Launched): Promise<void> {
  await expect
    .poll(async () => (await call<{ liveCookies: number }>(b, 'keeping.status')).liveCookies, { timeout: 45_000 })
    .toBeGreaterThanOrEqual(2);
}

async function saveAll(b: Launched): Promise<void> {
  const popup = await openPopup(b);
  await popup.getByRole('button', { name: 'Save all windows' }).click();
  await expect.poll(() => popup.getByRole('listitem').count()).toBe(1);
  await popup.close();
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

/**
 * Every file whose bytes hold `text` in UTF-8/Latin-1 or UTF-16LE (V8 writes values either way) or
 * UTF-16BE (Chromium's IndexedDB writes record keys so).
 */
function filesHolding(dir: string, text: string): string[] {
  const forms = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le'), Buffer.from(text, 'utf16le').swap16()];
  return filesUnder(dir).filter((f) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(f);
    } catch {
      return false;
    }
    return forms.some((n) => bytes.includes(n));
  });
}

async function meShows(page: Page, text: string): Promise<void> {
  await waitFor(
    async () => {
      await page.reload().catch(() => undefined);
      return (
        await page
          .locator('body')
          .innerText({ timeout: 2000 })
          .catch(() => '')
      ).includes(text);
    },
    `/me to say "${text}"`,
    20_000,
  );
}

// In full-suite runs (2 of 6, never alone, never under load alone), keeping right after the lock
// was turned on kept fewer login cookies than expected within 15 s; the race is not found yet (see
// the issue 15 note). The wait is longer (a condition still: it ends as soon as the cookies are
// kept), and each test may run once more.
describe('cookie vault lock', { retry: 1 }, () => {
  let locked: { profile: string; extId: string; values: string[]; secret: string } | undefined;

  it('with the lock on, a copy of the IndexedDB folder holds no cookie value or name, and restores no login without the passphrase', async () => {
    const b = await browserOn();
    await turnOnKeeping(b);
    await turnOnLock(b);
    const before = handedOut.length;
    await logIn(b);
    const values = handedOut.slice(before);
    await keptCookies(b);
    await saveAll(b);
    // The unlocked secret, where the worker keeps it for its own restarts (memory only).
    const secret = await b.driver.evaluate(
      async () => (await chrome.storage.session.get('tabularium.vault'))['tabularium.vault'] as string,
    );
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await new Promise((r) => setTimeout(r, 1000));
    await crash(b);
    locked = { profile: b.profileDir, extId: b.extId, values, secret };

    // Only the IndexedDB folder goes into a fresh profile; the same unpacked extension gets the same id.
    const idb = join(b.profileDir, 'Default', 'IndexedDB');
    const ours = readdirSync(idb).filter((n) => n.startsWith(`chrome-extension_${b.extId}_`));
    expect(ours.length).toBeGreaterThan(0);
    // The scan sees the database: tab addresses are stored in clear by design.
    expect(filesHolding(idb, `${APP}:${server.port}/me`).length).toBeGreaterThan(0);
    for (const needle of [...values, SESSION_COOKIE, CSRF_COOKIE, secret]) {
      expect(filesHolding(idb, needle), needle).toEqual([]);
    }

    const copy = newProfileDir();
    profiles.push(copy);
    mkdirSync(join(copy, 'Default'), { recursive: true });
    cpSync(idb, join(copy, 'Default', 'IndexedDB'), { recursive: true });
    const c = await browserOn(copy);
    try {
      expect(c.extId).toBe(b.extId);
      const popup = await openPopup(c);
      await popup.getByRole('button', { name: 'Unlock cookies' }).waitFor();
      const recover = popup.getByRole('button', { name: 'Recover' });
      await recover.waitFor({ timeout: 15_000 });
      // The saved session's cookies cannot be put back either.
      const { sessions: saved } = await call<{ sessions: { id: string; kind: string }[] }>(c, 'sessions.list');
      const manual = saved.find((s) => s.kind === 'manual')!;
      const refused = await call<{ restored: number; lockedSessionId?: string }>(c, 'keeping.restoreCookies', {
        sessionId: manual.id,
      });
      expect(refused).toMatchObject({ restored: 0, lockedSessionId: manual.id });

      await recover.click();
      await expect.poll(() => popup.getByRole('status').first().innerText()).toMatch(/cookies are locked/);
      let me: Page | undefined;
      await waitFor(() => !!(me = c.ctx.pages().find((p) => p.url().includes('/me'))), 'the recovered /me tab');
      await meShows(me!, 'Please log in');
      const names = await c.driver.evaluate(async () => (await chrome.cookies.getAll({})).map((x) => x.name));
      expect(names).not.toContain(SESSION_COOKIE);

      // A wrong passphrase is refused in words; the right one unlocks and puts the recovered
      // session's cookies back, in a popup opened anew (Recover's windows may have closed the first).
      await popup.close();
      const again = await openPopup(c);
      const field = again.getByRole('textbox', { name: 'Passphrase', exact: true });
      await field.fill('not the passphrase');
      await again.getByRole('button', { name: 'Unlock cookies' }).click();
      await again.getByText('That is not the passphrase that locks the cookies.', { exact: false }).waitFor();
      await field.fill(PASS);
      const t0 = Date.now();
      await again.getByRole('button', { name: 'Unlock cookies' }).click();
      await expect
        .poll(() => again.getByRole('status').first().innerText())
        .toMatch(/Cookies unlocked\. 2 cookies restored, 0 failed/);
      console.log(`unlock and put back, from the click: ${Date.now() - t0} ms`);
      expect(await again.getByRole('button', { name: 'Unlock cookies' }).count()).toBe(0);
      await meShows(me!, 'Hello, alice');
      await again.close();
    } finally {
      await c.ctx.close();
    }
  });

  it('a raw scan of the whole profile folder after saving with kept cookies finds no cookie value, with the lock and without', async () => {
    expect(locked, 'the first test ran').toBeDefined();
    for (const v of [...locked!.values, locked!.secret]) expect(filesHolding(locked!.profile, v), v).toEqual([]);

    const b = await browserOn();
    await turnOnKeeping(b);
    const before = handedOut.length;
    await logIn(b);
    const values = handedOut.slice(before);
    await keptCookies(b);
    await saveAll(b);
    await new Promise((r) => setTimeout(r, 1000));
    await crash(b);
    // Without the lock the record keys name the cookies (the settings say so), but no value is
    // readable. That the scan finds the names here proves it would have found them under the lock.
    const idb = join(b.profileDir, 'Default', 'IndexedDB');
    expect(filesHolding(idb, `${APP}:${server.port}/me`).length).toBeGreaterThan(0);
    expect(filesHolding(idb, SESSION_COOKIE).length).toBeGreaterThan(0);
    for (const v of values) expect(filesHolding(b.profileDir, v), v).toEqual([]);
  });

  it('settings: lock now, unlock, change the passphrase, turn it off, and forget it (cookies gone, sessions kept)', async () => {
    const b = await browserOn();
    try {
      await turnOnKeeping(b);
      await turnOnLock(b);
      await logIn(b);
      await keptCookies(b);
      await saveAll(b);
      const page = await b.ctx.newPage();
      await page.goto(b.extUrl('src/ui/options/index.html'));
      const vault = page.locator('#vault');
      await vault.getByText('On, and unlocked until the browser closes.').waitFor();

      await vault.getByRole('button', { name: 'Lock now' }).click();
      await vault.getByText('On, and locked', { exact: false }).waitFor();
      expect((await call<{ off?: string }>(b, 'keeping.status')).off).toBe('locked');
      await vault.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(PASS);
      await vault.getByRole('button', { name: 'Unlock cookies' }).click();
      await vault.getByText('Cookies unlocked.').waitFor();

      await vault.getByRole('button', { name: 'Change passphrase' }).click();
      // A guessable new passphrase needs an explicit "use it anyway".
      await vault.getByRole('textbox', { name: 'Current passphrase', exact: true }).fill(PASS);
      await vault.getByRole('textbox', { name: 'New passphrase', exact: true }).fill('password12345');
      await vault.getByText(/^Strength: (very )?weak/).waitFor();
      await vault.getByRole('textbox', { name: 'Confirm new passphrase', exact: true }).fill('password12345');
      await vault.getByRole('button', { name: 'Change passphrase' }).click();
      await vault.getByText('This passphrase is easy to guess', { exact: false }).waitFor();
      await vault.getByRole('checkbox', { name: 'Use this weak passphrase anyway' }).waitFor();
      await vault.getByRole('textbox', { name: 'Current passphrase', exact: true }).fill('wrong passphrase');
      await vault.getByRole('textbox', { name: 'New passphrase', exact: true }).fill('the second passphrase');
      await vault.getByRole('textbox', { name: 'Confirm new passphrase', exact: true }).fill('the second passphrase');
      await vault.getByRole('button', { name: 'Change passphrase' }).click();
      await vault.getByText('That is not the passphrase that locks the cookies.', { exact: false }).waitFor();
      await vault.getByRole('textbox', { name: 'Current passphrase', exact: true }).fill(PASS);
      await vault.getByRole('button', { name: 'Change passphrase' }).click();
      await vault.getByText('Passphrase changed.').waitFor();

      // Off asks the (new) passphrase; the kept cookies stay readable.
      await vault.getByRole('checkbox', { name: 'Lock cookies with a passphrase' }).click();
      await vault.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('the second passphrase');
      await vault.getByRole('button', { name: 'Turn the lock off' }).click();
      await vault.getByText('The cookie lock is off.').waitFor();
      expect(await vault.getByRole('checkbox', { name: 'Lock cookies with a passphrase' }).isChecked()).toBe(false);
      expect((await call<{ liveCookies: number }>(b, 'keeping.status')).liveCookies).toBeGreaterThanOrEqual(2);

      // On again, then forgotten: every kept cookie goes, the sessions stay.
      await page.close();
      await turnOnLock(b);
      const again = await b.ctx.newPage();
      await again.goto(b.extUrl('src/ui/options/index.html'));
      await again.locator('#vault').getByRole('button', { name: 'I forgot the passphrase' }).click();
      await again.getByRole('button', { name: 'Delete the cookies' }).click();
      await again.getByText('Kept cookies deleted, and the lock is off.', { exact: false }).waitFor();
      const { sessions: list } = await call<{ sessions: { cookieJarId?: string }[] }>(b, 'sessions.list');
      expect(list).toHaveLength(1);
      expect((await call<{ state: string }>(b, 'vault.status')).state).toBe('off');
      await again.close();
    } finally {
      await b.ctx.close();
    }
  });
});
