// Session cookies in the popup. `optIn` (the first-run card): the "Keep session cookies" switch with
// its one-line reason; its home is the settings page. Otherwise only what needs the person now:
// keeping asked for but not running, and why; a locked cookie vault, with a passphrase field and
// **Unlock cookies** (the worker then puts back the cookies that restores found locked).
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../shared/client.ts';
import type { CookieKeepingStatus } from '../../shared/messages/keeping-messages.ts';
import { cookieRestoreText, keepingStatusText, switchKeeping } from '../components/keeping-switch.ts';
import { t } from '../i18n.ts';

interface Props {
  optIn?: boolean;
  onError: (e: unknown) => void;
  onInfo: (t: string) => void;
}

export function CookieKeepingToggle({ optIn = false, onError, onInfo }: Props) {
  const [status, setStatus] = useState<CookieKeepingStatus | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [passphrase, setPassphrase] = useState('');

  useEffect(() => {
    call('keeping.status', {}).then(setStatus, onError);
  }, []);

  if (!status) return null;
  const toggle = (on: boolean) => {
    setBusy(true);
    // No await before switchKeeping: it asks for the permission inside this click.
    switchKeeping(on, status)
      .then(setStatus, onError)
      .finally(() => setBusy(false));
  };
  // A wrong passphrase goes to the status line; the field keeps what was typed.
  const unlock = async (e: Event) => {
    e.preventDefault();
    try {
      const { cookies } = await call('vault.unlock', { passphrase });
      setStatus(await call('keeping.status', {}));
      onInfo(`${t('vaultUnlocked')} ${cookieRestoreText(cookies)}`.trim());
    } catch (err) {
      onError(err);
    }
  };
  // Asked for but not running (permission denied or taken back): say so, and let a click ask again.
  const problem = status.keep && !status.active;
  if (optIn) {
    return (
      <div class="keep-cookies">
        <label>
          <input
            type="checkbox"
            checked={status.active}
            disabled={busy}
            onChange={(e) => toggle(e.currentTarget.checked)}
          />
          {t('keepCookiesLabel')}
        </label>
        <small class={problem ? 'warn' : ''}>{problem ? keepingStatusText(status) : t('keepCookiesReason')}</small>
      </div>
    );
  }
  if (!problem && !status.locked) return null;
  return (
    <div class="keep-cookies">
      {problem && !status.locked && (
        <label class="warn">
          <input
            type="checkbox"
            checked={status.active}
            disabled={busy}
            onChange={(e) => toggle(e.currentTarget.checked)}
          />
          {keepingStatusText(status)}
        </label>
      )}
      {status.locked && (
        <form class="row" onSubmit={(e) => void unlock(e)}>
          <input
            type="password"
            aria-label={t('vaultPassphrase')}
            placeholder={t('vaultPassphrase')}
            value={passphrase}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
          <button type="submit" class="primary">
            {t('vaultUnlock')}
          </button>
        </form>
      )}
    </div>
  );
}
