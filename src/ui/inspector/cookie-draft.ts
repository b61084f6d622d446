// The edit form's state and its translation to a CookieRecord. Validation is core's
// refusalReason: the same words the restore uses, before the browser is even asked.
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import { refusalReason } from '../../core/cookies/set-details.ts';
import { msg, type UserMessage } from '../../core/user-error.ts';
import type { Flavour } from '../../core/flavour.ts';

/** The cookie's own fields, plus the form's way of holding expiry and partition. */
export interface CookieDraft extends Pick<
  CookieRecord,
  'name' | 'value' | 'domain' | 'hostOnly' | 'path' | 'secure' | 'httpOnly' | 'sameSite' | 'session' | 'storeId'
> {
  /** `<input type="datetime-local">` value, local time. */
  expires: string;
  partitioned: boolean;
  topLevelSite: string;
}

function localInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function draftFromCookie(c: CookieRecord, now: number): CookieDraft {
  return {
    name: c.name,
    value: c.value,
    domain: c.domain.replace(/^\./, ''),
    hostOnly: c.hostOnly,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite,
    session: c.session,
    expires: localInput(c.expirationDate !== undefined ? c.expirationDate * 1000 : now + 7 * 86_400_000),
    partitioned: !!c.partitionKey,
    topLevelSite: c.partitionKey?.topLevelSite ?? '',
    storeId: c.storeId,
  };
}

export function newDraft(pageUrl: string, storeId: string, now: number): CookieDraft {
  let host = '';
  let secure = true;
  try {
    const u = new URL(pageUrl);
    host = u.hostname;
    secure = u.protocol === 'https:';
  } catch {
    // an address without a host: the person types the domain
  }
  return {
    name: '',
    value: '',
    domain: host,
    hostOnly: true,
    path: '/',
    secure,
    httpOnly: false,
    sameSite: 'lax',
    session: true,
    expires: localInput(now + 7 * 86_400_000),
    partitioned: false,
    topLevelSite: '',
    storeId,
  };
}

export function cookieFromDraft(d: CookieDraft, base?: CookieRecord): CookieRecord {
  const c: CookieRecord = {
    name: d.name.trim(),
    value: d.value,
    domain: d.hostOnly ? d.domain.trim().replace(/^\./, '') : `.${d.domain.trim().replace(/^\./, '')}`,
    hostOnly: d.hostOnly,
    path: d.path.trim() || '/',
    secure: d.secure,
    httpOnly: d.httpOnly,
    sameSite: d.sameSite,
    session: d.session,
    storeId: d.storeId,
  };
  if (!d.session) {
    const ms = new Date(d.expires).getTime();
    c.expirationDate = Number.isFinite(ms) ? Math.round(ms / 1000) : NaN;
  }
  if (d.partitioned) {
    c.partitionKey = { topLevelSite: d.topLevelSite.trim() };
    if (
      base?.partitionKey?.hasCrossSiteAncestor !== undefined &&
      base.partitionKey.topLevelSite === c.partitionKey.topLevelSite
    ) {
      c.partitionKey.hasCrossSiteAncestor = base.partitionKey.hasCrossSiteAncestor;
    }
  }
  if (base?.firstPartyDomain !== undefined) c.firstPartyDomain = base.firstPartyDomain;
  return c;
}

/** Why the browser would refuse the draft; undefined when it looks fine. */
export function draftProblem(d: CookieDraft, browser: Flavour, now: number): UserMessage | undefined {
  if (!d.name.trim()) return msg('inspDraftNoName');
  if (!d.domain.trim()) return msg('inspDraftNoDomain');
  if (!d.session && !Number.isFinite(new Date(d.expires).getTime())) return msg('inspDraftBadExpiry');
  if (d.partitioned && !/^https?:\/\/[^/]+$/.test(d.topLevelSite.trim())) return msg('inspDraftNoTopLevelSite');
  return refusalReason(cookieFromDraft(d), { browser, now });
}
