// A restore of hundreds of tabs can be cancelled: what was not asked for yet is not opened, the
// tabs already open stay in their saved order, and the report says it was cancelled. Its progress
// and Cancel stay within reach: no window takes the focus (closing the popup) before the end, and
// a popup opened again meanwhile learns of the restore from the worker.
import { describe, expect, it, vi } from 'vitest';
import { LoadSlots } from '../../../../src/background/restore/load-slots.ts';
import { executeRestore } from '../../../../src/background/restore/restore-executor.ts';
import { planRestore, type RestoreMode } from '../../../../src/core/restore-plan.ts';
import type { WindowRecord } from '../../../../src/core/model.ts';
import { UserError } from '../../../../src/core/user-error.ts';
import { FakeBrowser } from '../../fakes/fake-platform.ts';
import { fakeWorker } from '../../fakes/fake-worker.ts';
import { english, englishText } from '../../support/english.ts';

function bigWindow(n: number): WindowRecord {
  return {
    type: 'normal',
    state: 'normal',
    incognito: false,
    focused: true,
    groups: [],
    tabs: Array.from({ length: n }, (_, i) => ({
      url: `https://site.test/${i}`,
      title: `Tab ${i}`,
      ...(i === 0 ? { active: true } : {}),
    })),
  } as WindowRecord;
}

