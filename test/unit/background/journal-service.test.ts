// The journal rides on the tracker's writes: same transaction, same never-lose rules, no private
// windows; a moment comes back as it was, through the restore service; search finds closed tabs.
import { describe, expect, it, vi } from 'vitest';
import { startWorker } from '../../../src/background/wiring.ts';
import { isCheckpoint, timeOf } from '../../../src/core/journal/journal-format.ts';
import { recordsAt, windowsOfRecords } from '../../../src/core/journal/reconstruct.ts';
import { fakeWorker, nextRun, type FakeWorker } from '../fakes/fake-worker.ts';
import { FaultyDatabase } from '../support/faulty-idb.ts';

const tab = (id: number, windowId: number, index: number, url = `https://t${id}.test/`) => ({
  id,
  windowId,
  index,
  url,
  title: url,
  pinned: false,
  active: false,
});

const urlsOf = (windows: { tabs: { url: string }[] }[]) => windows.map((w) => w.tabs.map((t) => t.url));

describe('the journal', () => {
  it('brings back each moment the tracker wrote, and search finds a closed tab with the spans it was open', async () => {
    const w = fakeWorker();
    const win = w.fake.addWindow(['https://a.test/']);
    const t = w.ctx.tracker;
    await t.start();
    const t0 = w.clock.now;
    w.clock.now += 60_000;
    t.tabCreated(tab(900, win.id, 1, 'https://lisbon.test/trams'));
    await t.flush();
    const t1 = w.clock.now;
    w.clock.now += 60_000;
    t.tabRemoved(900, win.id, false);
    t.tabCreated(tab(901, win.id, 1, 'https://porto.test/'));
    await t.flush();
    const t2 = w.clock.now;

    expect(urlsOf(await w.ctx.journal.windowsAt(t0))).toEqual([['https://a.test/']]);
    expect(urlsOf(await w.ctx.journal.windowsAt(t1 + 30_000))).toEqual([
      ['https://a.test/', 'https://lisbon.test/trams'],
    ]);
    expect(urlsOf(await w.ctx.journal.windowsAt(t2))).toEqual([['https://a.test/', 'https://porto.test/']]);

    const { hits } = await w.handlers['journal.search']({ query: 'trams' });
    expect(hits).toEqual([
      { url: 'https://lisbon.test/trams', title: 'https://lisbon.test/trams', spans: [{ from: t1, to: t2 }] },
    ]);
  });

  it('never holds private windows, whatever the setting for live records', async () => {
    const w = fakeWorker();
    w.fake.local.set('settings', { keepPrivateWindows: true });
    w.fake.addWindow(['https://open.test/']);
    w.fake.addWindow(['https://secret.test/'], { incognito: true });
    await w.ctx.settings.apply();
    await w.ctx.tracker.start();
    await w.ctx.tracker.flush();
    expect(JSON.stringify(await w.store.live.read())).toContain('secret.test');
    expect(JSON.stringify(await w.store.journal.all())).not.toContain('secret.test');
    expect(JSON.stringify(await w.store.journal.all())).toContain('open.test');
  });

  it('keeps a failed write: its entry is written with the next one, nothing lost', async () => {
    const db = new FaultyDatabase();
    const w = fakeWorker({ store: db.store() });
    const win = w.fake.addWindow(['https://a.test/']);
    const t = w.ctx.tracker;
    await t.start();
    db.failEvery('QuotaExceededError', { store: 'live', mode: 'readwrite' });
    w.clock.now += 1000;
    t.tabCreated(tab(900, win.id, 1, 'https://failed.test/'));
    await t.flush();
    expect(JSON.stringify(await w.store.journal.all())).not.toContain('failed.test');
    db.heal();
    w.clock.now += 1000;
    t.windowFocused(win.id);
    await t.flush();
    expect(urlsOf(await w.ctx.journal.windowsAt(w.clock.now))).toEqual([['https://a.test/', 'https://failed.test/']]);
  });

  it('survives a new browser run: the previous run stays, the new one continues it', async () => {
    const w = fakeWorker();
    w.fake.addWindow(['https://before.test/']);
    await w.ctx.tracker.start();
    await w.ctx.tracker.flush();
    const before = w.clock.now;
    const next = nextRun(w);
    next.clock.now += 120_000;
    next.fake.addWindow(['https://after.test/']);
    await next.ctx.tracker.start();
    await next.ctx.tracker.flush();
    expect(urlsOf(await next.ctx.journal.windowsAt(before))).toEqual([['https://before.test/']]);
    expect(urlsOf(await next.ctx.journal.windowsAt(next.clock.now))).toEqual([['https://after.test/']]);
  });

  it('answers a moment since its last checkpoint from memory, as the disk would, in this worker life and the next', async () => {
    const w = fakeWorker();
    const win = w.fake.addWindow(['https://a.test/']);
    await w.ctx.tracker.start();
    await w.ctx.tracker.flush();
    const times = [w.clock.now];
    // A change a minute for 40 minutes: the writer takes a checkpoint at least every 15 of them.
    for (let i = 0; i < 40; i++) {
      w.clock.now += 60_000;
      if (i % 3 === 2) w.ctx.tracker.tabRemoved(900 + i - 1, win.id, false);
      else w.ctx.tracker.tabCreated(tab(900 + i, win.id, 1, `https://t${i}.test/`));
      await w.ctx.tracker.flush();
      times.push(w.clock.now, w.clock.now + 30_000);
    }
    const check = async (x: FakeWorker) => {
      const { timed } = await x.store.journal.all();
      const lastCheckpoint = Math.max(...timed.filter(isCheckpoint).map(timeOf));
      expect(lastCheckpoint).toBeGreaterThan(times[0]!);
      const read = vi.spyOn(x.store.journal, 'slice');
      for (const at of [...times, x.clock.now]) {
        read.mockClear();
        const shown = urlsOf(await x.ctx.journal.windowsAt(at));
        expect(read.mock.calls.length, `reads for ${at - times[0]!} ms`).toBe(at >= lastCheckpoint ? 0 : 1);
        const stored = await x.store.journal.slice(at, at);
        expect(shown, `moment ${at - times[0]!} ms`).toEqual(
          urlsOf(windowsOfRecords(recordsAt(stored, at), x.ctx.platform.extensionBase)),
        );
      }
      read.mockRestore();
    };
    await check(w);
    // A new worker life on the same browser: its tail is read once, at the start.
    const next = nextRun(w, w.fake);
    next.clock.now += 60_000;
    await next.ctx.tracker.start();
    next.clock.now += 1000;
    next.ctx.tracker.tabCreated(tab(990, win.id, 1, 'https://next.test/'));
    await next.ctx.tracker.flush();
    await check(next);
    expect(urlsOf(await next.ctx.journal.windowsAt(next.clock.now))[0]).toContain('https://next.test/');
  });

  it('restores a moment (or one tab of it) as a normal restore, and saves a moment as a session', async () => {
    const w = fakeWorker();
    const win = w.fake.addWindow(['https://a.test/', 'https://b.test/']);
    await w.ctx.tracker.start();
    await w.ctx.tracker.flush();
    const at = w.clock.now;
    w.clock.now += 60_000;
    w.ctx.tracker.tabRemoved(win.tabs[1]!.id, win.id, false);
    await w.ctx.tracker.flush();
    const report = await w.handlers['journal.restore']({ at, windowIndex: 0, tabIndex: 1 });
    expect(report.tabs).toBe(1);
    const opened = w.fake.windows[w.fake.windows.length - 1]!;
    expect(opened.tabs.map((x) => x.url)).toEqual(['https://b.test/']);
    const { session } = await w.handlers['journal.save']({ at, name: 'Before' });
    expect(session).toMatchObject({ name: 'Before', kind: 'manual', counts: { windows: 1, tabs: 2 } });
  });

  it('after a crash that came just after many tabs closed, offers the state of a minute before', async () => {
    const w = fakeWorker();
    const win = w.fake.addWindow(['https://keep.test/', ...[1, 2, 3, 4, 5, 6].map((i) => `https://gone${i}.test/`)]);
    await w.ctx.tracker.start();
    await w.ctx.tracker.flush();
    w.clock.now += 5 * 60_000;
    w.ctx.tracker.tabCreated(tab(900, win.id, 7, 'https://late.test/'));
    await w.ctx.tracker.flush();
    w.clock.now += 70_000;
    for (const t of win.tabs.slice(1)) w.ctx.tracker.tabRemoved(t.id, win.id, false);
    await w.ctx.tracker.flush();

    const next = nextRun(w);
    next.clock.now += 30_000;
    await startWorker(next.ctx);
    const status = await next.handlers['recovery.status']({});
    expect(status.pending?.tabs).toBe(2);
    expect(status.pending?.asItWas).toMatchObject({ windows: 1, tabs: 8 });
    await next.handlers['recovery.recover']({ which: 'as-it-was' });
    const opened = next.fake.windows[next.fake.windows.length - 1]!;
    expect(opened.tabs).toHaveLength(8);
  });

  it('offers no "as it was" when the last minute lost nothing much', async () => {
    const w = fakeWorker();
    w.fake.addWindow(['https://a.test/', 'https://b.test/']);
    await w.ctx.tracker.start();
    await w.ctx.tracker.flush();
    const next = nextRun(w);
    next.clock.now += 30_000;
    await startWorker(next.ctx);
    const status = await next.handlers['recovery.status']({});
    expect(status.pending?.tabs).toBe(2);
    expect(status.pending?.asItWas).toBeUndefined();
  });

  it('clears in one call, and starts again from the state now', async () => {
    const w = fakeWorker();
    w.fake.addWindow(['https://a.test/']);
    await w.ctx.tracker.start();
    await w.ctx.tracker.flush();
    const at = w.clock.now;
    w.clock.now += 1000;
    await w.handlers['journal.clear']({});
    expect(await w.ctx.journal.windowsAt(at)).toEqual([]);
    expect(urlsOf(await w.ctx.journal.windowsAt(w.clock.now))).toEqual([['https://a.test/']]);
  });

  it('folds by itself at most once an hour, across worker lives', async () => {
    const w = fakeWorker();
    const win = w.fake.addWindow(['https://a.test/']);
    await w.ctx.tracker.start();
    await w.ctx.tracker.flush();
    await vi.waitFor(async () => expect(await w.store.meta.get('journal:foldedAt')).toBe(w.clock.now));
    const first = w.clock.now;
    // A new worker life ten minutes later: no second fold yet.
    const later = fakeWorker({ fake: w.fake, store: w.store, now: first + 10 * 60_000 });
    later.ctx.tracker.tabCreated(tab(900, win.id, 1));
    await later.ctx.tracker.flush();
    expect(await w.store.meta.get('journal:foldedAt')).toBe(first);
    later.clock.now += 60 * 60_000;
    later.ctx.tracker.tabRemoved(900, win.id, false);
    await later.ctx.tracker.flush();
    await vi.waitFor(async () => expect(await w.store.meta.get('journal:foldedAt')).toBe(later.clock.now));
  });

  it('folds what is older than the retention into a checkpoint, keeping later moments', async () => {
    const w = fakeWorker();
    w.fake.local.set('settings', { journalDays: 1 });
    const win = w.fake.addWindow(['https://a.test/']);
    await w.ctx.tracker.start();
    await w.ctx.tracker.flush();
    w.clock.now += 2 * 86_400_000;
    w.ctx.tracker.tabCreated(tab(900, win.id, 1, 'https://late.test/'));
    await w.ctx.tracker.flush();
    await w.ctx.journal.fold();
    const oldest = await w.store.journal.oldest();
    expect(oldest).toBe(w.clock.now - 86_400_000);
    expect(urlsOf(await w.ctx.journal.windowsAt(oldest!))).toEqual([['https://a.test/']]);
    expect(urlsOf(await w.ctx.journal.windowsAt(w.clock.now))).toEqual([['https://a.test/', 'https://late.test/']]);
  });

  it('thins a day-old journal to a checkpoint an hour and seals its entries, every moment read as before', async () => {
    const w = fakeWorker();
    const win = w.fake.addWindow(['https://a.test/']);
    await w.ctx.tracker.start();
    await w.ctx.tracker.flush();
    // Three hours of a tab opened and closed every five minutes: a checkpoint every 15 minutes.
    const moments: { at: number; urls: string[][] }[] = [];
    for (let i = 0; i < 36; i++) {
      w.clock.now += 5 * 60_000;
      if (i % 2) w.ctx.tracker.tabRemoved(900 + i - 1, win.id, false);
      else w.ctx.tracker.tabCreated(tab(900 + i, win.id, 1, `https://t${i}.test/`));
      await w.ctx.tracker.flush();
      moments.push({ at: w.clock.now, urls: urlsOf(await w.ctx.journal.windowsAt(w.clock.now)) });
    }
    const checkpoints = async () => (await w.store.journal.all()).timed.filter(isCheckpoint).length;
    const before = await checkpoints();
    expect(before).toBeGreaterThanOrEqual(12);
    w.clock.now += 2 * 86_400_000;
    // The hourly fold the last write may have started, then one two days later.
    await w.ctx.journal.fold();
    await w.ctx.journal.fold();
    const after = await w.store.journal.all();
    expect(after.timed.filter(isCheckpoint).length).toBeLessThanOrEqual(5);
    expect(after.blocks.length).toBeGreaterThanOrEqual(3);
    for (const m of moments) expect(urlsOf(await w.ctx.journal.windowsAt(m.at))).toEqual(m.urls);
  });
});
