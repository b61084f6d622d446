// Time travel. The tracker hands each of its writes here first; the journal's records for it
// (core/journal/journal-writer.ts) go into the same transaction as the live records, and the
// writer moves on only once that transaction committed, so a failed write is journaled with the
// next one, as its live changes are. Private windows never enter the journal, whatever the
// setting for the live records. Reading a moment is the nearest checkpoint plus a short replay.
import { DAY_MS, planFold } from '../core/journal/fold.ts';
import type { JournalCheckpoint, JournalEntry } from '../core/journal/journal-format.ts';
import { checkpointOf, isCheckpoint, timeOf } from '../core/journal/journal-format.ts';
import { HistoryIndex, type HistoryHit } from '../core/journal/history-index.ts';
import { JournalWriter, type PreparedJournal } from '../core/journal/journal-writer.ts';
import { codedStateAt, decodeState, recordsAt, windowsOfRecords } from '../core/journal/reconstruct.ts';
import { parsePlaceholder } from '../core/placeholder-url.ts';
import { withoutPrivate, type LiveChanges, type LiveRecord } from '../core/live-state.ts';
import { countTabs, type Session, type WindowRecord } from '../core/model.ts';
import { isWorse } from '../core/recovery-rules.ts';
import { UserError } from '../core/user-error.ts';
import type { JournalDay, MomentPart } from '../shared/messages/journal-messages.ts';
import type { RestoreReport } from '../shared/protocol.ts';
import type { WorkerContext } from './context.ts';

/** Folds run at most this often (they read the whole journal). */
const FOLD_EVERY_MS = 60 * 60_000;
/** meta key: when the journal was last folded. */
const FOLDED_AT_KEY = 'journal:foldedAt';
/** Crash recovery compares the last state with the one this long before it. */
export const AS_IT_WAS_MS = 60_000;

export interface JournalInput {
  changes: LiveChanges;
  /** Every record the tracker holds: asked for when the journal must take the whole state. */
  full(): LiveRecord[];
  isPrivateWindow(windowId: number): boolean;
}

export class JournalService {
  private writer: JournalWriter | undefined;
  /** The next write takes the whole state (a new worker life, a cleared journal). */
  private needsFull = true;
  private lastFold = 0;
  private folding: Promise<void> | undefined;
  private index: Promise<{ index: HistoryIndex; strings: Map<number, string> }> | undefined;
  /**
   * The journal since its last checkpoint, as written: a moment in it (a recent moment restored or
   * saved, a Recover "as it was") is replayed from memory, with the writer's strings, reads nothing.
   * At most one checkpoint's worth of changes (journal-writer.ts).
   */
  private tail: { checkpoint: JournalCheckpoint; entries: JournalEntry[] } | undefined;

  constructor(private readonly ctx: WorkerContext) {}

  /** At the tracker's start: the journal's last state, which the next write is told against. */
  async load(): Promise<void> {
    const [end, foldedAt] = await Promise.all([
      this.ctx.store.journal.end(),
      this.ctx.store.meta.get<number>(FOLDED_AT_KEY),
    ]);
    // Worker lives are short: when the last fold ran is kept, or every start would read it all.
    this.lastFold = foldedAt ?? 0;
    this.writer = new JournalWriter({
      state: codedStateAt(end.slice, Infinity),
      strings: new Map(end.slice.strings),
      nextString: end.nextString,
      lastTime: end.lastTime,
      lastCheckpoint: end.lastCheckpoint,
      opsSinceCheckpoint: end.slice.entries.reduce((n, e) => n + (e.p?.length ?? 0) + (e.d?.length ?? 0), 0),
    });
    const { checkpoint, entries } = end.slice;
    this.tail = checkpoint ? { checkpoint, entries: [...entries] } : undefined;
    this.needsFull = true;
  }

  /** Whether the next tracker write must be made even without live changes. */
  wantsWrite(): boolean {
    return this.needsFull && this.writer !== undefined;
  }

