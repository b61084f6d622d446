// "Stay logged in": its status, switching it, clearing every stored cookie value, and putting a
// saved session's cookies back on their own.
import type { Handlers } from '../../shared/protocol.ts';
import type { WorkerContext } from '../context.ts';

type KeepingHandlers = Pick<Handlers, `keeping.${string}` & keyof Handlers>;

export function keepingHandlers({ keeper, sessions, cookieJars }: WorkerContext): KeepingHandlers {
  return {
    'keeping.status': () => keeper.status(),
    'keeping.set': (patch) => keeper.set(patch),
    'keeping.clearAll': () => keeper.clearAll(),
    async 'keeping.restoreCookies'({ sessionId, overwrite }) {
      const { session } = await sessions.get(sessionId);
      return cookieJars.restoreFor(session, undefined, !!overwrite);
    },
  };
}
