// A second import of the same backup should not double every session. A session is "the same" when
// it carries the same source id (its id in the other tool), or, for Tabularium's own files, the
// same session id; it is kept only when it is newer than what is already stored.
import { countPreview, type ImportPreview } from './parse-import.ts';
import { msg } from '../user-error.ts';

export interface ExistingSession {
  id?: string;
  sourceId?: string;
  updatedAt: number;
}

export function dropDuplicates(preview: ImportPreview, existing: readonly ExistingSession[]): ImportPreview {
  // Newest stored version per identity: both ids and source ids, because a session imported from a
  // Tabularium file keeps its id and one from another tool keeps its source id.
  const newest = new Map<string, number>();
  const remember = (key: string | undefined, at: number): void => {
    if (key === undefined || key === '') return;
    newest.set(key, Math.max(at, newest.get(key) ?? -Infinity));
  };
  for (const e of existing) {
    remember(e.sourceId === undefined ? undefined : `source:${e.sourceId}`, e.updatedAt);
    remember(e.id === undefined ? undefined : `id:${e.id}`, e.updatedAt);
  }
  const skipped = [...preview.skipped];
  const sessions = preview.sessions.filter(({ session }) => {
    const keys = [session.sourceId === undefined ? undefined : `source:${session.sourceId}`];
    if (preview.format === 'tabularium' || preview.format === 'mixed') keys.push(`id:${session.id}`);
    let stored = -Infinity;
    for (const k of keys) if (k !== undefined) stored = Math.max(stored, newest.get(k) ?? -Infinity);
    if (stored === -Infinity || session.updatedAt > stored) return true;
    skipped.push({ what: msg('importSessionNamed', session.name), reason: msg('importAlreadyStored') });
    return false;
  });
  return { ...preview, sessions, skipped, counts: countPreview(sessions) };
}
