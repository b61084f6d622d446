// Import and export: the page parses files and builds export files itself (the worker never holds
// a file's text); the worker only takes sessions in, in parts, and hands them out, in parts.
import { countPreview, dropDuplicates, encryptCookieJars, type CookieJarMap } from '../../core/formats/index.ts';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import { countTabs, type SessionWithBody } from '../../core/model.ts';
import { deleteCookieJar, getCookieJar, saveCookieJar } from '../../store/cookie-jars-repo.ts';
import type { DB } from '../../store/db.ts';
import * as repo from '../../store/sessions-repo.ts';
import { CHUNK_CHARS, sessionParts, type SessionPart } from '../../shared/messages/import-export.ts';
import type { Handlers } from '../../shared/protocol.ts';
import type { Deps, Services } from '../deps.ts';
import { PendingImports } from '../pending-imports.ts';

type ImportExportHandlers = Pick<Handlers, (`import.${string}` | `export.${string}`) & keyof Handlers>;

/** A session as the page sent it, checked enough that the store and the popup can rely on it. */
function checked({ session, body }: SessionWithBody): SessionWithBody {
  if (typeof session.id !== 'string' || session.id === '' || typeof session.name !== 'string') {
    throw new Error('An imported session without an id or a name was received: nothing was stored.');
  }
  if (!body.windows.every((w) => Array.isArray(w.tabs) && Array.isArray(w.groups))) {
    throw new Error(`Imported session ${JSON.stringify(session.name)} has malformed windows: nothing was stored.`);
  }
  return { session: { ...session, counts: countTabs(body.windows) }, body: { id: session.id, windows: body.windows } };
}

/**
 * Jars first, then every session in one transaction: a stored session never points at a missing
 * jar. If the sessions' transaction fails, the jars just written are removed again (a jar no
 * session points at is unreachable, so a failed clean-up leaves nothing visible).
 */
async function storeAll(deps: Deps, db: DB, items: SessionWithBody[], jars: CookieJarMap | undefined): Promise<void> {
  const written: string[] = [];
  const replacedJars: string[] = [];
  try {
    if (jars) {
      const existing = new Map((await repo.listSessions(db)).map((s) => [s.id, s]));
      for (const item of items) {
        const cookies: CookieRecord[] | undefined = Object.hasOwn(jars, item.session.id)
          ? jars[item.session.id]
          : undefined;
        if (!cookies?.length) continue;
        const jarId = deps.newId();
        await saveCookieJar(db, jarId, cookies, deps.now());
        written.push(jarId);
        const old = existing.get(item.session.id)?.cookieJarId;
        if (old) replacedJars.push(old);
        item.session = { ...item.session, cookieJarId: jarId };
      }
    }
    await repo.saveSessions(db, items);
  } catch (e) {
    for (const id of written) await deleteCookieJar(db, id).catch(() => undefined);
    throw e;
  }
  // The overwritten sessions' old jars are now unreachable.
  for (const id of replacedJars) await deleteCookieJar(db, id).catch(() => undefined);
}

export function importExportHandlers({ deps }: Services): ImportExportHandlers {
  const pending = new PendingImports(deps.now, deps.newId);
  return {
    async 'import.begin'({ format }) {
      return { importId: pending.begin(format) };
    },
    async 'import.chunk'({ importId, parts }) {
      return { received: pending.add(importId, parts) };
    },
    async 'import.commit'({ importId, cookieJars }) {
      const p = pending.take(importId);
      const items = p.joiner.result().map(checked);
      const db = await deps.db();
      // Checked again here, against what is stored now: another page may have imported meanwhile.
      const kept = dropDuplicates(
        { format: p.format, sessions: items, skipped: [], counts: countPreview(items), encryptedCookies: undefined },
        await repo.listSessions(db),
      );
      if (kept.sessions.length) await storeAll(deps, db, kept.sessions, cookieJars);
      return { stored: kept.sessions.length, skipped: kept.skipped };
    },
    async 'import.abort'({ importId }) {
      pending.abort(importId);
      return {};
    },
    async 'export.read'({ ids, cursor }) {
      const db = await deps.db();
      const parts: SessionPart[] = [];
      let size = 0;
      let missing = 0;
      let index = cursor?.index ?? 0;
      let skip = cursor?.part ?? 0;
      for (; index < ids.length; index++, skip = 0) {
        const item = await repo.getSession(db, ids[index]!);
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
    },
    async 'export.cookies'({ ids, passphrase }) {
      if (typeof passphrase !== 'string' || passphrase === '')
        throw new Error('A passphrase is needed to export cookies.');
      const db = await deps.db();
      const wanted = new Set(ids);
      const jars: CookieJarMap = {};
      let sessions = 0;
      for (const s of await repo.listSessions(db)) {
        if (!wanted.has(s.id) || !s.cookieJarId) continue;
        const cookies = await getCookieJar(db, s.cookieJarId);
        if (!cookies?.length) continue;
        jars[s.id] = cookies;
        sessions++;
      }
      if (sessions === 0) return { sessions };
      // Encrypted here, so cookie values never travel to a page in clear.
      return { cookieJars: await encryptCookieJars(jars, passphrase), sessions };
    },
  };
}
