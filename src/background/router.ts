// Routes a message envelope to its handler and turns failures into replies the page can show.
import { isEnvelope, type Handlers, type MessageType, type Reply } from '../shared/protocol.ts';

export function createRouter(handlers: Handlers) {
  return async function route(msg: unknown): Promise<Reply<unknown> | undefined> {
    if (!isEnvelope(msg) || !Object.hasOwn(handlers, msg.type)) return undefined;
    const handler = handlers[msg.type as MessageType] as (req: unknown) => Promise<unknown>;
    try {
      return { ok: true, value: await handler(msg.payload) };
    } catch (e) {
      const err = e as { message?: string; code?: string };
      console.error(`[tabularium] ${msg.type} failed`, e);
      return { ok: false, error: { message: err.message ?? String(e), ...(err.code ? { code: err.code } : {}) } };
    }
  };
}
