// The popup's notice: whether the worker's writes get through right now.
import type { Handlers } from '../../shared/protocol.ts';
import type { WorkerContext } from '../context.ts';

type HealthHandlers = Pick<Handlers, `health.${string}` & keyof Handlers>;

export function healthHandlers({ health }: WorkerContext): HealthHandlers {
  return {
    'health.status': async () => health.status(),
  };
}
