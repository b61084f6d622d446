// The page's first cookie read, started by its first lines: before the code that knows the public
// suffix list (the bulk of the page's script) has even loaded. That read is for a cheap guess at
// the site, the host's last two labels, which is the site itself or wider than it; the full read
// then takes the answer when it asks for the guessed domain or one under it, and keeps what
// concerns the page, as it does with any answer.
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import type { CookiesApi } from '../../platform/cookies.ts';

/** The host's last two labels; the host itself for IP addresses and single labels. */
export function siteGuess(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!h.includes('.') || h.includes(':') || /^[\d.]+$/.test(h)) return h;
  return h.split('.').slice(-2).join('.');
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : '';
  } catch {
    return '';
  }
}

/**
 * Starts the read now and returns the cookies API that hands it over once, to the first read of
 * that domain (or of one under it) in the default store; undefined when there is nothing to read.
 */
export function startEarlyRead(url: string, api: CookiesApi): CookiesApi | undefined {
  const host = hostOf(url);
  if (!host || !api.available()) return undefined;
  const guess = siteGuess(host);
  let early: Promise<CookieRecord[]> | undefined = api.getAllForDomain(guess, api.defaultStoreId);
  // Not taken (the page moved on): no unhandled rejection.
  early.catch(() => undefined);
  // Everything else as `api` has it (its methods may live on a prototype, so no spread).
  const primed: CookiesApi = Object.create(api) as CookiesApi;
  primed.getAllForDomain = (domain, storeId) => {
    const fits = storeId === api.defaultStoreId && (domain === guess || domain.endsWith(`.${guess}`));
    if (!early || !fits) return api.getAllForDomain(domain, storeId);
    const taken = early;
    early = undefined;
    return taken;
  };
  return primed;
}
