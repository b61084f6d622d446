// Periodic autosaves and window-closed snapshots, with retention and the never-worse guard.
import { countTabs, type Session, type SessionKind, type WindowRecord } from '../core/model.ts';
import { checksum, isWorseCount } from '../core/recovery.ts';
import { sessionsToPrune } from '../core/retention.ts';
import { getMeta, setMeta } from '../store/meta-repo.ts';
import * as repo from '../store/sessions-repo.ts';
import type { Deps } from './deps.ts';
import { storeNewSession } from './handlers/sessions.ts';
import type { Tracker } from './tracker.ts';

interface LastAutosave {
  checksum: string;
  tabs: number;
  /** A worse snapshot was skipped once; if the next is still worse, the drop was real. */
  skippedWorse?: boolean;
}

export type AutosaveOutcome = 'saved' | 'unchanged' | 'empty' | 'guarded';

export async function prune(deps: Deps, keep: number): Promise<void> {
  const db = await deps.db();
  for (const id of sessionsToPrune(await repo.listSessions(db), keep)) await repo.removeSession(db, id);
}

export async function autosave(
  deps: Deps,
  tracker: Tracker,
  keep: number,
): Promise<{ outcome: AutosaveOutcome; session?: Session }> {
  const windows = await tracker.snapshot();
  const tabs = countTabs(windows).tabs;
  if (tabs === 0) return { outcome: 'empty' };
  const db = await deps.db();
  const last = await getMeta<LastAutosave>(db, 'autosave:last');
  const sum = checksum(JSON.stringify(windows));
  if (last?.checksum === sum) return { outcome: 'unchanged' };
  if (last && isWorseCount(tabs, last.tabs) && !last.skippedWorse) {
    await setMeta(db, { 'autosave:last': { ...last, skippedWorse: true } });
    return { outcome: 'guarded' };
  }
  const session = await storeNewSession(deps, windows, 'autosave');
  await setMeta(db, { 'autosave:last': { checksum: sum, tabs } satisfies LastAutosave });
  await prune(deps, keep);
  return { outcome: 'saved', session };
}

export async function saveClosedWindow(
  deps: Deps,
  windows: WindowRecord[],
  keep: number,
  kind: SessionKind = 'window-closed',
): Promise<Session | undefined> {
  if (countTabs(windows).tabs === 0) return undefined;
  const session = await storeNewSession(deps, windows, kind);
  await prune(deps, keep);
  return session;
}
