// storage.session (cleared when the browser restarts: tells a fresh run from a worker restart),
// storage.local (settings), storage.sync (the settings that follow the person), and alarms.
import { browser } from './browser.ts';

export const sessionStorageArea = {
  async get<T>(key: string): Promise<T | undefined> {
    return (await browser.storage.session.get(key))[key] as T | undefined;
  },
  async set(key: string, value: unknown): Promise<void> {
    await browser.storage.session.set({ [key]: value });
  },
};

export const localStorageArea = {
  async get<T>(key: string): Promise<T | undefined> {
    return (await browser.storage.local.get(key))[key] as T | undefined;
  },
  async set(key: string, value: unknown): Promise<void> {
    await browser.storage.local.set({ [key]: value });
  },
  onChanged(key: string, cb: (value: unknown) => void): void {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && key in changes) cb(changes[key]!.newValue);
    });
  },
};

/** Undefined where the browser has no storage.sync (it is then this device's settings alone). */
export const syncStorageArea = browser.storage.sync
  ? {
      async get<T>(key: string): Promise<T | undefined> {
        return (await browser.storage.sync.get(key))[key] as T | undefined;
      },
      async set(key: string, value: unknown): Promise<void> {
        await browser.storage.sync.set({ [key]: value });
      },
    }
  : undefined;

export const alarms = {
  async ensure(name: string, periodInMinutes: number): Promise<void> {
    // Alarms can be lost across restarts, so the worker re-creates them at every start.
    const cur = await browser.alarms.get(name);
    if (cur?.periodInMinutes === periodInMinutes) return;
    await browser.alarms.create(name, { periodInMinutes, delayInMinutes: periodInMinutes });
  },
};
