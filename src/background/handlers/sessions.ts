// Saved sessions: save, list, read, delete (with undo) and restore.
import { countTabs, type Session, type SessionKind, type WindowRecord } from '../../core/model.ts';
import { planRestore } from '../../core/restore-plan.ts';
import { defaultSessionName } from '../../core/session-name.ts';
import { StoreError } from '../../store/errors.ts';
import * as repo from '../../store/sessions-repo.ts';
import type { Handlers } from '../../shared/protocol.ts';
import { captureBrowser } from '../capture-browser.ts';
import type { Deps } from '../deps.ts';
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

export function sessionHandlers(deps: Deps): SessionHandlers {
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
      const windows = await captureBrowser(deps.platform);
      if (windows.length === 0) nothingToSave();
      return { session: await storeNewSession(deps, windows, 'manual', name) };
    },
    async 'sessions.saveWindow'({ windowId, name }) {
      const id = windowId ?? (await deps.platform.windows.getLastFocusedId());
      const windows = await captureBrowser(deps.platform, id);
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
      const found = await repo.getSession(await deps.db(), id);
      if (!found) throw new StoreError('not-found', 'That session no longer exists.');
      const plan = planRestore(found.body.windows, mode ?? { kind: 'new-windows' }, {
        lazy: true,
        allowData: deps.platform.allowsDataUrls,
        allowFile: await deps.platform.allowsFileUrls(),
      });
      return executeRestore(deps.platform, plan);
    },
  };
}
