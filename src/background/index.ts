// The service worker's entry: the worker's one context (the browser, the database, the clock and
// every service) is built here, and every listener is registered synchronously, so an event that
// wakes the worker is never missed; the database opens lazily on first use.
import { browserPlatform } from '../platform/browser-platform.ts';
import { createStore } from '../store/store.ts';
import { createWorker } from './context.ts';
import { diagnostics } from './e2e/diagnostics.ts';
import { createHandlers } from './handlers/index.ts';
import { validateRequest } from './handlers/request-schemas.ts';
import { createRouter } from './router.ts';
import { startWorker, wireWorker } from './wiring.ts';

const ctx = createWorker({
  platform: browserPlatform(),
  store: createStore(),
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
});
const probes = __TABULARIUM_E2E__ ? diagnostics(ctx) : undefined;
const route = createRouter(createHandlers(ctx), {
  validate: validateRequest,
  ...(probes ? { extra: probes.handlers, onTiming: probes.onTiming } : {}),
});
wireWorker(ctx, route);
void startWorker(ctx).catch((e: unknown) => console.error('[tabularium] start', e));
