// While writes fail the person is told — the popup's notice (health.status, health.changed) and
// "!" on the badge — and both clear once writes get through again; the tabs-waiting badge of a
// crashed session comes back then.
import { describe, expect, it } from 'vitest';
import { failureReason, isStorageFailure } from '../../../src/background/write-health.ts';
import { StoreError } from '../../../src/store/errors.ts';
import { fakeWorker, NOW } from '../fakes/fake-worker.ts';
import { FaultyDatabase } from '../support/faulty-idb.ts';

function faultyWorld() {
  const db = new FaultyDatabase();
  const w = fakeWorker({ store: db.store() });
  const win = w.fake.addWindow(['https://a.test/']);
  let next = 900;
  /** A tab opens and the tracker writes at once. */
  const openTab = async () => {
    const id = next++;
    w.ctx.tracker.tabCreated({
      id,
      windowId: win.id,
      index: 1,
      url: `https://t${id}.test/`,
      pinned: false,
      active: false,
    });
    await w.ctx.tracker.flush();
  };
  const healthEvents = () =>
    w.fake.events.filter((e) => (e as { tabulariumEvent?: string }).tabulariumEvent === 'health.changed');
  return { ...w, db, openTab, healthEvents };
}

const LIVE_WRITES = { store: 'live', mode: 'readwrite' } as const;
const PENDING = { sessionId: 's1', windows: 1, tabs: 3, at: NOW };

describe('the person is told while writes fail', () => {
  it('shows a full disk in the notice and the badge, and clears both after a good write', async () => {
    const w = faultyWorld();
    await w.ctx.tracker.start();
    await w.ctx.badge.showPending(PENDING);
    expect(w.fake.badge).toBe('3');
    expect(await w.handlers['health.status']({})).toEqual({});

    w.db.failEvery('QuotaExceededError', LIVE_WRITES);
    await w.openTab();
    const failing = { failing: { reason: 'quota', since: NOW } };
    expect(await w.handlers['health.status']({})).toEqual(failing);
    expect(w.fake.badge).toBe('!');
    expect(w.healthEvents()).toEqual([{ tabulariumEvent: 'health.changed', ...failing }]);
    // Still failing, later: told once, and the time it started stays.
    w.clock.now += 5000;
    await w.openTab();
    expect(w.healthEvents()).toHaveLength(1);
    expect(await w.handlers['health.status']({})).toEqual(failing);
    // The recovery banner's badge does not push the failure off the badge.
    await w.ctx.badge.showPending({ ...PENDING, tabs: 4 });
    expect(w.fake.badge).toBe('!');

    w.db.heal();
    await w.openTab();
    expect(await w.handlers['health.status']({})).toEqual({});
    expect(w.fake.badge).toBe('4');
    expect(w.healthEvents().at(-1)).toEqual({ tabulariumEvent: 'health.changed' });
  });

  it('says the database is unavailable for other failures, and names a full disk first when both happen', async () => {
    const w = faultyWorld();
    await w.ctx.tracker.start();
    w.db.failEvery('UnknownError', LIVE_WRITES);
    await w.openTab();
    expect(await w.handlers['health.status']({})).toEqual({ failing: { reason: 'unavailable', since: NOW } });
    w.ctx.health.failed('cookies', new StoreError('quota', { key: 'errQuota' }));
    expect((await w.handlers['health.status']({})).failing?.reason).toBe('quota');
    // The live state writes again, the cookies still do not: the notice stays.
    w.db.heal();
    await w.openTab();
    expect((await w.handlers['health.status']({})).failing?.reason).toBe('quota');
    expect(w.fake.badge).toBe('!');
    w.ctx.health.succeeded('cookies');
    expect(await w.handlers['health.status']({})).toEqual({});
    expect(w.fake.badge).toBe('');
    expect(w.healthEvents().map((e) => (e as { failing?: { reason: string } }).failing?.reason)).toEqual([
      'unavailable',
      'quota',
      undefined,
    ]);
  });

  it('tells the database failing from a bug', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(failureReason(quota)).toBe('quota');
    expect(failureReason(new StoreError('unavailable', { key: 'errDatabase', substitutions: ['x'] }))).toBe(
      'unavailable',
    );
    expect(failureReason(new TypeError('x'))).toBe('unavailable');
    expect(isStorageFailure(quota)).toBe(true);
    expect(isStorageFailure(new StoreError('quota', { key: 'errQuota' }))).toBe(true);
    expect(isStorageFailure(new StoreError('corrupt', { key: 'errJarFormat' }))).toBe(false);
    expect(isStorageFailure(new TypeError('x'))).toBe(false);
  });
});
