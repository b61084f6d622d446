// The worker's real handlers on a fake browser and an in-memory database, and a stand-in for the
// pages' `call` that goes through the real router with a JSON round trip, as runtime messaging does.
import { createWorker, type WorkerContext } from '../../../src/background/context.ts';
import { createHandlers } from '../../../src/background/handlers/index.ts';
import { validateRequest } from '../../../src/background/handlers/request-schemas.ts';
import { createRouter } from '../../../src/background/router.ts';
import { openDatabase, type DB } from '../../../src/store/db.ts';
import { createStore } from '../../../src/store/store.ts';
import type { MessageType, Req, Res } from '../../../src/shared/protocol.ts';
import { FakeBrowser } from '../fakes/fake-platform.ts';

export interface Worker {
  dbp: Promise<DB>;
  /** The worker's services and its fake browser, for what a page cannot do (an autosave tick). */
  ctx: WorkerContext;
  fake: FakeBrowser;
  handlers: ReturnType<typeof createHandlers>;
  call<K extends MessageType>(type: K, payload: Req<K>): Promise<Res<K>>;
  /** Messages sent, by type. */
  sent: Map<string, number>;
}

let ids = 0;

export function startWorker(dbp: Promise<DB> = openDatabase(`ie-${Math.random()}`), wrapDb?: (db: DB) => DB): Worker {
  const fake = new FakeBrowser();
  const store = createStore('unused', async () => (wrapDb ? wrapDb(await dbp) : dbp));
  const ctx = createWorker({
    platform: fake.platform(),
    store,
    now: () => 1_790_000_000_000,
    newId: () => `w${++ids}`,
  });
  const handlers = createHandlers(ctx);
  const route = createRouter(handlers, { validate: validateRequest });
  const sent = new Map<string, number>();
  return {
    dbp,
    ctx,
    fake,
    handlers,
    sent,
    async call(type, payload) {
      sent.set(type, (sent.get(type) ?? 0) + 1);
      const reply = JSON.parse(
        JSON.stringify(await route(JSON.parse(JSON.stringify({ tabularium: 1, type, payload })))),
      );
      if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
      return reply.value;
    },
  };
}