describe('cancelling a restore', () => {
  it('stops opening tabs once cancelled and keeps the opened ones in order', async () => {
    const fake = new FakeBrowser();
    const plan = planRestore(
      [bigWindow(600)],
      { kind: 'new-windows' },
      { lazy: false, allowData: true, allowFile: true },
    );
    const controller = new AbortController();
    const seen: number[] = [];
    const report = await executeRestore(fake.platform(), plan, {
      slots: new LoadSlots(40),
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.done);
        if (p.done >= 150) controller.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    const urls = fake.windows[0]!.tabs.map((t) => t.url);
    // At most one window of in-flight creations after the cancel.
    expect(urls.length).toBeGreaterThanOrEqual(150);
    expect(urls.length).toBeLessThan(600);
    expect(urls).toEqual(urls.map((_, i) => `https://site.test/${i}`));
    expect(report.tabs).toBe(urls.length);
    expect(seen.at(-1)).toBeLessThan(600);
    // The focus stays on the page that cancelled (the popup), which says what was kept.
    expect(fake.windows[0]!.focused).toBe(false);
  });

  it('without a cancel opens every tab and reports progress up to the total', async () => {
    const fake = new FakeBrowser();
    const plan = planRestore(
      [bigWindow(250)],
      { kind: 'new-windows' },
      { lazy: false, allowData: true, allowFile: true },
    );
    const seen: number[] = [];
    const report = await executeRestore(fake.platform(), plan, {
      slots: new LoadSlots(40),
      onProgress: (p) => seen.push(p.done),
    });
    expect(report).toMatchObject({ cancelled: false, tabs: 250, failed: [] });
    expect(fake.windows[0]!.tabs.map((t) => t.url)).toEqual(
      Array.from({ length: 250 }, (_, i) => `https://site.test/${i}`),
    );
    expect(seen.at(-1)).toBe(250);
  });

  it('creates every window unfocused and focuses the saved focused one only once all are restored', async () => {
    const fake = new FakeBrowser();
    const other = { ...bigWindow(3), focused: false };
    const plan = planRestore(
      [bigWindow(5), other],
      { kind: 'new-windows' },
      { lazy: false, allowData: true, allowFile: true },
    );
    const focusedAtCreation: boolean[] = [];
    const platform = fake.platform();
    const create = platform.windows.create;
    platform.windows.create = async (p) => {
      focusedAtCreation.push(p.focused);
      return create(p);
    };
    await executeRestore(platform, plan, { slots: new LoadSlots(40) });
    expect(focusedAtCreation).toEqual([false, false]);
    expect(fake.windows.map((w) => w.focused)).toEqual([true, false]);
  });

  it('tells a page opened mid-restore how far it is, and forgets it once it ended', async () => {
    const { fake, ctx, handlers } = fakeWorker({ name: 'cancel' });
    // Tabs opened as they are (the worker's placeholder slots, shared by all restores, stay free).
    await handlers['settings.set']({ lazyRestore: false });
    const session = await ctx.sessions.store([bigWindow(300)], 'manual', 'Big');
    // Tab creations past the 50th wait until the page has looked, so the restore is mid-way.
    const platform = ctx.platform;
    const createTab = platform.tabs.create;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let asked = 0;
    platform.tabs.create = async (p) => {
      if (++asked > 50) await gate;
      return createTab(p);
    };
    const running = handlers['sessions.restore']({ id: session.id, restoreId: 'r1' });
    await vi.waitFor(() => expect(asked).toBeGreaterThan(50));
    const mid = (await handlers['sessions.restoresUnderway']({})).restores;
    expect(mid).toHaveLength(1);
    expect(mid[0]!.restoreId).toBe('r1');
    expect(mid[0]!.total).toBe(300);
    expect(mid[0]!.done).toBeGreaterThan(0);
    expect(mid[0]!.done).toBeLessThan(300);
    // The page that learnt of it cancels it.
    await handlers['sessions.cancelRestore']({ restoreId: 'r1' });
    release();
    expect((await running).cancelled).toBe(true);
    expect((await handlers['sessions.restoresUnderway']({})).restores).toEqual([]);
    expect(fake.events).toContainEqual({ tabulariumEvent: 'restore.ended', restoreId: 'r1' });
  });
});

describe('a private window the browser refuses', () => {
  it('restores the other windows and says why the private one did not come back, in words', async () => {
    const { fake, ctx, handlers } = fakeWorker({ name: 'incognito' });
    fake.incognitoAllowed = false;
    await handlers['settings.set']({ lazyRestore: false });
    const session = await ctx.sessions.store(
      [bigWindow(2), { ...bigWindow(3), incognito: true, focused: false }, { ...bigWindow(4), focused: false }],
      'manual',
      'Mixed',
    );
    const report = await handlers['sessions.restore']({ id: session.id });
    expect(report).toMatchObject({ windows: 2, tabs: 6, cancelled: false });
    expect(fake.windows.map((w) => w.tabs.length)).toEqual([2, 4]);
    expect(report.failed.map((f) => english(f.reason))).toEqual([englishText('errIncognitoNotAllowed')]);
  });
});

describe('Replace the open windows', () => {
  const replace: RestoreMode = { kind: 'replace', windowIds: [] };

  /** Three windows open, and a saved session of `windows` to replace them with. */
  async function threeOpen(windows: WindowRecord[]) {
    const w = fakeWorker({ name: 'replace' });
    await w.handlers['settings.set']({ lazyRestore: false });
    w.fake.addWindow(['https://one.test/', 'https://one.test/b']);
    w.fake.addWindow(['https://two.test/']);
    w.fake.addWindow(['https://three.test/']);
    const saved = await w.ctx.sessions.store(windows, 'manual', 'Saved');
    return { ...w, saved, before: w.fake.windows.map((x) => x.id) };
  }

  it('closes nothing when nothing came back: 3 windows before, 3 after', async () => {
    // A session whose tabs were all removed with ×: no window left to restore.
    const { fake, handlers, saved, before } = await threeOpen([]);
    const report = await handlers['sessions.restore']({ id: saved.id, mode: replace });
    expect(report.tabs).toBe(0);
    expect(fake.windows.map((w) => w.id)).toEqual(before);
    expect(report.replacedSnapshotId).toBeUndefined();
  });

  it('closes nothing when one window could not be created', async () => {
    const { fake, ctx, handlers, saved, before } = await threeOpen([bigWindow(2), { ...bigWindow(3), focused: false }]);
    const create = ctx.platform.windows.create;
    let n = 0;
    ctx.platform.windows.create = async (p) => {
      if (++n === 2) throw new Error('No window for you');
      return create(p);
    };
    const report = await handlers['sessions.restore']({ id: saved.id, mode: replace });
    expect(report).toMatchObject({ windows: 1, tabs: 2 });
    expect(fake.windows.map((w) => w.id).slice(0, 3)).toEqual(before);
    expect(fake.windows).toHaveLength(4);
    expect(report.failed.map((f) => english(f.reason))).toEqual(['The browser refused: “No window for you”.']);
  });

  it('keeps the windows it closes as a snapshot first, and Undo brings them back', async () => {
    const { fake, ctx, handlers, saved, before } = await threeOpen([bigWindow(2)]);
    const report = await handlers['sessions.restore']({ id: saved.id, mode: replace });
    expect(report.tabs).toBe(2);
    expect(fake.windows.map((w) => w.id).some((id) => before.includes(id))).toBe(false);
    const snapshotId = report.replacedSnapshotId!;
    expect(snapshotId).toBeDefined();
    const snapshot = await ctx.sessions.get(snapshotId);
    expect(snapshot.session.kind).toBe('window-closed');
    expect(snapshot.body.windows.map((w) => w.tabs.map((t) => t.url))).toEqual([
      ['https://one.test/', 'https://one.test/b'],
      ['https://two.test/'],
      ['https://three.test/'],
    ]);
    // A popup opened after the Replace (its own window was closed with the others) offers Undo.
    const { replaced } = await handlers['sessions.lastReplace']({});
    expect(replaced).toMatchObject({ snapshotId, windows: 3, tabs: 4 });
    // Undo: the closed windows come back; the restored ones may stay.
    await handlers['sessions.restore']({ id: snapshotId });
    expect(fake.windows.map((w) => w.tabs.map((t) => t.url))).toEqual([
      ['https://site.test/0', 'https://site.test/1'],
      ['https://one.test/', 'https://one.test/b'],
      ['https://two.test/'],
      ['https://three.test/'],
    ]);
    expect((await handlers['sessions.lastReplace']({})).replaced).toBeUndefined();
  });

  it('closes nothing when the snapshot cannot be saved, and says why', async () => {
    const { fake, ctx, handlers, saved, before } = await threeOpen([bigWindow(2)]);
    ctx.store.sessions.save = () => Promise.reject(new UserError('quota', { key: 'errQuota' }));
    const report = await handlers['sessions.restore']({ id: saved.id, mode: replace });
    expect(report.tabs).toBe(2);
    expect(fake.windows.map((w) => w.id).slice(0, 3)).toEqual(before);
    expect(report.replacedSnapshotId).toBeUndefined();
    expect(report.failed.map((f) => english(f.reason))).toEqual([
      englishText('restoreReplaceKept', [englishText('errQuota')]),
    ]);
  });

  it('offers Undo only for a while', async () => {
    const { handlers, saved, clock } = await threeOpen([bigWindow(2)]);
    await handlers['sessions.restore']({ id: saved.id, mode: replace });
    expect((await handlers['sessions.lastReplace']({})).replaced).toBeDefined();
    clock.now += 60 * 60_000;
    expect((await handlers['sessions.lastReplace']({})).replaced).toBeUndefined();
  });
});
