// Compares a saved session with what is open now: tabs added since, tabs gone since (by URL,
// since tab ids mean nothing across runs).
import type { TabRecord, WindowRecord } from './model.ts';

export interface SessionDiff {
  /** Open now, not in the session. */
  added: TabRecord[];
  /** In the session, not open now. */
  removed: TabRecord[];
  unchanged: number;
}

function counts(windows: readonly WindowRecord[]): Map<string, TabRecord[]> {
  const m = new Map<string, TabRecord[]>();
  for (const w of windows)
    for (const t of w.tabs) {
      const list = m.get(t.url);
      if (list) list.push(t);
      else m.set(t.url, [t]);
    }
  return m;
}

export function diffSessions(saved: readonly WindowRecord[], now: readonly WindowRecord[]): SessionDiff {
  const a = counts(saved);
  const b = counts(now);
  const added: TabRecord[] = [];
  const removed: TabRecord[] = [];
  let unchanged = 0;
  for (const [url, tabs] of a) {
    const open = b.get(url)?.length ?? 0;
    unchanged += Math.min(open, tabs.length);
    removed.push(...tabs.slice(open));
  }
  for (const [url, tabs] of b) added.push(...tabs.slice(a.get(url)?.length ?? 0));
  return { added, removed, unchanged };
}
