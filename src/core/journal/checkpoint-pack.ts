// A checkpoint holds every record (1,000 tabs: ~1,000 rows), written every 15 minutes of activity,
// so it is stored by columns: per kind of record, one column per field, rows ordered by window and
// position so that ids, windows and positions go up in small steps and are stored as differences
// (checked exact; short decimals as whole-number steps with their scale; else as they are); a
// title's string number is stored against its address's (they are usually numbered one after the
// other); rare fields are stored sparsely.
// Each row holds what differs from its kind's template, as entries do; `lack` lists, per template
// field, the rows that lack it (Firefox's tabs have no groupId: a list of small steps, not 1,000
// key pairs). Checkpoints packed before `lack` list [key, field] pairs in `unset`; both are read.
import { diffOp, templateOf, type Coded, type CodedState } from './journal-format.ts';

/** `d`: differences; with `e`, of the values times 10^e (positions such as 13.3 and 13.35). */
type Column = unknown[] | { d: number[]; e?: number } | { r: number[] } | { s: Record<number, unknown> };

export interface PackedKind {
  /** Record ids, as differences from the previous row. */
  ids: number[];
  cols: Record<string, Column>;
  /** Template field → the rows that lack it, as differences from the previous such row. */
  lack?: Record<string, number[]>;
}

export interface PackedState {
  kinds: Record<string, PackedKind>;
  /** [key, field]: a template field the record lacks (checkpoints packed before `lack`). */
  unset?: [string, string][];
}

function deltas(xs: number[]): number[] | undefined {
  const out: number[] = [];
  let prev = 0;
  for (const x of xs) {
    out.push(x - prev);
    prev = x;
  }
  // Float positions: keep the differences only if adding them up gives the values back exactly.
  let sum = 0;
  for (let i = 0; i < out.length; i++) {
    sum += out[i]!;
    if (sum !== xs[i]) return undefined;
  }
  return out;
}

/** Short decimals as differences of whole numbers, when that gives every value back exactly. */
function decimalsOf(xs: number[]): { d: number[]; e: number } | undefined {
  let e = 0;
  for (const x of xs) {
    const text = String(x);
    if (text.includes('e')) return undefined;
    e = Math.max(e, text.split('.')[1]?.length ?? 0);
  }
  if (e === 0 || e > 9) return undefined;
  const scale = 10 ** e;
  const whole = xs.map((x) => Math.round(x * scale));
  if (whole.some((w, i) => !Number.isSafeInteger(w) || w / scale !== xs[i])) return undefined;
  const d = deltas(whole);
  return d && { d, e };
}

function packColumn(code: string, values: unknown[], urls: unknown[] | undefined): Column {
  const n = values.length;
  const present = values.filter((v) => v !== undefined).length;
  if (present * 2 < n || values.some((v) => v === null)) {
    const s: Record<number, unknown> = {};
    values.forEach((v, i) => {
      if (v !== undefined) s[i] = v;
    });
    return { s };
  }
  if (present === n && values.every((v) => typeof v === 'number')) {
    const nums = values as number[];
    if (code === 'T' && urls?.every((u) => typeof u === 'number')) {
      return { r: nums.map((v, i) => v - (urls[i] as number)) };
    }
    const d = deltas(nums);
    if (d && nums.every((x) => Number.isInteger(x))) return { d };
    const scaled = decimalsOf(nums);
    if (scaled) return scaled;
    // Differences of long floats can be longer than the floats themselves.
    return d && JSON.stringify(d).length < JSON.stringify(nums).length ? { d } : nums;
  }
  return values.map((v) => (v === undefined ? null : v));
}

function unpackColumn(col: Column, n: number, urls: unknown[] | undefined): unknown[] {
  if (Array.isArray(col)) return col.map((v) => (v === null ? undefined : v));
  if ('s' in col) {
    const out: unknown[] = new Array<unknown>(n).fill(undefined);
    for (const [i, v] of Object.entries(col.s)) out[Number(i)] = v;
    return out;
  }
  if ('r' in col) return col.r.map((v, i) => v + (urls![i] as number));
  let sum = 0;
  const scale = 10 ** (col.e ?? 0);
  return col.d.map((v) => (sum += v) / scale);
}

/** Tabs by window and position (their positions then go up in small steps), others by id. */
function byPlace(a: { id: number; set: Coded }, b: { id: number; set: Coded }): number {
  const wa = a.set.w,
    wb = b.set.w,
    xa = a.set.x,
    xb = b.set.x;
  if (typeof wa === 'number' && typeof wb === 'number' && wa !== wb) return wa - wb;
  if (typeof xa === 'number' && typeof xb === 'number' && xa !== xb) return xa - xb;
  return a.id - b.id;
}

export function packState(state: CodedState): PackedState {
  const byKind = new Map<string, { id: number; set: Coded; missing: string[] | undefined }[]>();
  for (const [key, value] of state) {
    const [, set, missing] = diffOp(key, undefined, value)!;
    const kind = key.charAt(0);
    let rows = byKind.get(kind);
    if (!rows) byKind.set(kind, (rows = []));
    rows.push({ id: Number(key.slice(2)), set, missing });
  }
  const kinds: Record<string, PackedKind> = {};
  for (const [kind, rows] of byKind) {
    rows.sort(byPlace);
    const codes = new Set<string>();
    for (const r of rows) for (const c of Object.keys(r.set)) codes.add(c);
    const cols: Record<string, Column> = {};
    const urls = codes.has('u') ? rows.map((r) => r.set.u) : undefined;
    for (const c of codes)
      cols[c] = packColumn(
        c,
        rows.map((r) => r.set[c]),
        urls,
      );
    const lacking: Record<string, number[]> = {};
    rows.forEach((r, i) => {
      for (const c of r.missing ?? []) (lacking[c] ??= []).push(i);
    });
    const lack = Object.fromEntries(Object.entries(lacking).map(([c, rowsOf]) => [c, deltas(rowsOf)!]));
    kinds[kind] = { ids: deltas(rows.map((r) => r.id))!, cols, ...(Object.keys(lack).length ? { lack } : {}) };
  }
  return { kinds };
}

export function unpackState(packed: PackedState): CodedState {
  const state: CodedState = new Map();
  const missing = new Map<string, Set<string>>();
  const markLacking = (key: string, c: string) => {
    let s = missing.get(key);
    if (!s) missing.set(key, (s = new Set()));
    s.add(c);
  };
  for (const [key, c] of packed.unset ?? []) markLacking(key, c);
  for (const [kind, { ids, cols, lack }] of Object.entries(packed.kinds)) {
    let id = 0;
    const keys = ids.map((d) => `${kind}:${(id += d)}`);
    for (const [c, steps] of Object.entries(lack ?? {})) {
      let row = 0;
      for (const d of steps) markLacking(keys[(row += d)]!, c);
    }
    const n = keys.length;
    const urls = cols.u ? unpackColumn(cols.u, n, undefined) : undefined;
    const columns = Object.entries(cols).map(
      ([c, col]) => [c, c === 'u' ? urls! : unpackColumn(col, n, urls)] as const,
    );
    keys.forEach((key, i) => {
      const value: Coded = {};
      const lacks = missing.get(key);
      for (const [c, v] of Object.entries(templateOf(key))) if (v !== undefined && !lacks?.has(c)) value[c] = v;
      for (const [c, vals] of columns) if (vals[i] !== undefined) value[c] = vals[i];
      state.set(key, value);
    });
  }
  return state;
}
