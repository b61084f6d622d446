// A cookie as Tabularium keeps it: every field `cookies.set` needs to put it back exactly.
// The value is plain text here (core is pure logic); the store encrypts it at rest.

export type SameSite = 'no_restriction' | 'lax' | 'strict' | 'unspecified';

export interface PartitionKey {
  topLevelSite?: string;
  hasCrossSiteAncestor?: boolean;
}

export interface CookieRecord {
  name: string;
  value: string;
  /** As the browser reports it: a leading dot for domain cookies on some browsers, none for host-only. */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite;
  /** True when the cookie dies with the browser (no expirationDate). */
  session: boolean;
  /** Seconds since the epoch; absent for session cookies. */
  expirationDate?: number;
  storeId: string;
  partitionKey?: PartitionKey;
  /** Firefox first-party isolation; '' when not isolated. */
  firstPartyDomain?: string;
}

/** Identity of a cookie in the browser: two records with the same key are the same cookie. */
export function cookieKey(
  c: Pick<CookieRecord, 'name' | 'domain' | 'path' | 'storeId' | 'partitionKey' | 'firstPartyDomain'>,
): string {
  return [
    c.storeId,
    c.domain,
    c.path,
    c.name,
    c.partitionKey?.topLevelSite ?? '',
    c.partitionKey?.hasCrossSiteAncestor ? '1' : '',
    c.firstPartyDomain ?? '',
  ].join('\u0000');
}
