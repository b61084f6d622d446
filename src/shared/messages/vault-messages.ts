// Messages of the cookie vault lock: its state, turning it on or off, unlocking, locking, changing
// the passphrase, and forgetting it (every kept cookie deleted, sessions kept).
import type { CookieRestoreReport } from './keeping-messages.ts';

export type VaultState = 'off' | 'locked' | 'unlocked';

export interface VaultStatus {
  state: VaultState;
  /** Characters a new passphrase needs at least. */
  minChars: number;
}

type Empty = Record<string, never>;

export interface VaultMessages {
  'vault.status': { req: Empty; res: VaultStatus };
  /** Every kept cookie is sealed again under the passphrase's keys; unlocked afterwards. */
  'vault.turnOn': { req: { passphrase: string }; res: VaultStatus };
  /**
   * `cookies`: restores of this browser run that found their session's cookies locked (a Recover
   * after a restart) get them put back at once; what happened to them.
   */
  'vault.unlock': { req: { passphrase: string }; res: VaultStatus & { cookies?: CookieRestoreReport } };
  'vault.lock': { req: Empty; res: VaultStatus };
  'vault.changePassphrase': { req: { current: string; next: string }; res: VaultStatus };
  /** Asks the passphrase: every kept cookie is sealed again under a new default key. */
  'vault.turnOff': { req: { passphrase: string }; res: VaultStatus };
  /** The passphrase is lost: every kept cookie is deleted, sessions stay, the lock is off. */
  'vault.forget': { req: Empty; res: VaultStatus };
}
