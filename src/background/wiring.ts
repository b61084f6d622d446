// Browser events and page messages, delivered to the worker's services. Called synchronously at
// the worker's top level (index.ts): an event that wakes the worker reaches only the listeners
// added in its first turn.
import { COOKIE_LOG_PORT, type CookieLogFromWorker, type CookieLogToWorker } from '../shared/cookie-log-protocol.ts';
import type { WorkerContext } from './context.ts';
import type { createRouter } from './router.ts';
import { addManagerMenu, MANAGER_MENU_ID, openManager } from './manager-menu.ts';
import { STABLE_ALARM } from './recovery-service.ts';
import { AUTOSAVE_ALARM, SETTINGS_KEY } from './settings-service.ts';
import { SYNC_ALARM, SYNC_RETRY_ALARM } from './sync/sync-service.ts';

const log = (what: string) => (e: unknown) => console.error(`[tabularium] ${what}`, e);

export function wireWorker(ctx: WorkerContext, route: ReturnType<typeof createRouter>): void {
  const { platform, tracker, keeper, lazyTabs } = ctx;
  platform.runtime.onMessage((msg, sender) => route(msg, sender) as Promise<unknown>);
  platform.runtime.onConnect<CookieLogToWorker, CookieLogFromWorker>(COOKIE_LOG_PORT, (port) =>
    ctx.cookieLog.attach(port),
  );
  platform.events.subscribe({
    tabCreated: (t) => tracker.tabCreated(t),
    tabUpdated(t, urlChanged) {
      tracker.tabUpdated(t);
      // Only a new address can change the open sites whose cookies are kept.
      if (urlChanged) keeper.tabsChanged();
    },
    tabLoaded: (id, url, active) => void lazyTabs.loaded(id, url, active),
    tabActivated(id, windowId) {
      tracker.tabActivated(id, windowId);
      void lazyTabs.activated(id).catch(log('lazy load'));
    },
    tabMoved: (id, windowId, to) => tracker.tabMoved(id, windowId, to),
    tabAttached: (id, windowId, pos) => tracker.tabAttached(id, windowId, pos),
    tabRemoved(id, windowId, closing) {
      tracker.tabRemoved(id, windowId, closing);
      keeper.tabsChanged();
    },
    tabReplaced(added, removed) {
      tracker.tabReplaced(added, removed);
      keeper.tabsChanged();
    },
    windowCreated: (w) => tracker.windowCreated(w),
    windowRemoved: (id) => tracker.windowRemoved(id),
    windowFocused: (id) => tracker.windowFocused(id),
    windowBounds: (w) => tracker.windowBounds(w),
    groupChanged: (g) => tracker.groupChanged(g),
    groupRemoved: (id) => tracker.groupRemoved(id),
    alarm: (name) => void onAlarm(ctx, name).catch(log(`alarm ${name}`)),
    command: (name) => void onCommand(ctx, name).catch(log(`command ${name}`)),
    permissionsChanged: () => ctx.cookiePipeline.permissionsChanged(),
    installed: () => void addManagerMenu(ctx).catch(log('context menu')),
    menuClicked(itemId) {
      if (itemId === MANAGER_MENU_ID) void openManager(ctx).catch(log('open the manager'));
    },
    syncAreaChanged(key, value) {
      if (key === SETTINGS_KEY) void ctx.settings.adopt(value).catch(log('synced settings'));
    },
  });
}

export async function onAlarm(ctx: WorkerContext, name: string): Promise<void> {
  if (name === AUTOSAVE_ALARM) await ctx.autosave.run();
  else if (name === STABLE_ALARM) await ctx.recovery.stableRun();
  else if (name === SYNC_ALARM || name === SYNC_RETRY_ALARM) await ctx.sync.alarm(name);
}

/** The save shortcuts do what the popup's buttons do, refusals (nothing to save) included. */
export async function onCommand(ctx: WorkerContext, name: string): Promise<void> {
  if (name === 'save-all-windows') await ctx.sessions.saveAll();
  else if (name === 'save-this-window') await ctx.sessions.saveWindow();
}

/**
 * What every worker start does: the run start (crash recovery on a fresh browser run) before the
 * tracker's rebuild, the alarms, cookie keeping's catch-up, then the banner or auto-recover. A
 * start that fails on the database is tried again by the tracker (recovery first); the alarms and
 * cookie keeping do not wait for it, the banner waits for the first start that works.
 */
export async function startWorker(ctx: WorkerContext): Promise<void> {
  let run: Awaited<ReturnType<typeof ctx.recovery.beginRun>> = { fresh: false, streak: 0 };
  ctx.tracker
    .start(async () => {
      run = await ctx.recovery.beginRun();
    })
    .catch(log('start (tried again)'));
  await ctx.settings.start();
  ctx.keeper.refresh();
  ctx.cookiePipeline.update();
  void ctx.sync.start().catch(log('sync start'));
  await ctx.tracker.started;
  await ctx.recovery.afterStart(run);
}
