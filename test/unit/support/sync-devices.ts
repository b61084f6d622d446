// Devices for sync tests: each a real worker context (its own in-memory database and fake
// browser) syncing with one FakeDav folder through an injected fetch and a hand-driven clock.
import { createWorker, type WorkerContext } from '../../../src/background/context.ts';
import { createHandlers } from '../../../src/background/handlers/index.ts';
import type { Session, SessionBody, WindowRecord } from '../../../src/core/model.ts';
import type { Timers } from '../../../src/core/sync/debounce.ts';
import { createStore, type Store } from '../../../src/store/store.ts';
import { FakeBrowser } from '../fakes/fake-platform.ts';
import { NOW } from '../fakes/fake-worker.ts';
import { DAV_BASE, type FakeDav } from './fake-dav.ts';

export const PASSPHRASE = 'correct horse battery staple';

/** Timers that fire only when the test moves the clock. */
export class ManualTimers implements Timers {
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;
  constructor(readonly clock: { now: number }) {}
  now = () => this.clock.now;
  set = (fn: () => void, ms: number) => {
    const id = ++this.ids;
    this.queue.push({ at: this.clock.now + ms, fn, id });
    return id;
  };
  clear = (h: unknown) => {
    this.queue = this.queue.filter((t) => t.id !== h);
  };
  /** When the next timer is due, if any. */
  next(): number | undefined {
    return this.queue.length ? Math.min(...this.queue.map((t) => t.at)) : undefined;
  }
  /** Moves the clock by `ms`, firing what falls due. */
  advance(ms: number): void {
    const end = this.clock.now + ms;
    for (;;) {
      const due = this.queue.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.queue = this.queue.filter((t) => t !== due);
      this.clock.now = Math.max(this.clock.now, due.at);
      due.fn();
    }
    this.clock.now = end;
  }
}

export interface Device {
  name: string;
  ctx: WorkerContext;
  store: Store;
  fake: FakeBrowser;
  clock: { now: number };
  timers: ManualTimers;
  handlers: ReturnType<typeof createHandlers>;
}

export function device(dav: FakeDav, name: string, opts: { timeoutMs?: number } = {}): Device {
  const fake = new FakeBrowser();
  fake.permissions.granted.add(`${new URL(DAV_BASE).protocol}//${new URL(DAV_BASE).hostname}/*`);
  const store = createStore(`sync-${name}-${Math.random()}`);
  const clock = { now: NOW };
  const timers = new ManualTimers(clock);
  let n = 0;
  const ctx = createWorker({
    platform: fake.platform(),
    store,
    now: () => clock.now,
    newId: () => `${name}-id${++n}`,
    sync: {
      fetch: dav.fetch,
      timers,
      kdfIterations: 100_000,
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    },
  });
  return { name, ctx, store, fake, clock, timers, handlers: createHandlers(ctx) };
}

export function turnOn(d: Device, dav: FakeDav, passphrase = PASSPHRASE) {
  return d.ctx.sync.turnOn({ server: dav.base, user: dav.user, password: dav.password, passphrase });
}

export function tabWindow(urls: string[]): WindowRecord {
  return {
    type: 'normal',
    state: 'normal',
    incognito: false,
    focused: true,
    tabs: urls.map((url, i) => ({ url, title: `Title of ${url}`, ...(i === 0 ? { active: true as const } : {}) })),
    groups: [],
  };
}

export async function saveSession(
  d: Device,
  id: string,
  name: string,
  urls: string[],
  over: Partial<Session> = {},
): Promise<Session> {
  const body: SessionBody = { id, windows: [tabWindow(urls)] };
  const session: Session = {
    id,
    name,
    kind: 'manual',
    createdAt: d.clock.now,
    updatedAt: d.clock.now,
    tags: [],
    counts: { windows: 1, tabs: urls.length },
    ...over,
  };
  await d.store.sessions.save(session, body);
  return session;
}

export async function names(d: Device): Promise<string[]> {
  return (await d.store.sessions.list()).map((s) => s.name).sort();
}
