// Routes a message envelope to its handler and turns failures into replies the page can show.
import { isUserMessage } from '../core/user-error.ts';
import { isEnvelope, type Handlers, type MessageType, type Reply, type RequestContext } from '../shared/protocol.ts';

/** `onTiming` hears how long each handler took, from the message to its last committed write. */
export function createRouter(handlers: Handlers, onTiming?: (type: MessageType, ms: number) => void) {
  return async function route(msg: unknown, ctx: RequestContext = {}): Promise<Reply<unknown> | undefined> {
    if (!isEnvelope(msg) || !Object.hasOwn(handlers, msg.type)) return undefined;
    const handler = handlers[msg.type as MessageType] as (req: unknown, ctx: RequestContext) => Promise<unknown>;
    try {
      const t0 = performance.now();
      const value = await handler(msg.payload, ctx);
      onTiming?.(msg.type as MessageType, performance.now() - t0);
      return { ok: true, value };
    } catch (e) {
      const err = e as { message?: string; code?: string; userMessage?: unknown };
      console.error(`[tabularium] ${msg.type} failed`, e);
      return {
        ok: false,
        error: {
          message: err.message ?? String(e),
          ...(err.code ? { code: err.code } : {}),
          ...(isUserMessage(err.userMessage) ? { userMessage: err.userMessage } : {}),
        },
      };
    }
  };
}
