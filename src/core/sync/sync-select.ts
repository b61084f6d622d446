// What syncs, and in what form: saved and imported sessions always; autosaves, closed-window
// snapshots and recovered sessions when the person ticks them; live state and the journal never
// (they are not sessions). Session tokens in addresses are left out unless asked. A session's
// cookie jar travels only when the person chose so and the cookie vault lock is on
// (background/sync/sync-service.ts): its cookies ride inside the session's encrypted file, never
// its jar id (which means nothing on another device).
import { stripUrlTokensFromSessions } from '../formats/strip-url-tokens.ts';
import type { Session, SessionKind, SessionWithBody } from '../model.ts';

export interface SyncChoices {
  autosaves: boolean;
  closedWindows: boolean;
  recovered: boolean;
  keepUrlTokens: boolean;
  cookieJars: boolean;
}

export const DEFAULT_SYNC_CHOICES: SyncChoices = {
  autosaves: false,
  closedWindows: false,
  recovered: false,
  keepUrlTokens: false,
  cookieJars: false,
};

export function normalizeChoices(raw: unknown): SyncChoices {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof SyncChoices, unknown>>;
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  return {
    autosaves: bool(r.autosaves, DEFAULT_SYNC_CHOICES.autosaves),
    closedWindows: bool(r.closedWindows, DEFAULT_SYNC_CHOICES.closedWindows),
    recovered: bool(r.recovered, DEFAULT_SYNC_CHOICES.recovered),
    keepUrlTokens: bool(r.keepUrlTokens, DEFAULT_SYNC_CHOICES.keepUrlTokens),
    cookieJars: bool(r.cookieJars, DEFAULT_SYNC_CHOICES.cookieJars),
  };
}

export function kindSyncs(kind: SessionKind, c: SyncChoices): boolean {
  switch (kind) {
    case 'manual':
    case 'imported':
      return true;
    case 'autosave':
      return c.autosaves;
    case 'window-closed':
      return c.closedWindows;
    case 'recovered':
      return c.recovered;
    default:
      return false;
  }
}

/** The session as it goes to the server: no jar id, and no session tokens unless asked. */
export function forUpload(item: SessionWithBody, c: SyncChoices): SessionWithBody {
  const { cookieJarId: _jar, ...session } = item.session;
  const out: SessionWithBody = { session: session as Session, body: item.body };
  return c.keepUrlTokens ? out : stripUrlTokensFromSessions([out]).items[0]!;
}
