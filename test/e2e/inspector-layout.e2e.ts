// The inspector as a new user first sees it at 1,280 × 800: every column in view with the details
// open or closed, values masked until the one "Show values" switch, findings beside the table with
// a "Has findings" filter, the change log in plain words with old → new, empty states that say why,
// and, without cookie access, the access prompt alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, removeProfileDir, type Launched } from './support/browser.ts';
import { httpsBrowserArgs, setCookiesRoute, startHttpsServer, type TestHttpsServer } from './support/https-server.ts';

const APP = 'layout.example.test';
const EMPTY = 'nothing-here.test';
const TOKEN = '9f86d081884c7d659a2feaa0c55ad0159f86d081884c7d65';

let server: TestHttpsServer;
let b: Launched;

beforeAll(async () => {
  server = await startHttpsServer([
    setCookiesRoute('/', [
      'plain=hello; Path=/',
      'persist=kept; Max-Age=259200; Path=/',
      `__Host-sid=${TOKEN}; Secure; HttpOnly; SameSite=Strict; Path=/`,
      'PHPSESSID=abc123; Path=/',
      // Long enough to need "…" in a narrowed column rather than a wider table.
      `wide_value_cookie_with_a_long_name=${'x'.repeat(300)}; Secure; SameSite=Lax; Path=/`,
    ]),
    setCookiesRoute('/change', ['plain=changed; Path=/']),
    setCookiesRoute('/expire', ['persist=gone; Max-Age=0; Path=/']),
    setCookiesRoute('/blank', []),
  ]);
  b = await launch(undefined, httpsBrowserArgs);
  const p = await b.ctx.newPage();
  await p.goto(server.url(APP, '/'), { waitUntil: 'load' });
  await p.close();
});

afterAll(async () => {
  await b?.ctx.close();
  if (b) removeProfileDir(b.profileDir);
  await server?.close();
});

async function visit(path: string): Promise<void> {
  const p = await b.ctx.newPage();
  await p.goto(server.url(APP, path), { waitUntil: 'load' });
  await p.close();
}

async function openInspector(host = APP): Promise<Page> {
  const page = await b.ctx.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(b.extUrl(`src/ui/inspector/index.html?url=${encodeURIComponent(server.url(host, '/'))}`));
  return page;
}

const rowOf = (page: Page, name: string) =>
  page.locator('tbody tr', { has: page.getByRole('button', { name, exact: true }) });
const cellText = (page: Page, name: string, col: string) => rowOf(page, name).locator(`td.c-${col}`).innerText();
const dataRows = (page: Page) => page.locator('tbody tr:not(.spacer)');

/** Each column header whose box pokes out of the table's visible area or the 1,280 px window. */
async function headersOutOfView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const box = document.querySelector('.table-box')!.getBoundingClientRect();
    const out: string[] = [];
    for (const th of document.querySelectorAll('thead th')) {
      const r = th.getBoundingClientRect();
      const name = th.textContent?.trim() || '(select all)';
      if (r.width < 24 || r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.right > 1280) out.push(name);
    }
    return out;
  });
}

