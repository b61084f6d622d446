// "Stay logged in": status, switching it, a capture on demand (and for the bench), clearing every
// stored cookie value, and putting a saved session's cookies back on their own.
import type { CookieKeepingStatus } from '../../shared/messages/cookie-keeping.ts';
import type { Handlers } from '../../shared/protocol.ts';
import { clearAllCookieValues } from '../../store/cookie-jars-repo.ts';
import { liveCookieRange } from '../../store/live-cookies-repo.ts';
import { StoreError } from '../../store/errors.ts';
import * as repo from '../../store/sessions-repo.ts';
import { keepingAllowed } from '../cookie-env.ts';
import { restoreSessionCookies } from '../cookie-jar.ts';
import { keeperFor } from '../cookie-keeper.ts';
import type { Services } from '../deps.ts';
import { loadSettings, saveSettings } from '../settings.ts';

type CookieKeepingHandlers = Pick<Handlers, `keeping.${string}` & keyof Handlers>;

export async function keepingStatus(s: Services): Promise<CookieKeepingStatus> {
  const keeper = keeperFor(s);
  const settings = await loadSettings(s.deps);
  const permission = await keepingAllowed(keeper.env);
  const db = await s.deps.db();
  const liveCookies = await db.count('live', liveCookieRange());
  const active = settings.keepCookies && permission;
  const status: CookieKeepingStatus = {
    keep: settings.keepCookies,
    all: settings.keepAllCookies,
    permission,
    active,
    liveCookies,
  };
  if (!settings.keepCookies) status.off = 'setting';
  else if (!permission) status.off = keeper.env.permissions() ? 'permission' : 'unsupported';
  return status;
}

export function cookieKeepingHandlers(s: Services): CookieKeepingHandlers {
  const keeper = keeperFor(s);
  return {
    async 'keeping.status'() {
      return keepingStatus(s);
    },
    async 'keeping.set'({ keep, all }) {
      const before = await loadSettings(s.deps);
      const next = await saveSettings(s.deps, {
        ...(keep === undefined ? {} : { keepCookies: keep }),
        ...(all === undefined ? {} : { keepAllCookies: all }),
      });
      await s.settingsChanged();
      if (before.keepCookies && !next.keepCookies) await keeper.forget();
      keeper.refresh();
      // Catch up now, so the status the page shows next counts what is kept.
      if (next.keepCookies) await keeper.flush().catch(() => undefined);
      return keepingStatus(s);
    },
    async 'keeping.capture'({ rewrite }) {
      return keeper.flush({ rewrite: !!rewrite, catchUp: true });
    },
    async 'keeping.clearAll'() {
      const db = await s.deps.db();
      await keeper.forget(() => clearAllCookieValues(db));
      return keepingStatus(s);
    },
    async 'keeping.restoreCookies'({ sessionId, overwrite }) {
      const found = await repo.getSession(await s.deps.db(), sessionId);
      if (!found) throw new StoreError('not-found', { key: 'errSessionGone' });
      return restoreSessionCookies(s.deps, found.session, undefined, { overwrite: !!overwrite });
    },
  };
}
