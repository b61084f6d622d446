// Saved sessions' cookies: read from the browser for the sites of a session's tabs when it is
// saved, and put back before its tabs open when it is restored. Both ask for the permission first
// and degrade to "no cookies" rather than fail the save or the restore.
import {
  ACCESS_OFF_REASON,
  browserRefused,
  restoreFailed,
  type CookieRestoreReason,
} from '../core/cookie-restore-reasons.ts';
import {
  cookieConcernsSites,
  keepFilter,
  restoreVerdict,
  sitesOfUrls,
  sitesOfWindows,
  type SitesByStore,
} from '../core/cookie-keeping.ts';
import { registrableDomain } from '../core/cookies/cookie-domain.ts';
import { cookieKey, type CookieRecord } from '../core/cookies/cookie-record.ts';
import { isPersistent, toSetDetails } from '../core/cookies/set-details.ts';
import type { Session, WindowRecord } from '../core/model.ts';
import type { CookieRestoreIssue, CookieRestoreReport } from '../shared/messages/cookie-keeping.ts';
import { deleteCookieJar, getCookieJar, saveCookieJar } from '../store/cookie-jars-repo.ts';
import { cookieEnvOf, keepingAllowed, type CookieEnv } from './cookie-env.ts';
import type { Deps } from './deps.ts';
import { loadSettings } from './settings.ts';

/** Sites in one store from which a catch-up reads the whole store at once. */
const WHOLE_STORE_FROM = 2;

/**
 * The cookies the browser has for the given sites: each site's own (every subdomain, path and
 * partition) and those that frames of other sites keep in its partition (CHIPS). A read that fails
 * (permission revoked meanwhile) counts as empty.
 */
export async function readCookiesOfSites(env: CookieEnv, sites: SitesByStore, all: boolean): Promise<CookieRecord[]> {
  const api = env.cookies;
  const jobs: Promise<CookieRecord[]>[] = [];
  for (const [store, set] of sites) {
    // Each per-site read walks the whole store in the browser: past a few sites, one read is cheaper.
    if (env.getAllInStore && set.size > WHOLE_STORE_FROM) {
      jobs.push(env.getAllInStore(store).catch(() => []));
      continue;
    }
    for (const site of set) {
      jobs.push(api.getAllForDomain(site, store).catch(() => []));
      // Partitioned cookies need a secure top-level site, so the https key is the only one.
      jobs.push(api.getAllInPartition(`https://${site}`, store).catch(() => []));
    }
  }
  const keep = keepFilter(sites, all);
  const out = new Map<string, CookieRecord>();
  for (const list of await Promise.all(jobs)) {
    for (const c of list) if (keep(c)) out.set(cookieKey(c), c);
  }
  return [...out.values()];
}

/** The session cookies (or all cookies, per settings) of the windows' sites; [] when keeping is off or not allowed. */
export async function cookiesForWindows(deps: Deps, windows: readonly WindowRecord[]): Promise<CookieRecord[]> {
  const settings = await loadSettings(deps);
  if (!settings.keepCookies) return [];
  const env = cookieEnvOf(deps);
  if (!(await keepingAllowed(env))) return [];
  return readCookiesOfSites(env, sitesOfWindows(env.cookies.browser, windows), settings.keepAllCookies);
}

/**
 * Writes the windows' cookies into a new encrypted jar and returns its id, or undefined when there
 * is nothing to keep. Cookie trouble never stops a save: the session is saved without a jar.
 */
export async function jarForWindows(deps: Deps, windows: readonly WindowRecord[]): Promise<string | undefined> {
  try {
    const cookies = await cookiesForWindows(deps, windows);
    if (cookies.length === 0) return undefined;
    const id = deps.newId();
    await saveCookieJar(await deps.db(), id, cookies, deps.now());
    return id;
  } catch (e) {
    console.error('[tabularium] saving the session cookies failed; the session is saved without them', e);
    return undefined;
  }
}

/** For a save that failed after its jar was written: the jar is unreachable, remove it. */
export async function dropJar(deps: Deps, id: string | undefined): Promise<void> {
  if (id) await deleteCookieJar(await deps.db(), id).catch(() => undefined);
}

export function emptyCookieReport(): CookieRestoreReport {
  return { restored: 0, skipped: [], failed: [] };
}

const issue = (c: CookieRecord, { code, reason }: CookieRestoreReason): CookieRestoreIssue => ({
  name: c.name,
  domain: c.domain,
  code,
  reason,
});

/**
 * Sets cookies back: expired ones skipped, a newer cookie already in the browser kept unless
 * `overwrite`, refusals reported with the browser's words or toSetDetails' reason.
 */
export async function putCookiesBack(
  env: CookieEnv,
  cookies: readonly CookieRecord[],
  opts: { overwrite: boolean; now: number },
): Promise<CookieRestoreReport> {
  const report = emptyCookieReport();
  if (cookies.length === 0) return report;
  if (!(await keepingAllowed(env))) {
    report.skipped = cookies.map((c) => issue(c, ACCESS_OFF_REASON));
    return report;
  }
  const api = env.cookies;
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
      const r = toSetDetails(c, { browser: api.browser, now: opts.now });
      if (!r.ok) return [isPersistent(c) && c.expirationDate * 1000 <= opts.now ? 'skipped' : 'failed', issue(c, r)];
      const verdict = restoreVerdict(c, existing.get(cookieKey(c)), opts.overwrite);
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
 * session; a single window or tab brings back its own sites' cookies only).
 */
export async function restoreSessionCookies(
  deps: Deps,
  session: Session,
  urls: readonly string[] | undefined,
  opts: { overwrite?: boolean } = {},
): Promise<CookieRestoreReport> {
  if (!session.cookieJarId) return emptyCookieReport();
  let cookies: CookieRecord[];
  try {
    cookies = (await getCookieJar(await deps.db(), session.cookieJarId)) ?? [];
  } catch (e) {
    return { restored: 0, skipped: [], failed: [{ name: '', domain: '', ...restoreFailed(e) }] };
  }
  if (urls) {
    const sites = sitesOfUrls(urls);
    cookies = cookies.filter((c) => cookieConcernsSites(c, sites));
  }
  try {
    return await putCookiesBack(cookieEnvOf(deps), cookies, { overwrite: !!opts.overwrite, now: deps.now() });
  } catch (e) {
    // Nothing about cookies may stop the tabs from coming back.
    return { restored: 0, skipped: [], failed: [{ name: '', domain: '', ...restoreFailed(e) }] };
  }
}
