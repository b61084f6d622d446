// Recover brings the last state back through the same restore registry as a popup restore: a
// popup opened meanwhile sees its progress, and Cancel stops it.
import { describe, expect, it, vi } from 'vitest';
import { fakeWorker, nextRun } from '../fakes/fake-worker.ts';

describe('Recover', () => {
  it('shows its progress to any page and can be cancelled like any restore', async () => {
    const w = fakeWorker();
    w.fake.addWindow(Array.from({ length: 300 }, (_, i) => `https://r${i}.test/`));
    await w.ctx.recovery.beginRun();
    await w.ctx.tracker.start();
    // Killed: the next run has no tabs.
    const r = nextRun(w);
    await r.handlers['settings.set']({ lazyRestore: false });
    const run = await r.ctx.recovery.beginRun();
    expect(run.recovered?.counts.tabs).toBe(300);
    // Tab creations past the 30th wait until the test has looked, so the restore is mid-way.
    const createTab = r.ctx.platform.tabs.create;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    r.ctx.platform.tabs.create = async (p) => {
      if (++asked > 30) await gate;
      return createTab(p);
    };
    const recovering = r.handlers['recovery.recover']({ restoreId: 'rec-1' });
    await vi.waitFor(() => expect(asked).toBeGreaterThan(30));
    const underway = (await r.handlers['sessions.restoresUnderway']({})).restores;
    expect(underway).toEqual([{ restoreId: 'rec-1', done: expect.any(Number), total: 300 }]);
    expect(r.fake.events).toContainEqual(expect.objectContaining({ tabulariumEvent: 'restore.progress' }));
    await r.handlers['sessions.cancelRestore']({ restoreId: 'rec-1' });
    release();
    const report = await recovering;
    expect(report.cancelled).toBe(true);
    expect(report.tabs).toBeLessThan(300);
    expect(r.fake.events).toContainEqual({ tabulariumEvent: 'restore.ended', restoreId: 'rec-1' });
    // Asked once: the banner does not offer the same state again.
    expect(await r.ctx.recovery.pending()).toBeUndefined();
  });

  it('without a restoreId from the page still registers, under an id of its own', async () => {
    const w = fakeWorker();
    w.fake.addWindow(['https://a.test/', 'https://b.test/']);
    await w.ctx.recovery.beginRun();
    await w.ctx.tracker.start();
    const r = nextRun(w);
    await r.ctx.recovery.beginRun();
    const report = await r.handlers['recovery.recover']({});
    expect(report.tabs).toBe(2);
    const ended = r.fake.events.filter((e) => (e as { tabulariumEvent?: string }).tabulariumEvent === 'restore.ended');
    expect(ended).toHaveLength(1);
  });
});
