// Saved sessions: save, list, read, delete (with undo) and restore.
import { countTabs, type Session, type SessionKind, type WindowRecord } from '../../core/model.ts';
import { planRestore, type RestoreMode } from '../../core/restore-plan.ts';
import { defaultSessionName } from '../../core/session-name.ts';
import { StoreError } from '../../store/errors.ts';
import * as repo from '../../store/sessions-repo.ts';
import type { Handlers, RestoreReport } from '../../shared/protocol.ts';
import { loadSettings } from '../settings.ts';
import type { Deps, Services } from '../deps.ts';
import { executeRestore } from '../restore-executor.ts';

type SessionHandlers = Pick<Handlers, `sessions.${string}` & keyof Handlers>;

export async function storeNewSession(deps: Deps, windows: WindowRecord[], kind: SessionKind, name?: string): Promise<Session> {
  const now = deps.now();
  const id = deps.newId();
  const session: Session = {
    id,
    name: name?.trim() || defaultSessionName(windows, new Date(now)),
    kind,
    createdAt: now,
    updatedAt: now,
    tags: [],
    counts: countTabs(windows),
  };
  await repo.saveSession(await deps.db(), session, { id, windows });
  return session;
}

function nothingToSave(): never {
  throw new StoreError('not-found', 'There are no tabs to save.');
}

export async function restoreSession(deps: Deps, id: string, mode?: RestoreMode): Promise<RestoreReport> {
  const found = await repo.getSession(await deps.db(), id);
  if (!found) throw new StoreError('not-found', 'That session no longer exists.');
  const settings = await loadSettings(deps);
  const plan = planRestore(found.body.windows, mode ?? { kind: 'new-windows' }, {
    lazy: settings.lazyRestore,
    allowData: deps.platform.allowsDataUrls,
    allowFile: await deps.platform.allowsFileUrls(),
  });
  return executeRestore(deps.platform, plan);
}

export function sessionHandlers({ deps, tracker }: Services): SessionHandlers {
  return {
    async 'sessions.list'() {
      return { sessions: await repo.listSessions(await deps.db()) };
    },
    async 'sessions.get'({ id }) {
      const found = await repo.getSession(await deps.db(), id);
      if (!found) throw new StoreError('not-found', 'That session no longer exists.');
      return found;
    },
    async 'sessions.saveAll'({ name }) {
      // From the tracker's mirror: no round trip through the browser for hundreds of tabs.
      const windows = await tracker.snapshot();
      if (windows.length === 0) nothingToSave();
      return { session: await storeNewSession(deps, windows, 'manual', name) };
    },
    async 'sessions.saveWindow'({ windowId, name }) {
      const id = windowId ?? (await deps.platform.windows.getLastFocusedId());
      const windows = id === undefined ? [] : await tracker.snapshot(id);
      if (windows.length === 0) nothingToSave();
      return { session: await storeNewSession(deps, windows, 'manual', name) };
    },
    async 'sessions.delete'({ id }) {
      await repo.deleteSession(await deps.db(), id, deps.now());
      return {};
    },
    async 'sessions.undoDelete'({ id }) {
      return { session: await repo.undoDelete(await deps.db(), id) };
    },
    async 'sessions.restore'({ id, mode }) {
      return restoreSession(deps, id, mode);
    },
    async 'sessions.promote'({ id }) {
      const session = await repo.updateSession(await deps.db(), id, (s) => ({ ...s, kind: 'manual' }));
      return { session };
    },
  };
}
