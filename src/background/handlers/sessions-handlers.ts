// Saved sessions: save, list, read, edit, delete (with undo), search and restore.
import type { Handlers } from '../../shared/protocol.ts';
import type { WorkerContext } from '../context.ts';

type SessionHandlers = Pick<Handlers, `sessions.${string}` & keyof Handlers>;

export function sessionHandlers({ sessions, restores }: WorkerContext): SessionHandlers {
  return {
    // The popup's and the manager's first question: during a restore, they get the renderer first.
    'sessions.list': async () => {
      restores.pageOpening();
      return { sessions: await sessions.list() };
    },
    'sessions.get': ({ id }) => sessions.detail(id),
    'sessions.icons': async ({ ids }) => ({ icons: await sessions.icons(ids) }),
    'sessions.saveAll': ({ name }) => sessions.saveAll(name),
    'sessions.saveWindow': ({ windowId, name }) => sessions.saveWindow(windowId, name),
    async 'sessions.delete'({ id }) {
      await sessions.delete(id);
      return {};
    },
    'sessions.undoDelete': async ({ id }) => ({ session: await sessions.undoDelete(id) }),
    'sessions.restore': ({ id, mode, restoreId, overwriteCookies }) =>
      restores.restore(id, {
        ...(mode ? { mode } : {}),
        ...(restoreId ? { restoreId } : {}),
        ...(overwriteCookies ? { overwriteCookies } : {}),
      }),
    async 'sessions.cancelRestore'({ restoreId }) {
      restores.cancel(restoreId);
      return {};
    },
    'sessions.restoresUnderway': async () => ({ restores: restores.list() }),
    'sessions.lastReplace': async () => {
      const replaced = await restores.lastReplace();
      return replaced ? { replaced } : {};
    },
    'sessions.search': async ({ query, limit }) => ({ results: await sessions.search(query, limit) }),
    'sessions.rename': async ({ id, name }) => ({ session: await sessions.rename(id, name) }),
    'sessions.setTags': async ({ id, tags }) => ({ session: await sessions.setTags(id, tags) }),
    'sessions.removeTabs': async ({ id, tabs }) => ({ session: await sessions.removeTabs(id, tabs) }),
    'sessions.compare': ({ id }) => sessions.compare(id),
    'sessions.promote': async ({ id }) => ({ session: await sessions.promote(id) }),
  };
}
