// The popup as a newcomer first sees it: readable type in Chrome (whose 75 % body rule once made
// it 9.75 px), nine sessions at the popup's 560 px, the search first, a word found only in an
// address shown where it is, counts in the right number, and buttons that say when they cannot act.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allWindows, openPopup, realUrl, waitFor } from './support/browser.ts';
import { seedSession } from './support/seed-session.ts';
import { useBrowser } from './support/use-browser.ts';

const env = useBrowser();
const POPUP_HEIGHT = 560;

async function popupAt560(): Promise<Page> {
  const popup = await openPopup(env.b);
  await popup.setViewportSize({ width: 420, height: POPUP_HEIGHT });
  return popup;
}

/** Font sizes of every element that shows text of its own, with the text, for a useful failure. */
function textSizes(popup: Page): Promise<{ text: string; px: number }[]> {
  return popup.evaluate(() => {
    const out: { text: string; px: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (!el || !text) continue;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // Text a person can see: laid out, not clipped away for screen readers only.
      if (r.width <= 1 || r.height <= 1 || style.visibility === 'hidden') continue;
      out.push({ text, px: parseFloat(style.fontSize) });
    }
    return out;
  });
}

describe('the popup at first sight', () => {
  it('reads at 13 px or more, nothing under 11 px, names larger than their detail line', async () => {
    for (let i = 0; i < 3; i++) {
      await seedSession(env.b.driver, `look-${i}`, `Look ${i}`, [
        { url: env.server.url(`/page/look-${i}`), title: `Look ${i}` },
      ]);
    }
    const popup = await popupAt560();
    await popup.locator('.session .name').first().waitFor();
    // The first-run card is there too, with its shortcuts: all of it is measured.
    await popup.getByRole('heading', { name: 'Welcome to Tabularium' }).waitFor();
    const body = await popup.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(body).toBeGreaterThanOrEqual(13);
    const sizes = await textSizes(popup);
    expect(sizes.length).toBeGreaterThan(20);
    expect(sizes.filter((s) => s.px < 11)).toEqual([]);
    const px = (sel: string) =>
      popup
        .locator(sel)
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const name = await px('.session .name');
    const meta = await px('.session .meta');
    expect(name).toBeGreaterThan(meta);
    expect(await px('.save-bar button')).toBeGreaterThanOrEqual(13);
    await popup.close();
  });

  it('opens with the search box focused and shows nine sessions at 560 px', async () => {
    for (let i = 3; i < 14; i++) {
      await seedSession(env.b.driver, `look-${i}`, `Look ${i}`, [
        { url: env.server.url(`/page/look-${i}`), title: `Look ${i}` },
      ]);
    }
    let popup = await popupAt560();
    await popup.locator('.session .name').first().waitFor();
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Search sessions');
    // The first-run card goes when dismissed, and stays gone.
    await popup.getByRole('button', { name: /^Got it/ }).click();
    await popup.getByRole('heading', { name: 'Welcome to Tabularium' }).waitFor({ state: 'detached' });
    await popup.close();
    popup = await popupAt560();
    await popup.locator('.session .name').first().waitFor();
    expect(await popup.getByRole('heading', { name: 'Welcome to Tabularium' }).count()).toBe(0);
    // Both save buttons on one line, still buttons.
    const all = await popup.getByRole('button', { name: 'Save all windows' }).boundingBox();
    const one = await popup.getByRole('button', { name: 'Save this window' }).boundingBox();
    expect(Math.abs(all!.y - one!.y)).toBeLessThan(2);
    const { visible, parts } = await popup.evaluate(() => {
      const list = document.querySelector('.list')!.getBoundingClientRect();
      const bottom = Math.min(list.bottom, window.innerHeight);
      return {
        visible: [...document.querySelectorAll('.session')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= list.top - 0.5 && r.bottom <= bottom + 0.5;
        }).length,
        // What took the room above the list, for a failure worth reading.
        parts: [...document.querySelector('.popup')!.children].map((el) => [
          el.className,
          Math.round(el.getBoundingClientRect().height),
        ]),
      };
    });
    expect(visible, JSON.stringify(parts)).toBeGreaterThanOrEqual(9);
    await popup.close();
  });

  it('shows the part of a long address around a word found only there, marked', async () => {
    const deep = `/page/deep-${'long-path-segment-'.repeat(5)}end?utm=1&ref=wombat&x=${'y'.repeat(40)}`;
    await seedSession(env.b.driver, 'look-url', 'Reading list', [{ url: env.server.url(deep), title: 'Plain title' }]);
    const popup = await popupAt560();
    await popup.getByRole('searchbox', { name: 'Search sessions' }).fill('wombat');
    const results = popup.getByRole('list', { name: 'Search results' });
    await results.getByRole('listitem').first().waitFor();
    expect(await popup.locator('.result-count').innerText()).toBe('1 session matches');
    const item = results.getByRole('listitem').filter({ hasText: 'Reading list' });
    // Its date stands with its name.
    expect(await item.locator('.result-head time').count()).toBe(1);
    const url = item.locator('.tab-url');
    expect(await url.locator('mark').innerText()).toBe('wombat');
    // The mark is inside the visible part of the address, not cut off past its end.
    const box = await url.boundingBox();
    const mark = await url.locator('mark').boundingBox();
    expect(mark!.x + mark!.width).toBeLessThanOrEqual(box!.x + box!.width + 0.5);
    expect(await url.innerText()).toContain('ref=wombat');
    await popup.close();
  });

  it('counts in the right number: 1 tab, 2 tabs', async () => {
    await seedSession(env.b.driver, 'look-one', 'Single tab', [{ url: env.server.url('/page/single'), title: 'S' }]);
    await seedSession(env.b.driver, 'look-two', 'Two tabs', [
      { url: env.server.url('/page/two-1'), title: 'T1' },
      { url: env.server.url('/page/two-2'), title: 'T2' },
    ]);
    const popup = await popupAt560();
    const row = (name: string) => popup.getByRole('listitem').filter({ hasText: name });
    await expect.poll(() => row('Single tab').locator('.meta').innerText()).toMatch(/1 window · 1 tab$/);
    await expect.poll(() => row('Two tabs').locator('.meta').innerText()).toMatch(/1 window · 2 tabs$/);
    await row('Single tab').getByRole('button', { name: 'Single tab', exact: true }).click();
    await popup.getByRole('heading', { name: 'Window 1 · 1 tab', exact: true }).waitFor();
    await popup.close();
  });

  it('restores from a row into new windows through its menu', async () => {
    await seedSession(env.b.driver, 'look-menu', 'From the menu', [
      { url: env.server.url('/page/menu-1'), title: 'M1' },
      { url: env.server.url('/page/menu-2'), title: 'M2' },
    ]);
    const popup = await popupAt560();
    const before = new Set((await allWindows(env.b.driver)).map((w) => w.id));
    await popup.getByRole('button', { name: 'Ways to restore From the menu' }).click();
    await popup.getByRole('menuitem', { name: 'New windows' }).click();
    const want = [env.server.url('/page/menu-1'), env.server.url('/page/menu-2')];
    const added = async () =>
      (await allWindows(env.b.driver))
        .filter((w) => !before.has(w.id))
        .map((w) => w.tabs.map((t) => realUrl(env.b.extId, t.url)));
    await waitFor(async () => JSON.stringify(await added()) === JSON.stringify([want]), 'the restored window');
    await popup.close();
  });

  it('says why Inspect cookies cannot act on a page that is not a web page', async () => {
    // The popup opened as a tab is itself the active tab: an extension page, with no site cookies.
    const popup = await popupAt560();
    const button = popup.getByRole('button', { name: 'Inspect cookies' });
    await waitFor(() => button.isDisabled(), 'Inspect cookies to be off');
    expect(await popup.getByText('web pages only').isVisible()).toBe(true);
    expect(await popup.locator('body').innerText()).not.toContain('Something went wrong');
    await popup.close();
  });

  it('opens all sessions in a page of their own', async () => {
    const popup = await popupAt560();
    const manager = env.b.extUrl('src/ui/manager/index.html');
    const managerTabs = async () =>
      (await allWindows(env.b.driver)).flatMap((w) => w.tabs).filter((t) => t.url === manager).length;
    expect(await managerTabs()).toBe(0);
    await popup.getByRole('button', { name: 'All sessions', exact: true }).click();
    await waitFor(async () => (await managerTabs()) === 1, 'a tab with the manager page');
  });
});
