// The recovery banner: what can come back, bringing it back, or letting it go.
import type { Handlers } from '../../shared/protocol.ts';
import { emptyCookieReport } from '../cookies/cookie-jars.ts';
import type { WorkerContext } from '../context.ts';

type RecoveryHandlers = Pick<Handlers, `recovery.${string}` & keyof Handlers>;

export function recoveryHandlers({ recovery, journal }: WorkerContext): RecoveryHandlers {
  return {
    async 'recovery.status'() {
      const pending = await recovery.showBadge();
      const unreadable = await recovery.unreadable();
      const asItWas = pending && (await journal.asItWasBefore(pending.at));
      const counts = (p: { windows: number; tabs: number; at: number; sessionId: string }) => ({
        windows: p.windows,
        tabs: p.tabs,
        at: p.at,
        sessionId: p.sessionId,
      });
      return {
        ...(pending
          ? {
              pending: {
                ...counts(pending),
                ...(pending.earlier ? { earlier: counts(pending.earlier) } : {}),
                ...(asItWas ? { asItWas } : {}),
              },
            }
          : {}),
        ...(unreadable ? { unreadable: { at: unreadable.at } } : {}),
      };
    },
    'recovery.exportUnreadable': async () => ({ json: await recovery.exportUnreadable() }),
    async 'recovery.forgetUnreadable'() {
      await recovery.forgetUnreadable();
      return {};
    },
    async 'recovery.recover'({ restoreId, which }) {
      const report =
        which === 'as-it-was' ? await journal.recoverAsItWas(restoreId) : await recovery.recover(restoreId, which);
      return report ?? { windows: 0, tabs: 0, blocked: 0, failed: [], cancelled: false, cookies: emptyCookieReport() };
    },
    async 'recovery.dismiss'() {
      await recovery.dismiss();
      return {};
    },
  };
}
