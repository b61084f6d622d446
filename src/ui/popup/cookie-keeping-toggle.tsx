// The popup's compact "Keep session cookies" switch, with its one-line reason and, when keeping
// is off although asked for, why.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../shared/client.ts';
import type { CookieKeepingStatus } from '../../shared/messages/keeping-messages.ts';
import { keepingStatusText, switchKeeping } from '../components/keeping-switch.ts';
import { t } from '../i18n.ts';

export function CookieKeepingToggle({ onError }: { onError: (e: unknown) => void }) {
  const [status, setStatus] = useState<CookieKeepingStatus | undefined>(undefined);
  const [busy, setBusy] = useState(false);

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
  // Asked for but not running (permission denied or taken back): say so, and let a click ask again.
  const problem = status.keep && !status.active;
  return (
    <div class="keep-cookies">
      <label title={t('keepCookiesReason')}>
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
