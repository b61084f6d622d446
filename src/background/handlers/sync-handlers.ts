// Sync through the person's WebDAV folder: thin adapters over the worker's SyncService.
import type { Handlers } from '../../shared/protocol.ts';
import type { WorkerContext } from '../context.ts';

type SyncHandlers = Pick<Handlers, `sync.${string}` & keyof Handlers>;

export function syncHandlers({ sync }: WorkerContext): SyncHandlers {
  return {
    'sync.status': () => sync.status(),
    'sync.turnOn': (req) => sync.turnOn(req),
    'sync.now': () => sync.now(),
    'sync.pull': () => sync.pull(),
    'sync.setOptions': (patch) => sync.setOptions(patch),
    'sync.resolve': (req) => sync.resolve(req),
    'sync.turnOff': () => sync.turnOff(),
  };
}
