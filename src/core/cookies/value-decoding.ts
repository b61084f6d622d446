// Cookie values are often URL-encoded and/or base64: the audit needs to see what they carry and
// the token heuristics need to know whether they are random bytes or encoded text.
import { msg, type UserMessage } from '../user-error.ts';

export function safeDecodeUri(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
// Not `fatal`: invalid UTF-8 comes out with U+FFFD, which printableText rejects anyway. A fatal
// decoder throws instead, and random bytes are the common case: with 5,000 cookies those
// exceptions alone took ~60 ms of the inspector's first rows.
const utf8 = new TextDecoder('utf-8');

/** base64 or base64url decoded to bytes, or undefined when the value is neither. */
export function decodeBase64Bytes(value: string): Uint8Array | undefined {
  if (value.length < 4 || !(BASE64.test(value) || BASE64URL.test(value))) return undefined;
  let b64 = value.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (b64.length % 4 === 1) return undefined;
  b64 += '='.repeat((4 - (b64.length % 4)) % 4);
  try {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** Text that the bytes spell when they are valid UTF-8 with no control characters but whitespace. */
export function printableText(bytes: Uint8Array): string | undefined {
  const text = utf8.decode(bytes);
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(text) ? undefined : text;
}

export function decodeBase64Text(value: string): string | undefined {
  const bytes = decodeBase64Bytes(value);
  return bytes && bytes.length > 0 ? printableText(bytes) : undefined;
}

/** The value as stored, URL-decoded, and base64-decoded from either: every reading worth checking. */
export function valueReadings(value: string): { how: UserMessage; text: string }[] {
  const out: { how: UserMessage; text: string }[] = [{ how: msg('valueAsStored'), text: value }];
  const seen = new Set([value]);
  const add = (how: UserMessage, text: string | undefined): void => {
    if (text !== undefined && !seen.has(text)) {
      seen.add(text);
      out.push({ how, text });
    }
  };
  const uri = safeDecodeUri(value);
  add(msg('valueUrlDecoded'), uri);
  add(msg('valueBase64Decoded'), decodeBase64Text(value));
  if (uri !== value) add(msg('valueUrlThenBase64Decoded'), decodeBase64Text(uri));
  return out;
}

export interface JwtReading {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A JWS compact token whose header and claims are plain JSON (not an encrypted JWE). */
export function readJwt(value: string): JwtReading | undefined {
  const v = value.trim().replace(/^Bearer\s+/i, '');
  if (!JWT.test(v)) return undefined;
  const [h, p] = v.split('.');
  const header = jsonObject(decodeBase64Text(h ?? ''));
  const claims = jsonObject(decodeBase64Text(p ?? ''));
  if (!header || !claims || typeof header['alg'] !== 'string') return undefined;
  return { header, claims };
}

/** A JSON object or array (bare numbers, strings and booleans are JSON too, but carry nothing). */
export function parseJsonStructure(text: string): object | undefined {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    if (Array.isArray(v)) return v.length > 0 ? v : undefined;
    if (typeof v === 'object' && v !== null) return Object.keys(v).length > 0 ? v : undefined;
  } catch {
    return undefined;
  }
  return undefined;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

export function findEmail(text: string): string | undefined {
  return EMAIL.exec(text)?.[0];
}
