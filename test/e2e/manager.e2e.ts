// The full-page manager as a person uses it: tabs checked in two sessions open together, and
// nothing else; the keyboard alone checks, ranges, checks all and opens; a delete is undone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allWindows, realUrl, waitFor, workerCall } from './support/browser.ts';
import { seedSession } from './support/seed-session.ts';
import { useBrowser } from './support/use-browser.ts';

const env = useBrowser();

interface Detail {
  body: { windows: { tabs: { url: string }[] }[] };
}

const page = (name: string) => ({ url: env.server.url(`/page/${name}`), title: `Page ${name}` });

async function openManager(): Promise<Page> {
  const p = await env.b.ctx.newPage();
  await p.setViewportSize({ width: 1280, height: 800 });
  await p.goto(env.b.extUrl('src/ui/manager/index.html'));
  return p;
}

async function tabIds(): Promise<Set<number>> {
  return new Set((await allWindows(env.b.driver)).flatMap((w) => w.tabs.map((t) => t.id)));
}

/** The tabs opened since `before`, seen through lazy placeholders, once there are `n` of them. */
async function openedSince(before: Set<number>, n: number): Promise<string[]> {
  let urls: string[] = [];
  await waitFor(async () => {
    const tabs = (await allWindows(env.b.driver)).flatMap((w) => w.tabs).filter((t) => !before.has(t.id));
    urls = tabs.map((t) => realUrl(env.b.extId, t.url));
    return tabs.length >= n && urls.every((u) => u !== '');
  }, `${n} new tabs`);
  return urls;
}

async function urlsOf(id: string): Promise<string[]> {
  const d = await workerCall<Detail>(env.b, 'sessions.get', { id });
  return d.body.windows.flatMap((w) => w.tabs.map((t) => t.url));
}