  /** The journal records of one tracker write; undefined when it changes nothing the journal keeps. */
  prepare(input: JournalInput): PreparedJournal | undefined {
    if (!this.writer) return undefined;
    const changes = withoutPrivate(input.changes, input.isPrivateWindow);
    const full = this.needsFull ? withoutPrivate({ put: input.full(), del: [] }, input.isPrivateWindow).put : undefined;
    return this.writer.prepare(changes, this.ctx.now(), full);
  }

  /** The write that carried `prepared` committed. */
  committed(prepared: PreparedJournal | undefined): void {
    this.needsFull = false;
    if (!prepared) return;
    prepared.commit();
    if (prepared.checkpoint) this.tail = { checkpoint: prepared.checkpoint, entries: [] };
    else this.tail?.entries.push(prepared.entry);
    void this.index?.then(({ index, strings }) => {
      for (const r of prepared.records) if ('v' in r) strings.set(r.k[1], r.v);
      index.add(prepared.entry);
    });
    if (this.ctx.now() - this.lastFold >= FOLD_EVERY_MS) void this.fold().catch((e: unknown) => console.error(e));
  }

  /** Folds what retention (days, size cap) lets go into a checkpoint; never what the writer uses. */
  fold(): Promise<void> {
    this.folding ??= (async () => {
      try {
        this.lastFold = this.ctx.now();
        const settings = await this.ctx.settings.load();
        const all = await this.ctx.store.journal.all();
        const plan = planFold({
          timed: all.timed,
          strings: all.strings,
          cutoff: this.ctx.now() - settings.journalDays * DAY_MS,
          capBytes: settings.journalCapMb * 1024 * 1024,
          keepStrings: this.writer?.liveStringIds() ?? new Set(),
          blocks: all.blocks,
          now: this.ctx.now(),
        });
        await this.ctx.store.journal.fold(plan);
        // A fold never reaches the writer's last checkpoint; were it to, the disk is read again.
        if (this.tail && plan.cutoff >= timeOf(this.tail.checkpoint)) this.tail = undefined;
        await this.ctx.store.meta.set({ [FOLDED_AT_KEY]: this.lastFold });
        // Sealing and thinning change no moment: the index stays unless something went.
        if (plan.checkpoint) this.index = undefined;
      } finally {
        this.folding = undefined;
      }
    })();
    return this.folding;
  }

  async clear(): Promise<void> {
    // A fold under way would put its checkpoint and blocks back into the cleared journal.
    await this.folding?.catch(() => undefined);
    await this.ctx.store.journal.clear();
    this.writer = new JournalWriter();
    this.tail = undefined;
    this.needsFull = true;
    this.index = undefined;
    // The state now is the journal's new beginning.
    await this.ctx.tracker.flush();
  }

  /** The journal's records at `at`: from memory when it is the end or in the tail, else read. */
  private async recordsOfMoment(at: number): Promise<LiveRecord[]> {
    await this.ctx.tracker.flush();
    const { writer, tail } = this;
    // The writer's state is the journal's after its last write: the end needs no replay.
    if (writer && at >= writer.lastWrittenAt()) return decodeState(writer.codedState(), writer.knownStrings());
    // The writer holds every string the tail uses: it prunes them only at a checkpoint.
    if (writer && tail && at >= timeOf(tail.checkpoint)) {
      return recordsAt({ ...tail, strings: writer.knownStrings() }, at);
    }
    return recordsAt(await this.ctx.store.journal.slice(at, at, writer?.knownStrings()), at);
  }

  async windowsAt(at: number): Promise<WindowRecord[]> {
    return windowsOfRecords(await this.recordsOfMoment(at), this.ctx.platform.extensionBase);
  }

  async day(from: number, to: number): Promise<JournalDay> {
    await this.ctx.tracker.flush();
    const slice = await this.ctx.store.journal.slice(from, to, this.writer?.knownStrings());
    const start: JournalCheckpoint = checkpointOf(codedStateAt(slice, from), from);
    const entries = slice.entries.filter((e) => e.k[1] > from);
    const oldest = await this.ctx.store.journal.oldest();
    const open = await this.ctx.tracker.storableSnapshot();
    return {
      start,
      entries,
      strings: [...slice.strings],
      ...(oldest !== undefined ? { oldest } : {}),
      openNow: [...new Set(open.flatMap((w) => w.tabs.map((t) => t.url)))],
    };
  }

