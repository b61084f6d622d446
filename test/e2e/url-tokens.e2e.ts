// Session IDs in addresses (issue 15): a tab whose address carries `;jsessionid=<32 hex>` is saved;
// the session's detail marks it, the exports (text, HTML, Tabularium JSON) leave the token out and
// say so, and the inspector lists the token as a finding of the page.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPopup, openWindow } from './support/browser.ts';
import { useBrowser } from './support/use-browser.ts';

const env = useBrowser();
const HEX = 'c0ffee0123456789abcdef9876543210';

/** Exports every session in the format (its option's value) and returns the file and the status. */
async function exportAs(settings: Page, format: string, extension: string): Promise<{ text: string; status: string }> {
  await settings.getByRole('combobox', { name: 'Format' }).selectOption(format);
  const download = settings.waitForEvent('download');
  await settings.getByRole('button', { name: /^Export \d+ sessions?$/ }).click();
  const text = readFileSync(await (await download).path(), 'utf8');
  const status = settings.locator('#import-export .ie-status');
  await expect.poll(() => status.textContent()).toMatch(new RegExp(`^Exported .*\\.${extension}\\.`));
  return { text, status: (await status.textContent()) ?? '' };
}

describe('session tokens in addresses', () => {
  it('marks the saved tab, and leaves the token out of text, HTML and JSON exports, saying so', async () => {
    const tokenUrl = env.server.url(`/page/shop;jsessionid=${HEX}?item=3`);
    const plainUrl = env.server.url('/page/list?page=2');
    await openWindow(env.b.driver, [tokenUrl, plainUrl]);

    const popup = await openPopup(env.b);
    await popup.getByRole('button', { name: 'Save all windows' }).click();
    const item = popup.getByRole('listitem').first();
    await item.waitFor();
    await item.locator('button.name').click();
    const marks = popup.getByRole('img', { name: 'Has a session token in its address' });
    await expect.poll(() => marks.count()).toBe(1);
    const marked = popup.locator('li.tab', { has: marks });
    expect(await marked.locator('.tab-title').textContent()).toBe('Page shop');
    await popup.close();

    const settings = await env.b.ctx.newPage();
    await settings.goto(env.b.extUrl('src/ui/options/index.html#import-export'));
    await settings.getByRole('heading', { name: 'Import and export' }).waitFor();
    expect(await settings.getByRole('checkbox', { name: 'Keep session tokens in addresses' }).isChecked()).toBe(false);
    for (const [format, extension] of [
      ['text', 'txt'],
      ['html', 'html'],
      ['tabularium', 'json'],
    ] as const) {
      const { text, status } = await exportAs(settings, format, extension);
      expect(text, format).not.toContain(HEX);
      expect(text, format).not.toContain('jsessionid');
      expect(text, format).toContain(env.server.url('/page/shop?item=3'));
      expect(text, format).toContain(plainUrl);
      expect(status, format).toContain('Session tokens were removed from the address of 1 tab.');
    }
    await settings.close();
  });

  it('lists the token of the inspected page as a Medium finding', async () => {
    const page = await env.b.ctx.newPage();
    const url = env.server.url(`/page/shop;jsessionid=${HEX}`);
    await page.goto(env.b.extUrl(`src/ui/inspector/index.html?url=${encodeURIComponent(url)}`));
    const site = page.getByRole('list', { name: 'Site findings' });
    await expect
      .poll(() => site.innerText(), { timeout: 10_000 })
      .toMatch(/Medium\s+Session token in the page's address/);
    expect(await site.innerText()).toContain(';jsessionid');
    expect(await site.innerText()).not.toContain(HEX);
    await page.close();
  });
});