describe('inspector at 1,280 × 800', () => {
  it('keeps every column in view with the details pane closed and open, Token and Risk after Name', async () => {
    const page = await openInspector();
    await rowOf(page, 'PHPSESSID').waitFor();
    const headers = await page.getByRole('columnheader').allInnerTexts();
    expect(headers.map((h) => h.replace(/[▲▼]/g, '').trim()).filter(Boolean)).toEqual([
      'Name',
      'Token',
      'Risk',
      'Value',
      'Domain',
      'Path',
      'Expires',
      'Flags',
      'Size',
    ]);
    expect(await headersOutOfView(page)).toEqual([]);
    // The Risk word and the token chip are whole, not cut to "Hig" or "Sessi…".
    await expect.poll(() => cellText(page, 'PHPSESSID', 'risk')).toBe('High');
    const chip = rowOf(page, '__Host-sid').locator('.token');
    expect(await chip.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    const risk = rowOf(page, 'PHPSESSID').locator('td.c-risk .sev');
    expect(
      await risk.evaluate((el) => el.getBoundingClientRect().right <= el.parentElement!.getBoundingClientRect().right),
    ).toBe(true);

    await page.getByRole('button', { name: 'wide_value_cookie_with_a_long_name', exact: true }).click();
    await page.getByRole('heading', { name: 'Cookie wide_value_cookie_with_a_long_name' }).waitFor();
    expect(await headersOutOfView(page)).toEqual([]);
    // Findings stay beside the table, within the window: one tab away, not below the fold.
    const findingsTab = page.getByRole('tab', { name: /^Findings/ });
    const tabBox = (await findingsTab.boundingBox())!;
    expect(tabBox.y + tabBox.height).toBeLessThanOrEqual(800);
    expect(tabBox.x + tabBox.width).toBeLessThanOrEqual(1280);
    // The table fills the window's height: no fixed-height block, no page scrolling for it.
    const tableBottom = await page.locator('.table-box').evaluate((el) => el.getBoundingClientRect().bottom);
    expect(tableBottom).toBeGreaterThan(600);
    expect(tableBottom).toBeLessThanOrEqual(800);
    await page.close();
  });

  it('masks values until the one "Show values" switch, and reveals and copies one in the details pane', async () => {
    const page = await openInspector();
    await rowOf(page, 'plain').waitFor();
    expect(await cellText(page, 'plain', 'value')).not.toContain('hello');
    expect(await cellText(page, 'PHPSESSID', 'value')).not.toContain('abc123');
    // No per-row buttons any more.
    expect(await page.locator('tbody button', { hasText: /^(Show|Copy)$/ }).count()).toBe(0);

    const toggle = page.getByRole('switch', { name: 'Show values' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect.poll(() => cellText(page, 'plain', 'value')).toBe('hello');
    expect(await cellText(page, 'PHPSESSID', 'value')).toBe('abc123');
    await toggle.uncheck();
    await expect.poll(() => cellText(page, 'plain', 'value')).not.toContain('hello');

    await page.getByRole('button', { name: 'plain', exact: true }).click();
    const details = page.getByRole('tabpanel');
    expect(await details.innerText()).not.toContain('hello');
    await details.getByRole('button', { name: 'Show value of plain' }).click();
    await expect.poll(() => details.innerText()).toContain('hello');
    await details.getByRole('button', { name: 'Copy value of plain' }).click();
    await expect.poll(() => page.getByRole('status').allInnerTexts()).toContain('Copied the value of plain.');
    await page.close();
  });

  it('filters the table to the cookies with findings, and lists the findings beside it', async () => {
    const page = await openInspector();
    await rowOf(page, 'PHPSESSID').waitFor();
    await expect.poll(() => cellText(page, 'PHPSESSID', 'risk')).toBe('High');
    const total = await dataRows(page).count();
    const findings = page.getByRole('list', { name: 'Cookie findings' });
    await expect.poll(() => findings.innerText()).toMatch(/High\s+PHPSESSID/);

    await page.getByRole('checkbox', { name: 'Has findings' }).check();
    await expect.poll(() => dataRows(page).count()).toBeLessThan(total);
    const risks = await dataRows(page).locator('td.c-risk').allInnerTexts();
    expect(risks.length).toBeGreaterThan(0);
    for (const r of risks) expect(['High', 'Medium', 'Low', 'Info']).toContain(r);
    expect(await rowOf(page, 'PHPSESSID').count()).toBe(1);
    await page.getByRole('checkbox', { name: 'Has findings' }).uncheck();
    await expect.poll(() => dataRows(page).count()).toBe(total);
    await page.close();
  });

  it('logs a change the page makes with old → new values and a plain cause', async () => {
    const page = await openInspector();
    await rowOf(page, 'plain').waitFor();
    await page.getByRole('tab', { name: /^Changes/ }).click();
    const log = page.getByRole('list', { name: 'Changes while this page is open' });

    await visit('/change');
    await expect.poll(() => log.innerText(), { timeout: 10_000 }).toMatch(/Updated\s+plain\s+·?\s*replaced/);
    // Masked like the table until "Show values" is on.
    expect(await log.innerText()).not.toContain('hello');
    await page.getByRole('switch', { name: 'Show values' }).check();
    await expect.poll(() => log.innerText()).toContain('hello → changed');
    expect(await log.innerText()).not.toContain('cause:');

    await visit('/expire');
    await expect.poll(() => log.innerText(), { timeout: 10_000 }).toMatch(/Removed\s+persist\s+·?\s*expired/);
    await expect.poll(() => rowOf(page, 'persist').count()).toBe(0);
    await page.close();
  });

  it('tells "no match" (with a way to clear the filter) apart from a site without cookies', async () => {
    const page = await openInspector();
    await rowOf(page, 'plain').waitFor();
    const filter = page.getByRole('textbox', { name: 'Filter cookies' });
    await filter.fill('no-such-cookie-anywhere');
    await page.getByText('No cookie matches the filter.').waitFor();
    expect(await page.getByText('This site has no cookies.').count()).toBe(0);
    await page.getByRole('button', { name: 'Clear the filter' }).click();
    expect(await filter.inputValue()).toBe('');
    await expect.poll(() => rowOf(page, 'plain').count()).toBe(1);
    await page.close();

    const empty = await openInspector(EMPTY);
    await empty.getByText('This site has no cookies.').waitFor();
    expect(await empty.getByText('No cookie matches the filter.').count()).toBe(0);
    expect(await empty.getByRole('button', { name: 'Clear the filter' }).count()).toBe(0);
    await empty.close();
  });

  it('without cookie access shows only the access prompt: no counts, no table, no all-clear', async () => {
    // The e2e build holds the permissions as required (an automated browser cannot click through
    // the prompt), so the worker is made to answer as a browser without them would.
    const sw = b.ctx.serviceWorkers()[0]!;
    await sw.evaluate(() => {
      const perms = chrome.permissions as unknown as { contains: unknown; realContains?: unknown };
      perms.realContains = perms.contains;
      perms.contains = () => Promise.resolve(false);
    });
    try {
      const page = await openInspector();
      await page.getByRole('heading', { name: 'Cookie access is off' }).waitFor();
      await page.getByRole('button', { name: 'Allow cookie access' }).waitFor();
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/\d+ (of \d+ )?cookies?\b/);
      expect(text).not.toContain('Nothing to report');
      expect(text).not.toContain('This site has no cookies');
      expect(await page.getByRole('table').count()).toBe(0);
      expect(await page.getByRole('textbox', { name: 'Filter cookies' }).count()).toBe(0);
      expect(await page.getByRole('tab').count()).toBe(0);
      await page.close();
    } finally {
      await sw.evaluate(() => {
        const perms = chrome.permissions as unknown as { contains: unknown; realContains?: unknown };
        perms.contains = perms.realContains;
      });
    }
  });
});
