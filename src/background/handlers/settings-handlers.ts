import type { Handlers } from '../../shared/protocol.ts';
import type { WorkerContext } from '../context.ts';

type SettingsHandlers = Pick<Handlers, `settings.${string}` & keyof Handlers>;

export function settingsHandlers({ settings }: WorkerContext): SettingsHandlers {
  return {
    'settings.get': () => settings.load(),
    'settings.set': (patch) => settings.save(patch),
  };
}
