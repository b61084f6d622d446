// Saved sessions: save, list, read, delete (with undo) and restore.
import { countTabs, type Session, type SessionKind, type WindowRecord } from '../../core/model.ts';
import { planRestore, type RestoreMode } from '../../core/restore-plan.ts';
import { defaultSessionName } from '../../core/session-name.ts';
import { diffSessions } from '../../core/session-diff.ts';
import type { RestoreEndedEvent, RestoreProgressEvent } from '../../shared/events.ts';
import { StoreError } from '../../store/errors.ts';
import * as repo from '../../store/sessions-repo.ts';
import type { Handlers, RestoreReport } from '../../shared/protocol.ts';
import { loadSettings } from '../settings.ts';
import { dropJar, jarForWindows, restoreSessionCookies } from '../cookie-jar.ts';
import type { Deps, RestoreUnderway, Services } from '../deps.ts';
import { executeRestore, type ExecuteOptions, type RestoreProgress } from '../restore-executor.ts';

type SessionHandlers = Pick<Handlers, `sessions.${string}` & keyof Handlers>;

export async function storeNewSession(
  deps: Deps,
  windows: WindowRecord[],
  kind: SessionKind,
  name?: string,
): Promise<Session> {
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
  // The sites' cookies go into their jar first: a stored session never points at a missing jar.
  const cookieJarId = await jarForWindows(deps, windows);
  if (cookieJarId) session.cookieJarId = cookieJarId;
  await repo.saveSession(await deps.db(), session, { id, windows }).catch(async (e: unknown) => {
    await dropJar(deps, cookieJarId);
    throw e;
  });
  return session;
}

function nothingToSave(): never {
  throw new StoreError('not-found', { key: 'errNothingToSave' });
}

export async function restoreSession(
  deps: Deps,
  id: string,
  mode?: RestoreMode,
  opts: ExecuteOptions = {},
  cookieOpts: { overwrite?: boolean } = {},
): Promise<RestoreReport> {
  const found = await repo.getSession(await deps.db(), id);
  if (!found) throw new StoreError('not-found', { key: 'errSessionGone' });
  const settings = await loadSettings(deps);
  const plan = planRestore(found.body.windows, mode ?? { kind: 'new-windows' }, {
    lazy: settings.lazyRestore,
    allowData: deps.platform.allowsDataUrls,
    allowFile: await deps.platform.allowsFileUrls(),
  });
  // Cookies before any tab loads, so the first request of each tab already carries them.
  const urls = plan.windows.flatMap((w) => w.tabs.flatMap((t) => (t.open.kind === 'newtab' ? [] : [t.open.url])));
  const cookies = await restoreSessionCookies(deps, found.session, urls, cookieOpts);
  return { ...(await executeRestore(deps.platform, plan, opts)), cookies };
}

function mustExist<T>(x: T | undefined): T {
  if (x === undefined) throw new StoreError('not-found', { key: 'errSessionGone' });
  return x;
}

/** Progress kept for pages opened later, and sent as events at most every 100 ms, always the last one. */
function throttledProgress(deps: Deps, restoreId: string, underway: RestoreUnderway): (p: RestoreProgress) => void {
  let last = 0;
  return (p) => {
    underway.done = p.done;
    underway.total = p.total;
    const now = Date.now();
    if (now - last < 100 && p.done < p.total) return;
    last = now;
    deps.platform.broadcast({
      tabulariumEvent: 'restore.progress',
      restoreId,
      done: p.done,
      total: p.total,
    } satisfies RestoreProgressEvent);
  };
}

export function sessionHandlers({ deps, tracker, search, restores }: Services): SessionHandlers {
  return {
    async 'sessions.list'() {
      return { sessions: await repo.listSessions(await deps.db()) };
    },
    async 'sessions.get'({ id }) {
      const found = await repo.getSession(await deps.db(), id);
      if (!found) throw new StoreError('not-found', { key: 'errSessionGone' });
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
    async 'sessions.restore'({ id, mode: asked, restoreId, overwriteCookies }) {
      const mode =
        asked?.kind === 'replace' && asked.windowIds.length === 0
          ? { kind: 'replace' as const, windowIds: [...tracker.state.windows.keys()] }
          : asked;
      const underway: RestoreUnderway = { controller: new AbortController(), done: 0, total: 0 };
      if (restoreId) restores.set(restoreId, underway);
      try {
        return await restoreSession(
          deps,
          id,
          mode,
          {
            signal: underway.controller.signal,
            onProgress: restoreId ? throttledProgress(deps, restoreId, underway) : undefined,
          },
          { overwrite: !!overwriteCookies },
        );
      } finally {
        if (restoreId) {
          restores.delete(restoreId);
          deps.platform.broadcast({ tabulariumEvent: 'restore.ended', restoreId } satisfies RestoreEndedEvent);
        }
      }
    },
    async 'sessions.cancelRestore'({ restoreId }) {
      restores.get(restoreId)?.controller.abort();
      return {};
    },
    async 'sessions.restoresUnderway'() {
      return { restores: [...restores].map(([restoreId, r]) => ({ restoreId, done: r.done, total: r.total })) };
    },
    async 'sessions.search'({ query, limit }) {
      const results = await search.search(query, limit ?? 50);
      const db = await deps.db();
      const sessions = await Promise.all(results.map((r) => db.get('sessions', r.id)));
      return { results: results.flatMap((r, i) => (sessions[i] ? [{ ...r, session: sessions[i] }] : [])) };
    },
    async 'sessions.rename'({ id, name }) {
      const trimmed = name.trim();
      if (!trimmed) throw new StoreError('invalid', { key: 'errSessionNeedsName' });
      return { session: await repo.updateSession(await deps.db(), id, (s) => ({ ...s, name: trimmed.slice(0, 500) })) };
    },
    async 'sessions.setTags'({ id, tags }) {
      const clean = [
        ...new Set(
          tags
            .map((t) => t.trim())
            .filter(Boolean)
            .map((t) => t.slice(0, 64)),
        ),
      ].slice(0, 50);
      return { session: await repo.updateSession(await deps.db(), id, (s) => ({ ...s, tags: clean })) };
    },
    async 'sessions.removeTabs'({ id, tabs }) {
      const drop = new Set(tabs.map((t) => `${t.windowIndex}:${t.tabIndex}`));
      const session = await repo.updateBody(await deps.db(), id, (b) => ({
        ...b,
        windows: b.windows
          .map((w, wi) => ({ ...w, tabs: w.tabs.filter((_, ti) => !drop.has(`${wi}:${ti}`)) }))
          .filter((w) => w.tabs.length > 0),
      }));
      return { session };
    },
    async 'sessions.compare'({ id }) {
      const found = mustExist(await repo.getSession(await deps.db(), id));
      return diffSessions(found.body.windows, await tracker.snapshot());
    },
    async 'sessions.promote'({ id }) {
      const session = await repo.updateSession(await deps.db(), id, (s) => ({ ...s, kind: 'manual' }));
      return { session };
    },
  };
}
