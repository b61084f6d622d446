// The inspector's cookie messages. Writes happen here, in the worker; reads too for the DevTools
// panel, which cannot reach chrome.cookies itself (the standalone page reads on its own).
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import { cookieKey } from '../../core/cookies/cookie-record.ts';
import { cookieUrl } from '../../core/cookies/cookie-url.ts';
import { toSetDetails } from '../../core/cookies/set-details.ts';
import { cookieFailure } from '../../core/cookie-restore-reasons.ts';
import { UserError } from '../../core/user-error.ts';
import { cookiesApi as realCookies, type CookiesApi } from '../../platform/cookies.ts';
import { permissionsApi, type PermissionsApi } from '../../platform/permissions.ts';
import { checkAccess, originsFor } from '../../shared/cookie-access.ts';
import type { BulkResult } from '../../shared/messages/cookies.ts';
import { readSiteCookies } from '../../shared/site-cookies.ts';
import type { Handlers } from '../../shared/protocol.ts';
import type { Services } from '../deps.ts';

type CookieHandlers = Pick<
  Handlers,
  | 'cookies.tabUrl'
  | 'cookies.access'
  | 'cookies.forUrl'
  | 'cookies.set'
  | 'cookies.remove'
  | 'cookies.removeAll'
  | 'cookies.import'
>;

function coded(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function setOne(api: CookiesApi, now: number, cookie: CookieRecord): Promise<CookieRecord> {
  const r = toSetDetails(cookie, { browser: api.browser, now });
  if (!r.ok) throw new UserError('refused', r.reason);
  try {
    return await api.set(r.details);
  } catch (e) {
    // The browser's own words ("Failed to parse or set cookie named …") reach the person as-is.
    throw coded(errorText(e), 'refused');
  }
}

async function removeOne(api: CookiesApi, c: CookieRecord): Promise<void> {
  await api.remove({
    url: cookieUrl(c),
    name: c.name,
    storeId: c.storeId,
    ...(c.partitionKey ? { partitionKey: c.partitionKey } : {}),
    ...(c.firstPartyDomain !== undefined ? { firstPartyDomain: c.firstPartyDomain } : {}),
  });
}

export function cookieHandlers(
  s: Services,
  api: CookiesApi = realCookies,
  perms: () => PermissionsApi | undefined = permissionsApi,
): CookieHandlers {
  const now = () => s.deps.now();
  return {
    async 'cookies.tabUrl'({ tabId }) {
      const url = await s.deps.platform.tabs.urlOf(tabId);
      return url ? { url } : {};
    },
    async 'cookies.access'({ url }) {
      const p = perms();
      if (!p) return { cookies: api.available(), host: api.available(), origins: originsFor(url) };
      return checkAccess(p, url);
    },
    async 'cookies.forUrl'({ url }) {
      return readSiteCookies(api, url);
    },
    async 'cookies.set'({ cookie, replaces }) {
      const set = await setOne(api, now(), cookie);
      // An edit that changed the cookie's identity made a new cookie: the old one must go.
      if (replaces && cookieKey(replaces) !== cookieKey(cookie)) await removeOne(api, replaces);
      return { cookie: set };
    },
    async 'cookies.remove'({ cookie }) {
      await removeOne(api, cookie);
      return {};
    },
    async 'cookies.removeAll'({ url }) {
      const { cookies } = await readSiteCookies(api, url);
      const out: BulkResult = { done: 0, failed: [] };
      for (const c of cookies) {
        try {
          await removeOne(api, c);
          out.done++;
        } catch (e) {
          out.failed.push({ name: c.name, domain: c.domain, reason: cookieFailure(e) });
        }
      }
      return out;
    },
    async 'cookies.import'({ cookies }) {
      const out: BulkResult = { done: 0, failed: [] };
      for (const c of cookies) {
        try {
          await setOne(api, now(), c);
          out.done++;
        } catch (e) {
          out.failed.push({ name: c.name, domain: c.domain, reason: cookieFailure(e) });
        }
      }
      return out;
    },
  };
}
