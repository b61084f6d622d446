// storage.sync changes reach the worker; storage.local and storage.session changes (the worker's
// own writes) do not come back to it as events.
import { describe, expect, it } from 'vitest';
import { subscribeEvents, type BrowserEvents, type EventsNamespace } from '../../../src/platform/events.ts';

type StorageListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

describe('storage events', () => {
  it('tells the worker of each key storage.sync changed, and of nothing in the other areas', () => {
    let fire: StorageListener = () => undefined;
    const none = { addListener: () => undefined };
    const ns = {
      tabs: new Proxy({}, { get: () => none }),
      windows: new Proxy({}, { get: () => none }),
      alarms: { onAlarm: none },
      storage: { onChanged: { addListener: (cb: StorageListener) => void (fire = cb) } },
    } as unknown as EventsNamespace;
    const seen: [string, unknown][] = [];
    subscribeEvents(ns, {
      syncAreaChanged: (k: string, v: unknown) => void seen.push([k, v]),
    } as unknown as BrowserEvents);
    fire({ settings: { newValue: 1 } }, 'local');
    fire({ settings: { newValue: 2 } }, 'session');
    fire({ settings: { newValue: { at: 3 } }, other: {} }, 'sync');
    expect(seen).toEqual([
      ['settings', { at: 3 }],
      ['other', undefined],
    ]);
  });
});
