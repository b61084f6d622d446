// The pure rules of crash recovery: versioned, checksummed copies of the last state; which copy
// to trust; when a new state is worse than the last good one; when the tabs are already back.
import { countTabs, type WindowRecord } from './model.ts';

export const SNAPSHOT_VERSION = 1;

export interface SnapshotCopy {
  version: number;
  savedAt: number;
  checksum: string;
  windows: WindowRecord[];
}

/** FNV-1a over the JSON text: cheap, and enough to notice a damaged or half-written copy. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function makeCopy(windows: WindowRecord[], savedAt: number): SnapshotCopy {
  return { version: SNAPSHOT_VERSION, savedAt, checksum: checksum(JSON.stringify(windows)), windows };
}

export type CopyVerdict = { ok: true; copy: SnapshotCopy } | { ok: false; why: string };

export function verifyCopy(x: unknown): CopyVerdict {
  if (!x || typeof x !== 'object') return { ok: false, why: 'missing' };
  const c = x as Partial<SnapshotCopy>;
  if (c.version !== SNAPSHOT_VERSION) return { ok: false, why: `unknown version ${String(c.version)}` };
  if (!Array.isArray(c.windows) || typeof c.checksum !== 'string' || typeof c.savedAt !== 'number')
    return { ok: false, why: 'malformed' };
  if (checksum(JSON.stringify(c.windows)) !== c.checksum) return { ok: false, why: 'checksum mismatch' };
  return { ok: true, copy: c as SnapshotCopy };
}

/** Empty, or lost more than half of a state with a few tabs: what shutdowns and updates look like. */
export function isWorse(next: readonly WindowRecord[], prev: readonly WindowRecord[]): boolean {
  return isWorseCount(countTabs(next).tabs, countTabs(prev).tabs);
}

export function isWorseCount(next: number, prev: number): boolean {
  if (next === 0) return prev > 0;
  return prev >= 4 && next < prev / 2;
}

export interface Candidate {
  name: 'live' | 'recovery' | 'backup' | 'previous';
  windows: WindowRecord[] | undefined;
  savedAt?: number;
}

type Readable = Candidate & { windows: WindowRecord[] };

export interface RecoveryChoice {
  /** What becomes the recovered session: the state live at the end whenever it has tabs. */
  main: Readable;
  /** An older copy that looks fuller (many tabs closed just before the end): offered beside it. */
  earlier?: Readable;
}

/**
 * Picks the state to bring back: the live records whenever they hold tabs (what was open at the
 * end, however much smaller than before — closing tabs is what people do), else the newest
 * readable copy (recovery, backup, previous run). A later copy that looks fuller than the chosen
 * state (all windows closing at shutdown, or a mass close just before a kill) is offered beside
 * it, never instead; the previous run's copy is not, as it was recovered in its own run.
 */
export function chooseRecoverySource(candidates: readonly Candidate[]): RecoveryChoice | undefined {
  const readable = candidates.filter((c): c is Readable => !!c.windows && countTabs(c.windows).tabs > 0);
  const main = readable[0];
  if (!main) return undefined;
  const earlier = readable.slice(1).find((c) => c.name !== 'previous' && isWorse(main.windows, c.windows));
  return earlier ? { main, earlier } : { main };
}

/** True when most of the saved tabs are open again (the browser restored them itself). */
export function alreadyOpen(saved: readonly WindowRecord[], openUrls: ReadonlySet<string>): boolean {
  const urls = saved.flatMap((w) => w.tabs.map((t) => t.url)).filter((u) => /^(https?|file|ftp):/i.test(u));
  if (urls.length === 0) return true;
  const open = urls.filter((u) => openUrls.has(u)).length;
  return open / urls.length >= 0.8;
}

export type RecoveryAction = 'none' | 'auto-restore' | 'ask';

/** After one crash restore by itself (if the person wants that); after two in a row, ask. */
export function decideRecovery(opts: { autoRestore: boolean; streak: number; needed: boolean }): RecoveryAction {
  if (!opts.needed) return 'none';
  if (opts.autoRestore && opts.streak <= 1) return 'auto-restore';
  return 'ask';
}
