// Tab Session Manager (sienori/Tab-Session-Manager) JSON: an array of sessions whose `windows` map
// window id → tab id → a whole `tabs.Tab`. Older versions wrote `tag` as a space-separated string,
// `date` as a string, and left out `id` and `lastEditedTime`; big exports are split into `_1`,
// `_2`… files, each a JSON array of whole sessions (see mergeTsmFiles).
import * as v from 'valibot';
import { issueToError, jsonPath } from './import-error.ts';
import { makeImportedSession, makeTab, newWindow, toTimestamp, type FileContext } from './import-context.ts';
import { MAX_ID_CHARS } from './limits.ts';
import { EXPECTED, TOO_LONG } from './schema-messages.ts';
import { msg } from '../user-error.ts';
import {
  GROUP_COLORS,
  type GroupColor,
  type GroupRecord,
  type SessionWithBody,
  type TabRecord,
  type WindowRecord,
} from '../model.ts';

const n = <T extends v.GenericSchema>(s: T) => v.nullish(s);
const num = () => v.number(EXPECTED.number);
const str = () => v.string(EXPECTED.string);
const bool = () => v.boolean(EXPECTED.boolean);

const TsmTab = v.object(
  {
    url: str(),
    title: n(str()),
    index: n(num()),
    active: n(bool()),
    pinned: n(bool()),
    groupId: n(num()),
    favIconUrl: n(str()),
    cookieStoreId: n(str()),
    incognito: n(bool()),
    lastAccessed: n(num()),
    mutedInfo: n(v.object({ muted: n(bool()) }, EXPECTED.object)),
  },
  EXPECTED.tab,
);

const TsmWindowInfo = v.object(
  {
    state: n(str()),
    type: n(str()),
    left: n(num()),
    top: n(num()),
    width: n(num()),
    height: n(num()),
    incognito: n(bool()),
    focused: n(bool()),
  },
  EXPECTED.window,
);

const TsmGroup = v.object(
  {
    id: num(),
    title: n(str()),
    color: n(str()),
    collapsed: n(bool()),
  },
  EXPECTED.group,
);

const TsmSession = v.object(
  {
    id: n(v.union([v.pipe(str(), v.maxLength(MAX_ID_CHARS, TOO_LONG)), num()], EXPECTED.stringOrNumber)),
    name: n(str()),
    date: n(v.union([num(), str()], EXPECTED.numberOrDate)),
    lastEditedTime: n(v.union([num(), str()], EXPECTED.numberOrDate)),
    tag: n(v.union([v.array(str(), EXPECTED.array), str()], EXPECTED.stringsOrString)),
    windows: v.record(v.string(), v.record(v.string(), TsmTab, EXPECTED.tabs), EXPECTED.object),
    windowsInfo: n(v.record(v.string(), TsmWindowInfo, EXPECTED.object)),
    tabGroups: n(v.array(TsmGroup, EXPECTED.array)),
  },
  EXPECTED.session,
);

const TsmFile = v.array(TsmSession, EXPECTED.sessions);
type TsmSessionOut = v.InferOutput<typeof TsmSession>;

function toColor(c: string | null | undefined): GroupColor {
  return (GROUP_COLORS as readonly string[]).includes(c ?? '') ? (c as GroupColor) : 'grey';
}

function tsmWindow(ctx: FileContext, s: TsmSessionOut, windowId: string, place: (string | number)[]): WindowRecord {
  const raw = s.windows[windowId] ?? {};
  const entries = Object.entries(raw);
  // Tab order is `index`; key order is only a fallback for tabs without one.
  const order = entries
    .map(([tabId, t], i) => ({ tabId, t, i }))
    .sort((a, b) => (a.t.index ?? a.i) - (b.t.index ?? b.i) || a.i - b.i);
  const groupIndexById = new Map<number, number>();
  const groups: GroupRecord[] = [];
  const tabs: TabRecord[] = [];
  let incognito = false;
  for (const { tabId, t } of order) {
    const tplace = jsonPath([...place, windowId, tabId]);
    const rec = makeTab(ctx, { ...t, muted: t.mutedInfo?.muted }, tplace);
    if (!rec) continue;
    if (t.incognito) incognito = true;
    if (t.groupId !== undefined && t.groupId !== null && t.groupId >= 0) {
      let gi = groupIndexById.get(t.groupId);
      if (gi === undefined) {
        const g = s.tabGroups?.find((x) => x.id === t.groupId);
        if (g) {
          gi = groups.length;
          groupIndexById.set(t.groupId, gi);
          groups.push({ title: g.title ?? '', color: toColor(g.color), collapsed: g.collapsed ?? false });
        }
      }
      if (gi !== undefined) rec.groupIndex = gi;
    }
    tabs.push(rec);
  }
  const w = newWindow(tabs);
  w.groups = groups;
  w.incognito = incognito;
  const info = s.windowsInfo?.[windowId];
  if (info) {
    if (info.type === 'popup') w.type = 'popup';
    if (info.state === 'minimized' || info.state === 'maximized' || info.state === 'fullscreen') w.state = info.state;
    if (info.incognito) w.incognito = true;
    if (info.focused) w.focused = true;
    const { left, top, width, height } = info;
    if (
      typeof left === 'number' &&
      typeof top === 'number' &&
      typeof width === 'number' &&
      typeof height === 'number'
    ) {
      w.bounds = { left, top, width, height };
    }
  }
  return w;
}

