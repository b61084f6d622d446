// The person's settings, with defaults and bounds, as plain data (stored in storage.local).

export interface Settings {
  /** Minutes between periodic autosaves; 0.5 is the shortest alarms allow. */
  autosaveMinutes: number;
  /** Autosaves kept of each kind. */
  retention: number;
  /** Restore by itself after a crash (once; a crash loop asks). */
  autoRecover: boolean;
  /** Restore tabs lazily: a light placeholder until first shown. */
  lazyRestore: boolean;
  /** Keep the session cookies of open sites (needs the cookies permission). */
  keepCookies: boolean;
  /** Widen cookie keeping from session cookies to all cookies of those sites. */
  keepAllCookies: boolean;
  /**
   * Write private (incognito) windows to disk like the others: live state, saves, autosaves,
   * closed-window snapshots and kept cookies. Off: they are tracked in memory only.
   */
  keepPrivateWindows: boolean;
  /** Days of history the journal keeps (time travel), 1–90. */
  journalDays: number;
  /** The journal's size cap in MB: older entries fold away first. */
  journalCapMb: number;
}

export const DEFAULT_SETTINGS: Settings = {
  autosaveMinutes: 5,
  retention: 10,
  autoRecover: false,
  lazyRestore: true,
  keepCookies: false,
  keepAllCookies: false,
  keepPrivateWindows: false,
  journalDays: 7,
  journalCapMb: 100,
};

/**
 * What stays with this browser when settings travel through storage.sync: cookie keeping needs a
 * permission granted here, and whether private windows reach this disk is this machine's choice.
 */
export const DEVICE_SETTINGS = ['keepCookies', 'keepAllCookies', 'keepPrivateWindows'] as const;

/** The settings that follow the person, stamped with when they were chosen. */
export interface SharedSettings {
  values: Partial<Settings>;
  at: number;
}

export function sharedSettings(s: Settings, at: number): SharedSettings {
  const values: Partial<Settings> = { ...s };
  for (const k of DEVICE_SETTINGS) delete values[k];
  return { values, at };
}

/** Another device's shared settings over this one's, or undefined when `raw` is not such a record. */
export function withShared(local: Settings, raw: unknown): Settings | undefined {
  const r = raw as Partial<SharedSettings> | undefined;
  if (!r || typeof r !== 'object' || typeof r.at !== 'number' || !r.values || typeof r.values !== 'object') return;
  const theirs = normalizeSettings(r.values);
  const next = { ...local };
  for (const k of Object.keys(theirs) as (keyof Settings)[]) {
    if (!(DEVICE_SETTINGS as readonly string[]).includes(k)) (next as Record<string, unknown>)[k] = theirs[k];
  }
  return next;
}

export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const num = (v: unknown, d: number, lo: number, hi: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : d;
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  return {
    autosaveMinutes: num(r.autosaveMinutes, DEFAULT_SETTINGS.autosaveMinutes, 0.5, 24 * 60),
    retention: Math.round(num(r.retention, DEFAULT_SETTINGS.retention, 1, 500)),
    autoRecover: bool(r.autoRecover, DEFAULT_SETTINGS.autoRecover),
    lazyRestore: bool(r.lazyRestore, DEFAULT_SETTINGS.lazyRestore),
    keepCookies: bool(r.keepCookies, DEFAULT_SETTINGS.keepCookies),
    keepAllCookies: bool(r.keepAllCookies, DEFAULT_SETTINGS.keepAllCookies),
    keepPrivateWindows: bool(r.keepPrivateWindows, DEFAULT_SETTINGS.keepPrivateWindows),
    journalDays: Math.round(num(r.journalDays, DEFAULT_SETTINGS.journalDays, 1, 90)),
    journalCapMb: Math.round(num(r.journalCapMb, DEFAULT_SETTINGS.journalCapMb, 10, 10_000)),
  };
}
