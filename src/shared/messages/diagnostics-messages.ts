import type { WindowRecord } from '../../core/model.ts';
import type { WriteFailureReason } from './health-messages.ts';
import type { CaptureResult } from './keeping-messages.ts';

export interface TrackerStatsView {
  events: number;
  cpuMs: number;
  /** The journal's share of cpuMs: its entries and checkpoints made and kept. */
  journalMs: number;
  flushes: number;
  recordsWritten: number;
  bytesWritten: number;
  tabs: number;
  /** The last duration of each message's handler, in ms. */
  handlerMs: Record<string, number>;
}

/**
 * Messages of the e2e build only (TABULARIUM_E2E=1): the bench's and tests' probes. The store
 * build has no handler for them (src/background/e2e/), so they are not part of `Messages`.
 */
export interface DiagnosticsMessages {
  /** What live tracking has cost since the worker started, and each handler's last duration. */
  'diagnostics.tracker': { req: Record<string, never>; res: TrackerStatsView };
  /** The tabs in each checksummed recovery copy (crash tests wait for a copy before they kill). */
  'diagnostics.recoveryCopies': {
    req: Record<string, never>;
    res: Partial<Record<'recovery' | 'backup' | 'previous', { tabs: number; savedAt: number }>>;
  };
  /** Catches the live cookie copy up with the browser now; `rewrite` re-encrypts every kept cookie. */
  'diagnostics.captureCookies': { req: { rewrite?: boolean }; res: CaptureResult };
  /**
   * From now on, makes this share (0…1) of the live writes (tabs, kept cookies) fail before they
   * reach IndexedDB, as a full disk (`quota`, the default) or a failing database would; 0 stops it.
   * Answers how many live writes were tried and made to fail since the worker started.
   */
  'diagnostics.failWrites': {
    req: { rate: number; reason?: WriteFailureReason };
    res: { attempted: number; failed: number };
  };
  /**
   * The windows of a moment as `journal.moment` answers them, made once and then answered again
   * as they are: the round trip's floor, messaging alone (the bench's).
   */
  'diagnostics.momentAgain': { req: { at: number }; res: { windows: WindowRecord[] } };
}
