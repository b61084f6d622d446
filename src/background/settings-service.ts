// Settings live in storage.local; the worker re-reads them when asked (no global is trusted
// across a worker restart) and applies what changes (the autosave alarm's period).
import { normalizeSettings, type Settings } from '../core/settings-model.ts';
import type { WorkerContext } from './context.ts';

const KEY = 'settings';
export const AUTOSAVE_ALARM = 'autosave';

export class SettingsService {
  constructor(private readonly ctx: WorkerContext) {}

  async load(): Promise<Settings> {
    return normalizeSettings(await this.ctx.platform.localArea.get(KEY));
  }

  /** Stores the patch and applies it; returns the settings now in force. */
  async save(patch: Partial<Settings>): Promise<Settings> {
    const next = normalizeSettings({ ...(await this.load()), ...patch });
    await this.ctx.platform.localArea.set(KEY, next);
    await this.apply(next);
    return next;
  }

  /** Alarms can be lost across restarts, so this runs at every worker start too. */
  async apply(settings?: Settings): Promise<void> {
    const s = settings ?? (await this.load());
    this.ctx.tracker.keepPrivateWindows(s.keepPrivateWindows);
    await this.ctx.platform.alarms.ensure(AUTOSAVE_ALARM, s.autosaveMinutes);
  }
}
