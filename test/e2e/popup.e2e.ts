// The popup as people use it: find any tab in any session, edit sessions, keyboard only.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allWindows, openPopup, openWindow, realUrl, waitFor, workerCall } from './support/browser.ts';
import { useBrowser } from './support/use-browser.ts';

const env = useBrowser();

/** Saves, then names the new session in its row: the status line's Rename, as a person would. */
async function saveAllAs(popup: Page, name: string): Promise<void> {
  const before = await popup.getByRole('listitem').count();
  await popup.getByRole('button', { name: 'Save all windows' }).click();
  await expect.poll(() => popup.getByRole('listitem').count()).toBe(before + 1);
  await popup.getByRole('status').getByRole('button', { name: 'Rename' }).click();
  const box = popup.getByRole('textbox', { name: /^New name for / });
  await box.fill(name);
  await box.press('Enter');
  await popup.getByRole('button', { name, exact: true }).waitFor();
}

/** Presses Tab (or Shift+Tab) until the focused element has the given accessible name (keyboard only). */
async function tabTo(page: Page, name: RegExp, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(key);
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '') : '';
    });
    if (name.test(label)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

describe('the popup', () => {
  it('finds a tab by a word only in its URL and opens just that tab from the result', async () => {
    const popup = await openPopup(env.b);
    const w1 = await openWindow(env.b.driver, [env.server.url('/page/one-a'), env.server.url('/page/one-b')]);
    await saveAllAs(popup, 'First');
    const w2 = await openWindow(env.b.driver, [env.server.url('/page/two-a')]);
    await saveAllAs(popup, 'Second');
    const w3 = await openWindow(env.b.driver, [
      env.server.url('/page/three-a'),
      env.server.url('/page/three-b?ref=quokka'),
    ]);
    await saveAllAs(popup, 'Third');
    await env.b.driver.evaluate(
      async (ids) => {
        for (const id of ids) await chrome.windows.remove(id);
      },
      [w1, w2, w3],
    );
    // Each closed window becomes a snapshot; the results are asked for once, so after those exist.
    await waitFor(async () => {
      const { sessions } = await workerCall<{ sessions: { kind: string }[] }>(env.b, 'sessions.list');
      return sessions.filter((x) => x.kind === 'window-closed').length >= 3;
    }, "the closed windows' snapshots");

    await popup.getByRole('searchbox', { name: 'Search sessions' }).fill('quokka');
    const results = popup.getByRole('list', { name: 'Search results' });
    // "Third" and the snapshot taken when its window closed hold that tab; no other session does.
    await expect.poll(async () => (await results.getByRole('listitem').allTextContents()).length).toBe(2);
    for (const text of await results.getByRole('listitem').allTextContents())
      expect(text).toContain('three-b?ref=quokka');
    expect(await results.getByRole('listitem').filter({ hasText: 'Third' }).count()).toBe(1);
    const third = results.getByRole('listitem').filter({ hasText: 'Third' });
    const hit = third.getByRole('button', { name: 'Open Page three-b' });
    expect(await hit.locator('mark').first().textContent()).toBe('quokka');

    const tabsBefore = (await allWindows(env.b.driver)).flatMap((w) => w.tabs.map((t) => t.id));
    await hit.click();
    await waitFor(
      async () => (await allWindows(env.b.driver)).flatMap((w) => w.tabs).length > tabsBefore.length,
      'the opened tab',
    );
    await new Promise((r) => setTimeout(r, 500));
    const added = (await allWindows(env.b.driver)).flatMap((w) => w.tabs).filter((t) => !tabsBefore.includes(t.id));
    expect(added.map((t) => realUrl(env.b.extId, t.url))).toEqual([env.server.url('/page/three-b?ref=quokka')]);
    await popup.close();
  });

  it('keeps a rename and a tag across a reload, and finds the session by its tag', async () => {
    let popup = await openPopup(env.b);
    await popup.getByRole('button', { name: 'Second', exact: true }).click();
    const nameBox = popup.getByRole('textbox', { name: 'Session name' });
    await nameBox.fill('Renamed second');
    await popup.getByRole('button', { name: 'Save name' }).click();
    await popup.getByRole('textbox', { name: 'Add a tag' }).fill('work');
    await popup.getByRole('button', { name: 'Add tag' }).click();
    await popup.getByRole('button', { name: 'Remove tag work' }).waitFor();
    await popup.close();

    popup = await openPopup(env.b);
    await popup.getByRole('button', { name: 'Renamed second', exact: true }).waitFor();
    await popup.getByRole('searchbox', { name: 'Search sessions' }).fill('#work');
    const results = popup.getByRole('list', { name: 'Search results' });
    await expect.poll(() => results.getByRole('listitem').count()).toBe(1);
    expect(await results.getByRole('listitem').first().textContent()).toContain('Renamed second');
    // A word of the name and a word of one tab find that tab.
    await popup.getByRole('searchbox', { name: 'Search sessions' }).fill('renamed two-a');
    await expect.poll(() => results.getByRole('listitem').count()).toBe(1);
    await results.getByRole('group', { name: 'Renamed second' }).getByText('two-a').first().waitFor();

    // Filter by a tag: exactly that tag, not another that starts the same.
    await popup.getByRole('searchbox', { name: 'Search sessions' }).fill('');
    await popup.getByRole('button', { name: 'Third', exact: true }).click();
    await popup.getByRole('textbox', { name: 'Add a tag' }).fill('workshop');
    await popup.getByRole('button', { name: 'Add tag' }).click();
    await popup.getByRole('button', { name: 'Remove tag workshop' }).waitFor();
    await popup.getByRole('button', { name: /Back to sessions/ }).click();
    const list = popup.getByRole('list', { name: 'Saved sessions' });
    await list.getByRole('listitem').first().waitFor();
    const everyOne = await list.getByRole('listitem').count();
    await popup.getByRole('combobox', { name: 'Tag' }).selectOption('work');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    expect(await list.getByRole('listitem').textContent()).toContain('Renamed second');
    await popup.getByRole('combobox', { name: 'Tag' }).selectOption('workshop');
    await expect.poll(() => list.getByRole('listitem').first().textContent()).toContain('Third');
    expect(await list.getByRole('listitem').count()).toBe(1);
    await popup.getByRole('combobox', { name: 'Tag' }).selectOption('');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(everyOne);
    await popup.close();
  });

  it("shows a session's windows and tabs, removes a tab from it, and compares it with what is open", async () => {
    const popup = await openPopup(env.b);
    await popup.getByRole('button', { name: 'First', exact: true }).click();
    await popup.getByRole('heading', { name: 'Window 1 · 2 tabs' }).waitFor();
    await popup.getByRole('button', { name: 'Remove Page one-b from this session' }).click();
    await popup.getByRole('heading', { name: 'Window 1 · 1 tab', exact: true }).waitFor();
    await popup.getByRole('button', { name: 'Compare with open tabs' }).click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'not open' }).count()).toBe(1);
    // The answer comes with its action: the session's tab that is not open now opens.
    const urls = async () =>
      (await allWindows(env.b.driver)).flatMap((w) => w.tabs.map((t) => realUrl(env.b.extId, t.url)));
    const want = env.server.url('/page/one-a');
    const before = (await urls()).filter((u) => u === want).length;
    await popup.getByRole('button', { name: 'Open the 1 missing tab' }).click();
    await waitFor(async () => (await urls()).filter((u) => u === want).length === before + 1, 'the missing tab');
    await popup.close();
  });

  it('saves, searches and restores with the keyboard alone', async () => {
    const win = await openWindow(env.b.driver, [env.server.url('/page/kbd-a'), env.server.url('/page/kbd-b')]);
    const popup = await openPopup(env.b);
    await popup.getByRole('listitem').first().waitFor();
    const before = await popup.getByRole('listitem').count();
    await tabTo(popup, /^Save all windows$/);
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(before + 1);
    await env.b.driver.evaluate((id) => chrome.windows.remove(id), win);

    // The search box comes first, above the save buttons: back up to it.
    await tabTo(popup, /^Search sessions$/, 'Shift+Tab');
    await popup.keyboard.type('kbd-b');
    await popup.getByRole('list', { name: 'Search results' }).waitFor();
    const windowsBefore = new Set((await allWindows(env.b.driver)).map((w) => w.id));
    await popup.keyboard.press('ArrowDown'); // to the first result
    await popup.keyboard.press('Enter'); // restores it
    // The restored window, once both tabs' navigations committed (a new tab's URL is '' until then).
    const want = [env.server.url('/page/kbd-a'), env.server.url('/page/kbd-b')];
    const restoredUrls = async () =>
      (await allWindows(env.b.driver))
        .filter((w) => !windowsBefore.has(w.id))
        .map((w) => w.tabs.map((t) => realUrl(env.b.extId, t.url)));
    await waitFor(
      async () => (await restoredUrls()).some((urls) => urls.length === 2 && urls.every((u) => u !== '')),
      'the restored window with both tabs committed',
    );
    expect(await restoredUrls()).toEqual([want]);

    // Escape from within the results clears the search and goes back to the box.
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.getByRole('searchbox', { name: 'Search sessions' }).inputValue()).toBe('');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search sessions');
    // Escape in the box clears it too.
    await popup.keyboard.type('kbd');
    await popup.keyboard.press('Escape');
    expect(await popup.getByRole('searchbox', { name: 'Search sessions' }).inputValue()).toBe('');
    await popup.close();
  });
});
