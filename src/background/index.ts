// The service worker. Listeners are registered synchronously at the top level, so an event that
// wakes the worker is never missed; the database opens lazily on first use.
import { subscribeBrowserEvents } from '../platform/events.ts';
import { onRuntimeMessage } from '../platform/messaging.ts';
import { platform } from '../platform/chrome-platform.ts';
import { getDb } from '../store/db.ts';
import { createServices, onAlarm, onCommand, startWorker } from './app.ts';
import { startCookieLog } from './cookie-log.ts';
import { startCookieKeeping } from './cookie-keeping.ts';
import type { Deps } from './deps.ts';
import { createHandlers } from './handlers/index.ts';
import { loadIfPlaceholder, settleLoadedPlaceholder } from './lazy-tabs.ts';
import { createRouter } from './router.ts';

const deps: Deps = {
  db: getDb,
  platform,
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
};

const services = createServices(deps);
const { tracker } = services;
const route = createRouter(createHandlers(services), (type, ms) => (services.handlerMs[type] = ms));
const log = (what: string) => (e: unknown) => console.error(`[tabularium] ${what}`, e);

onRuntimeMessage(
  (msg, sender) => route(msg, sender.tabId === undefined ? {} : { tabId: sender.tabId }) as Promise<unknown>,
);
startCookieLog();
startCookieKeeping(services);
subscribeBrowserEvents({
  tabCreated: (t) => tracker.tabCreated(t),
  tabUpdated: (t) => tracker.tabUpdated(t),
  tabLoaded: (id, url, active) => settleLoadedPlaceholder(services, id, url, active),
  tabActivated: (id, w) => {
    tracker.tabActivated(id, w);
    void loadIfPlaceholder(services, id).catch(log('lazy load'));
  },
  tabMoved: (id, w, to) => tracker.tabMoved(id, w, to),
  tabAttached: (id, w, pos) => tracker.tabAttached(id, w, pos),
  tabRemoved: (id, w, closing) => tracker.tabRemoved(id, w, closing),
  tabReplaced: (a, r) => tracker.tabReplaced(a, r),
  windowCreated: (w) => tracker.windowCreated(w),
  windowRemoved: (id) => tracker.windowRemoved(id),
  windowFocused: (id) => tracker.windowFocused(id),
  windowBounds: (w) => tracker.windowBounds(w),
  groupChanged: (g) => tracker.groupChanged(g),
  groupRemoved: (id) => tracker.groupRemoved(id),
  alarm: (name) => void onAlarm(services, name).catch(log(`alarm ${name}`)),
  command: (name) => void onCommand(services, name).catch(log(`command ${name}`)),
});

void startWorker(services).catch(log('start'));
