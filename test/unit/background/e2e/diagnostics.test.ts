// The e2e build's fault probe: live writes fail on demand, as the store fails them, and the
// worker reacts as to a real failure (the notice, then the retry once writes work).
import { describe, expect, it } from 'vitest';
import { diagnostics } from '../../../../src/background/e2e/diagnostics.ts';
import { fakeWorker } from '../../fakes/fake-worker.ts';

describe('diagnostics.failWrites', () => {
  it('makes live writes fail at the rate asked for, and the worker catches up once it is 0 again', async () => {
    const w = fakeWorker();
    const win = w.fake.addWindow(['https://a.test/']);
    const probe = diagnostics(w.ctx).handlers;
    await w.ctx.tracker.start();
    expect(await probe['diagnostics.failWrites']!({ rate: 1 })).toEqual({ attempted: 1, failed: 0 });
    w.ctx.tracker.tabCreated({
      id: 900,
      windowId: win.id,
      index: 1,
      url: 'https://b.test/',
      pinned: false,
      active: false,
    });
    await w.ctx.tracker.flush();
    expect((await w.handlers['health.status']({})).failing?.reason).toBe('quota');
    expect(await probe['diagnostics.failWrites']!({ rate: 0 })).toEqual({ attempted: 2, failed: 1 });
    await w.ctx.tracker.flush();
    expect((await w.store.live.read()).map((r) => r.key)).toContain('t:900');
    expect(await w.handlers['health.status']({})).toEqual({});
  });
});
