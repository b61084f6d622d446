// Whether an export may use the passphrase typed so far. A typo in a passphrase nobody can check
// makes the exported cookies unrecoverable, so it is typed twice; a guessable one protects nothing
// once the file leaves the machine (it can be attacked offline), so it needs an explicit "use it
// anyway". No passphrase at all is fine: the cookies are then left out of the file.
import type { Strength } from '../../components/passphrase-strength.ts';

/** zxcvbn's "safely unguessable: moderate protection from offline slow-hash scenario". */
export const STRONG_ENOUGH = 3;

export interface PassphraseInput {
  passphrase: string;
  confirm: string;
  strength: Strength;
  useWeakAnyway: boolean;
}

export type PassphraseProblem = 'confirm' | 'mismatch' | 'checking' | 'weak';

export type PassphraseGate = { ok: true; cookies: boolean } | { ok: false; problem: PassphraseProblem };

/** Weak, or of a strength we could not measure: the person has to say they want it anyway. */
export function isWeak(strength: Strength): boolean {
  return strength === 'unknown' || (typeof strength === 'number' && strength < STRONG_ENOUGH);
}

export function passphraseGate({ passphrase, confirm, strength, useWeakAnyway }: PassphraseInput): PassphraseGate {
  if (passphrase === '') return { ok: true, cookies: false };
  // The mismatch first: it is a mistake; weakness is a choice.
  if (confirm === '') return { ok: false, problem: 'confirm' };
  if (confirm !== passphrase) return { ok: false, problem: 'mismatch' };
  if (strength === 'pending') return { ok: false, problem: 'checking' };
  if (isWeak(strength) && !useWeakAnyway) return { ok: false, problem: 'weak' };
  return { ok: true, cookies: true };
}
