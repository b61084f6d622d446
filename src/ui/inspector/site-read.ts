// Where the inspector gets a site's cookies: itself when this page has the cookies API (the
// standalone page, once allowed), else from the worker (the DevTools panel has no cookies API).
import { cookiesApi as pageCookies, type CookiesApi } from '../../platform/cookies.ts';
import { call } from '../../shared/client.ts';
import { readSiteCookiesInSteps, type SiteRead } from '../../shared/site-cookies.ts';

/** `api`: the page's cookies API, or one that already holds an early read (early-read.ts). */
export function readSite(url: string, api: CookiesApi = pageCookies): SiteRead {
  if (api.available()) return readSiteCookiesInSteps(api, url);
  const all = call('cookies.forUrl', { url });
  return { first: all, all };
}
