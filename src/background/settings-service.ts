// Settings live in storage.local; the worker re-reads them when asked (no global is trusted
// across a worker restart) and applies what changes (the autosave alarm's period). Where the
// browser has storage.sync, the settings that are not this machine's own (DEVICE_SETTINGS) follow
// the person there: the newest choice wins, by the time it was made.
import { normalizeSettings, sharedSettings, withShared, type Settings } from '../core/settings-model.ts';
import type { WorkerContext } from './context.ts';

export const SETTINGS_KEY = 'settings';
/** When this device's settings were last chosen here or taken from storage.sync. */
const CHOSEN_AT_KEY = 'settingsChosenAt';
export const AUTOSAVE_ALARM = 'autosave';

export class SettingsService {
  constructor(private readonly ctx: WorkerContext) {}

  async load(): Promise<Settings> {
    return normalizeSettings(await this.ctx.platform.localArea.get(SETTINGS_KEY));
  }

  /** Stores the patch and applies it; returns the settings now in force. */
  async save(patch: Partial<Settings>): Promise<Settings> {
    const next = normalizeSettings({ ...(await this.load()), ...patch });
    const at = this.ctx.now();
    await this.store(next, at);
    await this.apply(next);
    await this.share(next, at);
    return next;
  }

  /** Takes the shared settings another device wrote to storage.sync, unless a later choice was made here. */
  async adopt(raw: unknown): Promise<void> {
    const at = (raw as { at?: unknown } | undefined)?.at;
    if (typeof at !== 'number' || at <= ((await this.ctx.platform.localArea.get<number>(CHOSEN_AT_KEY)) ?? 0)) return;
    const next = withShared(await this.load(), raw);
    if (!next) return;
    await this.store(next, at);
    await this.apply(next);
  }

  /** At every worker start: what storage.sync brought while the worker slept, then the alarms. */
  async start(): Promise<void> {
    const area = this.ctx.platform.syncArea;
    if (area) await this.adopt(await area.get(SETTINGS_KEY)).catch(warn);
    await this.apply();
  }

  /** Alarms can be lost across restarts, so this runs at every worker start too. */
  async apply(settings?: Settings): Promise<void> {
    const s = settings ?? (await this.load());
    this.ctx.tracker.keepPrivateWindows(s.keepPrivateWindows);
    await this.ctx.platform.alarms.ensure(AUTOSAVE_ALARM, s.autosaveMinutes);
  }

  private async store(s: Settings, at: number): Promise<void> {
    await this.ctx.platform.localArea.set(SETTINGS_KEY, s);
    await this.ctx.platform.localArea.set(CHOSEN_AT_KEY, at);
  }

  /** storage.sync can be off, signed out or over its quota: this device's settings stand either way. */
  private async share(s: Settings, at: number): Promise<void> {
    await this.ctx.platform.syncArea?.set(SETTINGS_KEY, sharedSettings(s, at)).catch(warn);
  }
}

const warn = (e: unknown) => console.warn('[tabularium] settings not shared through storage.sync', e);
