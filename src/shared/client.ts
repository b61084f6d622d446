// What extension pages use to talk to the worker: `call('sessions.list', {})`, typed end to end.
import type { UserMessage } from '../core/user-error.ts';
import { onRuntimeEvent, sendRuntimeMessage } from '../platform/messaging.ts';
import { isWorkerEvent, type WorkerEvent } from './worker-events.ts';
import type { Envelope, MessageType, Reply, Req, Res } from './protocol.ts';

export class RemoteError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly userMessage?: UserMessage,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

export async function call<K extends MessageType>(type: K, payload: Req<K>): Promise<Res<K>> {
  const env: Envelope<K> = { tabularium: 1, type, payload };
  const reply = (await sendRuntimeMessage(env)) as Reply<Res<K>> | undefined;
  if (!reply) throw new RemoteError('The background worker did not answer.');
  if (!reply.ok) throw new RemoteError(reply.error.message, reply.error.code, reply.error.userMessage);
  return reply.value;
}

/** Hears the worker's events (restore progress…); returns the function that stops listening. */
export function onWorkerEvent(listener: (e: WorkerEvent) => void): () => void {
  return onRuntimeEvent((msg) => {
    if (isWorkerEvent(msg)) listener(msg);
  });
}
