// Numbers the browsers enforce (REFERENCE "Cookies"; RFC 6265bis). Kept together so the audit
// and the restore checks cannot disagree.

/** Chrome drops a cookie whose name plus value exceeds this many bytes (UTF-8). */
export const MAX_NAME_VALUE_BYTES = 4096;
/** Close enough to the limit that one more attribute or a longer value tips it over. */
export const WARN_NAME_VALUE_BYTES = 3500;
/** Chrome keeps at most this many cookies per registrable domain and evicts the rest. */
export const MAX_COOKIES_PER_DOMAIN = 180;
export const MANY_COOKIES_PER_DOMAIN = 50;
/** RFC 6265bis caps Expires/Max-Age at 400 days from when the cookie is set. */
export const MAX_LIFETIME_DAYS = 400;

/**
 * UTF-8 length, as TextEncoder would encode the string (a lone surrogate becomes U+FFFD, 3 bytes),
 * counted without encoding: the inspector sizes thousands of cookies before its first paint.
 */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

export function nameValueBytes(c: { name: string; value: string }): number {
  return utf8Length(c.name) + utf8Length(c.value);
}
