// The cookie/session inspector against a real HTTPS site: every kind of cookie listed with the
// right columns, session tokens marked, the weak PHPSESSID flagged High, edit and delete reaching
// the server, the live log, hostile values rendered as inert text, and an import that sets another
// site's cookies only when the person ticks that site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, removeProfileDir, type Launched } from './support/browser.ts';
import { httpsBrowserArgs, setCookiesRoute, startHttpsServer, type TestHttpsServer } from './support/https-server.ts';

const APP = 'app.example.test';
const OTHER = 'other.test';
const TOKEN = '9f86d081884c7d659a2feaa0c55ad0159f86d081884c7d65';
const XSS = '<img src=x onerror=alert(document.domain)>';

let server: TestHttpsServer;
let b: Launched;

beforeAll(async () => {
  server = await startHttpsServer([
    setCookiesRoute(
      '/',
      [
        'plain=hello; Path=/',
        'persist=kept; Max-Age=259200; Path=/',
        'sec=1; Secure; Path=/',
        'ho=1; HttpOnly; Path=/',
        'ss_strict=1; SameSite=Strict; Path=/',
        'ss_lax=1; SameSite=Lax; Path=/',
        'ss_none=1; SameSite=None; Secure; Path=/',
        `__Host-sid=${TOKEN}; Secure; HttpOnly; SameSite=Strict; Path=/`,
        `__Secure-auth=${TOKEN}; Secure; HttpOnly; SameSite=Lax; Path=/`,
        'dom=wide; Domain=example.test; Path=/',
        'pathy=deep; Path=/account',
        'PHPSESSID=abc123; Path=/',
      ],
      '<iframe src="/frame-proxy"></iframe>',
    ),
    // The page's iframe points cross-site; a redirect keeps the port in one place.
    (_req, res, url) => {
      if (url.pathname !== '/frame-proxy') return false;
      res.writeHead(302, { location: server.url(OTHER, '/frame') }).end();
      return true;
    },
    setCookiesRoute('/frame', ['embedded=chips; Partitioned; Secure; SameSite=None; Path=/']),
    setCookiesRoute('/late', ['late_cookie=arrived; Path=/']),
    setCookiesRoute('/xss', [`xss=${XSS}; Path=/`]),
  ]);
  b = await launch(undefined, httpsBrowserArgs);
});

afterAll(async () => {
  await b?.ctx.close();
  if (b) removeProfileDir(b.profileDir);
  await server?.close();
});

async function visit(path: string, host = APP): Promise<void> {
  const p = await b.ctx.newPage();
  // 'load' waits for the iframe too: every cookie of the page and its frame is set by then.
  await p.goto(server.url(host, path), { waitUntil: 'load' });
  await p.close();
}

async function serverSees(): Promise<string> {
  const p = await b.ctx.newPage();
  const res = await p.goto(server.url(APP, '/echo-cookies'));
  const text = (await res?.text()) ?? '';
  await p.close();
  return text;
}

async function openInspector(host = APP): Promise<Page> {
  const page = await b.ctx.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(b.extUrl(`src/ui/inspector/index.html?url=${encodeURIComponent(server.url(host, '/'))}`));
  await page.getByRole('table', { name: 'Cookies' }).waitFor();
  return page;
}

const rowOf = (page: Page, name: string) =>
  page.locator('tbody tr', { has: page.getByRole('button', { name, exact: true }) });
const cellText = (page: Page, name: string, col: string) => rowOf(page, name).locator(`td.c-${col}`).innerText();

