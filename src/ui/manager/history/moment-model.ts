// What the History view shows for a moment: its windows, groups and tabs, each tab marked when it
// is not open now, and how many of them that is. Pure, so a slider step costs a replay and this.
import type { LiveRecord } from '../../../core/live-state.ts';
import type { WindowRecord } from '../../../core/model.ts';
import { windowsOfRecords } from '../../../core/journal/reconstruct.ts';

export interface MomentTab {
  url: string;
  title: string;
  pinned: boolean;
  group?: { title: string; color: string };
  /** Not open now (closed since that moment). */
  closedNow: boolean;
}

export interface MomentWindow {
  tabs: MomentTab[];
}

export interface MomentModel {
  windows: MomentWindow[];
  tabs: number;
  closedNow: number;
  /** Open now, not open then. */
  openedSince: number;
}

export function momentModel(windows: readonly WindowRecord[], openNow: ReadonlySet<string>): MomentModel {
  let tabs = 0;
  let closedNow = 0;
  const then = new Set<string>();
  const out = windows.map((w) => ({
    tabs: w.tabs.map((t) => {
      tabs++;
      then.add(t.url);
      const closed = !openNow.has(t.url);
      if (closed) closedNow++;
      const g = t.groupIndex !== undefined ? w.groups[t.groupIndex] : undefined;
      return {
        url: t.url,
        title: t.title || t.url,
        pinned: !!t.pinned,
        ...(g ? { group: { title: g.title, color: g.color } } : {}),
        closedNow: closed,
      };
    }),
  }));
  let openedSince = 0;
  for (const u of openNow) if (!then.has(u)) openedSince++;
  return { windows: out, tabs, closedNow, openedSince };
}

export function momentOf(records: readonly LiveRecord[], openNow: ReadonlySet<string>, base: string): MomentModel {
  return momentModel(windowsOfRecords(records, base), openNow);
}

/** Local midnight of the day holding `at`. */
export function dayStart(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** `yyyy-mm-dd` for an input of type date. */
export function dayValue(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function parseDay(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}
