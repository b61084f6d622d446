import type { Settings } from '../../core/settings-model.ts';

export interface SettingsMessages {
  'settings.get': { req: Record<string, never>; res: Settings };
  'settings.set': { req: Partial<Settings>; res: Settings };
}
