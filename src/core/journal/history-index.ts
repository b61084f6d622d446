// "When was this open?": the spans of time each tab had each address, built by replaying the
// journal once and extended with every entry after, so a search is a scan of the spans.
import {
  applyEntry,
  stateOfCheckpoint,
  timeOf,
  type CodedState,
  type JournalCheckpoint,
  type JournalEntry,
} from './journal-format.ts';

export interface HistorySpan {
  from: number;
  /** Undefined while the tab is still open. */
  to?: number;
}

export interface HistoryHit {
  url: string;
  title: string;
  favIconUrl?: string;
  /** Newest first; overlapping spans (the same page in two tabs) merged. */
  spans: HistorySpan[];
}

interface Open {
  u: number | undefined;
  T: number | undefined;
  F: number | undefined;
  from: number;
}

interface Closed extends Open {
  to: number | undefined;
}

export class HistoryIndex {
  private readonly open = new Map<string, Open>();
  private readonly spans: Closed[] = [];
  private state: CodedState = new Map();

  constructor(private readonly text: (n: number) => string | undefined) {}

  /** Starts (again) from a checkpoint: the oldest one kept. */
  startAt(c: JournalCheckpoint): void {
    this.state = stateOfCheckpoint(c);
    this.open.clear();
    this.spans.length = 0;
    for (const key of this.state.keys()) this.touch(key, timeOf(c));
  }

  add(e: JournalEntry): void {
    const t = timeOf(e);
    applyEntry(this.state, e);
    for (const k of e.d ?? []) this.close(k, t);
    for (const op of e.p ?? []) this.touch(op[0], t);
  }

  private close(key: string, t: number): void {
    const o = this.open.get(key);
    if (!o) return;
    this.open.delete(key);
    this.spans.push({ ...o, to: t });
  }

  private touch(key: string, t: number): void {
    if (!key.startsWith('t:')) return;
    const v = this.state.get(key);
    if (!v) return;
    const u = v.u as number | undefined;
    const T = v.T as number | undefined;
    const F = v.F as number | undefined;
    const o = this.open.get(key);
    if (o && this.text(o.u ?? -1) === this.text(u ?? -1)) {
      o.T = T;
      o.F = F;
      return;
    }
    this.close(key, t);
    this.open.set(key, { u, T, F, from: t });
  }

  /** Lowercased strings, by number: the same text is searched again and again. */
  private readonly lower = new Map<number, string>();

  private lowerOf(n: number | undefined): string {
    if (n === undefined) return '';
    let l = this.lower.get(n);
    if (l === undefined) this.lower.set(n, (l = (this.text(n) ?? '').toLowerCase()));
    return l;
  }

  /** The pages whose address or title holds every word of `query`, most recently open first. */
  search(query: string, limit = 50): HistoryHit[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0 || words.length > 30) return [];
    const all = (1 << words.length) - 1;
    // Which words each string holds, once per string: a span then costs two lookups.
    const masks = new Map<number, number>();
    const maskOf = (n: number | undefined): number => {
      if (n === undefined) return 0;
      let m = masks.get(n);
      if (m === undefined) {
        const l = this.lowerOf(n);
        m = 0;
        words.forEach((w, i) => {
          if (l.includes(w)) m! |= 1 << i;
        });
        masks.set(n, m);
      }
      return m;
    };
    const byUrl = new Map<string, { hit: HistoryHit; last: number }>();
    const add = (s: Open, to: number | undefined) => {
      if ((maskOf(s.u) | maskOf(s.T)) !== all) return;
      const url = this.text(s.u ?? -1) ?? '';
      let entry = byUrl.get(url);
      if (!entry) {
        const fav = this.text(s.F ?? -1);
        const hit: HistoryHit = {
          url,
          title: this.text(s.T ?? -1) ?? '',
          ...(fav ? { favIconUrl: fav } : {}),
          spans: [],
        };
        byUrl.set(url, (entry = { hit, last: -Infinity }));
      }
      entry.hit.spans.push(to === undefined ? { from: s.from } : { from: s.from, to });
      const end = to ?? Infinity;
      if (end >= entry.last) {
        entry.last = end;
        entry.hit.title = this.text(s.T ?? -1) ?? entry.hit.title;
      }
    };
    for (const s of this.spans) add(s, s.to);
    for (const s of this.open.values()) add(s, undefined);
    return [...byUrl.values()]
      .sort((a, b) => b.last - a.last)
      .slice(0, limit)
      .map(({ hit }) => ({ ...hit, spans: mergeSpans(hit.spans) }));
  }
}

/** Overlapping or touching spans as one, newest first. */
export function mergeSpans(spans: readonly HistorySpan[]): HistorySpan[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: HistorySpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && (last.to === undefined || s.from <= last.to)) {
      if (last.to !== undefined) {
        if (s.to === undefined) delete last.to;
        else last.to = Math.max(last.to, s.to);
      }
    } else out.push({ ...s });
  }
  return out.reverse();
}
