// The typed message protocol between extension pages and the service worker: one map, a request
// and a response type per message. The worker's handlers `satisfy` Handlers, so a message without
// a handler does not compile.
//
// The map is assembled from one file per area in ./messages/, so each area's messages sit beside
// each other and a newcomer finds them by name.
import type { UserMessage } from '../core/user-error.ts';
import type { CookieKeepingMessages } from './messages/keeping-messages.ts';
import type { CookieMessages } from './messages/cookies-messages.ts';
import type { DiagnosticsMessages } from './messages/diagnostics-messages.ts';
import type { HealthMessages } from './messages/health-messages.ts';
import type { ImportExportMessages } from './messages/import-export-messages.ts';
import type { JournalMessages } from './messages/journal-messages.ts';
import type { ManagerMessages } from './messages/manager-messages.ts';
import type { RecoveryMessages } from './messages/recovery-messages.ts';
import type { SessionMessages } from './messages/sessions-messages.ts';
import type { SettingsMessages } from './messages/settings-messages.ts';
import type { SyncMessages } from './messages/sync-messages.ts';
import type { VaultMessages } from './messages/vault-messages.ts';

export type { RestoreReport } from './messages/sessions-messages.ts';
export type { RecoverWhich } from './messages/recovery-messages.ts';

export interface Messages
  extends
    SessionMessages,
    RecoveryMessages,
    SettingsMessages,
    CookieMessages,
    ImportExportMessages,
    CookieKeepingMessages,
    HealthMessages,
    VaultMessages,
    JournalMessages,
    ManagerMessages,
    SyncMessages {}

/** Every message the e2e build answers: the product's, and the probes of tests and the bench. */
export interface E2EMessages extends Messages, DiagnosticsMessages {}
export type E2EMessageType = keyof E2EMessages;
export type E2EHandlers = {
  [K in keyof DiagnosticsMessages]: (req: DiagnosticsMessages[K]['req']) => Promise<DiagnosticsMessages[K]['res']>;
};

export type MessageType = keyof Messages;
export type Req<K extends MessageType> = Messages[K]['req'];
export type Res<K extends MessageType> = Messages[K]['res'];

export interface Envelope<K extends MessageType = MessageType> {
  tabularium: 1;
  type: K;
  payload: Req<K>;
}

export type Reply<T> =
  { ok: true; value: T } | { ok: false; error: { message: string; code?: string; userMessage?: UserMessage } };

/** Who sent a request: the tab of the page, when it is one. */
export interface RequestContext {
  tabId?: number;
}

export type Handlers = { [K in MessageType]: (req: Req<K>, ctx?: RequestContext) => Promise<Res<K>> };

export function isEnvelope(x: unknown): x is Envelope {
  return (
    typeof x === 'object' &&
    x !== null &&
    (x as { tabularium?: unknown }).tabularium === 1 &&
    typeof (x as { type?: unknown }).type === 'string'
  );
}
