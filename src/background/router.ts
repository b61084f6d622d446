// Routes a message envelope to its handler: the request is checked at this edge first, and a
// failure becomes a reply the page can show in its own language.
import { isUserMessage } from '../core/user-error.ts';
import { isEnvelope, type Handlers, type MessageType, type Reply, type RequestContext } from '../shared/protocol.ts';

type AnyHandler = (req: unknown, ctx: RequestContext) => Promise<unknown>;

export interface RouterOptions {
  /** Parses a request or throws (handlers/request-schemas.ts). */
  validate?: (type: MessageType, payload: unknown) => unknown;
  /** The e2e build's probes (src/background/e2e/). */
  extra?: Record<string, AnyHandler>;
  /** The e2e build's timing of each handler, from the message to its last committed write. */
  onTiming?: (type: string, ms: number) => void;
}

export function createRouter(handlers: Handlers, opts: RouterOptions = {}) {
  const all: Record<string, AnyHandler> = { ...(handlers as unknown as Record<string, AnyHandler>), ...opts.extra };
  return async function route(msg: unknown, ctx: RequestContext = {}): Promise<Reply<unknown> | undefined> {
    if (!isEnvelope(msg) || !Object.hasOwn(all, msg.type)) return undefined;
    const handler = all[msg.type]!;
    try {
      const t0 = opts.onTiming ? performance.now() : 0;
      const isProductMessage = Object.hasOwn(handlers, msg.type);
      const payload = opts.validate && isProductMessage ? opts.validate(msg.type, msg.payload) : msg.payload;
      const value = await handler(payload, ctx);
      opts.onTiming?.(msg.type, performance.now() - t0);
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
