// Session Buddy v3 JSON: `{sessions: [{type, generated, created?, gid?, id?, modified?, name?,
// windows: [{id, tabs: [{id, url, title}]}]}]}`. Optional tab and window fields that Session Buddy
// keeps from the browser (pinned, active, state, bounds…) are used when present.
import * as v from 'valibot';
import { issueToError, jsonPath } from './import-error.ts';
import { makeImportedSession, makeTab, newWindow, toTimestamp, type FileContext } from './import-context.ts';
import { MAX_ID_CHARS } from './limits.ts';
import { EXPECTED, TOO_LONG } from './schema-messages.ts';
import type { SessionWithBody, TabRecord, WindowRecord } from '../model.ts';

const n = <T extends v.GenericSchema>(s: T) => v.nullish(s);
const num = () => v.number(EXPECTED.number);
const str = () => v.string(EXPECTED.string);
const bool = () => v.boolean(EXPECTED.boolean);
const date = () => v.union([num(), str()], EXPECTED.numberOrDate);
const sbId = () => v.union([v.pipe(str(), v.maxLength(MAX_ID_CHARS, TOO_LONG)), num()], EXPECTED.stringOrNumber);

const SbTab = v.object(
  {
    url: str(),
    title: n(str()),
    pinned: n(bool()),
    active: n(bool()),
    favIconUrl: n(str()),
    index: n(num()),
    cookieStoreId: n(str()),
  },
  EXPECTED.tab,
);

const SbWindow = v.object(
  {
    tabs: v.array(SbTab, EXPECTED.array),
    state: n(str()),
    type: n(str()),
    incognito: n(bool()),
    focused: n(bool()),
    left: n(num()),
    top: n(num()),
    width: n(num()),
    height: n(num()),
  },
  EXPECTED.window,
);

const SbSession = v.object(
  {
    type: n(str()),
    id: n(sbId()),
    gid: n(sbId()),
    name: n(str()),
    created: n(date()),
    modified: n(date()),
    generated: n(date()),
    windows: v.array(SbWindow, EXPECTED.array),
  },
  EXPECTED.session,
);

const SbFile = v.object({ sessions: v.array(SbSession, EXPECTED.array) }, EXPECTED.object);

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
