// The live cookie log: pairs the browser's change events (an update is a removal with cause
// 'overwrite' then an insert) and sends each open inspector the changes that apply to its page.
// The browser listener exists only while an inspector is open, so ordinary browsing does not wake
// the worker for every cookie the web sets.
import { ChangePairer, type CookieChange } from '../core/cookie-changes.ts';
import { registrableDomain } from '../core/cookies/cookie-domain.ts';
import type { CookieRecord } from '../core/cookies/cookie-record.ts';
import { cookieAppliesToHost, pageHost } from '../core/cookies/site-match.ts';
import type { CookiesApi } from '../platform/cookies.ts';
import type { CookieLogWorkerPort } from '../shared/cookie-log-port.ts';

// The insert follows its overwrite within the same task in practice; this is a safety margin.
const PAIR_WINDOW_MS = 100;

/** The same rule as the inspector's list: the host's own and parent cookies, and partitioned cookies kept under its site. */
export function concernsHost(c: CookieRecord, host: string): boolean {
  if (cookieAppliesToHost(c, host)) return true;
  const top = c.partitionKey?.topLevelSite;
  if (!top) return false;
  try {
    return new URL(top).hostname === (registrableDomain(host) || host);
  } catch {
    return false;
  }
}

export interface CookieLogHub {
  attach(port: CookieLogWorkerPort): void;
  /** Ports currently watching (for tests). */
  size(): number;
}

export function createCookieLogHub(
  api: Pick<CookiesApi, 'available' | 'onChanged'>,
  now: () => number = Date.now,
): CookieLogHub {
  const watchers = new Map<CookieLogWorkerPort, string | undefined>();
  const pairer = new ChangePairer();
  let unsubscribe: (() => void) | undefined;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  const deliver = (changes: CookieChange[]) => {
    if (!changes.length) return;
    for (const [port, host] of watchers) {
      if (!host) continue;
      const mine = changes.filter((c) => concernsHost(c.cookie, host));
      if (mine.length) port.post({ type: 'changes', changes: mine });
    }
  };

  const subscribe = () => {
    // The permission may arrive after the page opened: every 'watch' retries.
    if (unsubscribe || !api.available()) return;
    unsubscribe = api.onChanged((raw) => {
      deliver(pairer.push(raw, now()));
      if (pairer.hasPending() && !flushTimer) {
        flushTimer = setTimeout(() => {
          flushTimer = undefined;
          deliver(pairer.flush());
        }, PAIR_WINDOW_MS);
      }
    });
  };

  return {
    attach(port) {
      watchers.set(port, undefined);
      port.onMessage((m) => {
        if (m.type !== 'watch') return;
        watchers.set(port, pageHost(m.url));
        subscribe();
      });
      port.onDisconnect(() => {
        watchers.delete(port);
        if (watchers.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = undefined;
        }
      });
    },
    size: () => watchers.size,
  };
}
