// Crash recovery's share of the cookies: the previous run's live cookies become the recovered
// session's jar. Called in the fresh-run path before the live records are cleared for the new run.
import type { DB } from '../store/db.ts';
import { saveCookieJar } from '../store/cookie-jars-repo.ts';
import { getCipher } from '../store/crypto.ts';
import { liveCookieRange, readLiveCookies } from '../store/live-cookies-repo.ts';
import type { Deps } from './deps.ts';

/** Writes the jar and returns its id; undefined when there were no live cookies or they cannot be read. */
export async function jarFromLiveCookies(deps: Deps, db: DB): Promise<string | undefined> {
  try {
    // Counted first: no key is created for a profile that never kept a cookie.
    if ((await db.count('live', liveCookieRange())) === 0) return undefined;
    const cookies = await readLiveCookies(db, await getCipher(db));
    if (cookies.length === 0) return undefined;
    const id = deps.newId();
    await saveCookieJar(db, id, cookies, deps.now());
    return id;
  } catch (e) {
    // The tabs matter more than the cookies: recover them anyway.
    console.error('[tabularium] the previous run’s cookies could not be kept', e);
    return undefined;
  }
}
