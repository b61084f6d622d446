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

const encoder = new TextEncoder();

export function nameValueBytes(c: { name: string; value: string }): number {
  return encoder.encode(c.name).length + encoder.encode(c.value).length;
}
