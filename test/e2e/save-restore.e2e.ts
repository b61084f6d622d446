// The first whole path a person takes: save all windows, close them, restore, same windows back.
import { describe, expect, it } from 'vitest';
import {
  allGroups,
  allWindows,
  openPopup,
  openWindow,
  realUrl,
  stopServiceWorkers,
  waitFor,
} from './support/browser.ts';
import { seedSession } from './support/seed-session.ts';
import { useBrowser } from './support/use-browser.ts';

const env = useBrowser();

describe('save all windows, close them, restore', () => {
  it('brings back both windows with order, titles, pinned tab, group and active tab', async () => {
    const { driver } = env.b;
    const a = ['a1', 'a2', 'a3', 'a4'].map((n) => env.server.url(`/page/${n}`));
    const w2 = ['b1', 'b2'].map((n) => env.server.url(`/page/${n}`));
    const winA = await openWindow(driver, a);
    const winB = await openWindow(driver, w2);
    // a1 pinned; a3+a4 in a blue group "Research"; a3 active in window A, b2 active in window B.
    await driver.evaluate(
      async ({ winA, winB }) => {
        const ta = await chrome.tabs.query({ windowId: winA });
        await chrome.tabs.update(ta[0]!.id!, { pinned: true });
        const g = await chrome.tabs.group({ tabIds: [ta[2]!.id!, ta[3]!.id!], createProperties: { windowId: winA } });
        await chrome.tabGroups.update(g, { title: 'Research', color: 'blue' });
        await chrome.tabs.update(ta[2]!.id!, { active: true });
        const tb = await chrome.tabs.query({ windowId: winB });
        await chrome.tabs.update(tb[1]!.id!, { active: true });
      },
      { winA, winB },
    );

    const popup = await openPopup(env.b);
    await popup.getByRole('button', { name: 'Save all windows' }).click();
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(1);
    const item = popup.getByRole('listitem').first();
    await expect.poll(() => item.textContent()).toContain('2 windows · 6 tabs');

    await driver.evaluate(
      async (ids) => {
        for (const id of ids) await chrome.windows.remove(id);
      },
      [winA, winB],
    );
    const before = new Set((await allWindows(driver)).map((w) => w.id));

    await item.getByRole('button', { name: /^Restore/ }).click();
    await waitFor(
      async () => (await allWindows(driver)).filter((w) => !before.has(w.id)).length === 2,
      'two restored windows',
    );
    await waitFor(
      async () =>
        (await allWindows(driver))
          .filter((w) => !before.has(w.id))
          .every((w) => w.tabs.every((t) => t.title.startsWith('Page '))),
      'saved titles on every tab',
    );

    const restored = (await allWindows(driver)).filter((w) => !before.has(w.id));
    const byFirstUrl = (u: string) => restored.find((w) => realUrl(env.b.extId, w.tabs[0]!.url) === u)!;
    const ra = byFirstUrl(a[0]!);
    const rb = byFirstUrl(w2[0]!);
    expect(ra.tabs.map((t) => realUrl(env.b.extId, t.url))).toEqual(a);
    expect(rb.tabs.map((t) => realUrl(env.b.extId, t.url))).toEqual(w2);
    expect(ra.tabs.map((t) => t.title)).toEqual(['Page a1', 'Page a2', 'Page a3', 'Page a4']);
    expect(rb.tabs.map((t) => t.title)).toEqual(['Page b1', 'Page b2']);
    expect(ra.tabs.map((t) => t.pinned)).toEqual([true, false, false, false]);
    expect(ra.tabs.find((t) => t.active)?.title).toBe('Page a3');
    expect(rb.tabs.find((t) => t.active)?.title).toBe('Page b2');
    // The active tabs are the real pages, loaded at once.
    expect(ra.tabs.find((t) => t.active)?.url).toBe(a[2]);

    const groups = (await allGroups(driver)).filter((g) => g.windowId === ra.id);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ title: 'Research', color: 'blue' });
    expect(ra.tabs.filter((t) => t.groupId === groups[0]!.id).map((t) => t.title)).toEqual(['Page a3', 'Page a4']);
    await popup.close();
  });

  it('keeps the saved list across a closed popup and a service-worker restart', async () => {
    let popup = await openPopup(env.b);
    await popup.getByRole('listitem').first().waitFor();
    const names = await popup.locator('.session .name').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    await popup.close();
    await stopServiceWorkers(env.b.driver);
    await waitFor(() => env.b.ctx.serviceWorkers().length === 0, 'worker stopped', 5000).catch(() => undefined);
    popup = await openPopup(env.b);
    await expect.poll(() => popup.locator('.session .name').allTextContents()).toEqual(names);
    await popup.close();
  });

  it('deletes a session and brings it back with Undo', async () => {
    const popup = await openPopup(env.b);
    // Closing the windows above also left "closed window" snapshots: pick the saved session.
    await popup.getByRole('combobox', { name: 'Show' }).selectOption('manual');
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(1);
    const restoreName = await popup.getByRole('button', { name: /^Restore/ }).getAttribute('aria-label');
    const sessionId = async () =>
      popup.evaluate(async () => {
        const r = (await chrome.runtime.sendMessage({ tabularium: 1, type: 'sessions.list', payload: {} })) as {
          value: { sessions: { id: string; kind: string }[] };
        };
        return r.value.sessions.filter((s) => s.kind === 'manual').map((s) => s.id);
      });
    const before = await sessionId();
    await popup.getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(0);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(1);
    // The same session, not a copy: same id, same name, its tabs restorable as before.
    expect(await sessionId()).toEqual(before);
    expect(await popup.getByRole('button', { name: /^Restore/ }).getAttribute('aria-label')).toBe(restoreName);
    await popup.close();
  });

  it('Replace keeps the windows it closes, and the popup opened afterwards undoes it', async () => {
    const { driver } = env.b;
    const old = ['r1', 'r2'].map((n) => env.server.url(`/page/${n}`));
    const winA = await openWindow(driver, old);
    const winB = await openWindow(driver, [env.server.url('/page/r3')]);
    await seedSession(driver, 'replacement', 'Replacement', [
      { url: env.server.url('/page/new'), title: 'New', active: true },
    ]);
    // The popup replaces every window, its own and the test's driver included: here the two above.
    const report = (await driver.evaluate(
      async (windowIds) =>
        chrome.runtime.sendMessage({
          tabularium: 1,
          type: 'sessions.restore',
          payload: { id: 'replacement', mode: { kind: 'replace', windowIds } },
        }),
      [winA, winB],
    )) as { ok: boolean; value: { tabs: number; replacedSnapshotId?: string } };
    expect(report.ok).toBe(true);
    expect(report.value.tabs).toBe(1);
    expect(report.value.replacedSnapshotId).toEqual(expect.any(String));
    await waitFor(async () => !(await allWindows(driver)).some((w) => w.id === winA || w.id === winB), 'closed');

    const popup = await openPopup(env.b);
    await expect
      .poll(() => popup.getByRole('status').first().innerText())
      .toMatch(/The open windows were replaced; the 3 tabs in 2 windows that were closed are kept/);
    const before = new Set((await allWindows(driver)).map((w) => w.id));
    await popup.getByRole('button', { name: 'Undo' }).click();
    await waitFor(
      async () => (await allWindows(driver)).filter((w) => !before.has(w.id)).length === 2,
      'the two replaced windows back',
    );
    const back = (await allWindows(driver)).filter((w) => !before.has(w.id));
    expect(back.map((w) => w.tabs.map((t) => realUrl(env.b.extId, t.url))).sort()).toEqual(
      [old, [env.server.url('/page/r3')]].sort(),
    );
    // Undone once: a popup opened now offers nothing.
    await popup.close();
    const again = await openPopup(env.b);
    await again.getByRole('listitem').first().waitFor();
    expect(await again.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    await again.close();
  });

  it('restores the rest of a session whose private window the browser refuses, and says why', async () => {
    // The e2e browser does not allow the extension in incognito: Chromium answers windows.create
    // with undefined.
    const { driver } = env.b;
    const normal = env.server.url('/page/open-me');
    await driver.evaluate(
      async ({ normal }) => {
        const send = async (type: string, payload: unknown) =>
          (await chrome.runtime.sendMessage({ tabularium: 1, type, payload })) as { value: { importId: string } };
        const win = (incognito: boolean, url: string) => ({
          type: 'normal',
          state: 'normal',
          incognito,
          focused: !incognito,
          groups: [],
          tabs: [{ url, title: incognito ? 'Secret' : 'Open me', active: true }],
        });
        const session = {
          id: 'with-private',
          name: 'With a private window',
          kind: 'manual',
          createdAt: Date.now(),
          updatedAt: Date.now(),
          tags: [],
          counts: { windows: 2, tabs: 2 },
        };
        const { importId } = (await send('import.begin', { format: 'tabularium' })).value;
        const windows = [win(true, 'https://private.test/'), win(false, normal)];
        await send('import.chunk', { importId, parts: [{ session, windows }] });
        await send('import.commit', { importId });
      },
      { normal },
    );
    const before = new Set((await allWindows(driver)).map((w) => w.id));
    const popup = await openPopup(env.b);
    await popup
      .getByRole('listitem')
      .filter({ hasText: 'With a private window' })
      .getByRole('button', { name: /^Restore/ })
      .click();
    await expect
      .poll(() => popup.getByRole('alert').first().innerText())
      .toBe(
        'Restored 1 tab in 1 window. Not restored (1): A private window could not be opened: Tabularium is ' +
          "not allowed in private windows (allow it on the extension's details page). Its tabs were not restored.",
      );
    const restored = (await allWindows(driver)).filter((w) => !before.has(w.id));
    expect(restored.map((w) => w.tabs.map((t) => realUrl(env.b.extId, t.url)))).toEqual([[normal]]);
    await popup.close();
  });

  it('brings back an address it must not open as a page that says why and copies the address', async () => {
    const script = 'javascript:document.title="ran"';
    const privileged = 'chrome://settings/';
    await seedSession(env.b.driver, 'blocked', 'Unopenable', [
      { url: env.server.url('/page/ok'), title: 'Fine', active: true },
      { url: script, title: 'A bookmarklet' },
      { url: privileged, title: 'Settings' },
    ]);
    const popup = await openPopup(env.b);
    await popup
      .getByRole('listitem')
      .filter({ hasText: 'Unopenable' })
      .getByRole('button', { name: /^Restore/ })
      .click();
    const placeholderOf = (url: string) => env.b.ctx.pages().find((p) => p.url().includes(encodeURIComponent(url)));
    await waitFor(() => !!placeholderOf(script) && !!placeholderOf(privileged), 'the two placeholders');
    const bookmarklet = placeholderOf(script)!;
    await bookmarklet.waitForLoadState();
    await expect
      .poll(() => bookmarklet.locator('#why').textContent())
      .toMatch(/cannot be opened from here: it is a script \(javascript:\)/);
    expect(await bookmarklet.locator('#url').textContent()).toBe(script);
    expect(await bookmarklet.title()).toBe('A bookmarklet');
    await expect
      .poll(() => placeholderOf(privileged)!.locator('#why').textContent())
      .toMatch(/one of the browser's own pages/);
    // Copy puts the address on the clipboard.
    await bookmarklet.bringToFront();
    await bookmarklet.getByRole('button', { name: 'Copy the address' }).click();
    await expect.poll(() => bookmarklet.locator('#why').textContent()).toBe('Copied.');
    // Pasted into the popup's search box, it is the address.
    await popup.bringToFront();
    await popup.getByRole('searchbox', { name: 'Search sessions' }).focus();
    await popup.keyboard.press('Control+V');
    expect(await popup.getByRole('searchbox', { name: 'Search sessions' }).inputValue()).toBe(script);
    // The script never ran, and the tab stays on the placeholder.
    expect(await bookmarklet.title()).toBe('A bookmarklet');
    expect(bookmarklet.url()).toContain(`chrome-extension://${env.b.extId}/src/ui/placeholder/`);
    await popup.close();
  });
});
