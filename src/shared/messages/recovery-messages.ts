import type { RestoreReport } from './sessions-messages.ts';

/** What Recover brings back: the state open at the end, or the fuller older copy offered beside it. */
export type RecoverWhich = 'latest' | 'earlier';

export interface PendingCounts {
  windows: number;
  tabs: number;
  /** When that state was open: the run start for the latest, the copy's time for an earlier one. */
  at: number;
}

export interface RecoveryMessages {
  /**
   * `pending`: a crashed session that can come back, and, when an older copy looked fuller (many
   * tabs closed just before the end), that copy as `earlier`. `unreadable`: the last state could
   * not be read (every copy damaged); its raw data is kept for export instead of being wiped.
   */
  'recovery.status': {
    req: Record<string, never>;
    res: { pending?: PendingCounts & { earlier?: PendingCounts }; unreadable?: { at: number } };
  };
  /**
   * `restoreId` names the restore for progress events and Cancel, as with sessions.restore;
   * `which` (default `latest`) picks the earlier copy instead.
   */
  'recovery.recover': { req: { restoreId?: string; which?: RecoverWhich }; res: RestoreReport };
  'recovery.dismiss': { req: Record<string, never>; res: Record<string, never> };
  /** The kept raw data of an unreadable last state, as JSON text for a download. */
  'recovery.exportUnreadable': { req: Record<string, never>; res: { json: string } };
  /** Forgets the unreadable data (after the person exported it or chose to let it go). */
  'recovery.forgetUnreadable': { req: Record<string, never>; res: Record<string, never> };
}
