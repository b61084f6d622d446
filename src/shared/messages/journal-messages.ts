import type { HistoryHit } from '../../core/journal/history-index.ts';
import type { JournalCheckpoint, JournalEntry } from '../../core/journal/journal-format.ts';
import type { Session, WindowRecord } from '../../core/model.ts';
import type { RestoreReport } from './sessions-messages.ts';

/** A stretch of the journal for the History view, replayed in the page (core/journal/reconstruct.ts). */
export interface JournalDay {
  /** The state at `from`, as a checkpoint at `from`. */
  start: JournalCheckpoint;
  /** Entries after `from` up to `to`, in time order. */
  entries: JournalEntry[];
  /** The strings they use: [number, text]. */
  strings: [number, string][];
  /** The oldest moment the journal still holds (undefined when it is empty). */
  oldest?: number;
  /** The addresses open now, to show what differs from now. */
  openNow: string[];
}

/** Which part of a moment to bring back: all of it, one window, or one tab of a window. */
export interface MomentPart {
  at: number;
  windowIndex?: number;
  tabIndex?: number;
}

export interface JournalMessages {
  'journal.day': { req: { from: number; to: number }; res: JournalDay };
  /** The windows open at `at` (private windows never are in the journal). */
  'journal.moment': { req: { at: number }; res: { windows: WindowRecord[] } };
  /** Brings back a moment (or a window or tab of it) through the restore service, as a normal restore. */
  'journal.restore': { req: MomentPart & { restoreId?: string }; res: RestoreReport };
  /** Keeps a moment as a saved session. */
  'journal.save': { req: { at: number; name?: string }; res: { session: Session } };
  /** Pages of the journal whose title or address holds every word, with the spans they were open. */
  'journal.search': { req: { query: string }; res: { hits: HistoryHit[] } };
  /** Forgets the whole journal. */
  'journal.clear': { req: Record<string, never>; res: Record<string, never> };
}
