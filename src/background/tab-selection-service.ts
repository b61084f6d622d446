// The manager's bulk actions on checked tabs from any sessions: open them (through the restore
// path: the URL policy, placeholders for what must not open, lazy loading, the shared load slots),
// move them to another session, delete them with Undo. Each move or delete is one store
// transaction over every session it touches, so a failed write loses no tab.
import type { Session, SessionWithBody, TabRecord } from '../core/model.ts';
import { planRestore } from '../core/restore-plan.ts';
import {
  checkRefs,
  looseWindow,
  refsBySession,
  reinsertTabs,
  removeTabs,
  type Removal,
  type TabRef,
} from '../core/tab-moves.ts';
import { UserError } from '../core/user-error.ts';
import type { MoveTarget, OpenTabsReport } from '../shared/messages/manager-messages.ts';
import type { WorkerContext } from './context.ts';
import { executeRestore } from './restore/restore-executor.ts';

/** meta key of the last tab delete, for its Undo. */
export const LAST_TAB_DELETE_KEY = 'manager:lastTabDelete';
const MAX_NAME = 500;

interface LastTabDelete {
  undoId: string;
  removals: [sessionId: string, removal: Removal][];
}

function refsOf(refs: readonly TabRef[]): Map<string, TabRef[]> {
  const bySession = refsBySession(refs);
  if (bySession.size === 0) throw new UserError('invalid', { key: 'errManagerNothingChecked' });
  return bySession;
}

export class TabSelectionService {
  constructor(private readonly ctx: WorkerContext) {}

  /** Exactly these tabs, in the order given per session, in one new window. */
  async open(refs: readonly TabRef[]): Promise<OpenTabsReport> {
    const { ctx } = this;
    const bySession = refsOf(refs);
    const ids = [...bySession.keys()];
    const found = await ctx.store.sessions.getMany(ids);
    const tabs: TabRecord[] = [];
    found.forEach((s, i) => {
      if (!s) throw new UserError('not-found', { key: 'errSessionGone' });
      const list = bySession.get(ids[i]!)!;
      checkRefs(s.body, list);
      for (const r of list) tabs.push(s.body.windows[r.windowIndex]!.tabs[r.tabIndex]!);
    });
    const settings = await ctx.settings.load();
    const plan = planRestore(
      [looseWindow(tabs)],
      { kind: 'new-windows' },
      {
        lazy: settings.lazyRestore,
        allowData: ctx.platform.allowsDataUrls,
        allowFile: await ctx.platform.allowsFileUrls(),
      },
    );
    const report = await executeRestore(ctx.platform, plan, {
      signal: new AbortController().signal,
      slots: ctx.restores.slots,
    });
    return { tabs: report.tabs, blocked: report.blocked, failed: report.failed };
  }

  /** Into one new window at the end of the target (created when it is a new name). */
  async move(refs: readonly TabRef[], to: MoveTarget): Promise<{ target: Session; changed: Session[] }> {
    const { ctx } = this;
    const bySession = refsOf(refs);
    const now = ctx.now();
    const targetId = 'sessionId' in to ? to.sessionId : ctx.newId();
    const name = 'newName' in to ? to.newName.trim().slice(0, MAX_NAME) : '';
    if ('newName' in to && !name) throw new UserError('invalid', { key: 'errSessionNeedsName' });
    const ids = [...new Set([...bySession.keys(), ...('sessionId' in to ? [to.sessionId] : [])])];
    const { written } = await ctx.store.sessions.rewrite(
      ids,
      undefined,
      (found) => {
        const out = new Map<string, SessionWithBody>(found);
        const moved: TabRecord[] = [];
        for (const [id, list] of bySession) {
          const s = out.get(id)!;
          checkRefs(s.body, list);
          const { body, removal } = removeTabs(s.body, list);
          moved.push(...removal.tabs.map((r) => r.tab));
          out.set(id, { ...s, body });
        }
        const target = out.get(targetId) ?? {
          session: {
            id: targetId,
            name,
            kind: 'manual' as const,
            createdAt: now,
            updatedAt: now,
            tags: [],
            counts: { windows: 0, tabs: 0 },
          },
          body: { id: targetId, windows: [] },
        };
        out.set(targetId, {
          ...target,
          body: { ...target.body, windows: [...target.body.windows, looseWindow(moved)] },
        });
        return { put: [...out.values()], result: undefined };
      },
      now,
    );
    return { target: written.find((s) => s.id === targetId)!, changed: written };
  }

  async delete(refs: readonly TabRef[]): Promise<{ undoId: string; changed: Session[] }> {
    const { ctx } = this;
    const bySession = refsOf(refs);
    const undoId = ctx.newId();
    const { written } = await ctx.store.sessions.rewrite(
      [...bySession.keys()],
      undefined,
      (found) => {
        const removals: LastTabDelete['removals'] = [];
        const put = [...bySession].map(([id, list]) => {
          const s = found.get(id)!;
          checkRefs(s.body, list);
          const { body, removal } = removeTabs(s.body, list);
          removals.push([id, removal]);
          return { session: s.session, body };
        });
        const last: LastTabDelete = { undoId, removals };
        return { put, meta: { [LAST_TAB_DELETE_KEY]: last }, result: undefined };
      },
      ctx.now(),
    );
    return { undoId, changed: written };
  }

  async undoDelete(undoId: string): Promise<{ changed: Session[] }> {
    const { ctx } = this;
    const last = await ctx.store.meta.get<LastTabDelete>(LAST_TAB_DELETE_KEY);
    if (last?.undoId !== undoId) throw new UserError('not-found', { key: 'errManagerUndoGone' });
    // Sessions deleted since then are skipped: their tabs went to the trash with them.
    const present = await ctx.store.sessions.summaries(last.removals.map(([id]) => id));
    const removals = last.removals.filter((_, i) => present[i]);
    const { written } = await ctx.store.sessions.rewrite(
      removals.map(([id]) => id),
      LAST_TAB_DELETE_KEY,
      (found, metaValue) => {
        // Another page's Undo got there first.
        if ((metaValue as LastTabDelete | undefined)?.undoId !== undoId) {
          throw new UserError('not-found', { key: 'errManagerUndoGone' });
        }
        const put = removals.map(([id, removal]) => {
          const s = found.get(id)!;
          return { session: s.session, body: reinsertTabs(s.body, removal) };
        });
        return { put, meta: { [LAST_TAB_DELETE_KEY]: undefined }, result: undefined };
      },
      ctx.now(),
    );
    return { changed: written };
  }
}
