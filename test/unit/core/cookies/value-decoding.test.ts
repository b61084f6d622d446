// What a cookie value spells once decoded: the audit reads the text, the token heuristics the bytes.
import { describe, expect, it } from 'vitest';
import { decodeBase64Text, printableText, valueReadings } from '../../../../src/core/cookies/value-decoding.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('a decoded cookie value', () => {
  it('is text when the bytes are UTF-8 without control characters, accents and tabs included', () => {
    expect(printableText(new TextEncoder().encode('café\tau lait'))).toBe('café\tau lait');
    expect(decodeBase64Text(btoa('{"user":"ana"}'))).toBe('{"user":"ana"}');
    expect(decodeBase64Text(btoa('{"user":"ana"}').replace(/=+$/, ''))).toBe('{"user":"ana"}');
  });

  it('is not text when the bytes are not UTF-8, or spell control characters', () => {
    expect(printableText(bytes(0xc3, 0x28))).toBeUndefined(); // a broken two-byte sequence
    expect(printableText(bytes(0x80, 0x41))).toBeUndefined(); // a lone continuation byte
    expect(printableText(bytes(0xed, 0xa0, 0x80))).toBeUndefined(); // a UTF-16 surrogate
    expect(printableText(bytes(0x41, 0x00, 0x42))).toBeUndefined();
    // A session id in hex reads as base64url, and decodes to random bytes.
    expect(decodeBase64Text('9f2c4e1ab37d4c0e8a1f6b2d3c4e5f60')).toBeUndefined();
  });

  it('lists every distinct reading of a value: as stored, URL-decoded, base64-decoded', () => {
    const value = encodeURIComponent(btoa('id=7; role=admin'));
    expect(valueReadings(value).map((r) => r.text)).toEqual([value, btoa('id=7; role=admin'), 'id=7; role=admin']);
  });
});
