// Every message of the protocol, answered. `satisfies Handlers` makes a missing one a compile error.
import type { Handlers } from '../../shared/protocol.ts';
import type { Services } from '../deps.ts';
import { diagnosticsHandlers } from './diagnostics.ts';
import { importExportHandlers } from './import-export.ts';
import { cookieHandlers } from './cookies.ts';
import { cookieKeepingHandlers } from './cookie-keeping.ts';
import { recoveryHandlers } from './recovery.ts';
import { sessionHandlers } from './sessions.ts';
import { settingsHandlers } from './settings.ts';

export function createHandlers(s: Services) {
  return {
    ...sessionHandlers(s),
    ...recoveryHandlers(s),
    ...settingsHandlers(s),
    ...cookieHandlers(s),
    ...importExportHandlers(s),
    ...diagnosticsHandlers(s),
    ...cookieKeepingHandlers(s),
  } satisfies Handlers;
}
