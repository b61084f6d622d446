// Every message of the protocol, answered by a thin adapter per area that delegates to a service.
// `satisfies Handlers` makes a missing handler a compile error; mergeAreas makes one answered by
// two areas an error at start (and in the meta-test).
import type { Handlers } from '../../shared/protocol.ts';
import type { WorkerContext } from '../context.ts';
import { cookieHandlers } from './cookies-handlers.ts';
import { healthHandlers } from './health-handlers.ts';
import { importExportHandlers } from './import-export-handlers.ts';
import { journalHandlers } from './journal-handlers.ts';
import { keepingHandlers } from './keeping-handlers.ts';
import { managerHandlers } from './manager-handlers.ts';
import { recoveryHandlers } from './recovery-handlers.ts';
import { sessionHandlers } from './sessions-handlers.ts';
import { settingsHandlers } from './settings-handlers.ts';
import { syncHandlers } from './sync-handlers.ts';
import { vaultHandlers } from './vault-handlers.ts';

export function handlerAreas(ctx: WorkerContext) {
  return [
    sessionHandlers(ctx),
    recoveryHandlers(ctx),
    settingsHandlers(ctx),
    cookieHandlers(ctx),
    importExportHandlers(ctx),
    keepingHandlers(ctx),
    healthHandlers(ctx),
    vaultHandlers(ctx),
    journalHandlers(ctx),
    managerHandlers(ctx),
    syncHandlers(ctx),
  ] as const;
}

type Merged<T extends readonly object[]> = T extends readonly [infer A, ...infer R extends object[]]
  ? A & Merged<R>
  : unknown;

/** One object of every area's handlers; a message answered twice throws instead of one silently winning. */
export function mergeAreas<T extends readonly object[]>(areas: T): Merged<T> {
  const out: Record<string, unknown> = {};
  for (const area of areas) {
    for (const [type, handler] of Object.entries(area)) {
      if (Object.hasOwn(out, type)) throw new Error(`The message "${type}" has two handlers.`);
      out[type] = handler;
    }
  }
  return out as Merged<T>;
}

export function createHandlers(ctx: WorkerContext) {
  return mergeAreas(handlerAreas(ctx)) satisfies Handlers;
}
