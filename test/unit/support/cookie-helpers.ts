// Test helpers for the cookie stores: a cookie factory and a raw dump of the whole database.
import { unwrap } from 'idb';
import type { CookieRecord } from '../../../src/core/cookies/cookie-record.ts';
import type { DB } from '../../../src/store/db.ts';
import { cookie as baseCookie } from './make-cookie.ts';

/** A session cookie of example.test: the cookie tests' factory with store-test defaults. */
export function cookie(over: Partial<CookieRecord> = {}): CookieRecord {
  return baseCookie({ name: 'sid', value: 'v', domain: 'example.test', ...over });
}

/**
 * Every key and value of every object store, as text. Binary data appears decoded every way a
 * secret could hide in it (latin1, UTF-8, UTF-16LE, base64), so a search of the text finds it.
 */
export async function dumpDatabase(db: DB): Promise<string> {
  // The raw database, not idb's wrapper (which turns requests into promises): cursors by hand.
  const raw = unwrap(db);
  const names = [...raw.objectStoreNames];
  const out: string[] = [];
  const tx = raw.transaction(names, 'readonly');
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const req = tx.objectStore(name).openCursor();
          req.onerror = () => reject(req.error ?? new Error('cursor failed'));
          req.onsuccess = () => {
            const c = req.result;
            if (!c) return resolve();
            out.push(`[${name}] ${serialise(c.key)} => ${serialise(c.value)}`);
            c.continue();
          };
        }),
    ),
  );
  return out.join('\n');
}

function serialise(x: unknown, seen = new Set<unknown>()): string {
  if (x instanceof ArrayBuffer) return bytesText(new Uint8Array(x));
  if (ArrayBuffer.isView(x)) return bytesText(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
  if (typeof x === 'string') return JSON.stringify(x) + ' ' + x;
  if (typeof x !== 'object' || x === null) return String(x);
  if (seen.has(x)) return '<cycle>';
  seen.add(x);
  if (x instanceof CryptoKey) return `CryptoKey(${JSON.stringify(x.algorithm)}, extractable=${x.extractable})`;
  if (Array.isArray(x)) return `[${x.map((v) => serialise(v, seen)).join(', ')}]`;
  const entries = x instanceof Map ? [...x.entries()] : Object.entries(x);
  return `{${entries.map(([k, v]) => `${serialise(k, seen)}: ${serialise(v, seen)}`).join(', ')}}`;
}

function bytesText(b: Uint8Array): string {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  return [buf.toString('latin1'), buf.toString('utf8'), buf.toString('utf16le'), buf.toString('base64')].join(' | ');
}

/**
 * The forms a secret could take in a dump: itself, UTF-16LE bytes read as latin1, and base64 at
 * each of the 3 alignments (also URL-safe).
 */
export function needles(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const found = [secret, Buffer.from(secret, 'utf16le').toString('latin1')];
  for (let pad = 0; pad < 3; pad++) {
    const b64 = Buffer.concat([Buffer.alloc(pad), bytes]).toString('base64');
    // Drop the characters that mix in the padding bytes or the unknown bytes after the secret.
    const core = b64.slice(pad ? 4 : 0, -4);
    found.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return found;
}
