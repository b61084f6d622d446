// The cookies of the inspected page: read once per address, then kept up to date from the live
// cookie log rather than read again.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CookieChange } from '../../core/cookies/cookie-log-pairing.ts';
import { RemoteError } from '../../shared/client.ts';
import type { SiteCookies } from '../../shared/messages/cookies-messages.ts';
import type { SiteRead } from '../../shared/site-cookies.ts';
import { applyChangesToSite, changesInUnlistedStore } from './apply-cookie-changes.ts';
import { readSite } from './site-read.ts';
import type { CookieAccessState } from './use-cookie-access.ts';

interface Options {
  url: string;
  /** The address main.tsx started `firstRead` for. */
  initialUrl: string;
  firstRead: SiteRead | undefined;
  access: CookieAccessState;
  fail(e: unknown): void;
}

export interface SiteCookiesState {
  data: SiteCookies | undefined;
  /** The page's host, known before the first read answers. */
  host: string;
  /** When the cookies were last read or changed: the audit and the Expires column count from it. */
  now: number;
  /** Reads every cookie again. */
  load(): Promise<void>;
  /** Applies changes from the cookie log. */
  apply(changes: readonly CookieChange[]): void;
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function useSiteCookies({ url, initialUrl, firstRead, access, fail }: Options): SiteCookiesState {
  const { checkAccess, granted } = access;
  const [data, setData] = useState<SiteCookies | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());

  // The read main.tsx started for the first URL is used once; later loads read afresh.
  const pendingFirst = useRef(firstRead);
  // Each load has a number: a slow answer to an older load never overwrites a newer one.
  const loads = useRef(0);
  // Changes logged while a read is under way: its answer may predate them, so they are applied on
  // top of it (one the answer already holds changes nothing). Undefined when no read is under way.
  const sinceRead = useRef<CookieChange[] | undefined>(undefined);
  // The last complete read: which stores it listed.
  const lastRead = useRef<SiteCookies | undefined>(undefined);

  const load = useCallback(async () => {
    const read = (url === initialUrl ? pendingFirst.current : undefined) ?? readSite(url);
    pendingFirst.current = undefined;
    const n = ++loads.current;
    sinceRead.current = [];
    lastRead.current = undefined;
    const show = (site: SiteCookies) => {
      if (n === loads.current) setData(applyChangesToSite(site, sinceRead.current ?? []));
    };
    try {
      // The bulk shows as soon as it is read; cookies of embedded sites and other stores follow.
      const first = await read.first;
      show(first);
      const all = await read.all;
      if (all !== first) show(all);
      if (n === loads.current) lastRead.current = all;
      setNow(Date.now());
    } catch (e) {
      if (e instanceof RemoteError && e.code === 'no-permission') void checkAccess();
      else fail(e);
    } finally {
      if (n === loads.current) sinceRead.current = undefined;
    }
  }, [url, initialUrl, fail, checkAccess]);

  const apply = useCallback(
    (changes: readonly CookieChange[]) => {
      sinceRead.current?.push(...changes);
      setData((cur) => cur && applyChangesToSite(cur, changes));
      setNow(Date.now());
      // A store that appeared since the read (an incognito window, a container tab) is named and
      // counted only by a new read.
      if (lastRead.current && changesInUnlistedStore(lastRead.current, changes)) void load();
    },
    [load],
  );

  // Read at once rather than after the access check: with access (the usual case) that saves a
  // round trip; without it the worker says 'no-permission' and the gate shows. The check's answer
  // must not start a second read of the same URL: with thousands of cookies that read competes with
  // the first and, being newer, would also make the first one's answer be thrown away.
  const readFor = useRef<string | undefined>(undefined);
  const refused = access.access !== undefined && !granted;
  useEffect(() => {
    if (refused) {
      // Once access is granted, this URL is read again.
      readFor.current = undefined;
      return;
    }
    if (readFor.current === url) return;
    readFor.current = url;
    void load();
  }, [refused, load, url]);

  return { data, host: data?.host ?? hostnameOf(url), now, load, apply };
}
