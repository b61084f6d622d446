// The inspector's cookie work in the worker: its writes (set, edit, delete, import) and, for the
// DevTools panel, which cannot reach the cookies API itself, its reads.
import { cookieKey, type CookieRecord } from '../../core/cookies/cookie-record.ts';
import { cookieUrl } from '../../core/cookies/cookie-url.ts';
import { toSetDetails } from '../../core/cookies/set-details.ts';
import { cookieFailure } from '../../core/cookie-restore-reasons.ts';
import { UserError } from '../../core/user-error.ts';
import { checkAccess } from '../../shared/cookie-access.ts';
import type { BulkResult, CookieAccess, SiteCookies } from '../../shared/messages/cookies-messages.ts';
import { readSiteCookies } from '../../shared/site-cookies.ts';
import type { WorkerContext } from '../context.ts';

export class SiteCookieService {
  constructor(private readonly ctx: WorkerContext) {}

  private get api() {
    return this.ctx.platform.cookies;
  }

  /** A tab's address (the panel knows only the inspected tab's id). */
  tabUrl(tabId: number): Promise<string | undefined> {
    return this.ctx.platform.tabs.urlOf(tabId);
  }

  access(url: string): Promise<CookieAccess> {
    return checkAccess(this.ctx.platform.permissions, url);
  }

  read(url: string): Promise<SiteCookies> {
    return readSiteCookies(this.api, url);
  }

  /** Sets a cookie; an edit that changed the cookie's identity made a new one, so the old one goes. */
  async set(cookie: CookieRecord, replaces?: CookieRecord): Promise<CookieRecord> {
    const set = await this.setOne(cookie);
    if (replaces && cookieKey(replaces) !== cookieKey(cookie)) await this.remove(replaces);
    return set;
  }

  async remove(c: CookieRecord): Promise<void> {
    await this.api.remove({
      url: cookieUrl(c),
      name: c.name,
      storeId: c.storeId,
      ...(c.partitionKey ? { partitionKey: c.partitionKey } : {}),
      ...(c.firstPartyDomain !== undefined ? { firstPartyDomain: c.firstPartyDomain } : {}),
    });
  }

  /** Every cookie the page's site shows; each failure is reported, the rest still go. */
  async removeAll(url: string): Promise<BulkResult> {
    const { cookies } = await this.read(url);
    return this.each(cookies, (c) => this.remove(c));
  }

  async import(cookies: readonly CookieRecord[]): Promise<BulkResult> {
    return this.each(cookies, (c) => this.setOne(c));
  }

  private async each(cookies: readonly CookieRecord[], act: (c: CookieRecord) => Promise<unknown>) {
    const out: BulkResult = { done: 0, failed: [] };
    for (const c of cookies) {
      try {
        await act(c);
        out.done++;
      } catch (e) {
        out.failed.push({ name: c.name, domain: c.domain, reason: cookieFailure(e) });
      }
    }
    return out;
  }

  private async setOne(cookie: CookieRecord): Promise<CookieRecord> {
    const r = toSetDetails(cookie, { browser: this.api.browser, now: this.ctx.now() });
    if (!r.ok) throw new UserError('refused', r.reason);
    try {
      return await this.api.set(r.details);
    } catch (e) {
      // The browser's own words ("Failed to parse or set cookie named …") reach the person as-is.
      throw new UserError('refused', cookieFailure(e));
    }
  }
}
