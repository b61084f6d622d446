// Saved sessions: save (from the tracker's mirror, with the sites' cookies in a jar), read, rename,
// tag, edit, delete with undo, search. The popup's buttons, the keyboard shortcuts, autosaves and
// imports all save through here.
import { countTabs, type Session, type SessionKind, type SessionWithBody, type WindowRecord } from '../core/model.ts';
import { defaultSessionName } from '../core/session-name.ts';
import { diffSessions } from '../core/session-diff.ts';
import { UserError } from '../core/user-error.ts';
import type { WorkerContext } from './context.ts';

const MAX_NAME = 500;
const MAX_TAG = 64;
const MAX_TAGS = 50;

/** A saved session; `cookiesLocked` when its cookies were left out because the vault is locked. */
export interface Saved {
  session: Session;
  cookiesLocked?: true;
}

function sessionGone(): UserError {
  return new UserError('not-found', { key: 'errSessionGone' });
}

export class SessionService {
  constructor(private readonly ctx: WorkerContext) {}

  list(): Promise<Session[]> {
    return this.ctx.store.sessions.list();
  }

  async get(id: string): Promise<SessionWithBody> {
    const found = await this.ctx.store.sessions.get(id);
    if (!found) throw sessionGone();
    return found;
  }

  /** Every open window, from the tracker's mirror: no round trip through the browser. */
  async saveAll(name?: string): Promise<Saved> {
    return this.saveManual(await this.ctx.tracker.snapshot(), name);
  }

  /** One window (the last focused one by default). */
  async saveWindow(windowId?: number, name?: string): Promise<Saved> {
    const id = windowId ?? (await this.ctx.platform.windows.getLastFocusedId());
    return this.saveManual(id === undefined ? [] : await this.ctx.tracker.snapshot(id), name);
  }

  private saveManual(windows: WindowRecord[], name?: string): Promise<Saved> {
    if (windows.length === 0) throw new UserError('not-found', { key: 'errNothingToSave' });
    return this.save(windows, 'manual', name);
  }

  /** Stores windows as a new session; the sites' cookies go into its jar first. */
  async store(windows: WindowRecord[], kind: SessionKind, name?: string): Promise<Session> {
    return (await this.save(windows, kind, name)).session;
  }

  /** As store, and says when the cookies were left out because the cookie vault is locked. */
  async save(windows: WindowRecord[], kind: SessionKind, name?: string): Promise<Saved> {
    const now = this.ctx.now();
    const id = this.ctx.newId();
    const session: Session = {
      id,
      name: name?.trim() || defaultSessionName(windows, new Date(now)),
      kind,
      createdAt: now,
      updatedAt: now,
      tags: [],
      counts: countTabs(windows),
    };
    const { cookies, locked } = await this.ctx.cookieJars.cookiesForWindows(windows);
    return this.ctx.cookieJars.withJars([cookies], async ([cookieJarId]) => {
      const saved = cookieJarId ? { ...session, cookieJarId } : session;
      await this.ctx.store.sessions.save(saved, { id, windows });
      return locked ? { session: saved, cookiesLocked: true } : { session: saved };
    });
  }

  async delete(id: string): Promise<void> {
    await this.ctx.store.sessions.delete(id, this.ctx.now());
  }

  undoDelete(id: string): Promise<Session> {
    return this.ctx.store.sessions.undoDelete(id);
  }

  rename(id: string, name: string): Promise<Session> {
    const trimmed = name.trim();
    if (!trimmed) throw new UserError('invalid', { key: 'errSessionNeedsName' });
    return this.ctx.store.sessions.update(id, (s) => ({ ...s, name: trimmed.slice(0, MAX_NAME) }), this.ctx.now());
  }

  setTags(id: string, tags: readonly string[]): Promise<Session> {
    const trimmed = tags.map((t) => t.trim().slice(0, MAX_TAG)).filter(Boolean);
    const clean = [...new Set(trimmed)].slice(0, MAX_TAGS);
    return this.ctx.store.sessions.update(id, (s) => ({ ...s, tags: clean }), this.ctx.now());
  }

  /** Removes tabs (by window and tab index); a window left without tabs goes too. */
  removeTabs(id: string, tabs: readonly { windowIndex: number; tabIndex: number }[]): Promise<Session> {
    const drop = new Set(tabs.map((t) => `${t.windowIndex}:${t.tabIndex}`));
    return this.ctx.store.sessions.updateBody(
      id,
      (b) => ({
        ...b,
        windows: b.windows
          .map((w, wi) => ({ ...w, tabs: w.tabs.filter((_, ti) => !drop.has(`${wi}:${ti}`)) }))
          .filter((w) => w.tabs.length > 0),
      }),
      this.ctx.now(),
    );
  }

  /** Turns an automatic snapshot (autosave, closed window, recovered) into a saved session. */
  promote(id: string): Promise<Session> {
    return this.ctx.store.sessions.update(id, (s) => ({ ...s, kind: 'manual' }), this.ctx.now());
  }

  /** The saved session against what is open now. */
  async compare(id: string) {
    const found = await this.get(id);
    return diffSessions(found.body.windows, await this.ctx.tracker.snapshot());
  }

  async search(query: string, limit = 50) {
    const results = await this.ctx.search.search(query, limit);
    const sessions = await this.ctx.store.sessions.summaries(results.map((r) => r.id));
    return results.flatMap((r, i) => {
      const session = sessions[i];
      return session ? [{ ...r, session }] : [];
    });
  }
}
