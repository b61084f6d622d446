// Lazy restore: 60 tabs come back at once with their titles; only the active ones load, and a
// tab loads its real page when it is first shown. In a 200-tab restore no tab shows the
// extension's address (or nothing) as its title for more than a second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEBUG_PORT_ARG, watchTitles } from '../../bench/title-watch.ts';
import {
  allWindows,
  launch,
  openPopup,
  openWindow,
  realUrl,
  removeProfileDir,
  waitFor,
  type Launched,
} from './support/browser.ts';
import { seedSession } from './support/seed-session.ts';
import { startServer, type TestServer } from './support/server.ts';
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

describe('lazy restore of a 200-tab session', () => {
  // A browser of its own, with the DevTools port the title watch reads the tab strip's titles from.
  let b: Launched;
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    b = await launch(undefined, [DEBUG_PORT_ARG]);
  });
  afterAll(async () => {
    await b?.ctx.close();
    if (b) removeProfileDir(b.profileDir);
    await server?.close();
  });

  it('leaves almost no tab untitled (its address or nothing as its title) for more than 1 s', async () => {
    const urls = Array.from({ length: 200 }, (_, i) => server.url(`/page/titled-${i}`));
    await seedSession(
      b.driver,
      'two-hundred',
      'Two hundred',
      urls.map((url, i) => ({ url, title: `Kept title ${i}`, ...(i === 0 ? { active: true } : {}) })),
    );
    const before = new Set((await allWindows(b.driver)).map((w) => w.id));
    // Each tab's life is timed in the browser process: from the tab's creation to the first answer
    // that shows its saved title (or, for the shown tab, its real page's). Answers come every
    // ~50 ms plus however long the browser takes to give one.
    const watch = await watchTitles(
      b.profileDir,
      (url) => url.includes('/src/ui/placeholder/index.html?') || url.includes('/page/titled-'),
      (title) => /^(Kept title \d+|Page titled-\d+)$/.test(title),
    );
    try {
      const popup = await openPopup(b);
      const item = popup.getByRole('listitem').filter({ hasText: 'Two hundred' });
      await item.getByRole('button', { name: /^Restore/ }).click();
      await popup.close();
      await watch.allTitled(200, 240_000);
      const f = watch.figures();
      // Timed to when the answer showing each title was asked for: with other processes on both
      // cores one answer can take ~1 s, the watcher's wait, not the tab's (bench/title-watch.ts).
      // The strict figure (0 tabs over 1 s) is the bench's, printed there. Here both cores may be
      // busy with other work, and one stall then holds a tab or two past 1 s (seen: 2.5 s with two
      // busy loops); a restore that asks for placeholders faster than they load (as one that asks
      // for all at once) leaves most tabs untitled for seconds, and fails both checks.
      const why =
        `longest untitled ${f.longestUntitledAtAsk} ms (${f.longestUntitled} ms to the answer, ` +
        `${f.untitledOver} over 1 s so); median ${f.medianUntitled} ms; slowest title answer ${f.slowestPoll} ms`;
      expect(f.tabs, why).toBe(200);
      expect(f.untitledOverAtAsk, why).toBeLessThanOrEqual(5);
      expect(f.medianUntitled, why).toBeLessThan(500);
    } finally {
      await watch.close();
    }
    // Every tab is there, in order, with its saved title (the shown one with its real page's).
    const restored = (await allWindows(b.driver)).find((x) => !before.has(x.id))!;
    expect(restored.tabs.map((t) => realUrl(b.extId, t.url))).toEqual(urls);
    expect(restored.tabs.slice(1).map((t) => t.title)).toEqual(urls.slice(1).map((_, i) => `Kept title ${i + 1}`));
  });
});
