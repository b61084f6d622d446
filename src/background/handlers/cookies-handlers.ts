// The inspector's cookie messages.
import type { Handlers } from '../../shared/protocol.ts';
import type { WorkerContext } from '../context.ts';

type CookieHandlers = Pick<Handlers, `cookies.${string}` & keyof Handlers>;

export function cookieHandlers({ siteCookies }: WorkerContext): CookieHandlers {
  return {
    async 'cookies.tabUrl'({ tabId }) {
      const url = await siteCookies.tabUrl(tabId);
      return url ? { url } : {};
    },
    'cookies.access': ({ url }) => siteCookies.access(url),
    'cookies.forUrl': ({ url }) => siteCookies.read(url),
    'cookies.set': async ({ cookie, replaces }) => ({ cookie: await siteCookies.set(cookie, replaces) }),
    async 'cookies.remove'({ cookie }) {
      await siteCookies.remove(cookie);
      return {};
    },
    'cookies.removeAll': ({ url }) => siteCookies.removeAll(url),
    'cookies.import': ({ cookies }) => siteCookies.import(cookies),
  };
}
