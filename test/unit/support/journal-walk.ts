// A seeded random walk of tracker events (tabs, windows, groups) over the real LiveState, written
// through the journal writer as the tracker writes: the journal's records, and the state the
// tracker had after each write, to compare reconstructions with.
import type { LiveRecord } from '../../../src/core/live-state.ts';
import { LiveState } from '../../../src/core/live-state.ts';
import type { JournalRecord } from '../../../src/core/journal/journal-format.ts';
import { JournalWriter } from '../../../src/core/journal/journal-writer.ts';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Walk {
  records: JournalRecord[];
  /** The tracker's state after each write: [time, normalized state]. */
  states: { t: number; state: string }[];
  writer: JournalWriter;
  events: number;
}

/** The records as a comparable text: no `index` (a hint), no `id` (in the key), keys sorted. */
export function normalize(records: readonly LiveRecord[]): string {
  const rows = records.map((r) => {
    const v = { ...(r.value as unknown as Record<string, unknown>) };
    delete v.index;
    delete v.id;
    const sorted = Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
    return `${r.key}=${JSON.stringify(sorted)}`;
  });
  return rows.sort().join('\n');
}

export function liveRecords(s: LiveState): LiveRecord[] {
  return [
    ...[...s.windows.values()].map((v) => ({ key: `w:${v.id}`, value: v }) as LiveRecord),
    ...[...s.tabs.values()].map((v) => ({ key: `t:${v.id}`, value: v }) as LiveRecord),
    ...[...s.groups.values()].map((v) => ({ key: `g:${v.id}`, value: v }) as LiveRecord),
  ];
}

const HOSTS = ['news.test', 'mail.test', 'docs.test', 'shop.test', 'video.test', 'wiki.test'];

/**
 * `events` random events starting at `start`, a few seconds apart (sometimes an hour idle); a write
 * every 1–6 events. `failEvery`: every Nth write fails (its changes go back, merged under the next).
 */
export function randomWalk(seed: number, events: number, opts: { start?: number; failEvery?: number } = {}): Walk {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const s = new LiveState();
  const writer = new JournalWriter();
  const records: JournalRecord[] = [];
  const states: Walk['states'] = [];
  let now = opts.start ?? 1_700_000_000_000;
  let nextTab = 1;
  let nextWin = 1;
  let nextGroup = 1;
  let pending = { put: [] as LiveRecord[], del: [] as string[] };
  let writes = 0;
  const url = () => `https://${pick(HOSTS)}/page/${Math.floor(rnd() * 400)}?q=${Math.floor(rnd() * 5)}`;
  const newWindow = () => {
    const id = nextWin++;
    s.windowCreated({ id, incognito: false, focused: true, state: 'normal', type: 'normal' });
    s.tabCreated({ id: nextTab++, windowId: id, index: 0, url: url(), title: 'New', pinned: false, active: true });
  };
  newWindow();
  for (let i = 0; i < events; i++) {
    now += rnd() < 0.01 ? 3_600_000 : Math.floor(rnd() * 8000) + 1;
    const tabs = [...s.tabs.values()];
    const windows = [...s.windows.keys()];
    const r = rnd();
    if (windows.length === 0 || r < 0.03) newWindow();
    else if (r < 0.3 || tabs.length < 3) {
      const windowId = pick(windows);
      const n = tabs.filter((t) => t.windowId === windowId).length;
      const active = rnd() < 0.3;
      s.tabCreated({
        id: nextTab++,
        windowId,
        index: Math.floor(rnd() * (n + 1)),
        url: url(),
        title: `T${i}`,
        pinned: false,
        active,
      });
    } else if (r < 0.45) s.tabRemoved(pick(tabs).id);
    else if (r < 0.6) {
      const t = pick(tabs);
      s.tabUpdated({
        ...t,
        url: url(),
        title: `Page ${i}`,
        favIconUrl: rnd() < 0.5 ? `https://${pick(HOSTS)}/f.ico` : undefined,
      });
    } else if (r < 0.7) {
      const t = pick(tabs);
      s.activeChanged(t.windowId, t.id);
    } else if (r < 0.78) {
      const t = pick(tabs);
      s.tabMoved(t.id, t.windowId, Math.floor(rnd() * 10));
    } else if (r < 0.82 && windows.length > 1) {
      const t = pick(tabs);
      s.tabAttached(t.id, pick(windows), Math.floor(rnd() * 10));
    } else if (r < 0.86) {
      const t = pick(tabs);
      s.tabUpdated({ ...t, pinned: !t.pinned, mutedInfo: rnd() < 0.5 ? { muted: true } : undefined });
    } else if (r < 0.9) {
      const t = pick(tabs);
      const groups = [...s.groups.values()].filter((g) => g.windowId === t.windowId);
      const g = groups.length && rnd() < 0.5 ? pick(groups) : undefined;
      const id = g?.id ?? nextGroup++;
      s.groupChanged({
        id,
        windowId: t.windowId,
        title: `G${id}`,
        color: pick(['blue', 'red']),
        collapsed: rnd() < 0.2,
      });
      s.tabUpdated({ ...t, groupId: id });
    } else if (r < 0.92 && s.groups.size) s.groupRemoved(pick([...s.groups.keys()]));
    else if (r < 0.94 && windows.length > 1) s.windowRemoved(pick(windows));
    else if (r < 0.97) s.windowFocused(pick(windows));
    else s.windowChanged(pick(windows), { state: pick(['normal', 'maximized']) });

    if (rnd() < 0.35 || i === events - 1) {
      const taken = s.takeChanges();
      // The tracker's own queue rule: the newer change to a record wins.
      const touched = new Set([...taken.put.map((p) => p.key), ...taken.del]);
      pending = {
        put: [...pending.put.filter((p) => !touched.has(p.key)), ...taken.put],
        del: [...pending.del.filter((k) => !touched.has(k)), ...taken.del],
      };
      const prepared = writer.prepare(pending, now);
      writes++;
      if (opts.failEvery && writes % opts.failEvery === 0) continue; // the write failed: kept queued
      pending = { put: [], del: [] };
      if (!prepared) continue;
      prepared.commit();
      records.push(...prepared.records);
      states.push({ t: prepared.entry.k[1], state: normalize(liveRecords(s)) });
    }
  }
  return { records, states, writer, events };
}
