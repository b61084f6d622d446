// The worker's real context, services and handlers over the fake browser and a fresh in-memory
// database: what worker tests start from. `nextRun` is the same profile in a new browser run.
import { createWorker, type WorkerContext } from '../../../src/background/context.ts';
import { createHandlers } from '../../../src/background/handlers/index.ts';
import { createStore, type Store } from '../../../src/store/store.ts';
import { FakeBrowser } from './fake-platform.ts';

export const NOW = 1_790_000_000_000;

export interface FakeWorker {
  fake: FakeBrowser;
  store: Store;
  ctx: WorkerContext;
  handlers: ReturnType<typeof createHandlers>;
  /** Moves the worker's clock. */
  clock: { now: number };
}

export function fakeWorker(opts: { name?: string; fake?: FakeBrowser; store?: Store; now?: number } = {}): FakeWorker {
  const fake = opts.fake ?? new FakeBrowser();
  const store = opts.store ?? createStore(`${opts.name ?? 'worker'}-${Math.random()}`);
  const clock = { now: opts.now ?? NOW };
  let n = 0;
  const ctx = createWorker({ platform: fake.platform(), store, now: () => clock.now, newId: () => `id${++n}` });
  // A restore's placeholders free their load slots as they load, as in the browser.
  fake.pageLoaded = (id, url, active) => void ctx.lazyTabs.loaded(id, url, active);
  return { fake, store, ctx, handlers: createHandlers(ctx), clock };
}

/**
 * The same profile in a new browser run: the same database and storage.local (settings), a new
 * browser (empty storage.session), the same cookies and permissions unless the test changes them.
 */
export function nextRun(prev: FakeWorker, fake = new FakeBrowser()): FakeWorker {
  fake.local = prev.fake.local;
  fake.cookies = prev.fake.cookies;
  fake.permissions = prev.fake.permissions;
  const w = fakeWorker({ fake, store: prev.store, now: prev.clock.now });
  // Ids must not collide with an earlier run's.
  const run = Math.random().toString(36).slice(2, 8);
  let n = 0;
  w.ctx.newId = () => `${run}-id${++n}`;
  return w;
}
