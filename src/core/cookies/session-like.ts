// Which cookies look like they keep someone logged in. The stricter audit rules (Secure,
// HttpOnly, SameSite, lifetime, entropy) apply only to those, so false positives cost trust:
// analytics, consent and CSRF cookies are excluded on purpose — a double-submit CSRF cookie must
// stay readable by scripts, and telling people to make it HttpOnly would break their site.
import { counted, msg, type Substitution, type UserMessage } from '../user-error.ts';
import type { CookieRecord } from './cookie-record.ts';
import { estimateEntropyBits } from './entropy.ts';
import { decodeBase64Text, readJwt, safeDecodeUri } from './value-decoding.ts';

/**
 * Default session cookie names of well-known frameworks (name fingerprinting, audit rule 10).
 * Product names stay as they are; the descriptions are messages.
 */
const FRAMEWORK_NAMES: readonly (readonly [RegExp, Substitution])[] = [
  [/^JSESSIONID$/i, msg('frameworkJavaServlets')],
  [/^PHPSESSID$/i, 'PHP'],
  [/^ASP\.NET_SessionId$/i, 'ASP.NET'],
  [/^ASPSESSIONID[A-Z]{8}$/i, msg('frameworkClassicAsp')],
  [/^\.ASPXAUTH$/i, msg('frameworkAspNetForms')],
  [/^\.AspNetCore\.(Session|Cookies|Identity\.Application)$/i, 'ASP.NET Core'],
  [/^CFID$/i, 'ColdFusion'],
  [/^CFTOKEN$/i, 'ColdFusion'],
  [/^connect\.sid$/i, 'Express (express-session)'],
  [/^(express|koa)[:.]sess$/i, msg('frameworkExpressKoaCookies')],
  [/^CGISESSID$/i, 'Perl CGI::Session'],
  [/^laravel_session$/i, 'Laravel'],
  [/^_session_id$/i, 'Ruby on Rails'],
  [/^rack\.session$/i, 'Rack'],
  [/^sessionid$/i, 'Django'],
  [/^session$/i, 'Flask'],
  [/^ci_session$/i, 'CodeIgniter'],
  [/^S?SESS[0-9a-f]{32}$/i, 'Drupal'],
  [/^PLAY_SESSION$/i, 'Play Framework'],
  [/^MoodleSession$/i, 'Moodle'],
  [/^wordpress_(logged_in|sec)_[0-9a-f]+$/i, 'WordPress'],
  [/^(__Secure-)?(next-auth|authjs)\.session-token$/i, 'NextAuth.js / Auth.js'],
];

/** Cookies whose names say they are not logins, whatever their values look like. */
const NOT_SESSION =
  /^(_ga(_.*)?|_gid|_gat.*|_gcl_.*|__utm.*|_fbp|_fbc|_hj.*|ajs_.*|amplitude.*|mp_.*|_pk_.*|_uet(sid|vid)|_clck|_clsk|_ttp|_pin_unauth|__hs.*|hubspotutk|_dc_gtm_.*|optanon.*|euconsent.*|cookieconsent.*|cookielawinfo.*|.*csrf.*|.*xsrf.*|__cf_bm|_cfuvid|awsalb.*|awselb.*)$/i;

// Words that contain "sess" and have nothing to do with sessions.
const SESS_FALSE_FRIENDS = /(pos|as|ob)sess/g;

function withoutPrefix(name: string): string {
  return name.replace(/^__(host|secure)-/i, '');
}

/** Words of a cookie name: split at punctuation and camelCase ("userAuthToken" → user, auth, token). */
export function nameWords(name: string): string[] {
  return withoutPrefix(name)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export function frameworkOf(name: string): Substitution | undefined {
  for (const [re, framework] of FRAMEWORK_NAMES) if (re.test(name)) return framework;
  return undefined;
}

function nameReason(name: string): UserMessage | undefined {
  const bare = withoutPrefix(name).toLowerCase();
  if (bare.replace(SESS_FALSE_FRIENDS, '').includes('sess')) return msg('sessionLikeNameSess', name);
  const words = nameWords(name);
  // "sid", "SSID", "APISID", "3PSID" — but not "sidebar" or "inside".
  if (words.some((w) => /^[a-z0-9]{0,4}sid$/.test(w))) return msg('sessionLikeNameSid', name);
  if (words.some((w) => w.includes('token') || w === 'jwt')) return msg('sessionLikeNameToken', name);
  if (words.some((w) => w.includes('auth') && !/^(author(s|ed|ing)?|unauth.*)$/.test(w))) {
    return msg('sessionLikeNameAuth', name);
  }
  return undefined;
}

/** Minimum estimated entropy for a value alone to make a cookie look like a session token. */
export const OPAQUE_TOKEN_MIN_BITS = 64;
export const OPAQUE_TOKEN_MIN_LENGTH = 16;

/** Why the value looks like a random token, or undefined. */
export function opaqueTokenReason(value: string): UserMessage | undefined {
  const v = safeDecodeUri(value).trim();
  if (readJwt(v)) return msg('sessionLikeJwt');
  if (v.length < OPAQUE_TOKEN_MIN_LENGTH) return undefined;
  // Hex or base64/base64url, UUID dashes allowed; dots and spaces mean structured data instead.
  if (!/^[A-Za-z0-9_+/-]+={0,2}$/.test(v)) return undefined;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(v)).length;
  if (classes < 2) return undefined;
  // Base64 of readable text (a name, a JSON blob) is data, not a random identifier.
  if (!/^[0-9a-f-]+$/i.test(v) && decodeBase64Text(v) !== undefined) return undefined;
  const bits = estimateEntropyBits(v);
  if (bits < OPAQUE_TOKEN_MIN_BITS) return undefined;
  return counted(Math.round(bits), 'sessionLikeRandomOne', 'sessionLikeRandomOther');
}

/**
 * Why this cookie looks like a session token (a sentence fragment such as `its name "sid" is a
 * usual session-ID name`), or undefined when it does not.
 */
export function sessionLikeReason(c: Pick<CookieRecord, 'name' | 'value'>): UserMessage | undefined {
  const framework = frameworkOf(c.name);
  if (framework) return msg('sessionLikeFramework', c.name, framework);
  if (NOT_SESSION.test(withoutPrefix(c.name))) return undefined;
  return nameReason(c.name) ?? opaqueTokenReason(c.value);
}

export function isSessionLike(c: Pick<CookieRecord, 'name' | 'value'>): boolean {
  return sessionLikeReason(c) !== undefined;
}
