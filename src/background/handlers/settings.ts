import type { Handlers } from '../../shared/protocol.ts';
import type { Services } from '../deps.ts';
import { loadSettings, saveSettings } from '../settings.ts';

type SettingsHandlers = Pick<Handlers, 'settings.get' | 'settings.set'>;

export function settingsHandlers(s: Services): SettingsHandlers {
  return {
    async 'settings.get'() {
      return loadSettings(s.deps);
    },
    async 'settings.set'(patch) {
      const next = await saveSettings(s.deps, patch);
      await s.settingsChanged();
      return next;
    },
  };
}
