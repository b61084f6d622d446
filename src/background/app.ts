// Puts the worker together: the tracker, the run start (crash recovery), autosave alarms and
// keyboard commands. Everything here is re-created at each worker start; state lives in IndexedDB.
import { decideRecovery } from '../core/recovery.ts';
import { purgeTrash } from '../store/sessions-repo.ts';
import { autosave, saveClosedWindow } from './autosave.ts';
import { updateBadge } from './badge.ts';
import type { Deps, Services } from './deps.ts';
import { openUrls } from './handlers/recovery.ts';
import { restoreSession, sessionHandlers } from './handlers/sessions.ts';
import { beginRun, clearPending, pendingRecovery, resetCrashStreak, type RunStart } from './recovery.ts';
import { loadSettings } from './settings.ts';
import { SearchService } from './search-service.ts';
import { Tracker } from './tracker.ts';

export const AUTOSAVE_ALARM = 'autosave';
/** A run that lives this long was not a crash loop. */
export const STABLE_ALARM = 'stable-run';
const STABLE_MINUTES = 5;
/** Give the browser's own session restore a moment before deciding the tabs are not back. */
export const RECOVERY_SETTLE_MS = 2500;
const TRASH_MAX_AGE_MS = 7 * 24 * 3600_000;

export function createServices(deps: Deps): Services {
  const tracker: Tracker = new Tracker(deps, {
    windowClosed(windows) {
      void loadSettings(deps)
        .then((s) => saveClosedWindow(deps, windows, s.retention))
        .catch((e: unknown) => console.error('[tabularium] window-closed snapshot failed', e));
    },
  });
  const services: Services = {
    deps,
    tracker,
    search: new SearchService(deps),
    restores: new Map(),
    handlerMs: {},
    async settingsChanged() {
      const s = await loadSettings(deps);
      await deps.platform.alarms.ensure(AUTOSAVE_ALARM, s.autosaveMinutes);
    },
  };
  return services;
}

/** Starts tracking; on a fresh browser run, recovers the previous run first. */
export async function startWorker(s: Services): Promise<RunStart> {
  const { deps } = s;
  let runStart: RunStart = { fresh: false, streak: 0 };
  await s.tracker.start(async () => {
    runStart = await beginRun(deps);
  });
  const settings = await loadSettings(deps);
  await deps.platform.alarms.ensure(AUTOSAVE_ALARM, settings.autosaveMinutes);
  if (runStart.fresh) {
    await deps.platform.alarms.ensure(STABLE_ALARM, STABLE_MINUTES);
    void purgeTrash(await deps.db(), TRASH_MAX_AGE_MS).catch(() => undefined);
    if (runStart.recovered) setTimeout(() => void afterFreshRun(s, runStart, settings.autoRecover), RECOVERY_SETTLE_MS);
  } else {
    await updateBadge(deps, await pendingRecovery(deps, await openUrls(s)));
  }
  return runStart;
}

async function afterFreshRun(s: Services, run: RunStart, autoRecover: boolean): Promise<void> {
  try {
    const pending = await pendingRecovery(s.deps, await openUrls(s));
    const action = decideRecovery({ autoRestore: autoRecover, streak: run.streak, needed: !!pending });
    if (action === 'auto-restore' && pending) {
      await clearPending(s.deps);
      await restoreSession(s.deps, pending.sessionId);
      await updateBadge(s.deps, undefined);
    } else {
      await updateBadge(s.deps, pending);
    }
  } catch (e) {
    console.error('[tabularium] recovery check failed', e);
  }
}

export async function onAlarm(s: Services, name: string): Promise<void> {
  if (name === AUTOSAVE_ALARM) {
    const settings = await loadSettings(s.deps);
    await autosave(s.deps, s.tracker, settings.retention);
  } else if (name === STABLE_ALARM) {
    await resetCrashStreak(s.deps);
  }
}

/** The save shortcuts do what the popup's buttons do, refusals (nothing to save) included. */
export async function onCommand(s: Services, name: string): Promise<void> {
  const sessions = sessionHandlers(s);
  if (name === 'save-all-windows') await sessions['sessions.saveAll']({});
  else if (name === 'save-this-window') await sessions['sessions.saveWindow']({});
}
