// The service worker. Listeners are registered synchronously at the top level, so an event that
// wakes the worker is never missed; the database opens lazily on first use.
import { onRuntimeMessage } from '../platform/messaging.ts';
import { platform } from '../platform/chrome-platform.ts';
import { getDb } from '../store/db.ts';
import type { Deps } from './deps.ts';
import { createHandlers } from './handlers/index.ts';
import { createRouter } from './router.ts';

const deps: Deps = {
  db: getDb,
  platform,
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
};

const route = createRouter(createHandlers(deps));
onRuntimeMessage((msg) => (route(msg) as Promise<unknown>));
