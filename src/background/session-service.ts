// Saved sessions: save (from the tracker's mirror, with the sites' cookies in a jar), read, rename,
// tag, edit, delete with undo, search. The popup's buttons, the keyboard shortcuts, autosaves and
// imports all save through here.
import { countTabs, type Session, type SessionKind, type SessionWithBody, type WindowRecord } from '../core/model.ts';
import { tabsWithUrlTokens } from '../core/formats/strip-url-tokens.ts';
import { defaultSessionName, siteIconPages } from '../core/session-name.ts';
import { diffSessions } from '../core/session-diff.ts';
import { msg, UserError, type UserMessage } from '../core/user-error.ts';
import type { SessionDetail } from '../shared/messages/sessions-messages.ts';
import type { WorkerContext } from './context.ts';

const MAX_NAME = 500;
const MAX_TAG = 64;
const MAX_TAGS = 50;

/**
 * A save; `cookieProblem` says why its cookies could not be kept (the popup says so), and
 * `cookiesLocked` that they were left out because the cookie vault is locked.
 */
export interface SaveResult {
  session: Session;
  cookieProblem?: UserMessage;
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

  /** A session for its detail view, with the tabs whose address carries a session token marked. */
  async detail(id: string): Promise<SessionDetail> {
    const found = await this.get(id);
    return { ...found, urlTokenTabs: tabsWithUrlTokens(found.body.windows) };
  }

  /** For the popup's rows: a page of each of a session's main sites (up to 5), for their favicons. */
  async icons(ids: readonly string[]): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const id of ids) {
      const body = await this.ctx.store.sessions.body(id);
      if (body) out[id] = siteIconPages(body.windows, 5);
    }
    return out;
  }

  /** Every open window, from the tracker's mirror: no round trip through the browser. */
  async saveAll(name?: string): Promise<SaveResult> {
    return this.saveManual(await this.ctx.tracker.storableSnapshot(), name);
  }

  /** One window (the last focused one by default). */
  async saveWindow(windowId?: number, name?: string): Promise<SaveResult> {
    const id = windowId ?? (await this.ctx.platform.windows.getLastFocusedId());
    if (id === undefined) return this.saveManual([], name);
    const windows = await this.ctx.tracker.storableSnapshot(id);
    // A private window kept off disk: say why nothing was saved.
    if (windows.length === 0 && (await this.ctx.tracker.snapshot(id)).length > 0) {
      throw new UserError('refused', { key: 'errPrivateWindowNotSaved' });
    }
    return this.saveManual(windows, name);
  }

  private saveManual(windows: WindowRecord[], name?: string): Promise<SaveResult> {
    if (windows.length === 0) throw new UserError('not-found', { key: 'errNothingToSave' });
    return this.save(windows, 'manual', name);
  }

  /** Stores windows as a new session (automatic snapshots: nobody to tell of a cookie problem). */
  async store(windows: WindowRecord[], kind: SessionKind, name?: string): Promise<Session> {
    const { session, cookieProblem } = await this.save(windows, kind, name);
    if (cookieProblem) console.warn('[tabularium] a snapshot was saved without its cookies', cookieProblem);
    return session;
  }

  /**
   * Stores windows as a new session; the sites' cookies go into its jar first. Cookies that could
   * not be read or written do not stop the save: it goes on without them and says why.
   */
  async save(windows: WindowRecord[], kind: SessionKind, name?: string): Promise<SaveResult> {
    const now = this.ctx.now();
    const id = this.ctx.newId();
    const session: Session = {
      id,
      name: name?.trim() || defaultSessionName(windows, kind),
      kind,
      createdAt: now,
      updatedAt: now,
      tags: [],
      counts: countTabs(windows),
    };
    const { cookieJars, store } = this.ctx;
    const read = await cookieJars.cookiesForWindows(windows);
    const { jarId, problem } = await cookieJars.saveJar(read.cookies);
    const saved = jarId ? { ...session, cookieJarId: jarId } : session;
    try {
      await store.sessions.save(saved, { id, windows });
    } catch (e) {
      // A jar nobody points at is unreachable: it goes again.
      if (jarId) await store.jars.delete(jarId).catch(() => undefined);
      throw e;
    }
    const why = problem ?? read.problem;
    if (why) return { session: saved, cookieProblem: msg('saveCookiesNotKept', why) };
    return read.locked ? { session: saved, cookiesLocked: true } : { session: saved };
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
