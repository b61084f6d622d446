// The typed message protocol between extension pages and the service worker: one map, a request
// and a response type per message. The worker's handlers `satisfy` Handlers, so a message without
// a handler does not compile.
import type { Session, SessionWithBody } from '../core/model.ts';
import type { RestoreMode } from '../core/restore-plan.ts';
import type { Settings } from '../core/settings.ts';

export interface RestoreReport {
  windows: number;
  tabs: number;
  /** Tabs whose URL could not be opened and came back as a placeholder saying why. */
  blocked: number;
  failed: { url: string; reason: string }[];
  cancelled: boolean;
}

export interface Messages {
  'sessions.list': { req: Record<string, never>; res: { sessions: Session[] } };
  'sessions.get': { req: { id: string }; res: SessionWithBody };
  'sessions.saveAll': { req: { name?: string }; res: { session: Session } };
  'sessions.saveWindow': { req: { windowId?: number; name?: string }; res: { session: Session } };
  'sessions.delete': { req: { id: string }; res: Record<string, never> };
  'sessions.undoDelete': { req: { id: string }; res: { session: Session } };
  'sessions.restore': { req: { id: string; mode?: RestoreMode }; res: RestoreReport };
  /** Turns an automatic snapshot (autosave, closed window, recovered) into a saved session. */
  'sessions.promote': { req: { id: string }; res: { session: Session } };
  'recovery.status': { req: Record<string, never>; res: { pending?: { windows: number; tabs: number; at: number } } };
  'recovery.recover': { req: Record<string, never>; res: RestoreReport };
  'recovery.dismiss': { req: Record<string, never>; res: Record<string, never> };
  'settings.get': { req: Record<string, never>; res: Settings };
  'settings.set': { req: Partial<Settings>; res: Settings };
}

export type MessageType = keyof Messages;
export type Req<K extends MessageType> = Messages[K]['req'];
export type Res<K extends MessageType> = Messages[K]['res'];

export interface Envelope<K extends MessageType = MessageType> {
  tabularium: 1;
  type: K;
  payload: Req<K>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: { message: string; code?: string } };

export type Handlers = { [K in MessageType]: (req: Req<K>) => Promise<Res<K>> };

export function isEnvelope(x: unknown): x is Envelope {
  return typeof x === 'object' && x !== null && (x as { tabularium?: unknown }).tabularium === 1 && typeof (x as { type?: unknown }).type === 'string';
}
