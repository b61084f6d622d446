// Which automatic snapshots to drop: keep the newest N of each kind; saved and imported
// sessions are the person's and never pruned. Recovered sessions are
// pruned too: an extension reload makes one each time.
import { AUTOMATIC_KINDS, type Session } from './model.ts';

export function sessionsToPrune(sessions: readonly Session[], keep: number): string[] {
  const out: string[] = [];
  for (const kind of AUTOMATIC_KINDS) {
    const ofKind = sessions.filter((s) => s.kind === kind).sort((a, b) => b.createdAt - a.createdAt);
    for (const s of ofKind.slice(keep)) out.push(s.id);
  }
  return out;
}

/**
 * A session taken in from a file is the person's, whatever it was where it came from: an autosave,
 * closed window or recovered session in a backup is stored as `imported` (its former kind kept as
 * `origin`), so the next autosave does not prune it for good, past the trash.
 */
export function asImported(session: Session): Session {
  const kind = session.kind;
  if (kind === 'manual' || kind === 'imported') return session;
  return { ...session, kind: 'imported', origin: kind };
}
