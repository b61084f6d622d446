// Where the inspector gets a site's cookies: itself when this page has the cookies API (the
// standalone page, once allowed), else from the worker (the DevTools panel has no cookies API).
import { cookiesApi } from '../../platform/cookies.ts';
import { call } from '../../shared/client.ts';
import { readSiteCookiesInSteps, type SiteRead } from '../../shared/site-cookies.ts';

export function readSite(url: string): SiteRead {
  if (cookiesApi.available()) return readSiteCookiesInSteps(cookiesApi, url);
  const all = call('cookies.forUrl', { url });
  return { first: all, all };
}
