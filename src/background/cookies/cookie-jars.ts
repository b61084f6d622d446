// Saved sessions' cookies: read from the browser for the sites of a session's tabs when it is
// saved, and put back before its tabs open when it is restored. Both ask for the permission first
// and degrade to "no cookies" rather than fail the save or the restore.
import {
  ACCESS_OFF_REASON,
  browserRefused,
  restoreFailed,
  type CookieRestoreReason,
} from '../../core/cookie-restore-reasons.ts';
import {
  cookieConcernsSites,
  keepFilter,
  restoreVerdict,
  sitesOfUrls,
  sitesOfWindows,
  type SitesByStore,
} from '../../core/cookies/keeping-rules.ts';
import { registrableDomain } from '../../core/cookies/cookie-domain.ts';
import { cookieKey, type CookieRecord } from '../../core/cookies/cookie-record.ts';
import { isPersistent, toSetDetails } from '../../core/cookies/set-details.ts';
import type { Session, WindowRecord } from '../../core/model.ts';
import { msg, UserError, type UserMessage } from '../../core/user-error.ts';
import type { CookieRestoreIssue, CookieRestoreReport } from '../../shared/messages/keeping-messages.ts';
import { hasKeepingAccess } from '../../shared/cookie-keeping-access.ts';
import type { WorkerContext } from '../context.ts';

/** Sites in one store from which a catch-up reads the whole store at once. */
const WHOLE_STORE_FROM = 2;
/** storage.session: the restores that found their cookies locked, put back after unlocking. */
const WAITING_KEY = 'tabularium.lockedRestores';

interface WaitingRestore {
  sessionId: string;
  urls?: string[];
  overwrite: boolean;
}

export function emptyCookieReport(): CookieRestoreReport {
  return { restored: 0, skipped: [], failed: [] };
}

/** The cookies for a save, and why they are not all there when something failed. */
export interface SaveCookies {
  cookies: CookieRecord[];
  problem?: UserMessage;
  /** Left out because the cookie vault is locked. */
  locked?: true;
}

/** Why a save's cookies could not be read: our message, or the browser's words inside ours. */
function unread(e: unknown): UserMessage {
  return e instanceof UserError ? e.userMessage : msg('saveCookiesUnread', e instanceof Error ? e.message : String(e));
}

export class CookieJars {
  constructor(private readonly ctx: WorkerContext) {}

  /** The `cookies` permission and all-sites access are granted, and the API is there. */
  async keepingAllowed(): Promise<boolean> {
    const { permissions, cookies } = this.ctx.platform;
    return (await hasKeepingAccess(permissions)) && cookies.available();
  }

  /**
   * The cookies the browser has for the given sites: each site's own (every subdomain, path and
   * partition) and those that frames of other sites keep in its partition (CHIPS). A read that fails
   * (permission revoked meanwhile) counts as empty; `onError` hears it (a save says so).
   */
  async readCookiesOfSites(sites: SitesByStore, all: boolean, onError?: (e: unknown) => void): Promise<CookieRecord[]> {
    const failed = (e: unknown): CookieRecord[] => {
      onError?.(e);
      return [];
    };
    const api = this.ctx.platform.cookies;
    const jobs: Promise<CookieRecord[]>[] = [];
    for (const [store, set] of sites) {
      // Each per-site read walks the whole store in the browser: past a few sites, one read is cheaper.
      if (set.size > WHOLE_STORE_FROM) {
        jobs.push(api.getAllInStore(store).catch(failed));
        continue;
      }
      for (const site of set) {
        jobs.push(api.getAllForDomain(site, store).catch(failed));
        // Partitioned cookies need a secure top-level site, so the https key is the only one.
        jobs.push(api.getAllInPartition(`https://${site}`, store).catch(failed));
      }
    }
    const keep = keepFilter(sites, all);
    const out = new Map<string, CookieRecord>();
    for (const list of await Promise.all(jobs)) {
      for (const c of list) if (keep(c)) out.set(cookieKey(c), c);
    }
    return [...out.values()];
  }

  /**
   * The session cookies (or all cookies, per settings) of the windows' sites; none when keeping is
   * off, and none with `locked` while the cookie vault is locked. Cookie trouble never stops a
   * save: the session is saved without them, and `problem` (or `locked`) says why, for the person
   * (the popup's save status).
   */
  async cookiesForWindows(windows: readonly WindowRecord[]): Promise<SaveCookies> {
    try {
      const settings = await this.ctx.settings.load();
      if (!settings.keepCookies || !(await this.keepingAllowed())) return { cookies: [] };
      if (await this.ctx.vault.locked()) return { cookies: [], locked: true };
      const sites = sitesOfWindows(this.ctx.platform.cookies.browser, windows);
      let first: unknown;
      const cookies = await this.readCookiesOfSites(sites, settings.keepAllCookies, (e) => (first ??= e));
      return first === undefined ? { cookies } : { cookies, problem: unread(first) };
    } catch (e) {
      return { cookies: [], problem: unread(e) };
    }
  }

  /**
   * Writes a save's cookies as a new jar. A jar that cannot be written (a full disk, the key
   * unreadable) does not stop the save: no id, and the reason.
   */
  async saveJar(cookies: readonly CookieRecord[]): Promise<{ jarId?: string; problem?: UserMessage }> {
    if (cookies.length === 0) return {};
    const jarId = this.ctx.newId();
    try {
      await this.ctx.store.jars.save(jarId, cookies, this.ctx.now());
      return { jarId };
    } catch (e) {
      return { problem: unread(e) };
    }
  }

