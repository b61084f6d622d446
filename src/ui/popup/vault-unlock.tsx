// While the cookie vault is locked: a line saying so and **Unlock cookies**, which opens an inline
// passphrase field. Unlocking puts back the cookies of a session restored while locked (a Recover
// after a browser restart), when there is one.
import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../../shared/client.ts';
import type { VaultState } from '../../shared/messages/vault-messages.ts';
import { cookieRestoreText } from '../components/keeping-switch.ts';
import { errorText } from '../error-text.ts';
import { t } from '../i18n.ts';

interface Props {
  /** A session whose cookies were left locked by its restore: put back after unlocking. */
  lockedSessionId: string | undefined;
  onUnlocked(text: string): void;
  onError(e: unknown): void;
}

export function VaultUnlock({ lockedSessionId, onUnlocked, onError }: Props) {
  const [state, setState] = useState<VaultState | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    call('vault.status', {}).then((s) => setState(s.state), onError);
  }, [lockedSessionId]);
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);

  if (state !== 'locked') return null;

  const unlock = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem('');
    try {
      await call('vault.unlock', { passphrase });
    } catch (err) {
      // A wrong passphrase is said beside the field, which keeps what was typed for a correction.
      setProblem(errorText(err));
      setBusy(false);
      return;
    }
    setPassphrase('');
    setOpen(false);
    setBusy(false);
    setState('unlocked');
    if (!lockedSessionId) return onUnlocked(t('vaultUnlocked'));
    try {
      const r = await call('keeping.restoreCookies', { sessionId: lockedSessionId });
      onUnlocked(`${t('vaultUnlocked')} ${cookieRestoreText(r)}`.trim());
    } catch (err) {
      onError(err);
    }
  };

  return (
    <section class="vault-unlock" aria-label={t('vaultUnlockButton')}>
      {open ? (
        <form onSubmit={(e) => void unlock(e)}>
          <label>
            {t('vaultPassphrase')}
            <input
              ref={field}
              type="password"
              autocomplete="current-password"
              value={passphrase}
              aria-invalid={problem ? 'true' : undefined}
              aria-describedby={problem ? 'vault-unlock-problem' : undefined}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="primary" disabled={busy || passphrase.length === 0}>
            {t('vaultUnlockSubmit')}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('vaultCancel')}
          </button>
          {problem && (
            <p id="vault-unlock-problem" class="warn" role="alert">
              {problem}
            </p>
          )}
        </form>
      ) : (
        <>
          <p>{lockedSessionId ? t('cookiesLockedRestore') : t('vaultPopupLocked')}</p>
          <button type="button" class="primary" onClick={() => setOpen(true)}>
            {t('vaultUnlockButton')}
          </button>
        </>
      )}
    </section>
  );
}
