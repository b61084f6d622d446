// Messages of import and export, and the wire form of session lists in transit.
//
// runtime.sendMessage fails at ~65 MB (REFERENCE.md), so neither direction ever sends a whole
// import or export at once: session lists travel as parts of at most CHUNK_CHARS of JSON. A
// session too big for one part (tens of thousands of tabs) is cut between tabs; its summary rides
// along on every part so the receiver needs no other state than the parts seen so far.
import type { CookieJarMap, EncryptedBlob, ImportFormat, SkipNote } from '../../core/formats/index.ts';
import type { Session, SessionWithBody, WindowRecord } from '../../core/model.ts';
import { msg, UserError } from '../../core/user-error.ts';

/** JSON characters per message: far below the ~65 MB limit, small enough to keep pages responsive. */
export const CHUNK_CHARS = 2_000_000;

/** One session, or a slice of one: `windows` are appended to what came before for the same id. */
export interface SessionPart {
  session: Session;
  windows: WindowRecord[];
  /** windows[0] carries more tabs of the last window of the previous part (same session). */
  continues?: true;
}

export interface ExportCursor {
  /** Index into the requested ids. */
  index: number;
  /** Parts of that session already sent. */
  part: number;
}

export interface ImportExportMessages {
  /** Opens a pending import in the worker; nothing is stored until 'import.commit'. */
  'import.begin': { req: { format: ImportFormat | 'mixed' }; res: { importId: string } };
  'import.chunk': { req: { importId: string; parts: SessionPart[] }; res: { received: number } };
  /**
   * Stores every session received, in one transaction, skipping duplicates (same source id or,
   * for Tabularium files, same id, and not newer). `cookieJars` (already decrypted by the page)
   * are keyed by session id as in the file. `replaced`: stored sessions a newer copy replaced,
   * whose old versions are in the trash under `id` (sessions.undoDelete brings one back).
   */
  'import.commit': {
    req: { importId: string; cookieJars?: CookieJarMap };
    res: { stored: number; skipped: SkipNote[]; replaced: { id: string; name: string }[] };
  };
  'import.abort': { req: { importId: string }; res: Record<string, never> };
  /** The sessions with these ids, in that order, a message-sized slice at a time. */
  'export.read': {
    req: { ids: string[]; cursor?: ExportCursor };
    res: { parts: SessionPart[]; next?: ExportCursor; missing: number };
  };
  /** The cookie jars of these sessions, encrypted with the passphrase (they never leave the worker in clear). */
  'export.cookies': {
    req: { ids: string[]; passphrase: string };
    res: { cookieJars?: EncryptedBlob; sessions: number };
  };
}

/** JSON length of a value: what it weighs in a message. */
function weight(x: unknown): number {
  return JSON.stringify(x).length;
}

/**
 * Cuts one session into parts of at most about `budget` JSON characters. A tab is never cut: a
 * single tab larger than the budget travels alone (tabs are bounded by the import limits).
 */
export function sessionParts({ session, body }: SessionWithBody, budget = CHUNK_CHARS): SessionPart[] {
  const whole: SessionPart = { session, windows: body.windows };
  if (weight(whole) <= budget) return [whole];
  const base = weight(session) + 64;
  const parts: SessionPart[] = [];
  let cur: SessionPart = { session, windows: [] };
  let size = base;
  const flush = (continues: boolean): void => {
    parts.push(cur);
    cur = continues ? { session, windows: [], continues: true } : { session, windows: [] };
    size = base;
  };
  for (const w of body.windows) {
    const shell = weight({ ...w, tabs: [] });
    if (size + shell > budget && cur.windows.length) flush(false);
    let win: WindowRecord = { ...w, tabs: [] };
    cur.windows.push(win);
    size += shell;
    for (const tab of w.tabs) {
      const t = weight(tab) + 1;
      if (size + t > budget && win.tabs.length) {
        flush(true);
        // Groups travel with the window's first slice; tab.groupIndex still points into them.
        win = { ...w, tabs: [], groups: [] };
        cur.windows.push(win);
        size += shell;
      }
      win.tabs.push(tab);
      size += t;
    }
  }
  if (cur.windows.length || parts.length === 0) parts.push(cur);
  return parts;
}

/** Packs sessions into message-sized lists of parts, in order. */
export function* chunkSessions(items: Iterable<SessionWithBody>, budget = CHUNK_CHARS): Generator<SessionPart[]> {
  let chunk: SessionPart[] = [];
  let size = 0;
  for (const item of items) {
    for (const part of sessionParts(item, budget)) {
      const w = weight(part);
      if (chunk.length && size + w > budget) {
        yield chunk;
        chunk = [];
        size = 0;
      }
      chunk.push(part);
      size += w;
    }
  }
  if (chunk.length) yield chunk;
}

/** Puts parts back together into whole sessions, in the order their first part arrived. */
export class PartJoiner {
  private readonly byId = new Map<string, SessionWithBody>();

  /** Throws on a part that cannot belong where it claims to (a continuation of nothing). */
  add(parts: readonly SessionPart[]): void {
    for (const p of parts) {
      const id = p.session?.id;
      if (typeof id !== 'string' || !Array.isArray(p.windows)) {
        throw new UserError('invalid', msg('errImportPartMalformed'));
      }
      const cur = this.byId.get(id);
      if (!cur) {
        if (p.continues) throw new UserError('invalid', msg('errImportPartOrphan', id));
        this.byId.set(id, { session: p.session, body: { id, windows: [...p.windows] } });
        continue;
      }
      // The latest summary wins (they are equal when one sender cut one session).
      cur.session = p.session;
      const [first, ...rest] = p.windows;
      const last = cur.body.windows.at(-1);
      if (p.continues && first && last) {
        for (const t of first.tabs) last.tabs.push(t);
        for (const w of rest) cur.body.windows.push(w);
      } else {
        for (const w of p.windows) cur.body.windows.push(w);
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  result(): SessionWithBody[] {
    return [...this.byId.values()];
  }
}
