// Base64 for byte arrays of any size. btoa/atob take "binary strings"; building one with a single
// String.fromCharCode(...bytes) call overflows the stack on big payloads, so work in chunks.

const CHUNK = 0x6000; // a multiple of 3, so chunk encodings concatenate without padding in between

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const chunk = bytes.subarray(i, i + CHUNK);
    let bin = '';
    for (let j = 0; j < chunk.length; j++) bin += String.fromCharCode(chunk[j] ?? 0);
    parts.push(btoa(bin));
  }
  return parts.join('');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isBase64(s: string): boolean {
  return BASE64.test(s);
}

/** Bytes that padded base64 of this length holds (no decoding; meaningful only when isBase64). */
export function base64ByteLength(s: string): number {
  return Math.floor(s.length / 4) * 3 - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0);
}

/** Throws on anything that is not canonical padded base64 (callers wrap it in their own error). */
export function base64ToBytes(s: string): Uint8Array {
  if (!isBase64(s)) throw new Error('not base64');
  const out = new Uint8Array((s.length / 4) * 3 - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0));
  let o = 0;
  // Decode in chunks of whole 4-character groups to keep each binary string small.
  const step = (CHUNK / 3) * 4;
  for (let i = 0; i < s.length; i += step) {
    const bin = atob(s.slice(i, i + step));
    for (let j = 0; j < bin.length; j++) out[o++] = bin.charCodeAt(j);
  }
  return out;
}
