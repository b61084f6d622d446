// The recovery banner: what can come back, bringing it back, or letting it go.
import type { Handlers } from '../../shared/protocol.ts';
import { emptyCookieReport } from '../cookies/cookie-jars.ts';
import type { WorkerContext } from '../context.ts';

type RecoveryHandlers = Pick<Handlers, `recovery.${string}` & keyof Handlers>;

export function recoveryHandlers({ recovery }: WorkerContext): RecoveryHandlers {
  return {
    async 'recovery.status'() {
      const pending = await recovery.showBadge();
      const unreadable = await recovery.unreadable();
      return {
        ...(pending ? { pending: { windows: pending.windows, tabs: pending.tabs, at: pending.at } } : {}),
        ...(unreadable ? { unreadable: { at: unreadable.at } } : {}),
      };
    },
    'recovery.exportUnreadable': async () => ({ json: await recovery.exportUnreadable() }),
    async 'recovery.forgetUnreadable'() {
      await recovery.forgetUnreadable();
      return {};
    },
    async 'recovery.recover'({ restoreId }) {
      const report = await recovery.recover(restoreId);
      return report ?? { windows: 0, tabs: 0, blocked: 0, failed: [], cancelled: false, cookies: emptyCookieReport() };
    },
    async 'recovery.dismiss'() {
      await recovery.dismiss();
      return {};
    },
  };
}
