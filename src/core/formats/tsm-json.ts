// Tab Session Manager (sienori/Tab-Session-Manager) JSON: an array of sessions whose `windows` map
// window id → tab id → a whole `tabs.Tab`. Older versions wrote `tag` as a space-separated string,
// `date` as a string, and left out `id` and `lastEditedTime`; big exports are split into `_1`,
// `_2`… files, each a JSON array of whole sessions (see mergeTsmFiles).
import * as v from 'valibot';
import { issueToError, jsonPath } from './import-error.ts';
import { makeImportedSession, makeTab, newWindow, toTimestamp, type FileContext } from './import-context.ts';
import { MAX_ID_CHARS } from './limits.ts';
import {
  GROUP_COLORS,
  type GroupColor,
  type GroupRecord,
  type SessionWithBody,
  type TabRecord,
  type WindowRecord,
} from '../model.ts';

const n = <T extends v.GenericSchema>(s: T) => v.nullish(s);
const num = (what: string) => v.number(`${what}: expected a number`);
const str = (what: string) => v.string(`${what}: expected a string`);
const bool = (what: string) => v.boolean(`${what}: expected true or false`);

const TsmTab = v.object(
  {
    url: str('url'),
    title: n(str('title')),
    index: n(num('index')),
    active: n(bool('active')),
    pinned: n(bool('pinned')),
    groupId: n(num('groupId')),
    favIconUrl: n(str('favIconUrl')),
    cookieStoreId: n(str('cookieStoreId')),
    incognito: n(bool('incognito')),
    lastAccessed: n(num('lastAccessed')),
    mutedInfo: n(v.object({ muted: n(bool('muted')) }, 'mutedInfo: expected an object')),
  },
  'expected a tab object',
);

const TsmWindowInfo = v.object(
  {
    state: n(str('state')),
    type: n(str('type')),
    left: n(num('left')),
    top: n(num('top')),
    width: n(num('width')),
    height: n(num('height')),
    incognito: n(bool('incognito')),
    focused: n(bool('focused')),
  },
  'expected a window object',
);

const TsmGroup = v.object(
  {
    id: num('id'),
    title: n(str('title')),
    color: n(str('color')),
    collapsed: n(bool('collapsed')),
  },
  'expected a tab group object',
);

const TsmSession = v.object(
  {
    id: n(v.union([v.pipe(str('id'), v.maxLength(MAX_ID_CHARS, 'id: too long')), num('id')], 'id: expected a string')),
    name: n(str('name')),
    date: n(v.union([num('date'), str('date')], 'date: expected a number or a date string')),
    lastEditedTime: n(
      v.union([num('lastEditedTime'), str('lastEditedTime')], 'lastEditedTime: expected a number or a date string'),
    ),
    tag: n(
      v.union(
        [v.array(str('tag'), 'tag: expected an array'), str('tag')],
        'tag: expected an array of strings or a string',
      ),
    ),
    windows: v.record(
      v.string(),
      v.record(v.string(), TsmTab, 'expected an object of tabs'),
      'windows: expected an object',
    ),
    windowsInfo: n(v.record(v.string(), TsmWindowInfo, 'windowsInfo: expected an object')),
    tabGroups: n(v.array(TsmGroup, 'tabGroups: expected an array')),
  },
  'expected a session object',
);

const TsmFile = v.array(TsmSession, 'expected an array of sessions');
type TsmSessionOut = v.InferOutput<typeof TsmSession>;

export function isTsmJson(data: unknown): boolean {
  return Array.isArray(data);
}

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
      const [base, part] = splitPart(f.ctx.file);
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
        `session ${JSON.stringify(drop.session.name ?? '')} at ${drop.ctx.where(jsonPath([drop.index]))}`,
        `the same session (id ${sid}) is in ${keep.ctx.file} too; the more recently edited copy is kept`,
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
    ctx.notes.add(
      `date of session ${JSON.stringify(s.name ?? '')} at ${ctx.where(place)}`,
      'not a readable date: the import time is used',
    );
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
