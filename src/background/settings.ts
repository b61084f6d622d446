// Settings live in storage.local; the worker re-reads them when asked (no global is trusted
// across a worker restart).
import { normalizeSettings, type Settings } from '../core/settings.ts';
import type { Deps } from './deps.ts';

const KEY = 'settings';

export async function loadSettings(deps: Deps): Promise<Settings> {
  return normalizeSettings(await deps.platform.localArea.get(KEY));
}

export async function saveSettings(deps: Deps, patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings(deps)), ...patch });
  await deps.platform.localArea.set(KEY, next);
  return next;
}
