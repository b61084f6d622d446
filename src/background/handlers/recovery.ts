// The recovery banner: what can come back, bringing it back, or letting it go.
import type { Handlers } from '../../shared/protocol.ts';
import type { Services } from '../deps.ts';
import { getMeta, setMeta } from '../../store/meta-repo.ts';
import { StoreError } from '../../store/errors.ts';
import { clearPending, pendingRecovery, type UnreadableState } from '../recovery.ts';
import { restoreSession } from './sessions.ts';
import { updateBadge } from '../badge.ts';

type RecoveryHandlers = Pick<
  Handlers,
  | 'recovery.status'
  | 'recovery.recover'
  | 'recovery.dismiss'
  | 'recovery.exportUnreadable'
  | 'recovery.forgetUnreadable'
>;

export async function openUrls(s: Services): Promise<Set<string>> {
  const windows = await s.tracker.snapshot();
  return new Set(windows.flatMap((w) => w.tabs.map((t) => t.url)));
}

export function recoveryHandlers(s: Services): RecoveryHandlers {
  return {
    async 'recovery.status'() {
      const pending = await pendingRecovery(s.deps, await openUrls(s));
      await updateBadge(s.deps, pending);
      const unreadable = await getMeta<UnreadableState>(await s.deps.db(), 'recovery:unreadable');
      return {
        ...(pending ? { pending: { windows: pending.windows, tabs: pending.tabs, at: pending.at } } : {}),
        ...(unreadable ? { unreadable: { at: unreadable.at } } : {}),
      };
    },
    async 'recovery.exportUnreadable'() {
      const unreadable = await getMeta<UnreadableState>(await s.deps.db(), 'recovery:unreadable');
      if (!unreadable) throw new StoreError('not-found', { key: 'errNoUnreadable' });
      return { json: JSON.stringify({ format: 'tabularium-unreadable-state', ...unreadable }, null, 1) };
    },
    async 'recovery.forgetUnreadable'() {
      await setMeta(await s.deps.db(), { 'recovery:unreadable': undefined });
      return {};
    },
    async 'recovery.recover'() {
      const pending = await pendingRecovery(s.deps, await openUrls(s));
      if (!pending)
        return {
          windows: 0,
          tabs: 0,
          blocked: 0,
          failed: [],
          cancelled: false,
          cookies: { restored: 0, skipped: [], failed: [] },
        };
      // Cleared first: a second click while the first restore runs must not open everything twice.
      await clearPending(s.deps);
      await updateBadge(s.deps, undefined);
      return restoreSession(s.deps, pending.sessionId);
    },
    async 'recovery.dismiss'() {
      await clearPending(s.deps);
      await updateBadge(s.deps, undefined);
      return {};
    },
  };
}
