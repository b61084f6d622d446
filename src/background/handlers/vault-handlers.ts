// The cookie vault lock: thin adapters over the worker's CookieVault.
import type { Handlers } from '../../shared/protocol.ts';
import type { WorkerContext } from '../context.ts';

type VaultHandlers = Pick<Handlers, `vault.${string}` & keyof Handlers>;

export function vaultHandlers({ vault }: WorkerContext): VaultHandlers {
  return {
    'vault.status': () => vault.status(),
    'vault.turnOn': ({ passphrase }) => vault.turnOn(passphrase),
    'vault.unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault.lock': () => vault.lock(),
    'vault.changePassphrase': ({ current, next }) => vault.changePassphrase(current, next),
    'vault.turnOff': ({ passphrase }) => vault.turnOff(passphrase),
    'vault.forget': () => vault.forget(),
  };
}
