import { describe, expect, it } from 'vitest';
import {
  isWeak,
  passphraseGate,
  type PassphraseInput,
} from '../../../../../src/ui/options/import-export/passphrase-gate.ts';

const input = (over: Partial<PassphraseInput>): PassphraseInput => ({
  passphrase: 'correct horse battery staple',
  confirm: 'correct horse battery staple',
  strength: 4,
  useWeakAnyway: false,
  ...over,
});

describe('passphraseGate', () => {
  it('lets an export without a passphrase through, without cookies', () => {
    expect(passphraseGate(input({ passphrase: '', confirm: '', strength: 0 }))).toEqual({ ok: true, cookies: false });
  });

  it('lets a strong passphrase typed twice through, with cookies', () => {
    expect(passphraseGate(input({}))).toEqual({ ok: true, cookies: true });
    expect(passphraseGate(input({ strength: 3 }))).toEqual({ ok: true, cookies: true });
  });

  it('asks for the confirmation, then blocks a mismatch however strong', () => {
    expect(passphraseGate(input({ confirm: '' }))).toEqual({ ok: false, problem: 'confirm' });
    expect(passphraseGate(input({ confirm: 'correct horse battery stapel' }))).toEqual({
      ok: false,
      problem: 'mismatch',
    });
    // "Use it anyway" is about weakness, never about a typo.
    expect(passphraseGate(input({ confirm: 'x', useWeakAnyway: true }))).toEqual({ ok: false, problem: 'mismatch' });
  });

  it('names the mismatch before the weakness', () => {
    expect(passphraseGate(input({ passphrase: 'a', confirm: 'b', strength: 0 }))).toEqual({
      ok: false,
      problem: 'mismatch',
    });
  });

  it('blocks a weak passphrase (score below 3) until the person says "use it anyway"', () => {
    for (const strength of [0, 1, 2]) {
      expect(passphraseGate(input({ passphrase: 'a', confirm: 'a', strength }))).toEqual({
        ok: false,
        problem: 'weak',
      });
      expect(passphraseGate(input({ passphrase: 'a', confirm: 'a', strength, useWeakAnyway: true }))).toEqual({
        ok: true,
        cookies: true,
      });
    }
  });

  it('waits while the strength is measured, and treats a strength it could not measure as weak', () => {
    expect(passphraseGate(input({ strength: 'pending', useWeakAnyway: true }))).toEqual({
      ok: false,
      problem: 'checking',
    });
    expect(passphraseGate(input({ strength: 'unknown' }))).toEqual({ ok: false, problem: 'weak' });
    expect(passphraseGate(input({ strength: 'unknown', useWeakAnyway: true }))).toEqual({ ok: true, cookies: true });
  });
});

describe('isWeak', () => {
  it('is below 3, or unmeasured', () => {
    expect([0, 1, 2, 3, 4, 'unknown', 'pending'].map((s) => isWeak(s as never))).toEqual([
      true,
      true,
      true,
      false,
      false,
      true,
      false,
    ]);
  });
});
