// "Stay logged in" against a real HTTPS site: a login through a form POST sets a host-only
// `__Host-session` cookie and a domain cookie; the session is saved (or the browser killed), the
// cookies are gone, and after a restore (or Recover) the server sees the same session again and
// serves the logged-in page. A partitioned cookie from a cross-site frame comes back with its key.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
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
const OTHER = 'other.test';

let server: TestHttpsServer;
const profiles: string[] = [];
/** Server-side sessions: token → user. */
const sessions = new Map<string, string>();
/** Every /account request: the session token it carried (or '') and what it answered. */
const accountHits: { token: string; site: string; user?: string }[] = [];
/** Every /frame request: the partitioned cookie it carried. */
const frameHits: string[] = [];
let chipsCounter = 0;

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
  (req, res, url) => {
    if (url.pathname !== '/login') return false;
    if (req.method === 'POST') {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        const user = new URLSearchParams(body).get('user') ?? '';
        const token = randomBytes(24).toString('hex');
        sessions.set(token, user);
        res.writeHead(303, {
          location: '/account',
          'cache-control': 'no-store',
          'set-cookie': [
            `__Host-session=${token}; Secure; HttpOnly; SameSite=Lax; Path=/`,
            `site=${token.slice(0, 8)}; Domain=example.test; Secure; Path=/`,
          ],
        });
        res.end();
      });
      return true;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      html(
        'Log in',
        '<form method="post" action="/login"><label>User <input name="user"></label><button type="submit">Log in</button></form>',
      ),
    );
    return true;
  },
  (req, res, url) => {
    if (url.pathname !== '/account') return false;
    const c = cookiesOf(req);
    const token = c.get('__Host-session') ?? '';
    const user = sessions.get(token);
    // Logged in only with both cookies: the host-only session and the domain-wide one.
    const ok = !!user && c.get('site') === token.slice(0, 8);
    accountHits.push({ token, site: c.get('site') ?? '', ...(ok ? { user } : {}) });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(ok ? html('Account', `<h1>Welcome, ${user}</h1>`) : html('Account', '<h1>Please log in</h1>'));
    return true;
  },
  (_req, res, url) => {
    if (url.pathname !== '/embed') return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html('Embed', `<h1>Embed</h1><iframe src="${server.url(OTHER, '/frame')}"></iframe>`));
    return true;
  },
  (req, res, url) => {
    if (url.pathname !== '/frame') return false;
    const had = cookiesOf(req).get('chips') ?? '';
    frameHits.push(had);
    // A new value only when the frame came without one: a restored cookie is told from a re-set one.
    const headers: Record<string, string | string[]> = {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    };
    if (!had)
      headers['set-cookie'] = [
        `chips=embedded-${++chipsCounter}-${randomBytes(6).toString('hex')}; Secure; SameSite=None; Partitioned; Path=/`,
      ];
    res.writeHead(200, headers);
    res.end(html('Frame', '<p>frame</p>'));
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

async function freshBrowser(dir?: string): Promise<Launched> {
  const profile = dir ?? newProfileDir();
  if (!dir) profiles.push(profile);
  return launch(profile, httpsBrowserArgs);
}

/** Turns cookie keeping on from the popup's switch, as a person would (the e2e build has the permission). */
async function turnOnKeeping(b: Launched): Promise<void> {
  const popup = await openPopup(b);
  const box = popup.getByRole('checkbox', { name: 'Keep session cookies' });
  await box.waitFor();
  // A controlled switch: it shows the worker's answer, so click and wait for that.
  await box.click();
  await expect.poll(() => box.isChecked()).toBe(true);
  expect(await popup.getByText('Restored and recovered tabs stay logged in', { exact: false }).count()).toBeGreaterThan(
    0,
  );
  await popup.close();
}

/** Opens a URL in a window of its own and returns its page. */
async function openInWindow(b: Launched, url: string): Promise<Page> {
  const pageP = b.ctx.waitForEvent('page', {
    predicate: (p) => p.url().startsWith(url) || p.url() === 'about:blank',
    timeout: 15_000,
  });
  await b.driver.evaluate(async (u) => void (await chrome.windows.create({ url: u, focused: true })), url);
  const page = await pageP;
  await page.waitForLoadState('load');
  return page;
}

async function logIn(b: Launched): Promise<string> {
  const page = await openInWindow(b, server.url(APP, '/login'));
  await page.getByRole('textbox', { name: 'User' }).fill('alice');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText('Welcome, alice').waitFor();
  const token = accountHits.at(-1)!.token;
  expect(sessions.get(token)).toBe('alice');
  return token;
}

const call = workerCall;

async function cookieNames(b: Launched, domain: string): Promise<string[]> {
  return b.driver.evaluate(
    async (d) =>
      (await chrome.cookies.getAll({ domain: d, partitionKey: {} } as chrome.cookies.GetAllDetails))
        .map((c) => c.name)
        .sort(),
    domain,
  );
}

/** Every cookie of the browser, partitioned ones included, removed through the API. */
async function removeAllCookies(b: Launched): Promise<void> {
  await b.driver.evaluate(async () => {
    const all = await chrome.cookies.getAll({ partitionKey: {} } as chrome.cookies.GetAllDetails);
    await Promise.all(
      all.map((c) =>
        chrome.cookies.remove({
          url: `https://${c.domain.replace(/^\./, '')}${c.path}`,
          name: c.name,
          storeId: c.storeId,
          ...(c.partitionKey ? { partitionKey: c.partitionKey } : {}),
        } as chrome.cookies.CookieDetails),
      ),
    );
  });
}

/** Waits for an open tab at `path` of the app whose page shows `text`. */
async function pageShowing(ctx: BrowserContext, path: string, text: string): Promise<Page> {
  let found: Page | undefined;
  await waitFor(
    async () => {
      for (const p of ctx.pages()) {
        if (!p.url().includes(`${APP}:${server.port}${path}`)) continue;
        const body = await p
          .locator('body')
          .innerText({ timeout: 1000 })
          .catch(() => '');
        if (body.includes(text)) {
          found = p;
          return true;
        }
      }
      return false;
    },
    `a tab at ${path} showing "${text}"`,
    20_000,
  );
  return found!;
}

describe('stay logged in', () => {
  it('save, remove every cookie, restore: the server sees the same session and serves the logged-in page', async () => {
    const b = await freshBrowser();
    try {
      await turnOnKeeping(b);
      const token = await logIn(b);
      await expect
        .poll(async () => (await call<{ liveCookies: number }>(b, 'keeping.status')).liveCookies)
        .toBeGreaterThanOrEqual(2);

      const popup = await openPopup(b);
      await popup.getByRole('button', { name: 'Save all windows' }).click();
      await expect.poll(() => popup.getByRole('listitem').count()).toBe(1);

      for (const p of b.ctx.pages()) if (p.url().includes(APP)) await p.close();
      await removeAllCookies(b);
      expect(await cookieNames(b, 'example.test')).toEqual([]);
      const check = await openInWindow(b, server.url(APP, '/account'));
      await check.getByText('Please log in').waitFor();
      await check.close();

      const hitsBefore = accountHits.length;
      await popup
        .getByRole('listitem')
        .first()
        .getByRole('button', { name: /^Restore/ })
        .click();
      await pageShowing(b.ctx, '/account', 'Welcome, alice');
      const restoredHit = accountHits.slice(hitsBefore).find((h) => h.user);
      expect(restoredHit).toMatchObject({ token, site: token.slice(0, 8), user: 'alice' });
      // The first request of the restored tab already carried the session: cookies went back first.
      expect(accountHits[hitsBefore]).toMatchObject({ token, user: 'alice' });
      await expect.poll(() => popup.getByRole('status').first().innerText()).toMatch(/\b2 cookies restored, 0 failed/);
      // Host-only stays host-only, the domain cookie stays domain-wide, flags intact.
      const back = await b.driver.evaluate(async () =>
        (await chrome.cookies.getAll({ domain: 'example.test' })).map((c) => ({
          name: c.name,
          domain: c.domain,
          hostOnly: c.hostOnly,
          secure: c.secure,
          httpOnly: c.httpOnly,
          sameSite: c.sameSite,
          session: c.session,
        })),
      );
      expect(back.find((c) => c.name === '__Host-session')).toEqual({
        name: '__Host-session',
        domain: APP,
        hostOnly: true,
        secure: true,
        httpOnly: true,
        sameSite: 'lax',
        session: true,
      });
      expect(back.find((c) => c.name === 'site')).toMatchObject({
        domain: '.example.test',
        hostOnly: false,
        session: true,
      });
    } finally {
      await b.ctx.close();
    }
  });

  it('after a SIGKILL of the browser: relaunch, Recover, logged in again', async () => {
    const b = await freshBrowser();
    await turnOnKeeping(b);
    const token = await logIn(b);
    await expect
      .poll(async () => (await call<{ liveCookies: number }>(b, 'keeping.status')).liveCookies)
      .toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 1000));
    await crash(b);

    const b2 = await freshBrowser(b.profileDir);
    try {
      // The session cookies died with the browser.
      expect(await cookieNames(b2, 'example.test')).not.toContain('__Host-session');
      const popup = await openPopup(b2);
      const recover = popup.getByRole('button', { name: 'Recover' });
      await recover.waitFor({ timeout: 15_000 });
      const hitsBefore = accountHits.length;
      await recover.click();
      await pageShowing(b2.ctx, '/account', 'Welcome, alice');
      expect(accountHits[hitsBefore]).toMatchObject({ token, site: token.slice(0, 8), user: 'alice' });
      expect(await cookieNames(b2, 'example.test')).toEqual(['__Host-session', 'site']);
    } finally {
      await b2.ctx.close();
    }
  });

  it('a partitioned cookie set inside a cross-site frame comes back with its partition key', async () => {
    const b = await freshBrowser();
    try {
      await turnOnKeeping(b);
      const embed = await openInWindow(b, server.url(APP, '/embed'));
      type Chip = { name: string; value: string; domain: string; partitionKey?: { topLevelSite?: string } };
      const chips = () =>
        b.driver.evaluate(
          async () =>
            (
              await chrome.cookies.getAll({ domain: 'other.test', partitionKey: {} } as chrome.cookies.GetAllDetails)
            ).map((c) => ({
              name: c.name,
              value: c.value,
              domain: c.domain,
              partitionKey: (c as { partitionKey?: { topLevelSite?: string } }).partitionKey,
            })) as Chip[],
        );
      await expect.poll(async () => (await chips()).length).toBe(1);
      const original = (await chips())[0]!;
      expect(original.partitionKey?.topLevelSite).toBe('https://example.test');

      const popup = await openPopup(b);
      await popup.getByRole('button', { name: 'Save all windows' }).click();
      await expect.poll(() => popup.getByRole('listitem').count()).toBe(1);
      await embed.close();
      await removeAllCookies(b);
      expect(await chips()).toEqual([]);

      const framesBefore = frameHits.length;
      await popup
        .getByRole('listitem')
        .first()
        .getByRole('button', { name: /^Restore/ })
        .click();
      await pageShowing(b.ctx, '/embed', 'Embed');
      await waitFor(() => frameHits.length > framesBefore, 'the restored frame to load');
      // The frame's first request carried the saved cookie: it came back before the page loaded.
      expect(frameHits[framesBefore]).toBe(original.value);
      const after = await chips();
      expect(after).toEqual([original]);
      // And it is not an unpartitioned namesake.
      const plain = await b.driver.evaluate(
        async () =>
          (await chrome.cookies.getAll({ domain: 'other.test' })).filter(
            (c) => !(c as { partitionKey?: unknown }).partitionKey,
          ).length,
      );
      expect(plain).toBe(0);
    } finally {
      await b.ctx.close();
    }
  });
});