describe('the manager', () => {
  it('opens exactly the tabs checked in two sessions, and nothing else', async () => {
    await seedSession(env.b.driver, 'm-alpha', 'Alpha', [page('a1'), page('a2'), page('a3')]);
    await seedSession(env.b.driver, 'm-beta', 'Beta', [page('b1'), page('b2'), page('b3')]);
    const m = await openManager();
    await expect.poll(() => m.getByRole('searchbox', { name: 'Search sessions' }).isVisible()).toBe(true);

    await m.getByRole('button', { name: /^Alpha/ }).click();
    await m.getByRole('checkbox', { name: 'Page a2' }).click();
    await m.getByRole('button', { name: /^Beta/ }).click();
    await m.getByRole('checkbox', { name: 'Page b1' }).click();
    await m.getByRole('checkbox', { name: 'Page b3' }).click();
    await expect.poll(() => m.getByText('3 selected').count()).toBe(1);
    // The check made in Alpha survived looking at Beta.
    await m.getByRole('button', { name: /^Alpha/ }).click();
    expect(await m.getByRole('checkbox', { name: 'Page a2' }).getAttribute('aria-checked')).toBe('true');
    expect(await m.getByRole('checkbox', { name: 'Page a1' }).getAttribute('aria-checked')).toBe('false');

    const before = await tabIds();
    await m.getByRole('button', { name: 'Open selected' }).click();
    const urls = await openedSince(before, 3);
    expect(urls.sort()).toEqual([page('a2').url, page('b1').url, page('b3').url].sort());
    await expect.poll(() => m.getByText('Opened 3 tabs.').count()).toBe(1);
    // Nothing else opened meanwhile.
    expect((await tabIds()).size).toBe(before.size + 3);
    await m.close();
  });

  it('checks, checks a range, checks all and opens with the keyboard alone', async () => {
    await seedSession(env.b.driver, 'm-keys', 'Keys', [page('k1'), page('k2'), page('k3'), page('k4')]);
    const m = await openManager();
    const search = m.getByRole('searchbox', { name: 'Search sessions' });
    await search.fill('Keys');
    await expect.poll(() => m.getByRole('button', { name: /^Keys/ }).count()).toBe(1);
    await search.focus();
    await m.keyboard.press('ArrowDown');
    const focused = () => m.evaluate(() => document.activeElement?.textContent ?? '');
    await expect.poll(focused).toMatch(/^Keys/);
    await m.keyboard.press('ArrowRight');
    await expect.poll(() => m.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Page k1');
    await m.keyboard.press('Space');
    await m.keyboard.press('ArrowDown');
    await m.keyboard.press('ArrowDown');
    await m.keyboard.press('Shift+Space');
    await expect.poll(() => m.getByText('3 selected').count()).toBe(1);
    const checked = async () =>
      m.getByRole('checkbox', { checked: true }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(await checked()).toEqual(['Page k1', 'Page k2', 'Page k3']);
    await m.keyboard.press('Control+a');
    await expect.poll(() => m.getByText('4 selected').count()).toBe(1);
    await m.keyboard.press('Control+a');
    await expect.poll(() => m.getByText('0 selected').count()).toBe(1);
    await m.keyboard.press('ArrowDown');
    await m.keyboard.press('Space');
    await expect.poll(checked).toEqual(['Page k4']);

    const before = await tabIds();
    await m.keyboard.press('Enter');
    expect(await openedSince(before, 1)).toEqual([page('k4').url]);
    await m.close();
  });

  it('deletes checked tabs from two sessions, and Undo brings them back where they were', async () => {
    await seedSession(env.b.driver, 'm-del1', 'Delete one', [page('d1'), page('d2'), page('d3')]);
    await seedSession(env.b.driver, 'm-del2', 'Delete two', [page('e1'), page('e2')]);
    const one = await urlsOf('m-del1');
    const two = await urlsOf('m-del2');
    const m = await openManager();
    await m.getByRole('button', { name: /^Delete one/ }).click();
    await m.getByRole('checkbox', { name: 'Page d1' }).click();
    await m.getByRole('checkbox', { name: 'Page d3' }).click({ modifiers: ['Shift'] });
    await m.getByRole('button', { name: /^Delete two/ }).click();
    await m.getByRole('checkbox', { name: 'Page e2' }).click();
    await expect.poll(() => m.getByText('4 selected').count()).toBe(1);
    await m.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => m.getByText('Deleted 4 tabs.').count()).toBe(1);
    expect(await urlsOf('m-del1')).toEqual([]);
    expect(await urlsOf('m-del2')).toEqual([page('e1').url]);
    await expect.poll(() => m.getByRole('checkbox', { name: 'Page e2' }).count()).toBe(0);
    expect(await m.getByText('0 selected').count()).toBe(1);

    await m.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => m.getByText('The deleted tabs are back.').count()).toBe(1);
    expect(await urlsOf('m-del1')).toEqual(one);
    expect(await urlsOf('m-del2')).toEqual(two);
    await expect.poll(() => m.getByRole('checkbox', { name: 'Page e2' }).count()).toBe(1);
    await m.close();
  });

  it('moves checked tabs from two sessions into a new session', async () => {
    await seedSession(env.b.driver, 'm-mv1', 'Move one', [page('m1'), page('m2')]);
    await seedSession(env.b.driver, 'm-mv2', 'Move two', [page('n1'), page('n2')]);
    const m = await openManager();
    await m.getByRole('button', { name: /^Move one/ }).click();
    await m.getByRole('checkbox', { name: 'Page m2' }).click();
    await m.getByRole('button', { name: /^Move two/ }).click();
    await m.getByRole('checkbox', { name: 'Page n1' }).click();
    await m.getByRole('button', { name: 'Move to…' }).click();
    await m.getByRole('textbox', { name: 'Name of the new session' }).fill('Gathered');
    await m.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(() => m.getByText('Moved 2 tabs to “Gathered”.').count()).toBe(1);
    await expect.poll(() => m.getByRole('button', { name: /^Gathered/ }).count()).toBe(1);
    expect(await urlsOf('m-mv1')).toEqual([page('m1').url]);
    expect(await urlsOf('m-mv2')).toEqual([page('n2').url]);
    await m.getByRole('button', { name: /^Gathered/ }).click();
    await expect
      .poll(() => m.getByRole('checkbox').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))))
      .toEqual(['Page m2', 'Page n1']);
    await m.close();
  });

  it('keeps a session of 2,000 tabs to a screenful of rows, and reaches its last tab by keyboard', async () => {
    const tabs = Array.from({ length: 2000 }, (_, i) => ({ url: env.server.url(`/page/big-${i}`), title: `Big ${i}` }));
    await seedSession(env.b.driver, 'm-big', 'Very big', tabs);
    const m = await openManager();
    await m.getByRole('button', { name: /^Very big/ }).click();
    await m.getByRole('checkbox', { name: 'Big 0', exact: true }).focus();
    expect(await m.getByRole('checkbox').count()).toBeLessThan(80);
    await m.keyboard.press('End');
    await expect.poll(() => m.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Big 1999');
    await m.keyboard.press('Space');
    await m.keyboard.press('Control+a');
    await expect.poll(() => m.getByText('2,000 selected').count()).toBe(1);
    expect(await m.getByRole('checkbox').count()).toBeLessThan(80);
    await m.close();
  });
});