/** Validated TSM sessions from one parsed file, with their positions for messages. */
export function readTsmSessions(ctx: FileContext, data: unknown): TsmSessionOut[] {
  const parsed = v.safeParse(TsmFile, data, { abortEarly: true });
  if (!parsed.success) throw issueToError(ctx.file, parsed.issues[0]);
  return parsed.output;
}

export function tsmSourceId(s: TsmSessionOut): string | undefined {
  return s.id === undefined || s.id === null || s.id === '' ? undefined : String(s.id);
}

export interface TsmEntry {
  ctx: FileContext;
  session: TsmSessionOut;
  /** Index in its own file, for messages. */
  index: number;
}

/**
 * TSM names the parts of a split export `name.json`, `name_1.json`, `name_2.json`…:
 * `backup_2.json` → ["backup", 2], `backup.json` → ["backup", 0].
 */
function splitPart(name: string): [string, number] {
  const base = name.replace(/\.json$/i, '');
  const m = /^(.*)_(\d+)$/.exec(base);
  return m ? [m[1] ?? '', Number(m[2])] : [base, 0];
}

/**
 * Puts the sessions of several TSM files (a split export, or separate exports) in one list: split
 * parts in `_1`, `_2`… order, and a session that appears in more than one file (same `id`) once,
 * the most recently edited copy.
 */
export function mergeTsmFiles(files: readonly { ctx: FileContext; sessions: readonly TsmSessionOut[] }[]): TsmEntry[] {
  const firstOfBase = new Map<string, number>();
  const ordered = files
    .map((f, i) => {
      const [base, part] = splitPart(typeof f.ctx.file === 'string' ? f.ctx.file : '');
      if (!firstOfBase.has(base)) firstOfBase.set(base, i);
      return { f, i, group: firstOfBase.get(base) ?? i, part };
    })
    .sort((a, b) => a.group - b.group || a.part - b.part || a.i - b.i);
  const out: TsmEntry[] = [];
  const byId = new Map<string, number>();
  for (const { f } of ordered) {
    f.sessions.forEach((session, index) => {
      const entry = { ctx: f.ctx, session, index };
      const sid = tsmSourceId(session);
      const at = sid === undefined ? undefined : byId.get(sid);
      if (sid === undefined || at === undefined) {
        if (sid !== undefined) byId.set(sid, out.length);
        out.push(entry);
        return;
      }
      const prev = out[at];
      if (!prev) return;
      const edited = (e: TsmEntry) => toTimestamp(e.session.lastEditedTime) ?? toTimestamp(e.session.date) ?? 0;
      const [keep, drop] = edited(entry) > edited(prev) ? [entry, prev] : [prev, entry];
      out[at] = keep;
      drop.ctx.notes.add(
        msg('importSessionAt', drop.session.name ?? '', drop.ctx.where(jsonPath([drop.index]))),
        msg('importSameSessionElsewhere', sid, keep.ctx.file),
      );
    });
  }
  return out;
}

export function importTsmSession({ ctx, session: s, index: i }: TsmEntry): SessionWithBody | undefined {
  const place = jsonPath([i]);
  const windows = Object.keys(s.windows).map((wid) => tsmWindow(ctx, s, wid, [i, 'windows']));
  const created = toTimestamp(s.date);
  if (s.date !== undefined && s.date !== null && created === undefined) {
    ctx.notes.add(msg('importSessionDateAt', s.name ?? '', ctx.where(place)), msg('importUnreadableDate'));
  }
  const tags = typeof s.tag === 'string' ? s.tag.split(/\s+/) : (s.tag ?? []);
  return makeImportedSession(ctx, {
    name: s.name,
    label: 'Tab Session Manager',
    createdAt: created,
    updatedAt: toTimestamp(s.lastEditedTime) ?? created,
    tags,
    sourceId: tsmSourceId(s),
    windows,
    place,
  });
}
