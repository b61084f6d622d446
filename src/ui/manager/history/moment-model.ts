// What the History view shows for a moment: its windows, groups and tabs, each tab marked when it
// is not open now, and how many of them that is. Pure, apart from what a day's moments keep for the
// next step (DayMoments), so a slider step costs a replay and this.
import type { LiveRecord } from '../../../core/live-state.ts';
import type { WindowRecord } from '../../../core/model.ts';
import { decodeValue, type Coded } from '../../../core/journal/journal-format.ts';
import { windowsOfRecords, type JournalTimeline } from '../../../core/journal/reconstruct.ts';

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

/**
 * The moment as rows of one height, for a list that draws only the rows on screen: each window is a
 * heading row then a row per tab. `starts[i]` is window i's heading row.
 */
export function windowRows(model: MomentModel): { starts: number[]; total: number } {
  const starts: number[] = [];
  let total = 0;
  for (const w of model.windows) {
    starts.push(total);
    total += 1 + w.tabs.length;
  }
  return { starts, total };
}

export function momentOf(records: readonly LiveRecord[], openNow: ReadonlySet<string>, base: string): MomentModel {
  return momentModel(windowsOfRecords(records, base), openNow);
}

/**
 * The moments of one day held in memory (its timeline and string table). Decoding every record was
 * most of a slider step; the timeline's states share a record's coded object until an entry
 * replaces it (its kept states rely on that too), so a record decoded once is kept by that object
 * and a step decodes only what changed since the moments already shown.
 */
export class DayMoments {
  private readonly decoded = new WeakMap<Coded, LiveRecord>();
  private readonly text: (n: number) => string;

  constructor(
    private readonly timeline: JournalTimeline,
    strings: ReadonlyMap<number, string>,
    private readonly openNow: ReadonlySet<string>,
    private readonly base: string,
  ) {
    this.text = (n) => strings.get(n) ?? '';
  }

  /** The same as `momentOf(timeline.recordsAt(at), …)`. */
  at(at: number): MomentModel {
    const records: LiveRecord[] = [];
    for (const [key, coded] of this.timeline.codedAt(at)) {
      let record = this.decoded.get(coded);
      if (record?.key !== key) {
        record = decodeValue(key, coded, this.text);
        this.decoded.set(coded, record);
      }
      records.push(record);
    }
    return momentOf(records, this.openNow, this.base);
  }
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
