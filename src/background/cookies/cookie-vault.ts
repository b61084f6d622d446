// The cookie vault lock in the worker: its switches, run in turn with cookie keeping (so no capture
// is half-written under a key being replaced), and the unlocked secret kept in storage.session so
// a worker restart stays unlocked while a browser restart locks again. The keys themselves are the
// store's (store/cookie-vault.ts, store/cookie-keyring.ts).
import { MIN_PASSPHRASE_CHARS, type SecretHolder } from '../../store/store.ts';
import type { KeyValueArea } from '../../platform/types.ts';
import type { CookieRestoreReport } from '../../shared/messages/keeping-messages.ts';
import type { VaultStatus } from '../../shared/messages/vault-messages.ts';
import type { WorkerContext } from '../context.ts';

const SECRET_KEY = 'tabularium.vault';

/** storage.session as the store's SecretHolder; '' stands for none (storage cannot hold undefined). */
export function sessionSecretHolder(area: KeyValueArea): SecretHolder {
  return {
    get: async () => (await area.get<string>(SECRET_KEY)) || undefined,
    set: (value) => area.set(SECRET_KEY, value ?? ''),
  };
}

export class CookieVault {
  constructor(private readonly ctx: WorkerContext) {}

  async status(): Promise<VaultStatus> {
    const { state } = await this.ctx.store.vault.info();
    return { state, minChars: MIN_PASSPHRASE_CHARS };
  }

  /** True while the lock is on and locked: nothing can seal or open a cookie. */
  async locked(): Promise<boolean> {
    return (await this.ctx.store.vault.info()).state === 'locked';
  }

  turnOn(passphrase: string): Promise<VaultStatus> {
    return this.switching(() => this.ctx.store.vault.turnOn(passphrase));
  }

  /** Unlocks, then puts back the cookies that restores of this browser run found locked. */
  async unlock(passphrase: string): Promise<VaultStatus & { cookies?: CookieRestoreReport }> {
    const status = await this.switching(() => this.ctx.store.vault.unlock(passphrase));
    const cookies = await this.ctx.cookieJars.restoreWaiting();
    return cookies ? { ...status, cookies } : status;
  }

  lock(): Promise<VaultStatus> {
    return this.switching(() => this.ctx.store.vault.lock());
  }

  changePassphrase(current: string, next: string): Promise<VaultStatus> {
    return this.switching(() => this.ctx.store.vault.changePassphrase(current, next));
  }

  turnOff(passphrase: string): Promise<VaultStatus> {
    return this.switching(() => this.ctx.store.vault.turnOff(passphrase));
  }

  forget(): Promise<VaultStatus> {
    return this.switching(() => this.ctx.store.vault.forget());
  }

  /** Runs a switch between two keeping captures; keeping then looks at everything again. */
  private async switching(work: () => Promise<void>): Promise<VaultStatus> {
    try {
      await this.ctx.keeper.alone(work);
    } finally {
      this.ctx.keeper.refresh();
    }
    return this.status();
  }
}
