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

const afterTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** While set, calls wait for it: see `firstCall`. */
let held: Promise<unknown> | undefined;

/**
 * The page's first question, asked ahead of all others: the calls made until it is answered wait
 * for it. A popup asks seven more things as it mounts (status, recovery, the search index…); the
 * worker answering them all at once took the session list from 50 to 110 ms.
 */
export function firstCall<K extends MessageType>(
  type: K,
  payload: Req<K>,
  /** The same question, already asked (by the page's early script). */
  asked?: Promise<Res<K>>,
): Promise<Res<K>> {
  const first = asked ?? call(type, payload);
  // Released a task after the answer, so the page draws it before the others are even sent.
  const settled = first.then(afterTask, afterTask);
  held = settled;
  void settled.then(() => {
    if (held === settled) held = undefined;
  });
  return first;
}

export async function call<K extends MessageType>(type: K, payload: Req<K>): Promise<Res<K>> {
  if (held) await held;
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