  /** One window or tab of a moment, or all of it. */
  async part(p: MomentPart): Promise<WindowRecord[]> {
    const windows = await this.windowsAt(p.at);
    if (p.windowIndex === undefined) return windows;
    const w = windows[p.windowIndex];
    if (!w) throw new UserError('not-found', { key: 'errNothingToSave' });
    if (p.tabIndex === undefined) return [w];
    const tab = w.tabs[p.tabIndex];
    if (!tab) throw new UserError('not-found', { key: 'errNothingToSave' });
    const g = tab.groupIndex !== undefined ? w.groups[tab.groupIndex] : undefined;
    const { groupIndex: _dropped, ...plain } = tab;
    void _dropped;
    return [{ ...w, tabs: [g ? { ...plain, groupIndex: 0 } : plain], groups: g ? [g] : [] }];
  }

  /** Brings back a moment as a normal restore: kept as an automatic snapshot, then restored. */
  async restore(p: MomentPart, restoreId?: string): Promise<RestoreReport> {
    const windows = await this.part(p);
    if (windows.length === 0) throw new UserError('not-found', { key: 'errNothingToSave' });
    const session = await this.ctx.sessions.store(windows, 'autosave', this.momentName(p.at));
    return this.ctx.restores.restore(session.id, restoreId ? { restoreId } : {});
  }

  async save(at: number, name?: string): Promise<Session> {
    const windows = await this.windowsAt(at);
    const { session } = await this.ctx.sessions.save(windows, 'manual', name?.trim() || this.momentName(at));
    return session;
  }

  private momentName(at: number): string {
    const d = new Date(at);
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    return `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }

  /**
   * Crash recovery's "as it was at …": when the previous run (ended before `runStart`) lost many
   * tabs in its last minute, the state a minute before its end.
   */
  async asItWasBefore(runStart: number): Promise<{ at: number; windows: number; tabs: number } | undefined> {
    const end = await this.ctx.store.journal.lastEntryBefore(runStart);
    if (end === undefined) return undefined;
    const at = end - AS_IT_WAS_MS;
    const base = this.ctx.platform.extensionBase;
    const [last, before] = await Promise.all(
      [end, at].map(async (t) => windowsOfRecords(recordsAt(await this.ctx.store.journal.slice(t), t), base)),
    );
    if (!isWorse(last!, before!)) return undefined;
    return { at, ...countTabs(before!) };
  }

  /** The banner's "as it was" button: restores that moment, as Recover would restore the last state. */
  async recoverAsItWas(restoreId?: string): Promise<RestoreReport | undefined> {
    const pending = await this.ctx.recovery.pending();
    const asItWas = pending && (await this.asItWasBefore(pending.at));
    if (!asItWas) return undefined;
    await this.ctx.recovery.dismiss();
    return this.restore({ at: asItWas.at }, restoreId);
  }

  async search(query: string): Promise<HistoryHit[]> {
    await this.ctx.tracker.flush();
    const { index } = await (this.index ??= this.buildIndex());
    return index.search(query);
  }

  private async buildIndex(): Promise<{ index: HistoryIndex; strings: Map<number, string> }> {
    const all = await this.ctx.store.journal.all();
    const strings = new Map(all.strings.map((s) => [s.k[1], s.v]));
    const base = this.ctx.platform.extensionBase;
    // A lazily restored tab is its page: search sees through the placeholder's address.
    const text = (n: number) => {
      const s = strings.get(n);
      return s === undefined ? s : (parsePlaceholder(base, s)?.url ?? s);
    };
    const index = new HistoryIndex(text);
    let started = false;
    for (const r of all.timed) {
      if (isCheckpoint(r)) {
        if (!started) index.startAt(r);
        started = true;
      } else if (started) index.add(r);
    }
    return { index, strings };
  }
}
