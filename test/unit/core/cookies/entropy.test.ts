import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { alphabetBits, estimateEntropyBits } from '../../../../src/core/cookies/entropy.ts';

describe('estimateEntropyBits', () => {
  it('counts 4 bits per hex character: 32 hex = 128 bits, 16 hex = 64', () => {
    expect(estimateEntropyBits('9f86d081884c7d659a2feaa0c55ad015')).toBe(128);
    expect(estimateEntropyBits('2C26B46B68FFC68FF99B453C1D304134')).toBe(128);
    expect(estimateEntropyBits('9f86d081884c7d65')).toBe(64);
  });

  it('rates short values low', () => {
    expect(estimateEntropyBits('abc123')).toBe(24);
    expect(estimateEntropyBits('')).toBe(0);
    expect(estimateEntropyBits('en')).toBeLessThan(16);
  });

  it('gives base64url about 6 bits a character', () => {
    expect(alphabetBits('Ab9_-')).toBe(6);
    const v = 'kJ3nQ8zR_x2-LmP0aVt7Yw';
    expect(estimateEntropyBits(v)).toBeCloseTo(22 * 6, 0);
  });

  it('counts a UUID by its hex digits, not its dashes', () => {
    // 32 hex digits; the run "6543" costs its last digit.
    expect(estimateEntropyBits('a3bb189e-8bf9-3888-9912-ace4e6543002')).toBe(124);
    expect(estimateEntropyBits('9f86d081-884c-7d65-9a2f-eaa0c55ad015')).toBe(128);
  });

  it('counts digits-only values at log2(10) bits a character', () => {
    expect(alphabetBits('123')).toBeCloseTo(Math.log2(10));
  });

  it('is much lower for repetitive values', () => {
    expect(estimateEntropyBits('a'.repeat(32))).toBeLessThan(8);
    expect(estimateEntropyBits('ab'.repeat(16))).toBeLessThan(16);
    expect(estimateEntropyBits('aaaaaaaaaaaaaaab')).toBeLessThan(16);
    expect(estimateEntropyBits('0123456789abcdef')).toBeLessThan(32);
    expect(estimateEntropyBits('1700000000000')).toBeLessThan(16);
    expect(estimateEntropyBits('abcabcabcabcabcX')).toBeLessThan(64);
  });

  it('does not mistake real random tokens for weak ones', () => {
    for (let i = 0; i < 500; i++) {
      expect(estimateEntropyBits(randomBytes(16).toString('hex'))).toBeGreaterThanOrEqual(100);
      expect(estimateEntropyBits(randomBytes(16).toString('base64url'))).toBeGreaterThanOrEqual(100);
    }
  });
});
