import type { RestoreReport } from './sessions-messages.ts';

/** What Recover brings back: the state open at the end, or the fuller older copy offered beside it. */
export type RecoverWhich = 'latest' | 'earlier' | 'as-it-was';

export interface PendingCounts {
  windows: number;
  tabs: number;
  /** When that state was open: the run start for the latest, the copy's time for an earlier one. */
  at: number;
  /** The recovered session that holds it: the popup lists it in the banner, not again as a row. */
  sessionId?: string;
}

export interface RecoveryMessages {
  /**
   * `pending`: a crashed session that can come back, and, when an older copy looked fuller (many
   * tabs closed just before the end), that copy as `earlier`; when the journal shows that drop in
   * the last minute, the state of a minute before the end as `asItWas` (time travel).
   * `unreadable`: the last state could not be read (every copy damaged); its raw data is kept for
   * export instead of being wiped.
   */
  'recovery.status': {
    req: Record<string, never>;
    res: {
      pending?: PendingCounts & { earlier?: PendingCounts; asItWas?: PendingCounts };
      unreadable?: { at: number };
    };
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
