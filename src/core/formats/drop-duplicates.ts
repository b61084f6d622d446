// A second import of the same backup should not double every session. A session is "the same" when
// it carries the same source id (its id in the other tool), or, for Tabularium's own files, the
// same session id; it is kept only when it is newer than what is already stored. A newer copy with
// a stored session's id replaces that session (the stored version goes to the trash): the preview
// says so, and what differs, before anything is stored.
import { countPreview, type ImportPreview, type ReplaceNote } from './parse-import.ts';
import { msg, type UserMessage } from '../user-error.ts';

export interface ExistingSession {
  id?: string;
  sourceId?: string;
  updatedAt: number;
  /** What the preview compares when a copy replaces this session (a page has the whole summary). */
  name?: string;
  counts?: { windows: number; tabs: number };
  tags?: readonly string[];
}

/** What a replacing copy changes, in the terms the popup list shows: name, windows, tabs, tags. */
function differences(stored: ExistingSession, next: ImportPreview['sessions'][number]['session']): UserMessage[] {
  const out: UserMessage[] = [];
  if (stored.name !== undefined && stored.name !== next.name) out.push(msg('importDiffName', stored.name, next.name));
  if (stored.counts && stored.counts.windows !== next.counts.windows) {
    out.push(msg('importDiffWindows', stored.counts.windows, next.counts.windows));
  }
  if (stored.counts && stored.counts.tabs !== next.counts.tabs) {
    out.push(msg('importDiffTabs', stored.counts.tabs, next.counts.tabs));
  }
  if (stored.tags && [...stored.tags].sort().join('\n') !== [...next.tags].sort().join('\n')) {
    out.push(msg('importDiffTags'));
  }
  return out.length ? out : [msg('importDiffLater')];
}

export function dropDuplicates(preview: ImportPreview, existing: readonly ExistingSession[]): ImportPreview {
  // Newest stored version per identity: both ids and source ids, because a session imported from a
  // Tabularium file keeps its id and one from another tool keeps its source id.
  const newest = new Map<string, number>();
  const remember = (key: string | undefined, at: number): void => {
    if (key === undefined || key === '') return;
    newest.set(key, Math.max(at, newest.get(key) ?? -Infinity));
  };
  const byId = new Map<string, ExistingSession>();
  for (const e of existing) {
    remember(e.sourceId === undefined ? undefined : `source:${e.sourceId}`, e.updatedAt);
    remember(e.id === undefined ? undefined : `id:${e.id}`, e.updatedAt);
    if (e.id !== undefined) byId.set(e.id, e);
  }
  const keepsIds = preview.format === 'tabularium' || preview.format === 'mixed';
  const skipped = [...preview.skipped];
  const replaces: ReplaceNote[] = [];
  const sessions = preview.sessions.filter(({ session }) => {
    const keys = [session.sourceId === undefined ? undefined : `source:${session.sourceId}`];
    if (keepsIds) keys.push(`id:${session.id}`);
    let stored = -Infinity;
    for (const k of keys) if (k !== undefined) stored = Math.max(stored, newest.get(k) ?? -Infinity);
    if (stored === -Infinity || session.updatedAt > stored) {
      // Only a session that keeps its id lands on a stored one; others get a fresh id.
      const same = keepsIds ? byId.get(session.id) : undefined;
      if (same) {
        replaces.push({ id: session.id, storedName: same.name ?? session.name, changes: differences(same, session) });
      }
      return true;
    }
    skipped.push({ what: msg('importSessionNamed', session.name), reason: msg('importAlreadyStored') });
    return false;
  });
  return { ...preview, sessions, skipped, replaces, counts: countPreview(sessions) };
}
