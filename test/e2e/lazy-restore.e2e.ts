// Lazy restore: 60 tabs come back at once with their titles; only the active ones load, and a
// tab loads its real page when it is first shown.
import { describe, expect, it } from 'vitest';
import { allWindows, openPopup, openWindow, realUrl, waitFor } from './support/browser.ts';
import { seedSession } from './support/seed-session.ts';
import { useBrowser } from './support/use-browser.ts';

const env = useBrowser();

describe('lazy restore of a 60-tab session', () => {
  it('creates every tab with its title, loads only the active one, and loads a tab when shown', async () => {
    const urls = Array.from({ length: 60 }, (_, i) => env.server.url(`/page/lazy-${i}`));
    const win = await openWindow(env.b.driver, urls);
    const popup = await openPopup(env.b);
    await popup.getByRole('button', { name: 'Save all windows' }).click();
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(1);
    await env.b.driver.evaluate((id) => chrome.windows.remove(id), win);

    const hitsBefore = env.server.hits.length;
    const before = new Set((await allWindows(env.b.driver)).map((w) => w.id));
    await popup.getByRole('button', { name: /^Restore/ }).click();
    await waitFor(
      async () => {
        const w = (await allWindows(env.b.driver)).find((x) => !before.has(x.id));
        return !!w && w.tabs.length === 60 && w.tabs.every((t) => t.title.startsWith('Page lazy-'));
      },
      '60 restored tabs with their titles',
      30_000,
    );
    const restored = (await allWindows(env.b.driver)).find((x) => !before.has(x.id))!;
    expect(restored.tabs.map((t) => realUrl(env.b.extId, t.url))).toEqual(urls);
    expect(restored.tabs.map((t) => t.title)).toEqual(urls.map((_, i) => `Page lazy-${i}`));
    // Only the active tab asked the server for its page (once it did, a second more for any other).
    await waitFor(() => env.server.hits.slice(hitsBefore).includes('/page/lazy-0'), 'the active tab’s page');
    await new Promise((r) => setTimeout(r, 1000));
    const loaded = env.server.hits.slice(hitsBefore).filter((h) => h.startsWith('/page/lazy-'));
    expect(loaded).toEqual(['/page/lazy-0']);

    // Showing a tab loads the real page.
    const target = restored.tabs[30]!;
    await env.b.driver.evaluate(async (id) => {
      const tabs = await chrome.tabs.query({});
      const t = tabs.find((x) => x.id === id) ?? tabs.find((x) => x.title === 'Page lazy-30');
      await chrome.tabs.update(t!.id!, { active: true });
    }, target.id);
    await waitFor(
      async () =>
        (await allWindows(env.b.driver)).some((w) =>
          w.tabs.some((t) => t.url === urls[30] && t.title === 'Page lazy-30'),
        ),
      'the real page of tab 30',
    );
    expect(env.server.hits.slice(hitsBefore)).toContain('/page/lazy-30');

    // A save right after records the real URLs and titles, never the placeholder's.
    // (Closing the first window left a "closed window" snapshot in the list too.)
    await popup.reload();
    await popup.getByRole('listitem').first().waitFor();
    const count = await popup.getByRole('listitem').count();
    await popup.getByRole('button', { name: 'Save all windows' }).click();
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(count + 1);
    const saved = await popup.evaluate(async () => {
      const list = (await chrome.runtime.sendMessage({ tabularium: 1, type: 'sessions.list', payload: {} })) as {
        value: { sessions: { id: string; kind: string }[] };
      };
      const newest = list.value.sessions.find((s) => s.kind === 'manual')!;
      const got = (await chrome.runtime.sendMessage({
        tabularium: 1,
        type: 'sessions.get',
        payload: { id: newest.id },
      })) as { value: { body: { windows: { tabs: { url: string; title: string }[] }[] } } };
      return got.value.body.windows.flatMap((w) => w.tabs);
    });
    expect(saved.map((t) => t.url)).toEqual(urls);
    expect(saved.map((t) => t.title)).toEqual(urls.map((_, i) => `Page lazy-${i}`));
  });

  it('a popup opened again during a long restore shows its progress, and Cancel stops it', async () => {
    // 300 tabs: more than the placeholders allowed to load at once, so the restore takes a while.
    const urls = Array.from({ length: 300 }, (_, i) => env.server.url(`/page/long-${i}`));
    await seedSession(
      env.b.driver,
      'long',
      'Long one',
      urls.map((url, i) => ({ url, title: `Long ${i}`, ...(i === 0 ? { active: true } : {}) })),
    );
    const before = new Set((await allWindows(env.b.driver)).map((w) => w.id));
    const first = await openPopup(env.b);
    const item = first.getByRole('listitem').filter({ hasText: 'Long one' });
    await item.getByRole('button', { name: /^Restore/ }).click();
    // The person closes the popup (or, in Firefox, the new window's focus closes it).
    await first.close();

    const again = await openPopup(env.b);
    await again.getByRole('progressbar').waitFor({ timeout: 15_000 });
    await again.getByRole('button', { name: 'Cancel' }).click();
    await again.getByRole('progressbar').waitFor({ state: 'detached', timeout: 15_000 });
    const count = async () => (await allWindows(env.b.driver)).find((x) => !before.has(x.id))?.tabs.length ?? 0;
    // Tabs asked for before the cancel may still arrive: wait until the count holds still for 1 s.
    let stopped = -1;
    let since = Date.now();
    await waitFor(
      async () => {
        const now = await count();
        if (now !== stopped) [stopped, since] = [now, Date.now()];
        return Date.now() - since >= 1000;
      },
      'the restore to stop',
      30_000,
    );
    expect(stopped).toBeGreaterThan(0);
    expect(stopped).toBeLessThan(300);
    // Nothing more is opened after the cancel.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await count()).toBe(stopped);
    await again.close();
  });
});
