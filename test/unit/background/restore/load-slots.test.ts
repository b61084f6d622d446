// A big lazy restore must not load hundreds of placeholder pages at once (that froze Chrome's
// extension process): tabs are asked for only while fewer than N placeholders are loading.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoadSlots } from '../../../../src/background/restore/load-slots.ts';
import { executeRestore } from '../../../../src/background/restore/restore-executor.ts';
import { planRestore } from '../../../../src/core/restore-plan.ts';
import type { WindowRecord } from '../../../../src/core/model.ts';
import { FakeBrowser } from '../../fakes/fake-platform.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));

/** One window of `n` tabs, tab `active` the shown one. */
function windowOf(n: number, active: number): WindowRecord {
  return {
    type: 'normal',
    state: 'normal',
    incognito: false,
    focused: true,
    groups: [],
    tabs: Array.from({ length: n }, (_, i) => ({
      url: `https://site.test/${i}`,
      title: `Tab ${i}`,
      ...(i === active ? { active: true } : {}),
    })),
  } as WindowRecord;
}

describe('placeholder load slots', () => {
  afterEach(() => vi.useRealTimers());

  it('lets N loads run, then one more for each page that finished (or whose creation failed)', async () => {
    const slots = new LoadSlots(2);
    let granted = 0;
    const take = () => void slots.acquire().then(() => granted++);
    take();
    take();
    take();
    take();
    await settle();
    expect(granted).toBe(2);
    slots.assign(11);
    slots.assign(12);
    slots.loaded(11);
    await settle();
    expect(granted).toBe(3);
    slots.cancel();
    await settle();
    expect(granted).toBe(4);
  });

  it('asks for no new placeholder while a page opens, then goes on where it was', async () => {
    vi.useFakeTimers();
    const slots = new LoadSlots(2);
    let granted = 0;
    const take = () => void slots.acquire().then(() => granted++);
    take();
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toBe(1);
    slots.pauseFor(500);
    take();
    take();
    slots.assign(1);
    slots.loaded(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(granted).toBe(1);
    // A second page opening meanwhile: the pause runs from it.
    slots.pauseFor(500);
    await vi.advanceTimersByTimeAsync(499);
    expect(granted).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toBe(3);
  });

  it('halves its slots after a slow load and grows by one after as many quick ones as it has slots', () => {
    let now = 0;
    const slots = new LoadSlots(8, 30_000, { now: () => now, targetMs: 500, max: 12 });
    const load = (id: number, took: number) => {
      void slots.acquire();
      slots.assign(id);
      now += took;
      slots.loaded(id);
    };
    load(1, 900);
    expect(slots.slots).toBe(4);
    load(2, 600);
    expect(slots.slots).toBe(2);
    load(3, 100);
    expect(slots.slots).toBe(2);
    load(4, 100);
    expect(slots.slots).toBe(3);
    load(5, 400); // between half the target and the target: as it is
    load(6, 100);
    load(7, 100);
    expect(slots.slots).toBe(3);
    load(8, 100);
    expect(slots.slots).toBe(4);
    // A slow load starts the count again.
    for (let i = 0; i < 3; i++) load(10 + i, 50);
    load(13, 700);
    expect(slots.slots).toBe(2);
    for (let i = 0; i < 200; i++) load(20 + i, 50);
    expect(slots.slots).toBe(12);
  });

  it('counts a load seen before the tab id was known, and frees a slot whose load is never seen', async () => {
    vi.useFakeTimers();
    const slots = new LoadSlots(1, 1000);
    await slots.acquire();
    slots.loaded(7);
    slots.assign(7);
    let next = false;
    void slots.acquire().then(() => (next = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(next).toBe(true);
    slots.assign(8);
    let third = false;
    void slots.acquire().then(() => (third = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(third).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(third).toBe(true);
  });

  it('a lazy restore asks for placeholder tabs only as earlier ones finish loading', async () => {
    const fake = new FakeBrowser();
    // The active tab (a real page, no slot) sits between placeholders: order must still hold.
    const plan = planRestore(
      [windowOf(8, 5)],
      { kind: 'new-windows' },
      { lazy: true, allowData: true, allowFile: true },
    );
    const slots = new LoadSlots(3);
    const done = executeRestore(fake.platform(), plan, { slots });
    await settle();
    const tabs = () => fake.windows[0]?.tabs ?? [];
    // The first tab comes with the window; then three placeholders hold the three slots.
    expect(tabs()).toHaveLength(4);
    for (const t of tabs().slice(1)) slots.loaded(t.id);
    await settle();
    // Three more placeholders (4, 6, 7) and the active tab 5, which needs no slot.
    expect(tabs()).toHaveLength(8);
    const report = await done;
    expect(report).toMatchObject({ tabs: 8, cancelled: false });
    const urls = tabs().map((t) => t.url ?? '');
    expect(urls[5]).toBe('https://site.test/5');
    urls.forEach((u, i) =>
      expect(u.includes(i === 5 ? 'https://site.test/5' : encodeURIComponent(`https://site.test/${i}`)), u).toBe(true),
    );
  });

  it("a cancelled lazy restore stops at once, without waiting for other tabs' pages to load", async () => {
    const fake = new FakeBrowser();
    const plan = planRestore(
      [windowOf(10, 0)],
      { kind: 'new-windows' },
      { lazy: true, allowData: true, allowFile: true },
    );
    const slots = new LoadSlots(2);
    const controller = new AbortController();
    const done = executeRestore(fake.platform(), plan, { slots, signal: controller.signal });
    await settle();
    // The window's tab and two placeholders; the rest wait for a slot that no load frees.
    expect(fake.windows[0]!.tabs).toHaveLength(3);
    controller.abort();
    const report = await done;
    expect(report).toMatchObject({ cancelled: true, tabs: 3 });
    // The slots the cancelled waits never got are not handed out: still two, held by the two tabs.
    let granted = false;
    void slots.acquire().then(() => (granted = true));
    await settle();
    expect(granted).toBe(false);
  });
});