describe('cookie inspector', () => {
  it('lists every cookie of the site with the right columns, marks tokens and flags the weak one High', async () => {
    await visit('/');
    const page = await openInspector();
    for (const h of ['Name', 'Value', 'Domain', 'Path', 'Expires', 'Flags']) {
      await expect.poll(() => page.getByRole('columnheader', { name: h, exact: true }).count()).toBe(1);
    }
    const names = [
      'plain',
      'persist',
      'sec',
      'ho',
      'ss_strict',
      'ss_lax',
      'ss_none',
      '__Host-sid',
      '__Secure-auth',
      'dom',
      'pathy',
      'PHPSESSID',
      'embedded',
    ];
    for (const n of names) await expect.poll(() => rowOf(page, n).count(), { timeout: 10_000 }).toBe(1);

    expect(await cellText(page, 'plain', 'expires')).toBe('Session');
    expect(await cellText(page, 'persist', 'expires')).toMatch(/in 3 days/);
    expect(await cellText(page, 'sec', 'flags')).toContain('Secure');
    expect(await cellText(page, 'ho', 'flags')).toContain('HttpOnly');
    expect(await cellText(page, 'ss_strict', 'flags')).toContain('SameSite=Strict');
    expect(await cellText(page, 'ss_lax', 'flags')).toContain('SameSite=Lax');
    expect(await cellText(page, 'ss_none', 'flags')).toContain('SameSite=None');
    expect(await cellText(page, 'plain', 'flags')).toContain('Host-only');
    expect(await cellText(page, 'dom', 'domain')).toBe('.example.test');
    expect(await cellText(page, 'dom', 'flags')).not.toContain('Host-only');
    expect(await cellText(page, 'pathy', 'path')).toBe('/account');
    expect(await cellText(page, 'embedded', 'domain')).toBe(OTHER);
    expect(await cellText(page, 'embedded', 'flags')).toContain('Partitioned (https://example.test)');

    // Session tokens are marked; ordinary cookies are not.
    for (const n of ['__Host-sid', '__Secure-auth', 'PHPSESSID'])
      expect(await cellText(page, n, 'token')).toContain('Session token');
    expect(await cellText(page, 'ss_lax', 'token')).toBe('');
    expect(await cellText(page, 'PHPSESSID', 'risk')).toBe('High');

    // Values stay masked until revealed, all at once by the "Show values" switch.
    expect(await cellText(page, 'plain', 'value')).not.toContain('hello');
    await page.getByRole('switch', { name: 'Show values' }).check();
    expect(await cellText(page, 'plain', 'value')).toContain('hello');

    // The per-cookie findings name the missing HttpOnly with its severity word.
    await page.getByRole('button', { name: 'PHPSESSID', exact: true }).click();
    const findings = page.getByRole('list', { name: 'Findings for PHPSESSID' });
    await expect.poll(() => findings.innerText()).toMatch(/High/);
    await expect.poll(() => findings.innerText()).toMatch(/HttpOnly/);

    // Filter and sort.
    await page.getByRole('textbox', { name: 'Filter cookies' }).fill('ss_');
    await expect.poll(() => page.locator('tbody tr:not(.spacer)').count()).toBe(3);
    // Escape empties the filter, as it does in a search field.
    await page.getByRole('textbox', { name: 'Filter cookies' }).press('Escape');
    await expect.poll(() => page.getByRole('textbox', { name: 'Filter cookies' }).inputValue()).toBe('');
    await expect.poll(() => page.locator('tbody tr:not(.spacer)').count()).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'Name', exact: true }).click();
    expect(await page.getByRole('columnheader', { name: 'Name', exact: true }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    await page.close();
  });

  it('reads the site once on opening: its access check answering does not start a second read', async () => {
    await visit('/');
    const page = await b.ctx.newPage();
    // Counts the page's reads of a domain's cookies (the partition read has no domain).
    await page.addInitScript(() => {
      const api = (
        globalThis as unknown as { chrome?: { cookies?: { getAll(d: Record<string, unknown>): Promise<unknown> } } }
      ).chrome?.cookies;
      if (!api) return;
      const getAll = api.getAll.bind(api);
      const g = globalThis as unknown as { domainReads: number; accessAnswered: boolean };
      g.domainReads = 0;
      api.getAll = (d) => {
        if (d.domain) g.domainReads++;
        return getAll(d);
      };
      // Notes when the worker's answer to the page's access check has been handed to the page.
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(...a: unknown[]): unknown } } })
        .chrome.runtime;
      const send = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (...a: unknown[]) => {
        const access = (a[0] as { type?: string } | undefined)?.type === 'cookies.access';
        const last = a[a.length - 1];
        if (typeof last === 'function') {
          a[a.length - 1] = (r: unknown) => {
            (last as (r: unknown) => void)(r);
            if (access) g.accessAnswered = true;
          };
          return send(...a);
        }
        return (send(...a) as Promise<unknown>).then((r) => {
          if (access) setTimeout(() => (g.accessAnswered = true));
          return r;
        });
      };
    });
    await page.goto(b.extUrl(`src/ui/inspector/index.html?url=${encodeURIComponent(server.url(APP, '/'))}`));
    await expect.poll(() => rowOf(page, 'plain').count(), { timeout: 10_000 }).toBe(1);
    // Once the access check has answered, the page has drawn that answer and run its effects (a
    // second read would have started there): two frames and a task after it.
    await page.waitForFunction(() => (globalThis as unknown as { accessAnswered?: boolean }).accessAnswered);
    for (let i = 0; i < 2; i++)
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    expect(await page.evaluate(() => (globalThis as unknown as { domainReads: number }).domainReads)).toBe(1);
    await page.close();
  });

  it('edits a value the server then receives, logs it as one update, and deletes a cookie', async () => {
    const page = await openInspector();
    await rowOf(page, 'PHPSESSID').waitFor();
    await page.getByRole('button', { name: 'PHPSESSID', exact: true }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit cookie PHPSESSID' });
    await form.getByRole('textbox', { name: 'Value' }).fill('edited-in-panel');
    await form.getByRole('button', { name: 'Save cookie' }).click();
    await expect.poll(() => serverSees(), { timeout: 10_000 }).toContain('PHPSESSID=edited-in-panel');

    await page.getByRole('tab', { name: /^Changes/ }).click();
    const log = page.getByRole('list', { name: 'Changes while this page is open' });
    await expect.poll(() => log.innerText(), { timeout: 10_000 }).toMatch(/Updated\s+PHPSESSID/);
    // The browser's removal (overwrite) + insert came out as one change.
    expect((await log.innerText()).match(/PHPSESSID/g)).toHaveLength(1);

    await page.getByRole('button', { name: 'ss_lax', exact: true }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => rowOf(page, 'ss_lax').count()).toBe(0);
    expect(await serverSees()).not.toContain('ss_lax=');
    await page.close();
  });

  it('shows in the change log a cookie the page sets after the panel opened', async () => {
    const page = await openInspector();
    await rowOf(page, 'plain').waitFor();
    await visit('/late');
    await page.getByRole('tab', { name: /^Changes/ }).click();
    const log = page.getByRole('list', { name: 'Changes while this page is open' });
    await expect.poll(() => log.innerText(), { timeout: 10_000 }).toMatch(/Added\s+late_cookie/);
    await expect.poll(() => rowOf(page, 'late_cookie').count()).toBe(1);
    await page.close();
  });

  it('renders a hostile cookie value as text and runs nothing', async () => {
    await visit('/xss');
    const page = await openInspector();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await rowOf(page, 'xss').waitFor();
    // Revealed from the details pane, for this cookie alone.
    await page.getByRole('button', { name: 'xss', exact: true }).click();
    await page.getByRole('button', { name: 'Show value of xss' }).click();
    await expect.poll(() => cellText(page, 'xss', 'value')).toContain(XSS);
    await expect.poll(() => page.getByText(XSS).first().isVisible()).toBe(true);
    // The value is on screen: drawn, and had it been markup, parsed; a dialog would have opened by
    // the next frames (and an <img onerror> would be in the page).
    for (let i = 0; i < 2; i++)
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    expect(dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    await page.close();
  });

  it("previews an import by site and sets only this site's cookies unless another site is ticked", async () => {
    const file = [
      '# Netscape HTTP Cookie File',
      ['.example.test', 'TRUE', '/', 'TRUE', '0', 'imported_wide', 'w1'].join('\t'),
      [APP, 'FALSE', '/', 'TRUE', '0', 'imported_app', 'a1'].join('\t'),
      [OTHER, 'FALSE', '/', 'TRUE', '0', 'planted', 'p1'].join('\t'),
    ].join('\n');
    const cookiesOf = (domain: string) =>
      b.driver.evaluate(async (d) => (await chrome.cookies.getAll({ domain: d })).map((c) => c.name), domain);

    const page = await openInspector();
    await rowOf(page, 'plain').waitFor();
    await page.getByText('Import and export', { exact: true }).click();
    await page.getByRole('textbox', { name: /^Cookies to import/ }).fill(file);
    await page.getByRole('button', { name: 'Preview import' }).click();
    const preview = page.getByRole('group', { name: 'Sites in the file' });
    const thisSite = preview.getByRole('checkbox', { name: /^example\.test: 2 cookies/ });
    const other = preview.getByRole('checkbox', { name: 'other.test: 1 cookie' });
    expect(await thisSite.isChecked()).toBe(true);
    expect(await other.isChecked()).toBe(false);
    await preview.getByRole('button', { name: 'Import 2 cookies' }).click();
    const notes = page.locator('.transfer ul.notes');
    await expect.poll(() => notes.innerText(), { timeout: 10_000 }).toMatch(/Imported 2 cookies/);
    expect(await notes.innerText()).toContain('1 cookie of other sites was left out.');
    await expect.poll(() => serverSees()).toMatch(/imported_app=a1/);
    expect(await serverSees()).toMatch(/imported_wide=w1/);
    expect(await cookiesOf(OTHER)).not.toContain('planted');

    // Ticked on purpose, the other site's cookie is set too.
    await page.getByRole('button', { name: 'Preview import' }).click();
    await other.check();
    await preview.getByRole('button', { name: 'Import 3 cookies' }).click();
    await expect.poll(() => cookiesOf(OTHER), { timeout: 10_000 }).toContain('planted');
    await page.close();
  });
});
