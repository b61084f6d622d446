// Import and export: the page parses files and builds export files itself (the worker never holds
// a file's text); the worker only takes sessions in, in parts, and hands them out, in parts.
import { countPreview, dropDuplicates, encryptCookieJars, type CookieJarMap } from '../core/formats/index.ts';
import { countTabs, type SessionWithBody } from '../core/model.ts';
import { asImported } from '../core/retention.ts';
import { defaultSessionName } from '../core/session-name.ts';
import { UserError } from '../core/user-error.ts';
import {
  CHUNK_CHARS,
  sessionParts,
  type ExportCursor,
  type SessionPart,
} from '../shared/messages/import-export-messages.ts';
import type { ImportFormat } from '../core/formats/index.ts';
import type { ReplacedSession } from '../store/store.ts';
import type { WorkerContext } from './context.ts';
import { PendingImports } from './pending-imports.ts';

/** Sessions read in one transaction while an export is read out. */
const READ_AHEAD = 50;

/** A session as the page sent it, checked enough that the store and the popup can rely on it. */
function checked({ session, body }: SessionWithBody): SessionWithBody {
  if (typeof session.id !== 'string' || session.id === '' || typeof session.name !== 'string') {
    throw new UserError('invalid', { key: 'errImportNoId' });
  }
  if (!body.windows.every((w) => Array.isArray(w.tabs) && Array.isArray(w.groups))) {
    throw new UserError('invalid', { key: 'errImportMalformed', substitutions: [session.name] });
  }
  return {
    // An autosave from a backup is the person's now: stored as imported, never pruned.
    // A blank name would leave a row nothing to show or to be called by a screen reader.
    session: asImported({
      ...session,
      name: session.name.trim() ? session.name : defaultSessionName(body.windows, session.kind),
      counts: countTabs(body.windows),
    }),
    body: { id: session.id, windows: body.windows },
  };
}

export class ImportService {
  private readonly pending: PendingImports;

  constructor(private readonly ctx: WorkerContext) {
    this.pending = new PendingImports(ctx.now, ctx.newId);
  }

  begin(format: ImportFormat | 'mixed'): string {
    return this.pending.begin(format);
  }

  add(importId: string, parts: readonly SessionPart[]): number {
    return this.pending.add(importId, parts);
  }

  abort(importId: string): void {
    this.pending.abort(importId);
  }

  /**
   * Stores every session of the import in one transaction, after their cookie jars: all or
   * nothing. Duplicates are checked again against what is stored now (another page may have
   * imported meanwhile).
   */
  async commit(importId: string, jars: CookieJarMap | undefined) {
    const { store, cookieJars } = this.ctx;
    const p = this.pending.take(importId);
    const items = p.joiner.result().map(checked);
    const existing = await store.sessions.list();
    const kept = dropDuplicates(
      {
        format: p.format,
        sessions: items,
        skipped: [],
        replaces: [],
        counts: countPreview(items),
        encryptedCookies: undefined,
      },
      existing,
    );
    let replaced: ReplacedSession[] = [];
    if (kept.sessions.length) {
      const lists = kept.sessions.map((i) => (jars && Object.hasOwn(jars, i.session.id) ? jars[i.session.id]! : []));
      // A stored session replaced by a newer copy goes to the trash, its cookie jar with it.
      replaced = await cookieJars.withJars(lists, (jarIds) =>
        store.sessions.importAll(
          kept.sessions.map((item, i) => {
            const cookieJarId = jarIds[i];
            return cookieJarId ? { ...item, session: { ...item.session, cookieJarId } } : item;
          }),
          this.ctx.now(),
          this.ctx.newId,
        ),
      );
    }
    return {
      stored: kept.sessions.length,
      skipped: kept.skipped,
      replaced: replaced.map((r) => ({ id: r.trashId, name: r.name })),
    };
  }

  /** Sessions in message-sized parts, from `cursor` on. */
  async read(ids: readonly string[], cursor: ExportCursor | undefined) {
    const parts: SessionPart[] = [];
    let size = 0;
    let missing = 0;
    let index = cursor?.index ?? 0;
    let skip = cursor?.part ?? 0;
    // Read ahead in batches: one transaction for many sessions costs far less than one each.
    let batch: (SessionWithBody | undefined)[] = [];
    let batchStart = index;
    for (; index < ids.length; index++, skip = 0) {
      if (index - batchStart >= batch.length) {
        batchStart = index;
        batch = await this.ctx.store.sessions.getMany(ids.slice(index, index + READ_AHEAD));
      }
      const item = batch[index - batchStart];
      if (!item) {
        missing++;
        continue;
      }
      const all = sessionParts(item, CHUNK_CHARS);
      for (let i = skip; i < all.length; i++) {
        const part = all[i]!;
        const w = JSON.stringify(part).length;
        if (parts.length && size + w > CHUNK_CHARS) return { parts, next: { index, part: i }, missing };
        parts.push(part);
        size += w;
      }
    }
    return { parts, missing };
  }

  /** The sessions' cookies, encrypted here with the passphrase: values never reach a page in clear. */
  async exportCookies(ids: readonly string[], passphrase: string) {
    if (typeof passphrase !== 'string' || passphrase === '') {
      throw new UserError('invalid', { key: 'errPassphraseNeeded' });
    }
    const wanted = new Set(ids);
    const jars: CookieJarMap = {};
    let sessions = 0;
    for (const s of await this.ctx.store.sessions.list()) {
      if (!wanted.has(s.id) || !s.cookieJarId) continue;
      const cookies = await this.ctx.store.jars.get(s.cookieJarId);
      if (!cookies?.length) continue;
      jars[s.id] = cookies;
      sessions++;
    }
    if (sessions === 0) return { sessions };
    return { cookieJars: await encryptCookieJars(jars, passphrase), sessions };
  }
}
