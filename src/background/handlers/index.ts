// Every message of the protocol, answered. `satisfies Handlers` makes a missing one a compile error.
import type { Handlers } from '../../shared/protocol.ts';
import type { Deps } from '../deps.ts';
import { sessionHandlers } from './sessions.ts';

export function createHandlers(deps: Deps) {
  return {
    ...sessionHandlers(deps),
  } satisfies Handlers;
}
