// Session Buddy v3 JSON: `{sessions: [{type, generated, created?, gid?, id?, modified?, name?,
// windows: [{id, tabs: [{id, url, title}]}]}]}`. Optional tab and window fields that Session Buddy
// keeps from the browser (pinned, active, state, bounds…) are used when present.
import * as v from 'valibot';
import { issueToError, jsonPath } from './import-error.ts';
import { makeImportedSession, makeTab, newWindow, toTimestamp, type FileContext } from './import-context.ts';
import { MAX_ID_CHARS } from './limits.ts';
import type { SessionWithBody, TabRecord, WindowRecord } from '../model.ts';

const n = <T extends v.GenericSchema>(s: T) => v.nullish(s);
const num = (what: string) => v.number(`${what}: expected a number`);
const str = (what: string) => v.string(`${what}: expected a string`);
const bool = (what: string) => v.boolean(`${what}: expected true or false`);
const date = (what: string) => v.union([num(what), str(what)], `${what}: expected a number or a date string`);
const sbId = (what: string) =>
  v.union(
    [v.pipe(str(what), v.maxLength(MAX_ID_CHARS, `${what}: too long`)), num(what)],
    `${what}: expected a string or a number`,
  );

const SbTab = v.object(
  {
    url: str('url'),
    title: n(str('title')),
    pinned: n(bool('pinned')),
    active: n(bool('active')),
    favIconUrl: n(str('favIconUrl')),
    index: n(num('index')),
    cookieStoreId: n(str('cookieStoreId')),
  },
  'expected a tab object',
);

const SbWindow = v.object(
  {
    tabs: v.array(SbTab, 'tabs: expected an array'),
    state: n(str('state')),
    type: n(str('type')),
    incognito: n(bool('incognito')),
    focused: n(bool('focused')),
    left: n(num('left')),
    top: n(num('top')),
    width: n(num('width')),
    height: n(num('height')),
  },
  'expected a window object',
);

const SbSession = v.object(
  {
    type: n(str('type')),
    id: n(sbId('id')),
    gid: n(sbId('gid')),
    name: n(str('name')),
    created: n(date('created')),
    modified: n(date('modified')),
    generated: n(date('generated')),
    windows: v.array(SbWindow, 'windows: expected an array'),
  },
  'expected a session object',
);

const SbFile = v.object({ sessions: v.array(SbSession, 'sessions: expected an array') }, 'expected an object');

export function isSessionBuddyJson(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    Array.isArray((data as { sessions?: unknown }).sessions)
  );
}

const LABEL: Record<string, string> = {
  current: 'Session Buddy current session',
  previous: 'Session Buddy previous session',
  saved: 'Session Buddy saved session',
};

function sbWindow(ctx: FileContext, w: v.InferOutput<typeof SbWindow>, place: (string | number)[]): WindowRecord {
  const order = w.tabs.map((t, i) => ({ t, i })).sort((a, b) => (a.t.index ?? a.i) - (b.t.index ?? b.i) || a.i - b.i);
  const tabs: TabRecord[] = [];
  for (const { t, i } of order) {
    const rec = makeTab(ctx, t, jsonPath([...place, 'tabs', i]));
    if (rec) tabs.push(rec);
  }
  const rec = newWindow(tabs);
  if (w.type === 'popup') rec.type = 'popup';
  if (w.state === 'minimized' || w.state === 'maximized' || w.state === 'fullscreen') rec.state = w.state;
  if (w.incognito) rec.incognito = true;
  if (w.focused) rec.focused = true;
  const { left, top, width, height } = w;
  if (typeof left === 'number' && typeof top === 'number' && typeof width === 'number' && typeof height === 'number') {
    rec.bounds = { left, top, width, height };
  }
  return rec;
}

export function importSessionBuddyJson(ctx: FileContext, data: unknown): SessionWithBody[] {
  const parsed = v.safeParse(SbFile, data, { abortEarly: true });
  if (!parsed.success) throw issueToError(ctx.file, parsed.issues[0]);
  const out: SessionWithBody[] = [];
  parsed.output.sessions.forEach((s, i) => {
    const place = jsonPath(['sessions', i]);
    const windows = s.windows.map((w, wi) => sbWindow(ctx, w, ['sessions', i, 'windows', wi]));
    const created = toTimestamp(s.created) ?? toTimestamp(s.generated) ?? toTimestamp(s.modified);
    const id = s.id ?? s.gid;
    const made = makeImportedSession(ctx, {
      name: s.name,
      label: LABEL[s.type ?? ''] ?? 'Session Buddy session',
      createdAt: created,
      updatedAt: toTimestamp(s.modified) ?? toTimestamp(s.generated) ?? created,
      sourceId: id === undefined || id === null || id === '' ? undefined : String(id),
      windows,
      place,
    });
    if (made) out.push(made);
  });
  return out;
}
