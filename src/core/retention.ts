// Which automatic snapshots to drop: keep the newest N of each kind; saved and imported
// sessions are the person's and never pruned. Recovered sessions are
// pruned too: an extension reload makes one each time.
import type { Session, SessionKind } from './model.ts';

const PRUNABLE: readonly SessionKind[] = ['autosave', 'window-closed', 'recovered'];

export function sessionsToPrune(sessions: readonly Session[], keep: number): string[] {
  const out: string[] = [];
  for (const kind of PRUNABLE) {
    const ofKind = sessions.filter((s) => s.kind === kind).sort((a, b) => b.createdAt - a.createdAt);
    for (const s of ofKind.slice(keep)) out.push(s.id);
  }
  return out;
}
