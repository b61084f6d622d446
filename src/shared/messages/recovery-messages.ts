import type { RestoreReport } from './sessions-messages.ts';

export interface RecoveryMessages {
  /**
   * `pending`: a crashed session that can come back. `unreadable`: the last state could not be
   * read (every copy damaged); its raw data is kept for export instead of being wiped.
   */
  'recovery.status': {
    req: Record<string, never>;
    res: { pending?: { windows: number; tabs: number; at: number }; unreadable?: { at: number } };
  };
  /** `restoreId` names the restore for progress events and Cancel, as with sessions.restore. */
  'recovery.recover': { req: { restoreId?: string }; res: RestoreReport };
  'recovery.dismiss': { req: Record<string, never>; res: Record<string, never> };
  /** The kept raw data of an unreadable last state, as JSON text for a download. */
  'recovery.exportUnreadable': { req: Record<string, never>; res: { json: string } };
  /** Forgets the unreadable data (after the person exported it or chose to let it go). */
  'recovery.forgetUnreadable': { req: Record<string, never>; res: Record<string, never> };
}