  /**
   * Writes each non-empty list as a new encrypted jar, then runs `write` with their ids (undefined
   * for an empty list). A stored session never points at a missing jar: the jars come first, and
   * if `write` fails they are removed again (a jar nobody points at is unreachable anyway).
   */
  async withJars<T>(
    lists: readonly CookieRecord[][],
    write: (jarIds: (string | undefined)[]) => Promise<T>,
  ): Promise<T> {
    const ids: (string | undefined)[] = [];
    try {
      for (const cookies of lists) {
        if (cookies.length === 0) {
          ids.push(undefined);
          continue;
        }
        const id = this.ctx.newId();
        await this.ctx.store.jars.save(id, cookies, this.ctx.now());
        ids.push(id);
      }
      return await write(ids);
    } catch (e) {
      for (const id of ids) if (id) await this.ctx.store.jars.delete(id).catch(() => undefined);
      throw e;
    }
  }

  /**
   * Sets cookies back: expired ones skipped, a newer cookie already in the browser kept unless
   * `overwrite`, refusals reported with the browser's words or toSetDetails' reason.
   */
  async putBack(cookies: readonly CookieRecord[], overwrite: boolean): Promise<CookieRestoreReport> {
    const report = emptyCookieReport();
    if (cookies.length === 0) return report;
    if (!(await this.keepingAllowed())) {
      report.skipped = cookies.map((c) => issue(c, ACCESS_OFF_REASON));
      return report;
    }
    const api = this.ctx.platform.cookies;
    const now = this.ctx.now();
    // What the browser holds now, one read per store and site (partitions included).
    const groups = new Map<string, { store: string; site: string }>();
    for (const c of cookies) {
      const site = registrableDomain(c.domain);
      if (site) groups.set(`${c.storeId}\u0000${site}`, { store: c.storeId, site });
    }
    const existing = new Map<string, CookieRecord>();
    const reads = await Promise.all(
      [...groups.values()].map((g) => api.getAllForDomain(g.site, g.store).catch(() => [])),
    );
    for (const list of reads) for (const c of list) existing.set(cookieKey(c), c);

    const outcomes = await Promise.all(
      cookies.map(async (c): Promise<['restored'] | ['skipped' | 'failed', CookieRestoreIssue]> => {
        const r = toSetDetails(c, { browser: api.browser, now });
        if (!r.ok) return [isPersistent(c) && c.expirationDate * 1000 <= now ? 'skipped' : 'failed', issue(c, r)];
        const verdict = restoreVerdict(c, existing.get(cookieKey(c)), overwrite);
        if (verdict.action === 'skip') return ['skipped', issue(c, verdict)];
        try {
          await api.set(r.details);
          return ['restored'];
        } catch (e) {
          return ['failed', issue(c, browserRefused(e))];
        }
      }),
    );
    for (const o of outcomes) {
      if (o[0] === 'restored') report.restored++;
      else report[o[0]].push(o[1]);
    }
    return report;
  }

  /**
   * A saved session's cookies, for the sites of the tabs about to open (all of them for a whole
   * session; a single window or tab brings back its own sites' cookies only). Nothing about cookies
   * may stop the tabs from coming back: failures are reported, never thrown.
   */
  async restoreFor(
    session: Session,
    urls: readonly string[] | undefined,
    overwrite = false,
  ): Promise<CookieRestoreReport> {
    if (!session.cookieJarId) return emptyCookieReport();
    try {
      let cookies = (await this.ctx.store.jars.get(session.cookieJarId)) ?? [];
      if (urls) {
        const sites = sitesOfUrls(urls);
        cookies = cookies.filter((c) => cookieConcernsSites(c, sites));
      }
      return await this.putBack(cookies, overwrite);
    } catch (e) {
      // Locked: nothing was put back now; unlocking puts them back (restoreWaiting).
      if (e instanceof UserError && e.code === 'locked') {
        await this.waitForUnlock({ sessionId: session.id, ...(urls ? { urls: [...urls] } : {}), overwrite });
        return { ...emptyCookieReport(), lockedSessionId: session.id };
      }
      return { restored: 0, skipped: [], failed: [{ name: '', domain: '', ...restoreFailed(e) }] };
    }
  }

  /**
   * Kept in storage.session, so a worker that stops meanwhile still knows, and a browser restart
   * (which locks again, and whose tabs are recovered anew) forgets.
   */
  private async waitForUnlock(w: WaitingRestore): Promise<void> {
    const area = this.ctx.platform.sessionArea;
    const list = ((await area.get<WaitingRestore[]>(WAITING_KEY)) ?? []).filter((x) => x.sessionId !== w.sessionId);
    await area.set(WAITING_KEY, [...list, w].slice(-20));
  }

  /** After unlocking: the cookies of the restores that found them locked; undefined when none did. */
  async restoreWaiting(): Promise<CookieRestoreReport | undefined> {
    const area = this.ctx.platform.sessionArea;
    const list = (await area.get<WaitingRestore[]>(WAITING_KEY)) ?? [];
    if (list.length === 0) return undefined;
    await area.set(WAITING_KEY, []);
    const sessions = await this.ctx.store.sessions.summaries(list.map((w) => w.sessionId));
    const report = emptyCookieReport();
    for (const [i, w] of list.entries()) {
      const session = sessions[i];
      if (!session) continue;
      const r = await this.restoreFor(session, w.urls, w.overwrite);
      report.restored += r.restored;
      report.skipped.push(...r.skipped);
      report.failed.push(...r.failed);
    }
    return report;
  }
}

const issue = (c: CookieRecord, { code, reason }: CookieRestoreReason): CookieRestoreIssue => ({
  name: c.name,
  domain: c.domain,
  code,
  reason,
});
